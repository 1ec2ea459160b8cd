package io.github.synced.example.server;

import static io.github.synced.example.server.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.example.server.AppliedWrite.Kind;
import io.github.synced.example.server.AppliedWrite.Writer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded task server over real HTTP on loopback. */
class TaskServerTest {

  private TaskServer server;
  private Http http;
  private ServerTask milk;

  @BeforeEach
  void start() {
    server = TaskServer.start(1L, Faults.none());
    http = new Http(server.uri());
    milk = server.addTask("Buy milk", false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> patch(String id, String body, String... headers)
      throws IOException, InterruptedException {
    return http.send("PATCH", "/tasks/" + id, body, headers);
  }

  @Test
  void createAssignsARealIdIgnoringTheClientsTemporaryOne() throws Exception {
    HttpResponse<String> r =
        http.send(
            "POST",
            "/tasks",
            "{\"id\":\"tmp-1\",\"title\":\"Walk\",\"done\":false,\"updatedAt\":0}",
            "Idempotency-Key",
            "k1");

    assertEquals(201, r.statusCode());
    JsonNode task = json(r);
    assertEquals("t2", task.get("id").textValue());
    assertEquals("Walk", task.get("title").textValue());
    assertEquals(2, task.get("updatedAt").longValue());
    assertEquals("/tasks/t2", r.headers().firstValue("Location").orElseThrow());
    assertEquals(new ServerTask("t2", "Walk", false, 2), server.snapshot().get("t2"));
  }

  @Test
  void everyWriteIncreasesTheVersion() throws Exception {
    ServerTask walk = server.addTask("Walk", false);
    long v1 = json(patch(milk.id(), "{\"done\":true}")).get("updatedAt").longValue();
    long v2 = json(patch(milk.id(), "{\"title\":\"Buy oat milk\"}")).get("updatedAt").longValue();
    server.editBehindClientsBack(milk.id(), "Buy soy milk");
    assertEquals(204, http.send("DELETE", "/tasks/" + walk.id(), null).statusCode());

    assertTrue(milk.updatedAt() < walk.updatedAt());
    assertTrue(walk.updatedAt() < v1 && v1 < v2 && v2 < server.version(), v1 + " " + v2);
    List<Long> versions = server.log().stream().map(AppliedWrite::version).toList();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), versions);
    assertEquals(
        List.of(Kind.CREATE, Kind.CREATE, Kind.UPDATE, Kind.UPDATE, Kind.UPDATE, Kind.DELETE),
        server.log().stream().map(AppliedWrite::kind).toList());
  }

  @Test
  void patchChangesOnlyThePropertiesPresent() throws Exception {
    HttpResponse<String> r = patch(milk.id(), "{\"done\":true}");

    assertEquals(200, r.statusCode());
    assertEquals(new ServerTask("t1", "Buy milk", true, 2), server.snapshot().get("t1"));
    assertEquals("Buy milk", json(r).get("title").textValue());
  }

