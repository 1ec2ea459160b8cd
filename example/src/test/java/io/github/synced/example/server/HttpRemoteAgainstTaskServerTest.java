package io.github.synced.example.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Task;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskPatch;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpRemote} end to end against the {@link TaskServer}, over loopback, with the generated
 * {@link TaskJson} codec and {@link TaskPatch} patches on the client side.
 */
class HttpRemoteAgainstTaskServerTest {

  private static TaskPatch patch() {
    return TaskPatch.empty();
  }

  private TaskServer server;
  private ServerTask milk;

  @BeforeEach
  void start() {
    server = TaskServer.start(7L, Faults.none());
    milk = server.addTask("Buy milk", false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRemote<String, Task> remote(Duration requestTimeout) {
    return json(HttpRemote.<String, Task>builder(server.uri(), TaskServer.PATH, new TaskJson()))
        .requestTimeout(requestTimeout)
        .build();
  }

  /** The JSON the remote reads and writes through: Jackson 2 with a plain mapper. */
  HttpRemote.Builder<String, Task> json(HttpRemote.Builder<String, Task> remote) {
    return remote.mapper(new ObjectMapper());
  }

  private HttpRemote<String, Task> remote() {
    return remote(Duration.ofSeconds(10));
  }

  private static Write<String, Task> update(
      String id, TaskPatch patch, Long baseVersion, String key, int attempt) {
    return new Write<>(Write.Kind.UPDATE, id, null, patch, baseVersion, key, attempt);
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static SyncFailure failure(CompletionStage<?> stage) throws Exception {
    try {
      Object v = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
      return fail("expected a SyncFailure but got " + v);
    } catch (ExecutionException e) {
      return assertInstanceOf(SyncFailure.class, e.getCause());
    }
  }

  private long clientApplications(String key) {
    return server.log().stream().filter(w -> key.equals(w.idempotencyKey())).count();
  }

  @Test
  void fetchesReadTheServersTasks() throws Exception {
    server.addTask("Walk", true);

    List<Task> all = value(remote().fetchAll());
    Task one = value(remote().fetch("t1")).orElseThrow();

    assertEquals(List.of("t1", "t2"), all.stream().map(Task::getId).toList());
    assertEquals("Buy milk", one.getTitle());
    assertEquals(milk.updatedAt(), one.getUpdatedAt());
    assertEquals(Optional.empty(), value(remote().fetch("t9")));
  }

  @Test
  void aCreateGetsTheServersIdAndSendsNoLocalOnlyField() throws Exception {
    Task draft = new Task(null, "Walk the dog", false, 0);
    draft.setExpanded(true);
    draft.setSelected(true);

    Reply<Task> reply =
        value(
            remote()
                .send(
                    new Write<>(
                        Write.Kind.CREATE,
                        null,
                        draft,
                        TaskPatch.empty().title("Walk the dog").done(false),
                        null,
                        "create-1",
                        1)));

    // the server refuses unknown properties with 400, so a leaked "expanded" would fail here
    Task created = reply.entity().orElseThrow();
    assertEquals("t2", created.getId());
    assertEquals(server.version(), created.getUpdatedAt());
    assertEquals("Walk the dog", server.snapshot().get("t2").title());
  }

  @Test
  void anUpdateAgainstTheCurrentVersionIsConfirmedWithTheNewVersion() throws Exception {
    Reply<Task> reply =
        value(remote().send(update("t1", patch().done(true), milk.updatedAt(), "u-1", 1)));

    Task confirmed = reply.entity().orElseThrow();
    assertTrue(confirmed.isDone());
    assertEquals("Buy milk", confirmed.getTitle());
    assertTrue(confirmed.getUpdatedAt() > milk.updatedAt());
  }

  @Test
  void anUpdateAfterTheSecondWriterIsAConflictCarryingTheServersTask() throws Exception {
    ServerTask theirs = server.editBehindClientsBack("t1", "Buy soy milk");

    SyncFailure f =
        failure(remote().send(update("t1", patch().done(true), milk.updatedAt(), "u-1", 1)));

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertEquals(412, f.status());
    Task latest = (Task) f.serverState().orElseThrow();
    assertEquals("Buy soy milk", latest.getTitle());
    assertEquals(theirs.updatedAt(), latest.getUpdatedAt());
    assertFalse(server.snapshot().get("t1").done());
  }

  @Test
  void a503IsTransientWithRetryAfterAndTheRetryIsAppliedOnce() throws Exception {
    server.failNextWrite(503, Duration.ofSeconds(2));
    HttpRemote<String, Task> remote = remote();

    SyncFailure f = failure(remote.send(update("t1", patch().done(true), null, "u-1", 1)));
    Reply<Task> retried = value(remote.send(update("t1", patch().done(true), null, "u-1", 2)));

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(Optional.of(Duration.ofSeconds(2)), f.retryAfter());
    assertTrue(retried.entity().orElseThrow().isDone());
    assertEquals(1, clientApplications("u-1"));
  }

  @Test
  void aDroppedResponseIsAnUnknownOutcomeResolvedByResendingWithTheSameKey() throws Exception {
    server.dropNextWriteResponse();
    HttpRemote<String, Task> remote = remote();

    SyncFailure f =
        failure(remote.send(update("t1", patch().title("Oat milk"), milk.updatedAt(), "u-1", 1)));
    ServerTask committed = server.snapshot().get("t1");
    Reply<Task> resent =
        value(remote.send(update("t1", patch().title("Oat milk"), milk.updatedAt(), "u-1", 2)));

    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
    assertEquals("Oat milk", committed.title());
    assertEquals(committed.updatedAt(), resent.entity().orElseThrow().getUpdatedAt());
    assertEquals(1, clientApplications("u-1"), "the resend was not applied again");
  }

  @Test
  void aResponseHeldPastTheClientTimeoutIsAnUnknownOutcome() throws Exception {
    HeldResponse held = server.holdNextWriteResponse();
    try {
      SyncFailure f =
          failure(
              remote(Duration.ofMillis(300))
                  .send(update("t1", patch().done(true), milk.updatedAt(), "u-1", 1)));

      assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
      assertTrue(held.arrived().isDone());
      assertTrue(server.snapshot().get("t1").done(), "committed before the answer was held");
    } finally {
      held.release();
    }
    Reply<Task> resent =
        value(remote().send(update("t1", patch().done(true), milk.updatedAt(), "u-1", 2)));
    assertTrue(resent.entity().orElseThrow().isDone());
    assertEquals(1, clientApplications("u-1"));
  }

  @Test
  void injectedServerAndClientErrorsMapToTransientAndRejected() throws Exception {
    server.failNextWrite(500);
    server.failNextWrite(422);

    SyncFailure serverError =
        failure(remote().send(update("t1", patch().done(true), null, "a", 1)));
    SyncFailure clientError =
        failure(remote().send(update("t1", patch().done(true), null, "b", 1)));

    assertEquals(SyncFailure.Kind.TRANSIENT, serverError.kind());
    assertEquals(SyncFailure.Kind.REJECTED, clientError.kind());
    assertTrue(clientError.getMessage().contains("injected fault 422"), clientError.getMessage());
    assertEquals(milk, server.snapshot().get("t1"));
  }

  @Test
  void aDeleteIsConfirmedEmptyAndTheTaskIsGone() throws Exception {
    Reply<Task> reply =
        value(
            remote()
                .send(
                    new Write<>(Write.Kind.DELETE, "t1", null, null, milk.updatedAt(), "d-1", 1)));

    assertTrue(reply.entity().isEmpty());
    assertEquals(Optional.empty(), value(remote().fetch("t1")));
  }
}
