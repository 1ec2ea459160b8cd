package io.github.synced.runtime.http;

import static io.github.synced.runtime.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Transition;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.Note;
import io.github.synced.runtime.json.NoteJson;
import io.github.synced.runtime.json.NotePatch;
import io.github.synced.runtime.json.NoteType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limits of {@link HttpRemote} against hostile servers (rule 14 over HTTP), on a real loopback
 * server: a deadline for the whole exchange, body included; a maximum body size enforced while
 * reading; ids that would form dot segments or empty segments refused before anything is sent.
 *
 * <p>The deadline tests use a short deadline (a few hundred milliseconds) so that they stay fast,
 * and the others a long one, so that a busy machine cannot turn their answers into unknown
 * outcomes; the slow servers wait on a latch that each test releases, never on a fixed sleep beyond
 * the trickle's pace.
 */
class HttpLimitsTest {

  private static final String NOTE_7 =
      "{\"id\":\"n1\",\"text\":\"server\",\"priority\":2,\"version\":7}";
  private static final Duration DEADLINE = Duration.ofMillis(300);

  /** The deadline of every other test (a size or id test that met it would fail as unknown). */
  private static final Duration UNHURRIED = Duration.ofSeconds(8);

  private static final int LIMIT = 1024;

  private static LoopbackServer server;

  /** Released after each test, so that a slow responder stops. */
  private CountDownLatch released = new CountDownLatch(1);

  /** Counted down when a responder finds the client closed the connection. */
  private CountDownLatch clientClosed = new CountDownLatch(1);

