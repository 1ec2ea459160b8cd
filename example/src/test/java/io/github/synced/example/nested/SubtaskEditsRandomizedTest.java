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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  /** Where the subtasks are: the checklist's list, or its map of columns by key. */
  enum Shape {
    LIST,
    MAP;

    /** The subtasks of {@code c}, in order. */
    List<Subtask> shown(Checklist c) {
      if (this == LIST) {
        return c.subtasks == null ? List.of() : c.subtasks;
      }
      return c.columns == null ? List.of() : List.copyOf(c.columns.values());
    }

    /** The key of the entry that holds {@code id} (maps only). */
    static String keyOf(Checklist c, String id) {
      return c.columns.entrySet().stream()
          .filter(e -> e.getValue().id.equals(id))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow();
    }

    ChecklistPatch update(Checklist view, String id, String value, boolean done) {
      return this == LIST
          ? ChecklistPatch.empty().editSubtasks(s -> s.update(id, x -> x.title(value).done(done)))
          : ChecklistPatch.empty()
              .editColumns(s -> s.update(keyOf(view, id), x -> x.title(value).done(done)));
    }

    ChecklistPatch add(int at, Subtask added) {
      return this == LIST
          ? ChecklistPatch.empty().editSubtasks(s -> s.add(at, added))
          : ChecklistPatch.empty().editColumns(s -> s.put("k" + added.id, added));
    }

    ChecklistPatch remove(Checklist view, String id) {
      return this == LIST
          ? ChecklistPatch.empty().editSubtasks(s -> s.remove(id))
          : ChecklistPatch.empty().editColumns(s -> s.remove(keyOf(view, id)));
    }

    /**
     * The other writer's change to the server's row: a title, a new subtask, a removed one, or (in
     * a map) another subtask put at a key; returns the id of a subtask it removed, or null.
     */
    String theirs(Checklist c, Random random, int step, String newId) {
      int change = random.nextInt(this == LIST ? 3 : 4);
      List<Subtask> all = shown(c);
      if (change == 0 && !all.isEmpty()) {
        all.get(random.nextInt(all.size())).title = "theirs " + step;
      } else if (change == 1) {
        if (this == LIST) {
          c.subtasks.add(random.nextInt(c.subtasks.size() + 1), new Subtask(newId, "new"));
        } else {
          c.columns.put("k" + newId, new Subtask(newId, "new"));
        }
      } else if (!all.isEmpty()) {
        String id = all.get(random.nextInt(all.size())).id;
        if (this == LIST) {
          c.subtasks.removeIf(x -> x.id.equals(id));
        } else if (change == 2) {
          c.columns.remove(keyOf(c, id));
        } else {
          c.columns.put(keyOf(c, id), new Subtask(newId, "put by them"));
        }
        return id;
      }
      return null;
    }
  }

  @ParameterizedTest(name = "{0}, client wins: {1}")
  @CsvSource({"LIST, false", "LIST, true", "MAP, false", "MAP, true"})
  void randomSchedulesOfSubtaskChangesNeverLeakARefusedChangeOrLoseLocalOnlyState(
      Shape shape, boolean clientWins) {
    long first = Long.getLong("synced.seed", 20261130L);
    int schedules = Integer.getInteger("synced.schedules", 200);
    for (int n = 0; n < schedules; n++) {
      long seed = first + n;
      try {
        run(seed, shape, clientWins);
      } catch (AssertionError | RuntimeException e) {
        fail(
            "seed "
                + seed
                + ", "
                + shape
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
            + ", "
            + shape
            + ", client wins: "
            + clientWins);
  }

  private static Subtask find(Shape shape, Checklist c, String id) {
    return shape.shown(c).stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  private static void run(long seed, Shape shape, boolean clientWins) {
    Random random = new Random(seed);
    HeldChecklistServer server = new HeldChecklistServer();
    Checklist start = new Checklist();
    start.id = "c1";
    start.title = "Move";
    start.subtasks = new ArrayList<>();
    start.columns = new LinkedHashMap<>();
    for (int i = 1; i <= 4; i++) {
      if (shape == Shape.LIST) {
        start.subtasks.add(new Subtask("s" + i, "title " + i));
      } else {
        start.columns.put("k" + i, new Subtask("s" + i, "title " + i));
      }
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
      List<Subtask> shown = shape.shown(view);
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
          m = store.update("c1", shape.update(view, id, value, random.nextBoolean()));
        } else if (kind == 1) {
          String id = "s" + fresh++;
          Subtask added = new Subtask(id, value);
          added.expanded = random.nextBoolean();
          expanded.put(id, added.expanded);
          int at = random.nextInt(shown.size() + 1);
          m = store.update("c1", shape.add(at, added));
        } else {
          String id = shown.get(random.nextInt(shown.size())).id;
          m = store.update("c1", shape.remove(view, id));
          removedBy.put(id, m);
        }
        written.put(m, kind == 2 ? Set.of() : Set.of(value));
      } else if (what < 7 && server.waiting()) {
        server.answerNext(random.nextInt(4) == 0);
      } else if (what == 7) {
        Checklist c = server.row();
        String removed = shape.theirs(c, random, step, "s" + fresh++);
        if (removed != null) {
          removedOnServer.add(removed);
        }
        c.version++;
        server.put(c);
      } else if (what == 8) {
        store.refetch("c1").join();
      } else if (!shown.isEmpty()) {
        String id = shown.get(random.nextInt(shown.size())).id;
        boolean value = random.nextBoolean();
        store.local("c1", c -> find(shape, c, id).expanded = value);
        expanded.put(id, value);
      }
      for (Map.Entry<Mutation<String, Checklist>, Set<String>> e : written.entrySet()) {
        if (e.getKey().state() == MutationState.ROLLED_BACK) {
          leaked.addAll(e.getValue());
        }
      }
      Checklist back = store.get("c1").orElseThrow();
      for (String id : List.copyOf(gone)) {
        Subtask again = find(shape, back, id);
        if (again != null) { // brought back (client wins, or an add of ours resent): as it is now
          expanded.put(id, again.expanded);
          gone.remove(id);
          removedOnServer.remove(id); // followed anew
        }
      }
      check(shape, store, server, expanded, leaked);
      // An element gone from the view other than by our own pending remove, or one the other
      // writer removed too, is gone: should the server bring it back (a client-wins resolver
      // decides on a list that still has it), it comes back as new.
      Checklist now = store.get("c1").orElseThrow();
      for (String id : List.copyOf(expanded.keySet())) {
        if (find(shape, now, id) == null
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
    check(shape, store, server, expanded, leaked);
    assertTrue(store.pending().isEmpty(), "every mutation settled");
    Checklist view = store.get("c1").orElseThrow();
    assertTrue(ChecklistSync.TYPE.syncedEquals(view, server.row()), "the store shows the server");
  }

  private static void check(
      Shape shape,
      SyncStore<String, Checklist> store,
      HeldChecklistServer server,
      Map<String, Boolean> expanded,
      Set<String> leaked) {
    for (Subtask s : shape.shown(server.row())) {
      assertFalse(leaked.contains(s.title), "a refused change reached the server: " + s.title);
    }
    for (Subtask s : shape.shown(store.get("c1").orElseThrow())) {
      assertEquals(
          expanded.getOrDefault(s.id, false), s.expanded, "the local-only state of " + s.id);
    }
  }
}
