package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.EntryEdits;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's changes by key to a map of {@code @Synced} values ({@code editColumns}), through a
 * real store and a server that keeps the checklist as JSON and checks {@code If-Match}: a put, a
 * remove or an update of one entry is its own layer, so it rolls back alone, rebases on a refetch,
 * merges three-way with another writer's change to another entry, and the conflict policy sees the
 * path {@code columns[key].field}; an update is bound to the element its key held.
 */
class ColumnEditsTest {

  private static SyncStore<String, Checklist> store(HeldChecklistServer server) {
    return server.store(ConflictPolicy.serverWins());
  }

  /** A resolver that keeps their state and records the paths it is told. */
  private static ConflictPolicy<Checklist> recording(List<List<String>> seen) {
    return ConflictPolicy.resolveWithPaths(
        (base, mine, theirs, paths) -> {
          seen.add(paths);
          return theirs;
        });
  }

  private static Checklist view(SyncStore<String, Checklist> store) {
    return store.get("c1").orElseThrow();
  }

  private static List<String> keys(Checklist c) {
    return List.copyOf(c.columns.keySet());
  }

  private static Mutation<String, Checklist> edit(
      SyncStore<String, Checklist> store,
      UnaryOperator<EntryEdits<String, String, Subtask, SubtaskPatch>> edit) {
    return store.update("c1", ChecklistPatch.empty().editColumns(edit));
  }

  private static void expand(SyncStore<String, Checklist> store, String... keys) {
    store.local(
        "c1",
        c -> {
          for (String key : keys) {
            c.columns.get(key).expanded = true;
          }
        });
  }

  @Test
  void aRefusedPutDisappearsAndARefusedRemoveComesBackWhereItWasWithItsLocalOnlyValue() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    SyncStore<String, Checklist> store = store(server);
    expand(store, "doing");

