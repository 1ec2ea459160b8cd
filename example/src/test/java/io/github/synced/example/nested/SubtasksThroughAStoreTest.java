package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's collections of {@code @Synced} elements through a real store, with the code the
 * processor generated in this build: a refetch that reorders, adds and removes subtasks keeps the
 * local-only {@code expanded} of each subtask by id, and a failed update of the list rolls back
 * exactly, local-only edits made meanwhile included.
 */
class SubtasksThroughAStoreTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ChecklistJson JSON = new ChecklistJson();

  /** A server in memory that keeps one checklist as JSON, as one behind HTTP would. */
  private static final class JsonServer implements Remote<String, Checklist> {
    byte[] row;
    CompletableFuture<Reply<Checklist>> held;

    /** Applies the next write, then loses its answer; it ignores idempotency keys. */
    boolean dropNextAnswer;

    /** Loses the next write before applying it: the client cannot tell which happened. */
    boolean loseNextWrite;

    @Override
    public boolean deduplicatesByKey() {
      return false;
    }

    Checklist row() {
      return JsonCodecs.readEntity(MAPPER, JSON, row, "c1");
    }

    synchronized void put(Checklist c) {
      row = JsonCodecs.writeEntity(MAPPER, JSON, c);
    }

    @Override
    public synchronized CompletionStage<Reply<Checklist>> send(Write<String, Checklist> w) {
      if (held != null) {
        return held; // answered by the test
      }
      if (loseNextWrite) {
        loseNextWrite = false;
        return CompletableFuture.failedFuture(SyncFailure.outcomeUnknown("timed out", null));
      }
      byte[] body = JsonCodecs.writePatch(MAPPER, JSON, w.patch());
      Checklist c = JsonCodecs.readPatch(MAPPER, JSON, body, w.id()).applyTo(row());
      c.version++;
      put(c);
      if (dropNextAnswer) {
        dropNextAnswer = false;
        return CompletableFuture.failedFuture(SyncFailure.outcomeUnknown("connection reset", null));
      }
      return CompletableFuture.completedFuture(Reply.entity(row()));
    }

    @Override
    public synchronized CompletionStage<Optional<Checklist>> fetch(String id) {
      return CompletableFuture.completedFuture(Optional.of(row()));
    }

    @Override
    public synchronized CompletionStage<List<Checklist>> fetchAll() {
      return CompletableFuture.completedFuture(List.of(row()));
    }
  }

  private static Checklist checklist(long version, Subtask... subtasks) {
    Checklist c = new Checklist();
    c.id = "c1";
    c.title = "Move house";
    c.subtasks = new ArrayList<>(List.of(subtasks));
    c.version = version;
    return c;
  }

  private static List<String> ids(Checklist c) {
    return c.subtasks.stream().map(s -> s.id).toList();
  }

  private static Subtask subtask(Checklist c, String id) {
    return c.subtasks.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
  }

  private static SyncStore<String, Checklist> store(JsonServer server) {
    SyncStore<String, Checklist> store =
        SyncStore.of(ChecklistSync.TYPE).remote(server).notifyOn(Runnable::run).build();
    store.load(List.of(server.row()));
    return store;
  }

  @Test
  void aRefetchThatReordersAddsAndRemovesSubtasksKeepsEachOnesExpandedState() throws Exception {
    JsonServer server = new JsonServer();
    server.put(
        checklist(
            1, new Subtask("s1", "Pack"), new Subtask("s2", "Call"), new Subtask("s3", "Go")));
    SyncStore<String, Checklist> store = store(server);
    store.local("c1", c -> subtask(c, "s2").expanded = true);
    assertTrue(subtask(store.get("c1").orElseThrow(), "s2").expanded);

    Subtask renamed = new Subtask("s2", "Call the movers");
    renamed.version = 2;
    server.put(checklist(2, new Subtask("s3", "Go"), renamed, new Subtask("s4", "Clean")));
    store.refetch("c1").get();

    Checklist view = store.get("c1").orElseThrow();
    assertEquals(2, view.version);
    assertEquals(List.of("s3", "s2", "s4"), ids(view), "the server's order; s1 is gone");
    assertEquals("Call the movers", subtask(view, "s2").title);
    assertTrue(subtask(view, "s2").expanded, "s2 keeps expanded across the refetch");
    assertFalse(subtask(view, "s3").expanded);
    assertFalse(subtask(view, "s4").expanded, "a new subtask starts collapsed");
  }

  @Test
  void aFailedUpdateOfTheListRollsBackExactlyAndKeepsLocalOnlyEditsMadeMeanwhile()
      throws Exception {
    JsonServer server = new JsonServer();
    server.put(
        checklist(
            1, new Subtask("s1", "Pack"), new Subtask("s2", "Call"), new Subtask("s3", "Go")));
    SyncStore<String, Checklist> store = store(server);
    ChecklistMutations checklists = new ChecklistMutations(store);
    store.local("c1", c -> subtask(c, "s1").expanded = true);
    ChecklistSnapshot before = ChecklistSync.TYPE.snapshot(store.get("c1").orElseThrow());

    server.held = new CompletableFuture<>();
    Mutation<String, Checklist> m =
        checklists.modify(
            "c1",
            c -> {
              c.subtasks.remove(2);
              subtask(c, "s2").done = true;
              c.subtasks.add(0, new Subtask("s9", "New"));
            });
    Checklist pending = store.get("c1").orElseThrow();
    assertEquals(List.of("s9", "s1", "s2"), ids(pending), "the optimistic list shows at once");
    assertTrue(subtask(pending, "s1").expanded);
    store.local("c1", c -> subtask(c, "s2").expanded = true); // while the update is in flight

    assertEquals(MutationState.SENDING, m.state());
    server.held.completeExceptionally(SyncFailure.rejected(422, "no"));
    store.idle().get();

    Checklist view = store.get("c1").orElseThrow();
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(before, ChecklistSync.TYPE.snapshot(view), "the synced state is as before");
    assertEquals(List.of("s1", "s2", "s3"), ids(view));
    assertTrue(subtask(view, "s1").expanded, "local-only state from before stays");
    assertTrue(subtask(view, "s2").expanded, "and so does the edit made meanwhile");
    assertFalse(subtask(view, "s3").expanded);
  }

  /**
   * A write of the list whose answer is lost, on a server without idempotency keys: the store reads
   * the server's state, which holds the list it wrote (new subtask instances, equal by their synced
   * fields, not by identity), so the write confirmed; it was never applied twice.
   */
  @Test
  void aListWriteWhoseAnswerWasLostIsConfirmedByTheServersEqualList() throws Exception {
    JsonServer server = new JsonServer();
    server.put(checklist(1, new Subtask("s1", "Pack"), new Subtask("s2", "Call")));
    SyncStore<String, Checklist> store = store(server);
    ChecklistMutations checklists = new ChecklistMutations(store);
    store.local("c1", c -> subtask(c, "s1").expanded = true);

    server.dropNextAnswer = true;
    Mutation<String, Checklist> m =
        checklists.modify("c1", c -> c.subtasks.add(new Subtask("s3", "Go")));
    store.idle().get();

    assertEquals(MutationState.CONFIRMED, m.state(), "the server holds what it wrote");
    Checklist view = store.get("c1").orElseThrow();
    assertEquals(List.of("s1", "s2", "s3"), ids(view));
    assertEquals(List.of("s1", "s2", "s3"), ids(server.row()), "applied once");
    assertTrue(subtask(view, "s1").expanded);
  }

  /**
   * A write of the list lost before the server applied it, on a server without idempotency keys:
   * the server's list is still the base's (equal by the subtasks' synced fields, though other
   * instances), so the store knows it did not apply: the view ends as the server is, and the server
   * never has the subtask twice.
   */
  @Test
  void aListWriteLostBeforeItAppliedEndsAsTheServerIs() throws Exception {
    JsonServer server = new JsonServer();
    server.put(checklist(1, new Subtask("s1", "Pack"), new Subtask("s2", "Call")));
    SyncStore<String, Checklist> store = store(server);
    ChecklistMutations checklists = new ChecklistMutations(store);

    server.loseNextWrite = true;
    Mutation<String, Checklist> m =
        checklists.modify("c1", c -> c.subtasks.add(new Subtask("s3", "Go")));
    store.idle().get();

    List<String> onServer = ids(server.row());
    assertEquals(onServer, ids(store.get("c1").orElseThrow()), "the view is the server's");
    assertEquals(
        m.state() == MutationState.CONFIRMED ? List.of("s1", "s2", "s3") : List.of("s1", "s2"),
        onServer,
        m.state() + ": " + m.error());
  }
}
