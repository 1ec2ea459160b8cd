package io.github.synced.runtime.http;

import static io.github.synced.runtime.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.Note;
import io.github.synced.runtime.json.NoteField;
import io.github.synced.runtime.json.NoteJson;
import io.github.synced.runtime.json.NotePatch;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpRemote} against a real HTTP server on loopback. */
class HttpRemoteTest {

  private static final String NOTE_7 =
      "{\"id\":\"n1\",\"text\":\"server\",\"priority\":2,\"version\":7}";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static LoopbackServer server;
  private static HttpRemote<String, Note> remote;

  @BeforeAll
  static void start() {
    server = new LoopbackServer();
    remote = remoteTo(server.uri(), Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpRemote<String, Note> remoteTo(URI uri, Duration requestTimeout) {
    ObjectMapper mapper = new ObjectMapper();
    return HttpRemote.<String, Note>builder(uri, "/notes", new NoteJson(mapper))
        .mapper(mapper)
        .requestTimeout(requestTimeout)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private static Write<String, Note> update(NotePatch patch, Object baseVersion, int attempt) {
    return new Write<>(Write.Kind.UPDATE, "n1", null, patch, baseVersion, "key-update-1", attempt);
  }

  private static final Write<String, Note> UPDATE = update(NotePatch.empty().text("x"), 6L, 1);

  private static final Write<String, Note> CREATE =
      new Write<>(
          Write.Kind.CREATE,
          null,
          new Note(null, "x", null, 0),
          NotePatch.empty().text("x"),
          null,
          "key-create-1",
          1);

  /** The value of a stage that must succeed. */
  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The exception a stage must fail with, unwrapped. */
  private static <X extends Throwable> X failure(CompletionStage<?> stage, Class<X> type)
      throws Exception {
    try {
      Object v = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
      return fail("expected " + type.getSimpleName() + " but the stage completed with " + v);
    } catch (ExecutionException e) {
      return assertInstanceOf(type, e.getCause());
    }
  }

  @Test
  void fetchGetsTheEntityAtItsUrlEncodedPath() throws Exception {
    server.answer(respond(200, "{\"id\":\"a b/c\",\"text\":\"t\",\"version\":3,\"pinned\":true}"));

    Note note = value(remote.fetch("a b/c")).orElseThrow();

    LoopbackServer.Received request = server.next();
    assertEquals("GET", request.method());
    assertEquals("/notes/a%20b%2Fc", request.rawPath());
    assertEquals("a b/c", note.id());
    assertEquals("t", note.text());
    assertEquals(3, note.version());
    assertFalse(note.pinned(), "a local-only property sent by the server is ignored");
  }

  @Test
  void fetchOfAnEntityTheServerDoesNotHaveIsEmpty() throws Exception {
    server.answer(respond(404, "{\"error\":\"no such note\"}"));

    assertEquals(Optional.empty(), value(remote.fetch("n9")));
  }

  @Test
  void fetchAllReadsTheArrayInOrder() throws Exception {
    server.answer(
        respond(
            200, "[" + NOTE_7 + ",{\"id\":\"n2\",\"text\":null,\"priority\":null,\"version\":1}]"));

    List<Note> notes = value(remote.fetchAll());

    assertEquals("/notes", server.next().rawPath());
    assertEquals(List.of("n1", "n2"), notes.stream().map(Note::id).toList());
    assertNull(notes.get(1).text());
  }

  @Test
  void createPostsTheSyncedFieldsOnlyAndReadsTheAssignedId() throws Exception {
    server.answer(respond(201, "{\"id\":\"n42\",\"text\":\"draft\",\"priority\":1,\"version\":1}"));
    Note draft = new Note(null, "draft", 1, 0);
    draft.pin(true);
    NotePatch fields = NotePatch.empty().text("draft").priority(1);

    Reply<Note> reply =
        value(
            remote.send(
                new Write<>(Write.Kind.CREATE, null, draft, fields, null, "key-create-1", 1)));

    LoopbackServer.Received request = server.next();
    assertEquals("POST", request.method());
    assertEquals("/notes", request.rawPath());
    assertEquals("{\"text\":\"draft\",\"priority\":1}", request.body());
    assertEquals("key-create-1", request.header("Idempotency-Key"));
    assertNull(request.header("If-Match"), "a create without a base version has no precondition");
    assertEquals("n42", reply.entity().orElseThrow().id());
  }

  @Test
  void updatePatchesExactlyThePatchFieldsWithNullApartFromAbsent() throws Exception {
    server.answer(respond(200, "{\"id\":\"n1\",\"text\":\"x\",\"priority\":null,\"version\":8}"));

    Reply<Note> reply =
        value(remote.send(update(NotePatch.empty().text("x").priority(null), 7L, 1)));

    LoopbackServer.Received request = server.next();
    assertEquals("PATCH", request.method());
    assertEquals("/notes/n1", request.rawPath());
    assertEquals("{\"text\":\"x\",\"priority\":null}", request.body());
    assertEquals("\"7\"", request.header("If-Match"));
    assertEquals("key-update-1", request.header("Idempotency-Key"));
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals(8, reply.entity().orElseThrow().version());
  }

  @Test
  void updateWithoutBaseVersionSendsNoPrecondition() throws Exception {
    server.answer(respond(200, NOTE_7));

    value(remote.send(update(NotePatch.empty().text("x"), null, 1)));

    assertNull(server.next().header("If-Match"));
  }

  @Test
  void everyAttemptOfOneWriteCarriesTheSameIdempotencyKey() throws Exception {
    server.answer(respond(503, ""));

    failure(remote.send(update(NotePatch.empty().text("x"), 6L, 1)), SyncFailure.class);
    failure(remote.send(update(NotePatch.empty().text("x"), 6L, 2)), SyncFailure.class);

    String first = server.next().header("Idempotency-Key");
    String second = server.next().header("Idempotency-Key");
    assertEquals("key-update-1", first);
    assertEquals(first, second);
  }

  @Test
  void deleteSendsDeleteWithKeyAndPreconditionAndA204IsAnEmptyReply() throws Exception {
    server.answer(respond(204, ""));

    Reply<Note> reply =
        value(remote.send(new Write<>(Write.Kind.DELETE, "n1", null, null, 7L, "key-del", 1)));

    LoopbackServer.Received request = server.next();
    assertEquals("DELETE", request.method());
    assertEquals("/notes/n1", request.rawPath());
    assertEquals("key-del", request.header("Idempotency-Key"));
    assertEquals("\"7\"", request.header("If-Match"));
    assertTrue(reply.entity().isEmpty());
    assertTrue(reply.fields().isEmpty());
  }

  @Test
  void aDeleteAnsweredWithAnyBodyIsAnEmptyReply() throws Exception {
    server.answer(respond(200, "{\"ok\":true}")); // not an entity: a delete's body is not read

    Reply<Note> reply =
        value(remote.send(new Write<>(Write.Kind.DELETE, "n1", null, null, 7L, "key-del", 1)));

    assertTrue(reply.entity().isEmpty());
    assertTrue(reply.fields().isEmpty());
  }

  @Test
  void anUpdateAnsweredWithoutTheIdIsAPartialReply() throws Exception {
    server.answer(respond(200, "{\"version\":8,\"pinned\":true}"));

    Reply<Note> reply = value(remote.send(UPDATE));

    assertTrue(reply.entity().isEmpty());
    assertEquals(Set.of(NoteField.VERSION), reply.fields().orElseThrow().fields());
    assertEquals(8L, reply.fields().orElseThrow().get(NoteField.VERSION));
  }

  @Test
  void anUpdateAnsweredWithTheIdButNotEveryFieldIsAPartialReplyNotAnEntityWithDefaults()
      throws Exception {
    server.answer(respond(200, "{\"id\":\"n1\",\"version\":8}"));

    Reply<Note> reply = value(remote.send(UPDATE));

    assertTrue(reply.entity().isEmpty(), "text and priority were not answered, so not nulled");
    assertEquals(Set.of(NoteField.ID, NoteField.VERSION), reply.fields().orElseThrow().fields());
  }

  @Test
  void aCreateAnsweredWithOnlyTheAssignedIdAndVersionIsAPartialReply() throws Exception {
    server.answer(respond(201, "{\"id\":\"n42\",\"version\":1}"));

    Reply<Note> reply = value(remote.send(CREATE));

    assertTrue(reply.entity().isEmpty());
    assertEquals("n42", reply.fields().orElseThrow().get(NoteField.ID));
    assertEquals(1L, reply.fields().orElseThrow().get(NoteField.VERSION));
  }

  @Test
  void aCreateAnsweredWithoutTheAssignedIdIsBadServerData() throws Exception {
    server.answer(respond(201, "{\"text\":\"x\",\"version\":1}"));

    BadServerDataException e = failure(remote.send(CREATE), BadServerDataException.class);

    assertEquals("id", e.field());
    assertTrue(e.getMessage().contains("not the id the server assigned"), e.getMessage());
  }

  @Test
  void aPartialReplyWithoutTheVersionIsPassedOnForTheStoreToDecide() throws Exception {
    server.answer(respond(200, "{\"text\":\"x\"}"));

    Reply<Note> reply = value(remote.send(UPDATE));

    assertEquals(Set.of(NoteField.TEXT), reply.fields().orElseThrow().fields());
  }

  @Test
  void aConflictOnACreateCarriesTheServersEntityUnderItsOwnId() throws Exception {
    server.answer(respond(409, NOTE_7));

    SyncFailure f =
        failure(
            remote.send(
                new Write<>(
                    Write.Kind.CREATE,
                    null,
                    new Note(null, "x", null, 0),
                    NotePatch.empty().text("x"),
                    null,
                    "k",
                    1)),
            SyncFailure.class);

    assertEquals("n1", ((Note) f.serverState().orElseThrow()).id());
  }

  @Test
  void a200WithAnEmptyBodyIsAnEmptyReply() throws Exception {
    server.answer(respond(200, ""));

    assertTrue(value(remote.send(UPDATE)).entity().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(ints = {409, 412})
  void aPreconditionFailureIsAConflictCarryingTheServersEntity(int status) throws Exception {
    server.answer(respond(status, NOTE_7));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertEquals(status, f.status());
    Note latest = (Note) f.serverState().orElseThrow();
    assertEquals(7, latest.version());
    assertEquals("server", latest.text());
  }

  @Test
  void aConflictWithoutBodyCarriesNoState() throws Exception {
    server.answer(respond(412, ""));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertTrue(f.serverState().isEmpty());
  }

  @Test
  void aConflictWithAMistypedEntityIsBadServerData() throws Exception {
    server.answer(respond(412, "{\"id\":\"n1\",\"version\":\"seven\"}"));

    BadServerDataException e = failure(remote.send(UPDATE), BadServerDataException.class);

    assertEquals("version", e.field());
    assertEquals("n1", e.id());
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 503})
  void tooManyRequestsAndUnavailableAreTransientWithRetryAfterInSeconds(int status)
      throws Exception {
    server.answer(respond(status, Map.of("Retry-After", "12"), ""));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(status, f.status());
    assertEquals(Optional.of(Duration.ofSeconds(12)), f.retryAfter());
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredFromTheClock() throws Exception {
    server.answer(respond(503, Map.of("Retry-After", "Thu, 01 Jan 2026 00:02:00 GMT"), ""));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(Optional.of(Duration.ofMinutes(2)), f.retryAfter());
  }

  @Test
  void retryAfterInThePastMeansNow() throws Exception {
    server.answer(respond(429, Map.of("Retry-After", "Wed, 31 Dec 2025 23:00:00 GMT"), ""));

    assertEquals(
        Optional.of(Duration.ZERO), failure(remote.send(UPDATE), SyncFailure.class).retryAfter());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504})
  void otherServerErrorsAreTransient(int status) throws Exception {
    server.answer(respond(status, ""));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(status, f.status());
    assertTrue(f.retryAfter().isEmpty());
  }

  @Test
  void requestTimeoutStatusIsAnUnknownOutcome() throws Exception {
    server.answer(respond(408, ""));

    assertEquals(
        SyncFailure.Kind.OUTCOME_UNKNOWN, failure(remote.send(UPDATE), SyncFailure.class).kind());
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 410})
  void notFoundAndGoneOnAWriteMeanTheEntityIsNotOnTheServer(int status) throws Exception {
    server.answer(respond(status, "{\"error\":\"no such note\"}"));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.NOT_FOUND, f.kind());
    assertEquals(status, f.status());
    assertTrue(f.getMessage().contains("PATCH /notes/n1"), f.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 400, 401, 403, 405, 422})
  void otherClientErrorsAndUnexpectedStatusesAreRejectedWithStatusAndBodyText(int status)
      throws Exception {
    server.answer(respond(status, "{\"error\":\"title too long\"}"));

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    assertEquals(status, f.status());
    assertTrue(f.getMessage().contains("PATCH /notes/n1"), f.getMessage());
    assertTrue(f.getMessage().contains("title too long"), f.getMessage());
  }

  @Test
  void aFetchThatFailsWithAServerErrorIsTransient() throws Exception {
    server.answer(respond(500, ""));

    assertEquals(SyncFailure.Kind.TRANSIENT, failure(remote.fetchAll(), SyncFailure.class).kind());
  }

  @Test
  void aTimeoutAfterTheServerReceivedTheWriteIsAnUnknownOutcome() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.answer(
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(200, NOTE_7).answer(exchange);
        });
    HttpRemote<String, Note> impatient = remoteTo(server.uri(), Duration.ofMillis(300));
    try {
      SyncFailure f = failure(impatient.send(UPDATE), SyncFailure.class);

      assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
      assertEquals("PATCH", server.next().method(), "the server did receive the write");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aTimeoutOfAFetchIsTransient() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.answer(
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(200, NOTE_7).answer(exchange);
        });
    HttpRemote<String, Note> impatient = remoteTo(server.uri(), Duration.ofMillis(300));
    try {
      assertEquals(
          SyncFailure.Kind.TRANSIENT, failure(impatient.fetch("n1"), SyncFailure.class).kind());
    } finally {
      release.countDown();
    }
  }