  @BeforeAll
  static void start() {
    server = new LoopbackServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void release() {
    released.countDown();
  }

  private static HttpRemote.Builder<String, Note> builder() {
    ObjectMapper mapper = new ObjectMapper();
    return HttpRemote.<String, Note>builder(server.uri(), "/notes", new NoteJson(mapper))
        .mapper(mapper)
        .requestTimeout(UNHURRIED)
        .maxResponseBytes(LIMIT);
  }

  /**
   * A remote for the size and id tests: its deadline is far off, so a busy machine cannot hit it.
   */
  private static HttpRemote<String, Note> remote() {
    return builder().build();
  }

  /** A remote whose deadline the deadline tests run into. */
  private static HttpRemote<String, Note> hurried() {
    return builder().requestTimeout(DEADLINE).build();
  }

  private static Write<String, Note> update(String id) {
    return new Write<>(
        Write.Kind.UPDATE, id, null, NotePatch.empty().text("x"), 6L, "key-update-1", 1);
  }

  private static Write<String, Note> delete(String id) {
    return new Write<>(Write.Kind.DELETE, id, null, null, 6L, "key-delete-1", 1);
  }

  /** The exception a stage must fail with, unwrapped, and how long the stage took. */
  private static <X extends Throwable> X failure(CompletionStage<?> stage, Class<X> type)
      throws Exception {
    try {
      Object v = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
      return fail("expected " + type.getSimpleName() + " but the stage completed with " + v);
    } catch (ExecutionException e) {
      return assertInstanceOf(type, e.getCause());
    }
  }

  /**
   * Sends status headers announcing {@code length} body bytes ({@code 0}: chunked), then one byte
   * every 50 ms until released or until the client closes the connection.
   */
  private LoopbackServer.Responder trickle(int status, int length) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, length);
      OutputStream out = exchange.getResponseBody();
      try {
        out.write('{');
        out.flush();
        while (!released.await(50, TimeUnit.MILLISECONDS)) {
          out.write(' ');
          out.flush();
        }
      } catch (IOException closed) {
        clientClosed.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    };
  }

  /** Never answers until released. */
  private LoopbackServer.Responder silent() {
    return exchange -> {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    };
  }

  /** Streams a chunked body of {@code total} bytes; notes whether the client cut it off. */
  private LoopbackServer.Responder endless(int status, long total) {
    return exchange -> streamed(exchange, status, total);
  }

  private void streamed(HttpExchange exchange, int status, long total) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, 0);
    byte[] chunk = new byte[8192];
    Arrays.fill(chunk, (byte) ' ');
    chunk[0] = '{';
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < total; sent += chunk.length) {
        out.write(chunk);
        chunk[0] = ' ';
      }
    } catch (IOException closed) {
      clientClosed.countDown();
    }
  }

  private static String body(int size) {
    char[] spaces = new char[size - NOTE_7.length()];
    Arrays.fill(spaces, ' ');
    return NOTE_7 + new String(spaces);
  }

  // ------------------------------------------------------------------ deadline

  @Test
  void aWriteWhoseBodyTricklesPastTheDeadlineHasAnUnknownOutcomeAndItsConnectionIsClosed()
      throws Exception {
    server.answer(trickle(200, 1000));

    long start = System.nanoTime();
    SyncFailure f = failure(hurried().send(update("n1")), SyncFailure.class);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
    assertTrue(f.getMessage().contains("PATCH /notes/n1"), f.getMessage());
    assertTrue(f.getMessage().contains("within 300 ms"), f.getMessage());
    assertTrue(f.getMessage().contains("status 200 had arrived"), f.getMessage());
    assertTrue(f.getMessage().contains("requestTimeout"), f.getMessage());
    assertTrue(tookMs >= 250 && tookMs < 5_000, "ended at the deadline, took " + tookMs + " ms");
    assertTrue(
        clientClosed.await(5, TimeUnit.SECONDS), "the client closed the trickling connection");
  }

  @Test
  void aFetchWhoseChunkedBodyTricklesPastTheDeadlineIsTransient() throws Exception {
    server.answer(trickle(200, 0));

    SyncFailure f = failure(hurried().fetch("n1"), SyncFailure.class);

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(0, f.status());
    assertTrue(f.getMessage().contains("GET /notes/n1"), f.getMessage());
    assertTrue(
        clientClosed.await(5, TimeUnit.SECONDS), "the client closed the trickling connection");
  }

  @Test
  void aServerThatSendsNoHeadersMissesTheSameDeadline() throws Exception {
    server.answer(silent());

    SyncFailure write = failure(hurried().send(delete("n1")), SyncFailure.class);
    SyncFailure read = failure(hurried().fetchAll(), SyncFailure.class);

    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, write.kind());
    assertTrue(write.getMessage().contains("no status line had arrived"), write.getMessage());
    assertEquals(SyncFailure.Kind.TRANSIENT, read.kind());
  }

  @Test
  void aMutationAgainstATricklingServerLeavesSendingInsteadOfHangingThere() throws Exception {
    server.answer(trickle(200, 1000));
    SyncStore<String, Note> store =
        SyncStore.of(NoteType.TYPE).remote(hurried()).retry(RetryPolicy.none()).build();
    store.load(List.of(new Note("n1", "server", 2, 7)));
    CompletableFuture<Transition<String, Note>> leftSending = new CompletableFuture<>();
    store.onTransition(
        t -> {
          if (t.from() == MutationState.SENDING) {
            leftSending.complete(t);
          }
        });

    Mutation<String, Note> m = store.update("n1", NotePatch.empty().text("mine"));
    Transition<String, Note> left = leftSending.get(5, TimeUnit.SECONDS);

    assertEquals(m, left.mutation(), "the deadline ended the send");
    assertEquals(
        SyncFailure.Kind.OUTCOME_UNKNOWN, assertInstanceOf(SyncFailure.class, left.error()).kind());
  }

  @Test
  void builderRefusesANonPositiveDeadlineAndSize() {
    HttpRemote.Builder<String, Note> b = builder();
    assertThrows(IllegalArgumentException.class, () -> b.requestTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.requestTimeout(Duration.ofMillis(-1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.maxResponseBytes(0));
    assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.maxResponseBytes(Integer.MAX_VALUE));
  }

  // ------------------------------------------------------------------ size

  @Test
  void theDefaultLimitIsSixteenMebibytes() {
    assertEquals(16L * 1024 * 1024, HttpRemote.DEFAULT_MAX_RESPONSE_BYTES);
  }

  @Test
  void aBodyOfExactlyTheLimitIsRead() throws Exception {
    server.answer(respond(200, body(LIMIT)));

    Note note = remote().fetch("n1").toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();

    assertEquals(7, note.version());
  }

  @Test
  void aWriteAnsweredWithADeclaredLengthOverTheLimitHasAnUnknownOutcome() throws Exception {
    server.answer(respond(200, body(LIMIT + 1)));

    SyncFailure f = failure(remote().send(update("n1")), SyncFailure.class);

    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
    assertTrue(
        f.getMessage().startsWith("Note 'n1': PATCH /notes/n1 answered 200"), f.getMessage());
    assertTrue(f.getMessage().contains("over the limit of 1024 bytes"), f.getMessage());
    assertTrue(f.getMessage().contains("maxResponseBytes"), f.getMessage());
  }

  @Test
  void aCreateAnsweredOverTheLimitHasAnUnknownOutcome() throws Exception {
    server.answer(endless(201, 1L << 30));

    SyncFailure f =
        failure(
            remote()
                .send(
                    new Write<>(
                        Write.Kind.CREATE,
                        null,
                        new Note(null, "x", null, 0),
                        NotePatch.empty().text("x"),
                        null,
                        "k",
                        1)),
            SyncFailure.class);

    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, f.kind());
    assertTrue(clientClosed.await(5, TimeUnit.SECONDS), "the client stopped reading at the limit");
  }

  @Test
  void aFetchWhoseEndlessBodyPassesTheLimitIsCutOffAsBadServerData() throws Exception {
    // chunked, no Content-Length: the limit is enforced while reading; 1 GiB would be sent
    server.answer(endless(200, 1L << 30));

    BadServerDataException e = failure(remote().fetch("n1"), BadServerDataException.class);

    assertEquals(SyncFailure.Kind.BAD_RESPONSE, e.kind());
    assertEquals("Note", e.entity());
    assertEquals("n1", e.id());
    assertTrue(e.getMessage().contains("over the limit of 1024 bytes"), e.getMessage());
    assertTrue(clientClosed.await(5, TimeUnit.SECONDS), "the client stopped reading at the limit");
  }

  @Test
  void aFetchAllOverTheLimitIsBadServerData() throws Exception {
    server.answer(respond(200, "[" + body(LIMIT) + "]"));

    BadServerDataException e = failure(remote().fetchAll(), BadServerDataException.class);

    assertNull(e.id());
    assertTrue(e.getMessage().contains("GET /notes answered 200"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503})
  void anErrorStatusWithABodyOverTheLimitKeepsItsKind(int status) throws Exception {
    server.answer(endless(status, 1L << 30));

    SyncFailure f = failure(remote().send(update("n1")), SyncFailure.class);

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(status, f.status());
    assertTrue(f.getMessage().contains("cut off at the size limit"), f.getMessage());
  }

  @Test
  void aRejectionWithABodyOverTheLimitIsRejectedWithTheStartOfItsBody() throws Exception {
    server.answer(respond(422, "{\"error\":\"title too long\"}" + " ".repeat(LIMIT)));

    SyncFailure f = failure(remote().send(update("n1")), SyncFailure.class);

    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    assertEquals(422, f.status());
    assertTrue(f.getMessage().contains("title too long"), f.getMessage());
  }

  @Test
  void aConflictWithABodyOverTheLimitCarriesNoServerState() throws Exception {
    server.answer(respond(412, body(LIMIT + 1)));

    SyncFailure f = failure(remote().send(update("n1")), SyncFailure.class);

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertTrue(f.serverState().isEmpty(), "the store fetches the entity instead");
  }

  // ------------------------------------------------------------------ ids

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "\uFF0E", // fullwidth full stop: '.' after NFKC
        "\uFF0E\uFF0E",
        "\u2025", // two dot leader: '..' after NFKC
        "../x",
        "x/..",
        "a/./b",
        "a//b",
        "/a",
        "a/",
        "a\\..\\b",
        "..\uFF0Fx" // fullwidth solidus: '../x' after NFKC
      })
  void idsThatWouldFormDotOrEmptySegmentsAreRefusedAndNeverSent(String id) throws Exception {
    server.answer(respond(200, NOTE_7));
    HttpRemote<String, Note> remote = remote();

    for (Function<String, CompletionStage<?>> call :
        List.<Function<String, CompletionStage<?>>>of(
            i -> remote.send(update(i)), i -> remote.send(delete(i)), remote::fetch)) {
      SyncFailure f = failure(call.apply(id), SyncFailure.class);

      assertEquals(SyncFailure.Kind.REJECTED, f.kind());
      assertEquals(0, f.status());
      assertTrue(f.getMessage().startsWith("Note id '" + id + "' cannot be sent"), f.getMessage());
      assertTrue(f.getMessage().contains("Nothing was sent"), f.getMessage());
      assertTrue(f.getMessage().contains("HttpRemote.Builder.idSegment"), f.getMessage());
    }
    assertEquals(List.of(), server.receivedSoFar(), "nothing reached the server");
  }

  @Test
  void theRefusalNamesTheMethodAndThePathItWouldHaveAddressed() throws Exception {
    SyncFailure f = failure(remote().send(delete("..")), SyncFailure.class);

    assertEquals(
        "Note id '..' cannot be sent: its path segment '..' is a dot segment (URL normalisation"
            + " resolves it), so DELETE /notes/.. would address another resource than the"
            + " entity. Nothing was sent. Give the entity an id that is not empty, '.' or '..',"
            + " or map ids to safe path segments with HttpRemote.Builder.idSegment.",
        f.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"...", ".a", "a.", "a..b", "%2E", "%2e%2E", "a b/c", "~", " "})
  void idsWithDotsThatAreNotDotSegmentsAreSentEncoded(String id) throws Exception {
    server.answer(respond(404, ""));

    remote().fetch(id).toCompletableFuture().get(10, TimeUnit.SECONDS);

    String raw = server.next().rawPath();
    assertTrue(raw.startsWith("/notes/") && raw.length() > "/notes/".length(), raw);
    String segment = raw.substring("/notes/".length());
    assertTrue(!segment.equals(".") && !segment.equals(".."), segment);
    assertEquals(
        id, URLDecoder.decode(segment, StandardCharsets.UTF_8), "the segment decodes to the id");
  }

  @Test
  void anIdSegmentMappingMakesAnyIdSendable() throws Exception {
    server.answer(respond(404, ""));
    HttpRemote<String, Note> mapped = builder().idSegment(id -> "id-" + id).build();

    mapped.fetch("..").toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals("/notes/id-..", server.next().rawPath());
  }

  @Test
  void unsafeSegmentSaysWhy() {
    assertTrue(Requests.unsafeSegment("").startsWith("is empty"));
    assertTrue(Requests.unsafeSegment(".").startsWith("is a dot segment"));
    assertTrue(Requests.unsafeSegment("\u2025").contains("'..' after Unicode normalisation"));
    assertTrue(Requests.unsafeSegment("a/../b").contains("the part '..'"));
    assertNull(Requests.unsafeSegment("t1"));
    assertNull(Requests.unsafeSegment("a b/c"));
  }
}