  @Test
  void getAnswersOneTaskAndAllTasksInCreationOrder() throws Exception {
    server.addTask("Walk", true);

    ServerTask one = Http.task(http.send("GET", "/tasks/t1", null));
    JsonNode all = json(http.send("GET", "/tasks", null));

    assertEquals(milk, one);
    assertEquals(2, all.size());
    assertEquals("t1", all.get(0).get("id").textValue());
    assertEquals("t2", all.get(1).get("id").textValue());
    assertEquals(404, http.send("GET", "/tasks/t9", null).statusCode());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"expanded\":true}",
        "{\"title\":5}",
        "{\"title\":null}",
        "{\"done\":\"yes\"}",
        "{\"updatedAt\":\"new\"}",
        "{\"id\":\"t2\"}",
        "[]",
        "{\"title\":"
      })
  void aBadPatchIs400AndChangesNothing(String body) throws Exception {
    HttpResponse<String> r = patch(milk.id(), body);

    assertEquals(400, r.statusCode(), r.body());
    assertFalse(json(r).get("error").textValue().isBlank());
    assertEquals(Map.of("t1", milk), server.snapshot());
    assertEquals(1, server.version());
  }

  @Test
  void anUnknownPropertyIsNamedInTheError() throws Exception {
    HttpResponse<String> r = http.send("POST", "/tasks", "{\"title\":\"x\",\"selected\":true}");

    assertEquals(400, r.statusCode());
    assertEquals("unknown property \"selected\"", json(r).get("error").textValue());
  }

  @Test
  void aCreateWithoutTitleIs400() throws Exception {
    assertEquals(400, http.send("POST", "/tasks", "{\"done\":true}").statusCode());
    assertEquals(1, server.snapshot().size());
  }

  @Test
  void unknownPathsAre404AndOtherMethods405() throws Exception {
    assertEquals(404, http.send("GET", "/users", null).statusCode());
    assertEquals(404, http.send("GET", "/tasks/t1/sub", null).statusCode());
    HttpResponse<String> put = http.send("PUT", "/tasks/t1", "{}");
    assertEquals(405, put.statusCode());
    assertEquals("GET, PATCH, DELETE", put.headers().firstValue("Allow").orElseThrow());
    assertEquals(405, http.send("DELETE", "/tasks", null).statusCode());
    assertEquals(404, http.send("PATCH", "/tasks/t9", "{}").statusCode());
  }

  @Test
  void aStaleIfMatchIs412WithTheCurrentTask() throws Exception {
    ServerTask edited = server.editBehindClientsBack(milk.id(), "Buy soy milk");

    HttpResponse<String> stale =
        patch(milk.id(), "{\"done\":true}", "If-Match", "\"" + milk.updatedAt() + "\"");

    assertEquals(412, stale.statusCode());
    assertEquals(edited, Http.task(stale));
    assertEquals(edited, server.snapshot().get("t1"));

    HttpResponse<String> fresh =
        patch(milk.id(), "{\"done\":true}", "If-Match", "W/\"" + edited.updatedAt() + "\"");
    assertEquals(200, fresh.statusCode());
  }

  @Test
  void aStaleIfMatchRefusesADelete() throws Exception {
    server.editBehindClientsBack(milk.id(), "Buy soy milk");

    HttpResponse<String> r = http.send("DELETE", "/tasks/t1", null, "If-Match", "\"1\"");

    assertEquals(412, r.statusCode());
    assertTrue(server.snapshot().containsKey("t1"));
    assertEquals(204, http.send("DELETE", "/tasks/t1", null, "If-Match", "*").statusCode());
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheRecordedAnswerWithoutApplyingAgain() throws Exception {
    HttpResponse<String> first = patch(milk.id(), "{\"title\":\"A\"}", "Idempotency-Key", "k1");
    HttpResponse<String> again = patch(milk.id(), "{\"title\":\"B\"}", "Idempotency-Key", "k1");

    assertEquals(200, again.statusCode());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElseThrow());
    assertEquals("A", server.snapshot().get("t1").title());
    assertEquals(1, server.log().stream().filter(w -> "k1".equals(w.idempotencyKey())).count());
  }

  @Test
  void anIdempotencyKeyReusedForAnotherRequestIs422() throws Exception {
    patch(milk.id(), "{\"title\":\"A\"}", "Idempotency-Key", "k1");

    HttpResponse<String> r = http.send("DELETE", "/tasks/t1", null, "Idempotency-Key", "k1");

    assertEquals(422, r.statusCode());
    assertTrue(server.snapshot().containsKey("t1"));
  }

  @Test
  void aRefusedWriteIsNotRecordedSoItsKeyMayBeRetried() throws Exception {
    ServerTask edited = server.editBehindClientsBack(milk.id(), "Buy soy milk");
    patch(milk.id(), "{\"done\":true}", "Idempotency-Key", "k1", "If-Match", "\"1\"");

    HttpResponse<String> retried =
        patch(
            milk.id(),
            "{\"done\":true}",
            "Idempotency-Key",
            "k1",
            "If-Match",
            "\"" + edited.updatedAt() + "\"");

    assertEquals(200, retried.statusCode());
    assertTrue(server.snapshot().get("t1").done());
  }

  @Test
  void failNextWriteAnswersTheStatusWithoutApplyingAndLeavesReadsAlone() throws Exception {
    server.failNextWrite(500);

    assertEquals(200, http.send("GET", "/tasks", null).statusCode());
    HttpResponse<String> failed = patch(milk.id(), "{\"done\":true}", "Idempotency-Key", "k1");
    assertEquals(500, failed.statusCode());
    assertEquals(milk, server.snapshot().get("t1"));

    HttpResponse<String> retried = patch(milk.id(), "{\"done\":true}", "Idempotency-Key", "k1");
    assertEquals(200, retried.statusCode());
    assertTrue(server.snapshot().get("t1").done());
  }

  @Test
  void failNextWriteCanSendRetryAfter() throws Exception {
    server.failNextWrite(503, Duration.ofSeconds(7));

    HttpResponse<String> r = patch(milk.id(), "{\"done\":true}");

    assertEquals(503, r.statusCode());
    assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void scriptedFaultsTakeTheNextWritesInOrder() throws Exception {
    server.failNextWrite(500);
    server.failNextWrite(409);

    assertEquals(500, patch(milk.id(), "{}").statusCode());
    assertEquals(409, patch(milk.id(), "{}").statusCode());
    assertEquals(200, patch(milk.id(), "{}").statusCode());
  }

  @Test
  void aDroppedResponseIsCommittedAndARetryWithItsKeyIsNotAppliedAgain() throws Exception {
    server.dropNextWriteResponse();

    assertThrows(
        IOException.class, () -> patch(milk.id(), "{\"done\":true}", "Idempotency-Key", "k1"));
    ServerTask committed = server.snapshot().get("t1");
    assertTrue(committed.done(), "the write was committed before the answer was dropped");

    HttpResponse<String> retried = patch(milk.id(), "{\"done\":true}", "Idempotency-Key", "k1");
    assertEquals(200, retried.statusCode());
    assertEquals(committed.updatedAt(), json(retried).get("updatedAt").longValue());
    assertEquals(2, server.log().size(), "one create, one update: applied once");
  }

  @Test
  void aHeldResponseIsCommittedOnArrivalAndSentOnRelease() throws Exception {
    HeldResponse held = server.holdNextWriteResponse();

    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync("PATCH", "/tasks/t1", "{\"done\":true}");
    held.arrived().get(10, TimeUnit.SECONDS);

    assertTrue(server.snapshot().get("t1").done());
    assertFalse(answer.isDone());
    held.release();
    assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
  }

  @Test
  void aHeldReadAnswersWithTheStateAtItsArrivalWhenReleased() throws Exception {
    HeldResponse held = server.holdNextReadResponse();
    CompletableFuture<HttpResponse<String>> slowRead = http.sendAsync("GET", "/tasks/t1", null);
    held.arrived().get(10, TimeUnit.SECONDS);
    long before = server.snapshot().get("t1").updatedAt();

    HttpResponse<String> write =
        http.sendAsync("PATCH", "/tasks/t1", "{\"title\":\"newer\"}").get(10, TimeUnit.SECONDS);
    assertEquals(200, write.statusCode());
    assertFalse(slowRead.isDone());
    held.release();

    JsonNode stale = json(slowRead.get(10, TimeUnit.SECONDS));
    assertEquals(before, stale.get("updatedAt").longValue());
    assertTrue(before < server.snapshot().get("t1").updatedAt());
  }

  @Test
  void heldResponsesCanBeReleasedInReverseOrder() throws Exception {
    HeldResponse first = server.holdNextWriteResponse();
    HeldResponse second = server.holdNextWriteResponse();
    CompletableFuture<HttpResponse<String>> a =
        http.sendAsync("PATCH", "/tasks/t1", "{\"title\":\"A\"}");
    first.arrived().get(10, TimeUnit.SECONDS);
    CompletableFuture<HttpResponse<String>> b =
        http.sendAsync("PATCH", "/tasks/t1", "{\"title\":\"B\"}");
    second.arrived().get(10, TimeUnit.SECONDS);

    second.release();
    long vb = json(b.get(10, TimeUnit.SECONDS)).get("updatedAt").longValue();
    assertFalse(a.isDone());
    first.release();
    long va = json(a.get(10, TimeUnit.SECONDS)).get("updatedAt").longValue();

    assertTrue(va < vb, "the later answer carries the older version");
    assertEquals("B", server.snapshot().get("t1").title());
  }

  @Test
  void requestListenersHearEachAnswersFate() throws Exception {
    List<ServedRequest> served = new CopyOnWriteArrayList<>();
    server.onRequest(served::add);
    server.failNextWrite(503);
    server.dropNextWriteResponse();

    patch(milk.id(), "{\"done\":true}", "Idempotency-Key", "k1");
    assertThrows(IOException.class, () -> patch(milk.id(), "{}", "Idempotency-Key", "k1"));
    patch(milk.id(), "{}", "Idempotency-Key", "k1");
    http.send("GET", "/tasks", null);

    assertEquals(
        List.of(
            new ServedRequest("PATCH", "/tasks/t1", "k1", 503, ServedRequest.Fate.INJECTED),
            new ServedRequest("PATCH", "/tasks/t1", "k1", 200, ServedRequest.Fate.DROPPED),
            new ServedRequest("PATCH", "/tasks/t1", "k1", 200, ServedRequest.Fate.REPLAYED),
            new ServedRequest("GET", "/tasks", null, 200, ServedRequest.Fate.ANSWERED)),
        served);
  }

  @Test
  void latencyDelaysEveryAnswerByAtLeastItsFixedPart() throws Exception {
    server.faults(Faults.none().withLatency(Duration.ofMillis(150), Duration.ofMillis(50)));

    long start = System.nanoTime();
    HttpResponse<String> r = http.send("GET", "/tasks/t1", null);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(200, r.statusCode());
    assertTrue(elapsedMs >= 150, "answered after " + elapsedMs + " ms");
  }

  @Test
  void theSecondWriterEditsBehindTheClientsBackAndIsLogged() {
    ServerTask edited = server.editBehindClientsBack("t1", "Buy soy milk");

    assertEquals(new ServerTask("t1", "Buy soy milk", false, 2), edited);
    AppliedWrite last = server.log().get(server.log().size() - 1);
    assertEquals(Writer.SECOND_WRITER, last.writer());
    assertEquals(edited, last.after());
    assertThrows(NoSuchElementException.class, () -> server.editBehindClientsBack("t9", "x"));
  }

  @Test
  void aPeriodicSecondWriterEditsTasksUntilTurnedOff() throws Exception {
    CompletableFuture<AppliedWrite> edit = new CompletableFuture<>();
    server.onApplied(
        w -> {
          if (w.writer() == Writer.SECOND_WRITER) {
            edit.complete(w);
          }
        });

    server.faults(Faults.none().withSecondWriterEvery(Duration.ofMillis(5)));
    AppliedWrite w = edit.get(10, TimeUnit.SECONDS);
    server.faults(Faults.none());

    assertEquals("t1", w.taskId());
    assertTrue(w.after().title().startsWith("Edited elsewhere #"), w.after().title());
    assertTrue(server.snapshot().get("t1").title().startsWith("Edited elsewhere #"));
  }

  /** The outcome of each of {@code n} sequential patches against a fresh server of {@code seed}. */
  private static List<String> outcomes(long seed, int n) throws Exception {
    Faults faults =
        Faults.none()
            .withErrorRate(500, 0.2)
            .withErrorRate(503, 0.1)
            .withRetryAfter(Duration.ofSeconds(1))
            .withDropRate(0.2);
    List<String> outcomes = new ArrayList<>();
    try (TaskServer s = TaskServer.start(seed, faults)) {
      s.addTask("x", false);
      Http h = new Http(s.uri());
      for (int i = 0; i < n; i++) {
        try {
          outcomes.add(
              String.valueOf(h.send("PATCH", "/tasks/t1", "{\"done\":true}").statusCode()));
        } catch (IOException dropped) {
          outcomes.add("dropped");
        }
      }
      long applied = s.log().size() - 1L;
      assertEquals(
          outcomes.stream().filter(o -> o.equals("200") || o.equals("dropped")).count(),
          applied,
          "answered and dropped writes were applied, injected errors were not");
    }
    return outcomes;
  }

  @Test
  void seededFaultRatesAreReproducible() throws Exception {
    List<String> first = outcomes(42, 40);
    List<String> again = outcomes(42, 40);
    List<String> other = outcomes(43, 40);

    assertEquals(first, again);
    assertNotEquals(first, other);
    assertTrue(first.containsAll(List.of("200", "500", "503", "dropped")), first.toString());
  }

  @Test
  void injectedErrorRatesHitReadsToo() throws Exception {
    server.faults(Faults.none().withErrorRate(500, 1.0));

    assertEquals(500, http.send("GET", "/tasks", null).statusCode());
  }

  @Test
  void faultsRefuseImpossibleRates() {
    assertThrows(IllegalArgumentException.class, () -> Faults.none().withDropRate(1.5));
    assertThrows(IllegalArgumentException.class, () -> Faults.none().withErrorRate(200, 0.1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Faults.none().withErrorRate(500, 0.6).withErrorRate(503, 0.6));
    assertTrue(e.getMessage().contains("more than 1"), e.getMessage());
  }

  @Test
  void aWriteAfterCloseFails() {
    server.close();

    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> http.sendAsync("GET", "/tasks", null).get(10, TimeUnit.SECONDS));
    assertInstanceOf(IOException.class, e.getCause());
  }
}