    Mutation<String, Checklist> put = edit(store, c -> c.put("later", new Subtask("s8", "Rest")));
    Mutation<String, Checklist> remove = edit(store, c -> c.remove("doing"));
    assertEquals(List.of("todo", "done", "later"), keys(view(store)));

    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, put.state());
    assertEquals(List.of("todo", "done"), keys(view(store)), "the refused put is gone");
    assertEquals(List.of("todo", "done"), keys(server.body(1)), "the refused put is never sent");
    server.refuse(1);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    Checklist back = view(store);
    assertEquals(List.of("todo", "doing", "done"), keys(back), "doing comes back where it was");
    assertEquals("s6", back.columns.get("doing").id);
    assertTrue(back.columns.get("doing").expanded, "with its local-only state");
  }

  @Test
  void aRefusedUpdateOfOneEntryRollsBackAloneWhileAnotherEntrysEditIsPending() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    SyncStore<String, Checklist> store = store(server);
    expand(store, "todo", "done");

    Mutation<String, Checklist> rename = edit(store, c -> c.update("doing", x -> x.title("Code")));
    Mutation<String, Checklist> done = edit(store, c -> c.update("todo", x -> x.done(true)));
    Mutation<String, Checklist> put = edit(store, c -> c.put("done", new Subtask("s9", "Shipped")));
    assertEquals("Code", view(store).columns.get("doing").title);

    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, rename.state());
    Checklist after = view(store);
    assertEquals("Build", after.columns.get("doing").title, "only the refused edit leaves");
    assertTrue(after.columns.get("todo").done, "the other entry's pending edit stays");
    assertEquals("s9", after.columns.get("done").id, "and so does the pending put");
    Checklist sent = server.body(1);
    assertEquals("Build", sent.columns.get("doing").title, "its body never carries the refused");
    assertTrue(sent.columns.get("todo").done);

    server.accept(1);
    server.accept(2);
    assertEquals(MutationState.CONFIRMED, done.state());
    assertEquals(MutationState.CONFIRMED, put.state());
    Checklist row = server.row();
    assertEquals("Build", row.columns.get("doing").title);
    assertTrue(row.columns.get("todo").done);
    assertEquals("s9", row.columns.get("done").id);
    Checklist end = view(store);
    assertTrue(end.columns.get("todo").expanded, "an updated entry keeps its local-only state");
    assertFalse(end.columns.get("done").expanded, "the put element is a new one");
  }

  @Test
  void aRefetchRebasesAPendingEntryEditAndA412WithAnotherEntrysChangeMergesAndIsResent() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    SyncStore<String, Checklist> store = store(server);
    expand(store, "done");

    Mutation<String, Checklist> done = edit(store, c -> c.update("todo", x -> x.done(true)));
    server.theyChange(
        c -> {
          c.columns.get("doing").title = "Build more";
          c.columns.put("review", new Subtask("s0", "Review"));
          return c;
        });
    store.refetch("c1").join();
    Checklist rebased = view(store);
    assertEquals(List.of("todo", "doing", "done", "review"), keys(rebased));
    assertTrue(rebased.columns.get("todo").done, "our edit on top of the server's new map");
    assertEquals("Build more", rebased.columns.get("doing").title);
    assertTrue(rebased.columns.get("done").expanded);

    server.accept(0); // sent on version 1: 412, and their change is to other entries
    assertEquals(2, server.writes.size(), "merged and sent again");
    Checklist resent = server.body(1);
    assertEquals(List.of("todo", "doing", "done", "review"), keys(resent), "on the new base");
    assertEquals("Build more", resent.columns.get("doing").title, "their change kept");
    assertTrue(resent.columns.get("todo").done, "ours kept");
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, done.state());
    assertTrue(server.row().columns.get("todo").done);
    assertEquals("Build more", server.row().columns.get("doing").title);
    assertTrue(view(store).columns.get("done").expanded);
  }

  @Test
  void anOverlapInsideAnEntryGoesToTheResolverWithItsPathAndOnlyThatPartLoses() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Checklist> store = server.store(recording(seen));
    expand(store, "todo");
    Mutation<String, Checklist> both =
        edit(
            store,
            c -> c.update("todo", x -> x.title("Plan it")).update("done", x -> x.done(true)));
    server.theyChange(
        c -> {
          c.columns.get("todo").title = "Plan more";
          c.columns.get("doing").done = true;
          return c;
        });
    server.accept(0);
    assertEquals(List.of(List.of("columns[todo].title")), seen, "the policy sees the path");
    Checklist resent = server.body(1);
    assertEquals("Plan more", resent.columns.get("todo").title, "the resolver kept theirs");
    assertTrue(resent.columns.get("doing").done, "their other change stays");
    assertTrue(resent.columns.get("done").done, "our other change stays");
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, both.state());
    assertTrue(view(store).columns.get("todo").expanded, "the entry's local-only state is kept");
  }

  @Test
  void anUpdateIsBoundToTheElementItsKeyHeldAndMeetsAnotherElementPutThereAsTheEntry() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Checklist> store = server.store(recording(seen));
    Mutation<String, Checklist> rename =
        edit(
            store,
            c ->
                c.update("doing", x -> x.title("Code"))
                    .remove("done")
                    .update("todo", x -> x.done(true)));
    server.theyChange(
        c -> {
          c.columns.put("doing", new Subtask("s10", "Test")); // another element at the key
          c.columns.get("done").title = "Shipped";
          return c;
        });
    store.refetch("c1").join();
    Checklist rebased = view(store);
    assertEquals("s10", rebased.columns.get("doing").id);
    assertEquals("Test", rebased.columns.get("doing").title, "our update does not land on it");
    assertNull(rebased.columns.get("done"), "the remove still hides what they changed");

    server.accept(0);
    assertEquals(List.of(List.of("columns[doing]", "columns[done]")), seen);
    Checklist resent = server.body(1);
    assertEquals("Test", resent.columns.get("doing").title, "the resolver kept theirs");
    assertEquals("Shipped", resent.columns.get("done").title);
    assertTrue(resent.columns.get("todo").done, "our other change stays");
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, rename.state());
    Checklist end = view(store);
    assertEquals("Test", end.columns.get("doing").title);
    assertEquals("Shipped", end.columns.get("done").title);
    assertTrue(end.columns.get("todo").done);
  }

  @Test
  void aChangeOfAnEntryThatIsNotThereIsRefusedNamingTheEntityTheFieldAndTheKey() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    SyncStore<String, Checklist> store = store(server);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> edit(store, c -> c.update("nope", x -> x.title("?"))));
    assertTrue(missing.getMessage().contains("Checklist 'c1'"), missing.getMessage());
    assertTrue(missing.getMessage().contains("columns"), missing.getMessage());
    assertTrue(missing.getMessage().contains("key 'nope'"), missing.getMessage());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> edit(store, c -> c.put("later", new Subtask("s6", "Again"))));
    assertTrue(
        twice.getMessage().contains("already has an element with id 's6', at key 'doing'"),
        twice.getMessage());
    IllegalArgumentException id =
        assertThrows(
            IllegalArgumentException.class,
            () -> edit(store, c -> c.update("todo", x -> x.id("s99"))));
    assertTrue(id.getMessage().contains("key 'todo' would change its id"));
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> edit(store, c -> c.put("later", new Subtask())));
    assertTrue(none.getMessage().contains("Subtask to put at key 'later' has no id"));
    assertTrue(server.writes.isEmpty());
    assertEquals(List.of("todo", "doing", "done"), keys(view(store)));
    assertTrue(store.pending("c1").isEmpty());
  }

  @Test
  void thePutElementsLocalOnlyStateSurvivesARebaseAndItsConfirmAndJsonRefusesTheEditItself() {
    HeldChecklistServer server = HeldChecklistServer.withColumns();
    SyncStore<String, Checklist> store = store(server);
    Subtask fresh = new Subtask("s8", "Rest");
    fresh.expanded = true;
    Mutation<String, Checklist> put = edit(store, c -> c.put("later", fresh));
    fresh.expanded = false; // the store copied it
    assertTrue(view(store).columns.get("later").expanded);
    store.local("c1", c -> c.columns.get("later").expanded = false);
    expand(store, "later");
    server.theyChange(
        c -> {
          c.title = "Move flat";
          return c;
        });
    store.refetch("c1").join();
    assertTrue(view(store).columns.get("later").expanded, "kept across the rebase");
    server.accept(0); // 412: merged, sent again
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, put.state());
    Checklist end = view(store);
    assertEquals("Move flat", end.title);
    assertTrue(end.columns.get("later").expanded, "kept across the confirm");

    IllegalArgumentException json =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                JsonCodecs.writePatch(
                    new ObjectMapper(),
                    new ChecklistJson(),
                    ChecklistPatch.empty().editColumns(c -> c.remove("todo"))));
    assertTrue(json.getMessage().contains("field 'columns'"), json.getMessage());
  }
}