  @Test
  void aConnectionClosedWithoutAnswerAfterTheWriteWasSentIsAnUnknownOutcome() throws Exception {
    server.answer(exchange -> exchange.close());

    SyncFailure f = failure(remote.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
    assertEquals("PATCH", server.next().method());
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpRemote<String, Note> nowhere =
        remoteTo(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5));

    SyncFailure f = failure(nowhere.send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(0, f.status());
  }

  @Test
  void malformedJsonIsBadServerDataNamingEntityIdAndField() throws Exception {
    server.answer(respond(200, "{\"id\":\"n1\",\"text\":\"unterminated"));

    BadServerDataException e = failure(remote.send(UPDATE), BadServerDataException.class);

    assertEquals("Note", e.entity());
    assertEquals("n1", e.id());
    assertEquals("text", e.field());
    assertTrue(
        e.getMessage().startsWith("Note 'n1', field 'text': malformed JSON"), e.getMessage());
  }

  @Test
  void aMistypedValueIsBadServerDataNamingEntityIdAndField() throws Exception {
    server.answer(respond(200, "{\"priority\":\"high\",\"id\":\"n1\",\"version\":8}"));

    BadServerDataException e = failure(remote.send(UPDATE), BadServerDataException.class);

    assertEquals("Note", e.entity());
    assertEquals("n1", e.id());
    assertEquals("priority", e.field());
  }

  @Test
  void anAnswerForAnotherIdIsBadServerData() throws Exception {
    server.answer(respond(200, "{\"id\":\"n2\",\"text\":\"x\",\"version\":8}"));

    BadServerDataException e = failure(remote.send(UPDATE), BadServerDataException.class);

    assertEquals("n1", e.id());
    assertEquals("id", e.field());
    assertTrue(e.getMessage().contains("'n2'"), e.getMessage());
  }

  @Test
  void aFetchAllThatIsNotAnArrayIsBadServerData() throws Exception {
    server.answer(respond(200, NOTE_7));

    BadServerDataException e = failure(remote.fetchAll(), BadServerDataException.class);

    assertEquals("Note", e.entity());
    assertTrue(e.getMessage().contains("expected a JSON array"), e.getMessage());
  }

  @Test
  void aFetchAllWithABadElementNamesItsIdAndField() throws Exception {
    server.answer(respond(200, "[" + NOTE_7 + ",{\"id\":\"n2\",\"version\":1.5}]"));

    BadServerDataException e = failure(remote.fetchAll(), BadServerDataException.class);

    assertEquals("n2", e.id());
    assertEquals("version", e.field());
  }

  @Test
  void aSuccessfulFetchWithoutBodyIsBadServerData() throws Exception {
    server.answer(respond(200, ""));

    BadServerDataException e = failure(remote.fetch("n1"), BadServerDataException.class);

    assertEquals("n1", e.id());
  }

  @Test
  void aWriteThatCannotBeEncodedFailsItsStage() throws Exception {
    server.answer(respond(200, NOTE_7));

    NullPointerException e =
        failure(
            remote.send(new Write<>(Write.Kind.DELETE, null, null, null, null, "k", 1)),
            NullPointerException.class);

    assertEquals("id", e.getMessage());
    assertEquals("id", failure(remote.fetch(null), NullPointerException.class).getMessage());
  }

  @Test
  void builderRefusesANonPositiveTimeout() {
    HttpRemote.Builder<String, Note> builder =
        HttpRemote.builder(server.uri(), "/notes", new NoteJson(new ObjectMapper()));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> builder.requestTimeout(Duration.ZERO));
    assertTrue(e.getMessage().contains("requestTimeout"));
  }
}
