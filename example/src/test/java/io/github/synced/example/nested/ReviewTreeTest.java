package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.ElementEdits;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Review of e9b97e5 (#10, patches that reach into a tree): problems found, one test each. */
class ReviewTreeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ChecklistJson JSON = new ChecklistJson();

  private static SyncStore<String, Checklist> store(HeldChecklistServer server, boolean parallel) {
    SyncStore.Builder<String, Checklist> b =
        SyncStore.of(ChecklistSync.TYPE).remote(server).notifyOn(Runnable::run);
    if (parallel) {
      b = b.sendInParallel();
    }
    SyncStore<String, Checklist> store = b.build();
    store.load(List.of(server.row()));
    return store;
  }

  private static Checklist view(SyncStore<String, Checklist> store) {
    return store.get("c1").orElseThrow();
  }

  private static Subtask subtask(Checklist c, String id) {
    return c.subtasks == null
        ? null
        : c.subtasks.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  private static Mutation<String, Checklist> edit(
      SyncStore<String, Checklist> store,
      UnaryOperator<ElementEdits<String, Subtask, SubtaskPatch>> edit) {
    return store.update("c1", ChecklistPatch.empty().editSubtasks(edit));
  }

  /**
   * Parallel sends, an If-Match server: a change inside a field is sent as the field's whole value,
   * so B (s2) waits until A (s1) settled, and goes on the base A left; neither is "superseded" by
   * the other's whole list (the review found A confirmed without ever reaching the server when both
   * went out together).
   */
  @Test
  void parallelEditsOfTwoSubtasks_theLaterWaitsAndBothReachTheServer() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server, true);
    Mutation<String, Checklist> a = edit(store, s -> s.update("s1", x -> x.done(true)));
    Mutation<String, Checklist> b = edit(store, s -> s.update("s2", x -> x.title("Call mum")));
    assertEquals(1, server.writes.size(), "B waits for A: its body would be computed without A");
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, a.state());
    assertEquals(2, server.writes.size());
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, b.state());
    assertTrue(subtask(server.row(), "s1").done);
    assertEquals("Call mum", subtask(server.row(), "s2").title);
    assertTrue(subtask(view(store), "s1").done);
  }

  /**
   * Parallel sends against a server with versions that does not enforce If-Match: B's whole list is
   * computed on the base A confirmed, so it does not write over A's change.
   */
  @Test
  void parallelEditsOfTwoSubtasks_withoutIfMatch_theLaterSendDoesNotWriteOverTheEarlier() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server, true);
    Mutation<String, Checklist> a = edit(store, s -> s.update("s1", x -> x.done(true)));
    Mutation<String, Checklist> b = edit(store, s -> s.update("s2", x -> x.title("Call mum")));
    assertEquals(1, server.writes.size(), "B waits for A");
    server.acceptBlind(0);
    server.acceptBlind(1);
    assertEquals(MutationState.CONFIRMED, a.state());
    assertEquals(MutationState.CONFIRMED, b.state());
    assertTrue(subtask(server.row(), "s1").done, "A's confirmed change lost on the server");
    assertTrue(subtask(view(store), "s1").done, "A's confirmed change undone in the view");
  }

  /**
   * Rule 6, A-B-A: an add of unknown outcome that applied, then another writer removed the subtask.
   * The server's list equals the base it was sent on again, so the server's state cannot tell
   * "never applied" from "applied and removed"; as for a flat field set back to its old value, the
   * add is sent again (under a new key) rather than reported failed. Kept as a test of what
   * happens, and documented; a server that deduplicates by key is asked by the same request
   * instead.
   */
  @Test
  void anAddOfUnknownOutcomeThatAnotherWriterThenRemovedIsSentAgainNeverReportedFailed() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server, false);
    Mutation<String, Checklist> add = edit(store, s -> s.add(new Subtask("s4", "Label boxes")));
    assertTrue(server.apply(0, true)); // it applied...
    server.theyChange(
        c -> {
          c.subtasks.removeIf(s -> s.id.equals("s4")); // ...and someone removed it since
          return c;
        });
    server.timeOut(0); // the store asks the server, which shows neither its add nor the base
    for (int i = 1; i < server.writes.size(); i++) {
      server.accept(i);
    }
    assertEquals(2, server.writes.size());
    assertEquals(MutationState.CONFIRMED, add.state());
    assertTrue(subtask(view(store), "s4") != null && subtask(server.row(), "s4") != null);
  }

  /**
   * Rule 6: an update of one subtask of unknown outcome that applied, then another writer changed
   * another subtask. The server's state shows our value: it applied. Instead the decision compares
   * the whole list sent with the server's list, finds it changed, and sends the change again under
   * a new key: a second body for a write the store does not know did not apply.
   */
  @Test
  void anUpdateOfUnknownOutcomeThatAppliedIsConfirmedByTheServersStateNotResentUnderANewKey() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store = store(server, false);
    Mutation<String, Checklist> done = edit(store, s -> s.update("s1", x -> x.done(true)));
    assertTrue(server.apply(0, true));
    server.theyChange(
        c -> {
          subtask(c, "s2").title = "Call now";
          return c;
        });
    server.timeOut(0);
    assertEquals(1, server.writes.size(), "sent again under a new key after an unknown outcome");
    assertEquals(MutationState.CONFIRMED, done.state());
  }

  /**
   * A patch that changes inside a field answers get(field) == null, and the generated JSON codec
   * then writes "subtasks":null: handed to writePatch (the public codec), the relative change
   * becomes "clear the list" (absent ≠ null). It should refuse, or write the change.
   */
  @Test
  void aPatchThatChangesInsideIsNotWrittenAsNullByTheJsonCodec() {
    ChecklistPatch p = ChecklistPatch.empty().editSubtasks(s -> s.remove("s1"));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> JsonCodecs.writePatch(MAPPER, JSON, p));
    assertTrue(refused.getMessage().contains("'subtasks'"), refused.getMessage());
  }

  /** equals must answer false, not throw, for edits of another element type. */
  @Test
  void elementEditsOfDifferentElementTypesAreUnequalWithoutThrowing() {
    ElementEdits<String, Subtask, SubtaskPatch> subtasks =
        ElementEdits.of(SubtaskSync.TYPE, SubtaskPatch.empty()).add(new Subtask("x", "a"));
    ElementEdits<String, Owner, OwnerPatch> owners =
        ElementEdits.of(OwnerSync.TYPE, OwnerPatch.empty()).add(new Owner("x", "a", "b"));
    assertFalse(subtasks.equals(owners));
  }
}
