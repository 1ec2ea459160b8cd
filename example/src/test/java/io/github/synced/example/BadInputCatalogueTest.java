package io.github.synced.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of rule 14, end to end: a real {@link SyncStore} over the generated
 * {@link TaskSync#TYPE}, the generated {@link TaskJson} codec and the real {@link HttpRemote},
 * against a loopback HTTP server that answers every request with the status and body the test
 * scripts.
 *
 * <p>Before each case the store holds task {@code t1} ("Buy milk", not done, version 5) with the
 * local-only {@code expanded} set. A bad answer to a mutation (the {@code PATCH} that sets title
 * and done) rolls the mutation back with a {@link BadServerDataException} naming {@code Task},
 * {@code t1} and the field, and leaves the store exactly as it was; the same answer to a refetch
 * ({@code GET}) fails the refetch with that exception and changes nothing. Each case prints {@code
 * input → message} for the catalogue in the issue note.
 *
 * <p>A 2xx answer that cannot be taken probably means the write was applied, so the store asks the
 * server for the entity (rule 6); the loopback server answers that {@code GET} with the same bad
 * body, which cannot be read either, so the mutation is rolled back with the first refusal. An
 * answer without the version (fields only, or an empty 2xx) is not bad: the write was accepted.
 */
class BadInputCatalogueTest {

  /** The task the store holds before every case, as the server last confirmed it. */
  private static final Task BASE = new Task("t1", "Buy milk", false, 5);

  private static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * A bad server answer: its body, the field the error must name ({@code null}: the problem is not
   * one field's) and a fragment of the problem the message must state.
   */
  record Bad(String name, String body, String field, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Answers that are bad both as a mutation's answer and as a fetched entity. */
  private static Stream<Bad> badEverywhere() {
    return Stream.of(
        new Bad(
            "malformed JSON: truncated inside a value",
            "{\"id\":\"t1\",\"title\":\"mine\",\"done\":tru",
            "done",
            "Unrecognized token 'tru'"),
        new Bad(
            "malformed JSON: an HTML error page",
            "<html><body>Internal error</body></html>",
            null,
            "malformed JSON: Unexpected character ('<'"),
        new Bad(
            "a JSON array instead of an object",
            "[{\"id\":\"t1\",\"title\":\"mine\",\"done\":true,\"updatedAt\":6}]",
            null,
            "expected a JSON object, found '['"),
        new Bad(
            "a JSON string instead of an object",
            "\"t1\"",
            null,
            "expected a JSON object, found VALUE_STRING"),
        new Bad(
            "a string where the boolean done is expected",
            "{\"id\":\"t1\",\"title\":\"mine\",\"done\":\"yes\",\"updatedAt\":6}",
            "done",
            "expected a boolean, found STRING"),
        new Bad(
            "a number where the string title is expected",
            "{\"id\":\"t1\",\"title\":42,\"done\":true,\"updatedAt\":6}",
            "title",
            "expected a string, found NUMBER"),
        new Bad(
            "an object where the string title is expected",
            "{\"id\":\"t1\",\"title\":{\"text\":\"mine\"},\"done\":true,\"updatedAt\":6}",
            "title",
            "expected a string, found OBJECT"),
        new Bad(
            "null for the primitive done",
            "{\"id\":\"t1\",\"title\":\"mine\",\"done\":null,\"updatedAt\":6}",
            "done",
            "expected a boolean, found null"),
        new Bad(
            "null for the version updatedAt",
            "{\"id\":\"t1\",\"title\":\"mine\",\"done\":true,\"updatedAt\":null}",
            "updatedAt",
            "expected an integer, found null"),
        new Bad(
            "a fraction where the integer version is expected",
            "{\"id\":\"t1\",\"title\":\"mine\",\"done\":true,\"updatedAt\":6.5}",
            "updatedAt",
            "expected an integer, found NUMBER"),
        new Bad(
            "another entity's id: t2 answering for t1",
            "{\"id\":\"t2\",\"title\":\"mine\",\"done\":true,\"updatedAt\":6}",
            "id",
            "the server answered with the entity of id 't2'"),
        new Bad(
            "a number where the string id is expected",
            "{\"id\":1,\"title\":\"mine\",\"done\":true,\"updatedAt\":6}",
            "id",
            "expected a string, found NUMBER"),
        new Bad( // every synced field: read as a whole entity, not as a partial answer
            "null for the id",
            "{\"id\":null,\"title\":\"mine\",\"done\":true,\"subtasks\":[],\"updatedAt\":6}",
            "id",
            "the id is missing"),
        new Bad(
            "a bad value before the id was read",
            "{\"title\":42,\"id\":\"t1\",\"done\":true,\"updatedAt\":6}",
            "title",
            "expected a string, found NUMBER"),
        new Bad(
            "a second document after the entity",
            "{\"id\":\"t1\",\"title\":\"mine\",\"done\":true,\"updatedAt\":6}{}",
            null,
            "unexpected '{' after the document"));
  }

  /** Mutation answers only: a {@code PATCH} answer is also read as a partial entity. */
  static Stream<Bad> badPatchAnswers() {
    return Stream.concat(
        badEverywhere(),
        Stream.of(
            new Bad(
                "a regressing version: 4 answering a write made against 5",
                "{\"id\":\"t1\",\"title\":\"mine\",\"done\":true,\"updatedAt\":4}",
                "updatedAt",
                "the answer's version 4 is older than the version 5 the write was made against")));
  }

  /** Fetch answers only: a fetched entity must be whole. */
  static Stream<Bad> badFetchAnswers() {
    return Stream.concat(
        badEverywhere(),
        Stream.of(
            new Bad("an empty 200 answer", "", null, "GET answered 200 with no body"),
            new Bad(
                "a whole entity without its version",
                "{\"id\":\"t1\",\"title\":\"mine\",\"done\":true}",
                "updatedAt",
                "the version is missing"),
            new Bad(
                "a fetched entity without its id",
                "{\"title\":\"mine\",\"done\":true,\"updatedAt\":6}",
                "id",
                "the id is missing")));
  }

  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile int status = 200;
  private volatile String body = "";
  private final CompletableFuture<Void> fetched = new CompletableFuture<>();

  private final List<Change<String, Task>> changes =
      Collections.synchronizedList(new ArrayList<>());
  private SyncStore<String, Task> store;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    URI uri =
        URI.create(
            "http://"
                + server.getAddress().getAddress().getHostAddress()
                + ":"
                + server.getAddress().getPort());
    ObjectMapper mapper = new ObjectMapper();
    HttpRemote<String, Task> remote =
        HttpRemote.<String, Task>builder(uri, "/tasks", new TaskJson())
            .mapper(mapper)
            .requestTimeout(WAIT)
            .build();
    AtomicInteger keys = new AtomicInteger();
    store =
        SyncStore.of(TaskSync.TYPE)
            .remote(remote)
            .scheduler(new VirtualScheduler())
            .retry(RetryPolicy.none())
            .notifyOn(Runnable::run)
            .idempotencyKeys(() -> "key-" + keys.incrementAndGet())
            .build();
    store.load(List.of(TaskSync.TYPE.copy(BASE)));
    store.local("t1", t -> t.setExpanded(true));
    store.subscribe(changes::add);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Answers every request with the scripted status and body, and records it. */
  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      if (exchange.getRequestMethod().equals("GET")) {
        fetched.complete(null);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** Every field of the task as the store shows it, synced and local-only. */
  private String shown() {
    return store.get("t1").orElseThrow().toString();
  }

  /** The mutation every case makes: title and done, against version 5. */
  private Mutation<String, Task> update() {
    return store.update("t1", TaskPatch.empty().title("mine").done(true));
  }

  /** The failure {@code future} completes with. */
  private static Throwable failureOf(Future<?> future) {
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    return e.getCause();
  }

  private static void namesTaskT1AndField(BadServerDataException e, Bad bad) {
    String message = e.getMessage();
    assertEquals("Task", e.entity(), message);
    assertEquals("t1", e.id(), message);
    assertEquals(bad.field(), e.field(), message);
    String named = bad.field() == null ? "Task 't1': " : "Task 't1', field '" + bad.field() + "': ";
    assertTrue(message.startsWith(named), message);
    assertTrue(message.contains(bad.problem()), message);
  }

  private static void print(String method, String body, BadServerDataException e) {
    System.out.println(method + " " + (body.isEmpty() ? "(empty)" : body) + " → " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPatchAnswers")
  void aBadMutationAnswerRollsBackAndLeavesTheStoreAsItWas(Bad bad) throws Exception {
    refusedAsMutationAnswer(200, bad);
  }

  @Test
  void aConflictAnswerCarryingAMistypedEntityRollsBackAndLeavesTheStoreAsItWas() throws Exception {
    refusedAsMutationAnswer(
        412,
        new Bad(
            "a 412 conflict carrying a mistyped entity",
            "{\"id\":\"t1\",\"title\":\"theirs\",\"done\":\"no\",\"updatedAt\":7}",
            "done",
            "expected a boolean, found STRING"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFetchAnswers")
  void aBadFetchAnswerFailsTheRefetchAndLeavesTheStoreAsItWas(Bad bad) throws Exception {
    body = bad.body();
    String before = shown();

    Throwable failure = failureOf(store.refetch("t1"));

    assertEquals(before, shown());
    assertEquals(List.of(), changes);
    assertEquals(List.of("GET /tasks/t1"), requests);
    BadServerDataException e = assertInstanceOf(BadServerDataException.class, failure);
    print("GET", bad.body(), e);
    namesTaskT1AndField(e, bad);
  }

  /**
   * Makes the update, answered with {@code answerStatus} and {@code bad}'s body, and checks that it
   * is rolled back with the error {@code bad} describes and that the store is as it was.
   */
  private void refusedAsMutationAnswer(int answerStatus, Bad bad) throws Exception {
    status = answerStatus;
    body = bad.body();
    String before = shown();

    Mutation<String, Task> m = update();
    Throwable failure = failureOf(m.result());

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertSame(failure, m.error().orElseThrow());
    assertEquals(before, shown());
    assertTrue(shown().contains("expanded=true"), shown());
    assertEquals(List.of(), store.pending("t1"));
    assertEquals(0, store.pendingFields("t1").size());
    Change<String, Task> last = changes.get(changes.size() - 1);
    assertEquals(Change.Cause.ROLLBACK, last.cause());
    assertSame(failure, last.error());
    // Sent once, then only asked about (the server's handler threads may record the two in
    // either order).
    assertEquals(1, requests.stream().filter("PATCH /tasks/t1"::equals).count(), "" + requests);
    assertTrue(
        requests.stream().allMatch(r -> r.equals("PATCH /tasks/t1") || r.equals("GET /tasks/t1")),
        "sent once, then only asked about: " + requests);
    BadServerDataException e = assertInstanceOf(BadServerDataException.class, failure);
    print(
        (answerStatus == 200 ? "PATCH " : "PATCH " + answerStatus + " ") + requests, bad.body(), e);
    namesTaskT1AndField(e, bad);
  }

  /**
   * Rule 3: an answer without the new version (fields only, or an empty 2xx) still means the write
   * was accepted: the written values are confirmed and the version is fetched.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"title\":\"mine\"}", ""})
  void anAnswerWithoutTheVersionConfirmsTheWrittenValues(String answer) throws Exception {
    body = answer;

    Mutation<String, Task> m = update();
    Task confirmed = m.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(
        "Task{id=t1, title=mine, done=true, updatedAt=5, expanded=true, selected=false}",
        confirmed.toString());
    fetched.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(List.of("PATCH /tasks/t1", "GET /tasks/t1"), requests, "the version was asked");
  }

  @Test
  void aRefetchWithAnOlderVersionIsIgnoredNotAnError() throws Exception {
    // Rule 7: a slow refetch may carry an older state; it never replaces the base.
    body = "{\"id\":\"t1\",\"title\":\"stale\",\"done\":true,\"updatedAt\":4}";
    String before = shown();

    store.refetch("t1").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(before, shown());
    assertEquals(List.of(), changes);
  }

  @Test
  void aMutationAnswerWithoutTheIdIsReadAsAPartialAnswer() throws Exception {
    // HttpRemote's contract: an update's answer without the id holds only the changed fields.
    body = "{\"title\":\"mine\",\"done\":true,\"updatedAt\":6}";

    Mutation<String, Task> m = update();
    Task confirmed = m.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(
        "Task{id=t1, title=mine, done=true, updatedAt=6, expanded=true, selected=false}",
        confirmed.toString());
    assertEquals(confirmed.toString(), shown());
  }

  @Test
  void unknownPropertiesInAMutationAnswerAreIgnored() throws Exception {
    body =
        "{\"id\":\"t1\",\"priority\":{\"level\":3,\"tags\":[\"a\",{\"deep\":null}]},"
            + "\"title\":\"mine\",\"labels\":[],\"done\":true,\"updatedAt\":6,\"note\":null}";

    Mutation<String, Task> m = update();
    Task confirmed = m.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(MutationState.CONFIRMED, m.state());
    String expected =
        "Task{id=t1, title=mine, done=true, updatedAt=6, expanded=true, selected=false}";
    assertEquals(expected, confirmed.toString());
    assertEquals(expected, shown());
    assertEquals(List.of("PATCH /tasks/t1"), requests);
  }

  @Test
  void unknownPropertiesInAFetchedEntityAreIgnored() throws Exception {
    body =
        "{\"id\":\"t1\",\"title\":\"Buy oat milk\",\"done\":false,\"updatedAt\":6,"
            + "\"priority\":{\"level\":3},\"labels\":[\"x\"]}";

    store.refetch("t1").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(
        "Task{id=t1, title=Buy oat milk, done=false, updatedAt=6, expanded=true, selected=false}",
        shown());
  }

  @Test
  void localOnlyValuesSentByTheServerInAMutationAnswerAreIgnored() throws Exception {
    body =
        "{\"id\":\"t1\",\"title\":\"mine\",\"done\":true,\"updatedAt\":6,"
            + "\"expanded\":false,\"selected\":true}";

    Mutation<String, Task> m = update();
    Task confirmed = m.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(confirmed.isExpanded(), "the client's expanded kept");
    assertFalse(confirmed.isSelected(), "the client's selected kept");
    assertEquals(
        "Task{id=t1, title=mine, done=true, updatedAt=6, expanded=true, selected=false}", shown());
  }

  @Test
  void localOnlyValuesSentByTheServerInAFetchedEntityAreIgnored() throws Exception {
    body =
        "{\"id\":\"t1\",\"title\":\"Buy oat milk\",\"done\":false,\"updatedAt\":6,"
            + "\"expanded\":false,\"selected\":true}";

    store.refetch("t1").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertEquals(
        "Task{id=t1, title=Buy oat milk, done=false, updatedAt=6, expanded=true, selected=false}",
        shown());
    Change<String, Task> last = changes.get(changes.size() - 1);
    assertEquals(Change.Cause.EXTERNAL_UPDATE, last.cause());
    assertNull(last.mutation());
  }
}
