package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random schedules of changes to single subtasks (update, add at an index, remove), answered
 * in order by a server that checks {@code If-Match} and refuses some writes, with another writer
 * changing, adding and removing subtasks, refetches, and local-only edits in between. After every
 * step: nothing a refused mutation wrote ever reaches the server, and every subtask's local-only
 * {@code expanded} is what the user set; at the end the store shows exactly the server's state.
 * Each schedule runs under the default policy (the server's values win where the changes meet) and
 * under a resolver that keeps ours. {@code -Dsynced.seed=N} replays one schedule, {@code
 * -Dsynced.schedules=N} runs more, {@code -Dsynced.trace=true} prints each step and transition.
 */
class SubtaskEditsRandomizedTest {

  @ParameterizedTest(name = "client wins: {0}")
  @ValueSource(booleans = {false, true})
  void randomSchedulesOfSubtaskChangesNeverLeakARefusedChangeOrLoseLocalOnlyState(
      boolean clientWins) {
    long first = Long.getLong("synced.seed", 20261130L);
    int schedules = Integer.getInteger("synced.schedules", 200);
    for (int n = 0; n < schedules; n++) {
      long seed = first + n;
      try {
        run(seed, clientWins);
      } catch (AssertionError | RuntimeException e) {
        fail(
            "seed "
                + seed
                + ", client wins: "
                + clientWins
                + " (replay with -Dsynced.seed="
                + seed
                + " -Dsynced.schedules=1)",
            e);
      }
    }
    System.out.println(
        "SubtaskEditsRandomizedTest: "
            + schedules
            + " schedules from seed "
            + first
            + ", client wins: "
            + clientWins);
  }

  private static Subtask find(Checklist c, String id) {
    return c.subtasks == null
        ? null
        : c.subtasks.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  private static void run(long seed, boolean clientWins) {
    Random random = new Random(seed);
    HeldChecklistServer server = new HeldChecklistServer();
    Checklist start = new Checklist();
    start.id = "c1";
    start.title = "Move";
    start.subtasks = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      start.subtasks.add(new Subtask("s" + i, "title " + i));
    }
    start.version = 1;
    server.put(start);
    SyncStore<String, Checklist> store =
        SyncStore.of(ChecklistSync.TYPE)
            .remote(server)
            .conflicts(
                clientWins
                    ? ConflictPolicy.resolveWithPaths((base, mine, theirs, paths) -> mine)
                    : ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(server.row()));
    if (Boolean.getBoolean("synced.trace")) {
      store.onTransition(t -> System.out.println("  " + t));
    }

    Map<String, Boolean> expanded = new HashMap<>(); // what the user set, by subtask id
    Map<Mutation<String, Checklist>, Set<String>> written = new HashMap<>(); // unique values
    Set<String> leaked = new HashSet<>(); // values of refused mutations
    Map<String, Mutation<String, Checklist>> removedBy = new HashMap<>();
    Set<String> gone = new HashSet<>(); // left the view; if one comes back, it is followed anew
    Set<String> removedOnServer = new HashSet<>(); // by the other writer
    int fresh = 100;
    for (int step = 0; step < 40; step++) {
      Checklist view = store.get("c1").orElseThrow();
      List<Subtask> shown = view.subtasks == null ? List.of() : view.subtasks;
      int what = random.nextInt(10);
      if (Boolean.getBoolean("synced.trace")) {
        System.out.println(
            step
                + " what="
                + what
                + " expanded="
                + shown.stream().map(x -> x.id + ":" + x.expanded).toList()
                + " pending="
                + store.pending());
      }
      if ((what < 4 && !shown.isEmpty()) || what < 1) {
        String value = "v" + seed + "-" + step;
        Mutation<String, Checklist> m;
        int kind = shown.isEmpty() ? 1 : random.nextInt(3);
        if (kind == 0) {
          String id = shown.get(random.nextInt(shown.size())).id;
          m =
              store.update(
                  "c1",
                  ChecklistPatch.empty()
                      .editSubtasks(
                          s -> s.update(id, x -> x.title(value).done(random.nextBoolean()))));
        } else if (kind == 1) {
          String id = "s" + fresh++;
          Subtask added = new Subtask(id, value);
          added.expanded = random.nextBoolean();
          expanded.put(id, added.expanded);
          int at = random.nextInt(shown.size() + 1);
          m = store.update("c1", ChecklistPatch.empty().editSubtasks(s -> s.add(at, added)));
        } else {
          String id = shown.get(random.nextInt(shown.size())).id;
          m = store.update("c1", ChecklistPatch.empty().editSubtasks(s -> s.remove(id)));
          removedBy.put(id, m);
        }
        written.put(m, kind == 2 ? Set.of() : Set.of(value));
      } else if (what < 7 && server.waiting()) {
        server.answerNext(random.nextInt(4) == 0);
      } else if (what == 7) {
        Checklist c = server.row();
        int change = random.nextInt(3);
        if (change == 0 && !c.subtasks.isEmpty()) {
          c.subtasks.get(random.nextInt(c.subtasks.size())).title = "theirs " + step;
        } else if (change == 1) {
          c.subtasks.add(random.nextInt(c.subtasks.size() + 1), new Subtask("s" + fresh++, "new"));
        } else if (!c.subtasks.isEmpty()) {
          removedOnServer.add(c.subtasks.remove(random.nextInt(c.subtasks.size())).id);
        }
        c.version++;
        server.put(c);
      } else if (what == 8) {
        store.refetch("c1").join();
      } else if (!shown.isEmpty()) {
        String id = shown.get(random.nextInt(shown.size())).id;
        boolean value = random.nextBoolean();
        store.local("c1", c -> find(c, id).expanded = value);
        expanded.put(id, value);
      }
      for (Map.Entry<Mutation<String, Checklist>, Set<String>> e : written.entrySet()) {
        if (e.getKey().state() == MutationState.ROLLED_BACK) {
          leaked.addAll(e.getValue());
        }
      }
      Checklist back = store.get("c1").orElseThrow();
      for (String id : List.copyOf(gone)) {
        Subtask again = find(back, id);
        if (again != null) { // brought back (client wins, or an add of ours resent): as it is now
          expanded.put(id, again.expanded);
          gone.remove(id);
        }
      }
      check(store, server, expanded, leaked);
      // An element gone from the view other than by our own pending remove, or one the other
      // writer removed too, is gone: should the server bring it back (a client-wins resolver
      // decides on a list that still has it), it comes back as new.
      Checklist now = store.get("c1").orElseThrow();
      for (String id : List.copyOf(expanded.keySet())) {
        if (find(now, id) == null
            && (!removedBy.containsKey(id)
                || removedBy.get(id).isSettled()
                || removedOnServer.contains(id))) {
          expanded.remove(id);
          gone.add(id);
        }
      }
    }
    for (int i = 0; i < 100 && server.waiting(); i++) {
      server.answerNext(false);
    }
    store.refetch("c1").join();
    check(store, server, expanded, leaked);
    assertTrue(store.pending().isEmpty(), "every mutation settled");
    Checklist view = store.get("c1").orElseThrow();
    assertTrue(ChecklistSync.TYPE.syncedEquals(view, server.row()), "the store shows the server");
  }

  private static void check(
      SyncStore<String, Checklist> store,
      HeldChecklistServer server,
      Map<String, Boolean> expanded,
      Set<String> leaked) {
    Checklist row = server.row();
    for (Subtask s : row.subtasks) {
      assertFalse(leaked.contains(s.title), "a refused change reached the server: " + s.title);
    }
    Checklist view = store.get("c1").orElseThrow();
    if (view.subtasks != null) {
      for (Subtask s : view.subtasks) {
        assertEquals(
            expanded.getOrDefault(s.id, false), s.expanded, "the local-only state of " + s.id);
      }
    }
  }
}
