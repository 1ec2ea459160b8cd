package io.github.synced.example.breakers13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random edits by key of a board's columns, with refusals, another writer, refetches and
 * local collapses. After every step: no refused name is on the server, and every column's collapsed
 * is what the user last set for that column id.
 */
class KanbanRandomizedTest {
  static final int SEEDS = Integer.getInteger("breakers13.seeds", 150);

  @ParameterizedTest
  @ValueSource(strings = {"serverWins", "keepOurs"})
  void randomSchedules(String policy) throws Exception {
    long first = Long.getLong("breakers13.seed", 1L);
    System.out.println(
        "KanbanRandomizedTest " + policy + ": seeds " + first + ".." + (first + SEEDS - 1));
    for (long seed = first; seed < first + SEEDS; seed++) {
      try {
        run(seed, policy);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("seed " + seed + " policy " + policy + ": " + e.getMessage(), e);
      }
    }
  }

  private void run(long seed, String policyName) throws Exception {
    Random rnd = new Random(seed);
    BoardRemote remote = new BoardRemote();
    remote.put(KanbanColumnsTest.board());
    VirtualScheduler clock = new VirtualScheduler();
    ConflictPolicy<Board> policy =
        policyName.equals("serverWins")
            ? ConflictPolicy.serverWins()
            : ConflictPolicy.resolveWithPaths((base, mine, theirs, paths) -> mine);
    SyncStore<Long, Board> store =
        SyncStore.of(BoardSync.TYPE)
            .remote(remote)
            .scheduler(clock)
            .notifyOn(Runnable::run)
            .conflicts(policy)
            .build();
    BoardMutations boards = new BoardMutations(store);
    store.refetch().get(5, TimeUnit.SECONDS);
    Map<Long, Boolean> collapsed = new HashMap<>();
    Set<Long> theyRemoved = new HashSet<>();
    List<Mutation<Long, Board>> made = new ArrayList<>();
    long nextId = 1000;
    int nextKey = 10;
    List<String> trace = new ArrayList<>();
    for (int step = 0; step < 60; step++) {
      Board view = store.get(7L).orElseThrow();
      List<Integer> keys = new ArrayList<>(view.columns.keySet());
      double r = rnd.nextDouble();
      String what;
      try {
        if (r < 0.2 && !keys.isEmpty()) {
          int k = keys.get(rnd.nextInt(keys.size()));
          String name = (rnd.nextInt(5) == 0 ? "BAD" : "N") + step;
          what = "update " + k + " " + name;
          made.add(boards.update(7L, p -> p.editColumns(c -> c.update(k, x -> x.name(name)))));
        } else if (r < 0.3) {
          int k = nextKey++;
          long id = nextId++;
          String name = (rnd.nextInt(5) == 0 ? "BAD" : "C") + step;
          what = "put " + k + " " + id + " " + name;
          made.add(
              boards.update(7L, p -> p.editColumns(c -> c.put(k, new Column(id, name, null)))));
        } else if (r < 0.38 && !keys.isEmpty()) {
          int k = keys.get(rnd.nextInt(keys.size()));
          what = "remove " + k;
          made.add(boards.update(7L, p -> p.editColumns(c -> c.remove(k))));
        } else if (r < 0.48) {
          Board s = remote.board(7L);
          List<Integer> sk = new ArrayList<>(s.columns.keySet());
          int kind = rnd.nextInt(4);
          if (sk.isEmpty() || kind == 0) {
            int k = nextKey++;
            long id = nextId++;
            what = "other puts " + k + " " + id;
            remote.otherWriter(7L, b -> b.columns.put(k, new Column(id, "O" + id, null)));
          } else {
            int k = sk.get(rnd.nextInt(sk.size()));
            if (kind == 1) {
              what = "other renames " + k;
              int st = step;
              remote.otherWriter(7L, b -> b.columns.get(k).name = "T" + st);
            } else if (kind == 2) {
              what = "other removes " + k;
              theyRemoved.add(s.columns.get(k).id);
              remote.otherWriter(7L, b -> b.columns.remove(k));
            } else {
              long id = nextId++;
              what = "other replaces " + k + " by " + id;
              theyRemoved.add(s.columns.get(k).id);
              remote.otherWriter(7L, b -> b.columns.put(k, new Column(id, "R" + id, null)));
            }
          }
        } else if (r < 0.55) {
          what = "refetch";
          store.refetch().get(5, TimeUnit.SECONDS);
        } else if (r < 0.7 && !keys.isEmpty()) {
          int k = keys.get(rnd.nextInt(keys.size()));
          long id = view.columns.get(k).id;
          boolean to = !view.columns.get(k).collapsed;
          what = "collapse " + k + "(" + id + ")=" + to;
          boards.local(7L, b -> b.columns.get(k).collapsed = to);
          collapsed.put(id, to);
        } else if (remote.waiting() > 0) {
          boolean refuse = rnd.nextInt(6) == 0;
          what = refuse ? "answer 422" : "answer";
          remote.answer(refuse ? 422 : 0);
        } else {
          what = "tick";
        }
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException refused) {
        what = "refused at once: " + refused.getMessage();
      }
      clock.advance(Duration.ofSeconds(5));
      trace.add(step + ": " + what + " -> " + store.get(7L).orElseThrow());
      check(seed, store, remote, collapsed, theyRemoved, trace);
    }
    for (int i = 0; i < 200 && !store.pending().isEmpty(); i++) {
      if (remote.waiting() > 0) {
        remote.answer();
      }
      clock.advance(Duration.ofSeconds(5));
      check(seed, store, remote, collapsed, theyRemoved, trace);
    }
    assertTrue(store.pending().isEmpty(), "settled; trace:\n" + String.join("\n", trace));
    store.refetch().get(5, TimeUnit.SECONDS);
    Board view = store.get(7L).orElseThrow();
    Board server = remote.board(7L);
    assertTrue(
        BoardSync.TYPE.syncedEquals(view, server),
        "client " + view + " server " + server + "\n" + String.join("\n", trace));
    assertTrue(view.columns instanceof TreeMap, view.columns.getClass().getName());
    for (Mutation<Long, Board> m : made) {
      assertTrue(m.isSettled(), m.toString());
    }
    check(seed, store, remote, collapsed, theyRemoved, trace);
  }

  private static void check(
      long seed,
      SyncStore<Long, Board> store,
      BoardRemote remote,
      Map<Long, Boolean> collapsed,
      Set<Long> theyRemoved,
      List<String> trace) {
    Board server = remote.board(7L);
    for (Column c : server.columns.values()) {
      assertFalse(
          c.name != null && c.name.contains("BAD"),
          "seed "
              + seed
              + ": a refused name reached the server: "
              + server
              + "\n"
              + String.join("\n", trace));
    }
    Board view = store.get(7L).orElseThrow();
    for (Column c : view.columns.values()) {
      if (theyRemoved.contains(c.id) && !c.collapsed) {
        // README: an element another writer removed that a resolver keeps comes back as a new one
        collapsed.put(c.id, false);
      }
      assertEquals(
          collapsed.getOrDefault(c.id, false),
          c.collapsed,
          "seed "
              + seed
              + ": collapsed of column "
              + c.id
              + " in "
              + view
              + "\n"
              + String.join("\n", trace));
    }
  }
}
