package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's patches that reach into a tree, through a real store and a server that keeps the
 * checklist as JSON and checks {@code If-Match}: a change of one subtask (update, add, remove by
 * id) or of one field of the nested owner is its own layer, so it rolls back alone, rebases on a
 * refetch, and merges three-way with another writer's change to another subtask; the conflict
 * policy sees the path of an overlap.
 */
class SubtaskEditsTest {

  private static SyncStore<String, Checklist> store(HeldChecklistServer server) {
    return store(server, ConflictPolicy.serverWins());
  }

  private static SyncStore<String, Checklist> store(
      HeldChecklistServer server, ConflictPolicy<Checklist> policy) {
    return server.store(policy);
  }

  private static Checklist view(SyncStore<String, Checklist> store) {
    return store.get("c1").orElseThrow();
  }

  private static Subtask subtask(Checklist c, String id) {
    return c.subtasks.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  private static List<String> ids(Checklist c) {
    return c.subtasks.stream().map(s -> s.id).toList();
  }

  private static Mutation<String, Checklist> edit(
      SyncStore<String, Checklist> store,
      UnaryOperator<io.github.synced.runtime.ElementEdits<String, Subtask, SubtaskPatch>> edit) {
    return store.update("c1", ChecklistPatch.empty().editSubtasks(edit));
  }

  private static void expand(SyncStore<String, Checklist> store, String... ids) {
    store.local(
        "c1",
        c -> {
          for (String id : ids) {
            subtask(c, id).expanded = true;
          }
        });
  }

  @Test
  void aRefusedEditOfOneSubtaskRollsBackAloneWhileAnotherSubtasksEditIsPending() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    expand(store, "s1", "s3");

    Mutation<String, Checklist> rename = edit(store, s -> s.update("s2", x -> x.title("Call mum")));
    Mutation<String, Checklist> done = edit(store, s -> s.update("s1", x -> x.done(true)));
    assertEquals("Call mum", subtask(view(store), "s2").title);
    assertTrue(subtask(view(store), "s1").done);

    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, rename.state());
    Checklist after = view(store);
    assertEquals("Call", subtask(after, "s2").title, "only the refused edit leaves the view");
    assertTrue(subtask(after, "s1").done, "the other subtask's pending edit stays");
    assertEquals(2, server.writes.size(), "the second edit is sent once the first settled");
    assertEquals("Call", subtask(server.body(1), "s2").title, "its body never carries the refused");
    assertTrue(subtask(server.body(1), "s1").done);

    server.accept(1);
    assertEquals(MutationState.CONFIRMED, done.state());
    Checklist row = server.row();
    assertEquals("Call", subtask(row, "s2").title);
    assertTrue(subtask(row, "s1").done);
    Checklist end = view(store);
    assertTrue(subtask(end, "s1").expanded && subtask(end, "s3").expanded);
    assertFalse(subtask(end, "s2").expanded);
  }

  @Test
  void anAddedSubtaskThatIsRefusedDisappearsAndARemovedOneThatIsRefusedComesBackAtItsIndex() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    expand(store, "s2");

    Mutation<String, Checklist> add = edit(store, s -> s.add(1, new Subtask("s4", "Label boxes")));
    Mutation<String, Checklist> remove = edit(store, s -> s.remove("s2"));
    assertEquals(List.of("s1", "s4", "s3"), ids(view(store)));

    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, add.state());
    assertEquals(
        List.of("s1", "s3"), ids(view(store)), "the refused add is gone, the remove stays");
    server.refuse(1);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    Checklist back = view(store);
    assertEquals(List.of("s1", "s2", "s3"), ids(back), "s2 comes back where it was");
    assertTrue(subtask(back, "s2").expanded, "with its local-only state");
  }

  @Test
  void aRefetchRebasesAPendingSubtaskEditAndAConflictWithAnotherSubtaskMergesAndIsResent() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    expand(store, "s3");

    Mutation<String, Checklist> done = edit(store, s -> s.update("s1", x -> x.done(true)));
    server.theyChange(
        c -> {
          subtask(c, "s2").title = "Call the movers";
          c.subtasks.add(0, new Subtask("s0", "Find boxes"));
          return c;
        });
    store.refetch("c1").join();
    Checklist rebased = view(store);
    assertEquals(List.of("s0", "s1", "s2", "s3"), ids(rebased));
    assertTrue(subtask(rebased, "s1").done, "our edit on top of the server's new list");
    assertEquals("Call the movers", subtask(rebased, "s2").title);
    assertTrue(subtask(rebased, "s3").expanded);

    server.accept(0); // sent on version 1: 412, and their change is to another subtask
    assertEquals(2, server.writes.size(), "merged and sent again");
    Checklist resent = server.body(1);
    assertEquals(List.of("s0", "s1", "s2", "s3"), ids(resent), "on the new base");
    assertEquals("Call the movers", subtask(resent, "s2").title, "their change kept");
    assertTrue(subtask(resent, "s1").done, "ours kept");
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, done.state());
    assertTrue(subtask(server.row(), "s1").done);
    assertEquals("Call the movers", subtask(server.row(), "s2").title);
    assertTrue(subtask(view(store), "s3").expanded);
  }

  @Test
  void anOverlapInsideASubtaskGoesToThePolicyWithItsPathAndOnlyThatPartLoses() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Checklist> store =
        store(
            server,
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(paths);
                  return theirs;
                }));
    Mutation<String, Checklist> both =
        edit(
            store, s -> s.update("s1", x -> x.title("Pack books")).update("s3", x -> x.done(true)));
    server.theyChange(
        c -> {
          subtask(c, "s1").title = "Pack kitchen";
          subtask(c, "s2").done = true;
          return c;
        });
    server.accept(0);
    assertEquals(List.of(List.of("subtasks[s1].title")), seen, "the policy sees the path");
    Checklist resent = server.body(1);
    assertEquals("Pack kitchen", subtask(resent, "s1").title, "the resolver kept theirs");
    assertTrue(subtask(resent, "s2").done, "their other change stays");
    assertTrue(subtask(resent, "s3").done, "our other change stays");
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, both.state());
  }

  @Test
  void withTheDefaultPolicyTheServerWinsOnlyWhereTheChangesMeet() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    Mutation<String, Checklist> both =
        edit(store, s -> s.update("s1", x -> x.title("Pack books").done(true)).remove("s2"));
    server.theyChange(
        c -> {
          subtask(c, "s1").title = "Pack kitchen"; // meets our title of s1
          subtask(c, "s2").title = "Call now"; // they changed what we remove
          return c;
        });
    server.accept(0);
    Checklist resent = server.body(1);
    assertEquals("Pack kitchen", subtask(resent, "s1").title);
    assertTrue(subtask(resent, "s1").done, "our done of s1 did not meet theirs");
    assertNotNull(subtask(resent, "s2"), "the remove met their change: the server wins");
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, both.state());
    assertEquals(List.of("s1", "s2", "s3"), ids(view(store)));
  }

  @Test
  void theLocalOnlyStateOfASubtaskOnlyAPendingMutationHoldsSurvivesARebaseAndItsConfirm() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    Subtask fresh = new Subtask("s4", "Label boxes");
    fresh.expanded = true;
    Mutation<String, Checklist> add = edit(store, s -> s.add(fresh));
    fresh.expanded = false; // the store copied it
    assertTrue(subtask(view(store), "s4").expanded);
    store.local(
        "c1",
        c -> {
          subtask(c, "s4").expanded = false;
          subtask(c, "s1").expanded = true;
        });
    expand(store, "s4");
    server.theyChange(
        c -> {
          c.title = "Move flat";
          return c;
        });
    store.refetch("c1").join();
    assertTrue(subtask(view(store), "s4").expanded, "kept across the rebase");
    server.accept(0); // 412: merged, sent again
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, add.state());
    Checklist end = view(store);
    assertEquals("Move flat", end.title);
    assertTrue(subtask(end, "s4").expanded, "kept across the confirm");
    assertTrue(subtask(end, "s1").expanded);
  }

  @Test
  void aChangeOfASubtaskThatIsNotThereIsRefusedNamingTheEntityTheFieldAndTheElement() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    Checklist before = view(store);
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> edit(store, s -> s.update("s9", x -> x.title("?"))));
    assertTrue(missing.getMessage().contains("Checklist 'c1'"), missing.getMessage());
    assertTrue(missing.getMessage().contains("subtasks"), missing.getMessage());
    assertTrue(missing.getMessage().contains("'s9'"), missing.getMessage());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class, () -> edit(store, s -> s.add(new Subtask("s2", "x"))));
    assertTrue(twice.getMessage().contains("already has an element with id 's2'"));
    assertTrue(server.writes.isEmpty());
    assertEquals(ids(before), ids(view(store)));
    assertTrue(store.pending("c1").isEmpty());
  }

  @Test
  void aFieldOfTheNestedOwnerMergesWithAnotherWritersChangeToItsOtherField() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server);
    store.local(
        "c1",
        c -> {
          c.owner.pinned = true;
        });
    Mutation<String, Checklist> rename =
        store.update("c1", ChecklistPatch.empty().editOwner(o -> o.name("Ann Lee")));
    assertEquals("Ann Lee", view(store).owner.name);
    server.theyChange(
        c -> {
          c.owner.email = "ann@lee.example";
          return c;
        });
    server.accept(0);
    Checklist resent = server.body(1);
    assertEquals("Ann Lee", resent.owner.name);
    assertEquals("ann@lee.example", resent.owner.email);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, rename.state());
    Checklist end = view(store);
    assertEquals("Ann Lee", end.owner.name);
    assertEquals("ann@lee.example", end.owner.email);
    assertTrue(end.owner.pinned, "the owner's local-only state is kept");
  }
}
