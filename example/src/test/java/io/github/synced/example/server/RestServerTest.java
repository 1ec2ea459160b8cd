package io.github.synced.example.server;

import static io.github.synced.example.server.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server personalities beside {@link TaskServer}'s ({@link Personality}) over real HTTP on
 * loopback: what each answers, and that faults, idempotency and the second writer work for every
 * one of them.
 */
class RestServerTest {

  private RestServer server;
  private Http http;

  private RestServer start(Personality personality) {
    server = RestServer.start(personality, 3L, Faults.none());
    http = new Http(server.uri());
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private ObjectNode task(String title) {
    return Http.MAPPER.createObjectNode().put("title", title);
  }

  private ObjectNode note(String text) {
    return Http.MAPPER.createObjectNode().put("text", text);
  }

  static List<Personality> personalities() {
    return List.of(
        Personality.tasks(),
        Personality.strictIfMatch(),
        Personality.versionOnly(),
        Personality.jsonServer());
  }

  /** Seeds one entity of the personality's shape and returns its path. */
  private String seedOne(Personality p) {
    ObjectNode e = server.add(p.shape().equals(Shape.TASK) ? task("first") : note("first"));
    return p.path() + "/" + e.get("id").asText();
  }

  /** A valid PATCH of the edited property, with {@code If-Match: *} where it is required. */
  private HttpResponse<String> patch(Personality p, String path, String text, String... headers)
      throws IOException, InterruptedException {
    String body = "{\"" + p.shape().edited() + "\":\"" + text + "\"}";
    if (p.ifMatch() != Personality.IfMatch.REQUIRED) {
      return http.send("PATCH", path, body, headers);
    }
    String[] withIfMatch = new String[headers.length + 2];
    System.arraycopy(headers, 0, withIfMatch, 0, headers.length);
    withIfMatch[headers.length] = "If-Match";
    withIfMatch[headers.length + 1] = "*";
    return http.send("PATCH", path, body, withIfMatch);
  }

  // ---------------------------------------------------------------- strict If-Match

  @Test
  void strictIfMatchAnswersAWriteWithoutIfMatchWith428AndAppliesNothing() throws Exception {
    start(Personality.strictIfMatch());
    server.add(task("Buy milk"));

    HttpResponse<String> patch = http.send("PATCH", "/tasks/t1", "{\"done\":true}");
    HttpResponse<String> delete = http.send("DELETE", "/tasks/t1", null);

    assertEquals(428, patch.statusCode());
    assertTrue(
        json(patch).get("error").textValue().contains("If-Match: \"1\""),
        "the error says what to send: " + patch.body());
    assertEquals(428, delete.statusCode());
    assertFalse(server.snapshot().get("t1").get("done").booleanValue());
    assertEquals(1, server.log().size());
  }

  @Test
  void strictIfMatchAnswersAStaleOneWith412AndTheCurrentEntity() throws Exception {
    start(Personality.strictIfMatch());
    server.add(task("Buy milk"));
    server.editBehindClientsBack("t1", "Buy soy milk");

    HttpResponse<String> stale =
        http.send("PATCH", "/tasks/t1", "{\"done\":true}", "If-Match", "\"1\"");
    HttpResponse<String> fresh =
        http.send("PATCH", "/tasks/t1", "{\"done\":true}", "If-Match", "\"2\"");

    assertEquals(412, stale.statusCode());
    assertEquals("Buy soy milk", json(stale).get("title").textValue());
    assertEquals(2, json(stale).get("updatedAt").longValue());
    assertEquals(200, fresh.statusCode());
    assertTrue(json(fresh).get("done").booleanValue());
  }

  @Test
  void strictIfMatchBindsAnIdempotencyKeyToItsBody() throws Exception {
    start(Personality.strictIfMatch());
    server.add(task("Buy milk"));

    HttpResponse<String> first =
        http.send(
            "PATCH", "/tasks/t1", "{\"title\":\"A\"}", "If-Match", "*", "Idempotency-Key", "k1");
    HttpResponse<String> same =
        http.send(
            "PATCH", "/tasks/t1", "{\"title\":\"A\"}", "If-Match", "*", "Idempotency-Key", "k1");
    HttpResponse<String> other =
        http.send(
            "PATCH", "/tasks/t1", "{\"title\":\"B\"}", "If-Match", "*", "Idempotency-Key", "k1");

    assertEquals(200, first.statusCode());
    assertEquals("true", same.headers().firstValue("Idempotent-Replayed").orElseThrow());
    assertEquals(422, other.statusCode());
    assertTrue(json(other).get("error").textValue().contains("another body"), other.body());
    assertEquals("A", server.snapshot().get("t1").get("title").textValue());
  }

  @Test
  void strictIfMatchAcceptsACreateWithoutIfMatch() throws Exception {
    start(Personality.strictIfMatch());

    HttpResponse<String> r = http.send("POST", "/tasks", "{\"title\":\"Walk\"}");

    assertEquals(201, r.statusCode());
    assertEquals("t1", json(r).get("id").textValue());
  }

  // ---------------------------------------------------------------- version-only

  @Test
  void versionOnlyAnswersACreateWithTheIdAndVersionOnly() throws Exception {
    start(Personality.versionOnly());

    HttpResponse<String> r = http.send("POST", "/tasks", "{\"title\":\"Walk\",\"done\":true}");

    assertEquals(201, r.statusCode());
    assertEquals("{\"id\":\"t1\",\"updatedAt\":1}", r.body());
    assertEquals("/tasks/t1", r.headers().firstValue("Location").orElseThrow());
    assertTrue(server.snapshot().get("t1").get("done").booleanValue());
  }

  @Test
  void versionOnlyAnswersUpdatesWithTheVersionOrNothingAtRandom() throws Exception {
    start(Personality.versionOnly());
    server.add(task("Buy milk"));

    int versions = 0;
    int empty = 0;
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> r = http.send("PATCH", "/tasks/t1", "{\"title\":\"v" + i + "\"}");
      if (r.statusCode() == 204) {
        assertEquals("", r.body());
        empty++;
      } else {
        assertEquals(200, r.statusCode());
        assertEquals("{\"updatedAt\":" + (i + 2) + "}", r.body());
        versions++;
      }
    }

    assertTrue(versions > 0 && empty > 0, versions + " version answers, " + empty + " empty");
    assertEquals("v29", server.snapshot().get("t1").get("title").textValue());
  }

  @Test
  void aPersonalityCanAnswerEveryUpdateWithTheVersionOnly() throws Exception {
    start(
        Personality.versionOnly().withUpdateAnswer("version-answers", Personality.Answer.VERSION));
    server.add(task("Buy milk"));

    HttpResponse<String> r = http.send("PATCH", "/tasks/t1", "{\"done\":true}");

    assertEquals("{\"updatedAt\":2}", r.body());
  }

  // ---------------------------------------------------------------- json-server

  @Test
  void jsonServerAssignsOneMoreThanTheLargestIdAndReusesADeletedLargestOne() throws Exception {
    start(Personality.jsonServer());

    JsonNode first = json(http.send("POST", "/notes", "{\"text\":\"a\"}"));
    JsonNode second = json(http.send("POST", "/notes", "{\"text\":\"b\",\"stars\":3}"));
    HttpResponse<String> deleted = http.send("DELETE", "/notes/2", null);
    JsonNode third = json(http.send("POST", "/notes", "{\"text\":\"c\"}"));

    assertEquals("{\"id\":1,\"text\":\"a\",\"stars\":0}", first.toString());
    assertEquals("{\"id\":2,\"text\":\"b\",\"stars\":3}", second.toString());
    assertEquals(200, deleted.statusCode());
    assertEquals("{}", deleted.body());
    assertEquals(2, third.get("id").longValue(), "as json-server 0.17 does: the largest id + 1");
  }

  @Test
  void jsonServerKeepsAClientSentIdAndRefusesADuplicate() throws Exception {
    start(Personality.jsonServer());

    HttpResponse<String> kept = http.send("POST", "/notes", "{\"id\":1000,\"text\":\"mine\"}");
    HttpResponse<String> duplicate = http.send("POST", "/notes", "{\"id\":1000,\"text\":\"x\"}");
    HttpResponse<String> next = http.send("POST", "/notes", "{\"text\":\"next\"}");

    assertEquals(201, kept.statusCode());
    assertEquals(1000, json(kept).get("id").longValue());
    assertEquals("/notes/1000", kept.headers().firstValue("Location").orElseThrow());
    assertEquals(409, duplicate.statusCode());
    assertEquals(1001, json(next).get("id").longValue());
  }

  @Test
  void jsonServerHasNoVersionsIgnoresIfMatchAndAnswersAPatchWithTheWholeEntity() throws Exception {
    start(Personality.jsonServer());
    server.add(note("first"));

    HttpResponse<String> r =
        http.send("PATCH", "/notes/1", "{\"stars\":5}", "If-Match", "\"whatever\"");

    assertEquals(200, r.statusCode());
    assertEquals("{\"id\":1,\"text\":\"first\",\"stars\":5}", r.body());
    assertEquals(400, http.send("PATCH", "/notes/1", "{\"version\":3}").statusCode());
    assertEquals(400, http.send("PATCH", "/notes/1", "{\"id\":2}").statusCode());
    assertEquals(400, http.send("PATCH", "/notes/1", "{\"stars\":\"many\"}").statusCode());
    assertEquals(404, http.send("GET", "/notes/abc", null).statusCode());
  }

  // ---------------------------------------------------------------- every personality

  @ParameterizedTest
  @MethodSource("personalities")
  void aDroppedAnswerIsCommittedAndItsRetryReplayed(Personality p) throws Exception {
    start(p);
    String path = seedOne(p);
    server.dropNextWriteResponse();

    assertThrows(IOException.class, () -> patch(p, path, "dropped", "Idempotency-Key", "k1"));
    HttpResponse<String> retried = patch(p, path, "dropped", "Idempotency-Key", "k1");

    assertTrue(retried.statusCode() / 100 == 2, retried.statusCode() + " " + retried.body());
    assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElseThrow());
    assertEquals(1, server.log().stream().filter(w -> "k1".equals(w.idempotencyKey())).count());
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void injectedErrorsApplyNothingAndCarryRetryAfter(Personality p) throws Exception {
    start(p);
    String path = seedOne(p);
    server.failNextWrite(503, Duration.ofSeconds(2));
    long before = server.sequence();

    HttpResponse<String> r = patch(p, path, "refused");

    assertEquals(503, r.statusCode());
    assertEquals("2", r.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(before, server.sequence());
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void randomErrorsAndDropsHitEveryPersonality(Personality p) throws Exception {
    start(p);
    String path = seedOne(p);
    server.faults(
        Faults.none()
            .withErrorRate(500, 0.3)
            .withErrorRate(429, 0.1)
            .withDropRate(0.3)
            .withLatency(Duration.ofMillis(1), Duration.ofMillis(2)));

    int errors = 0;
    int drops = 0;
    for (int i = 0; i < 40; i++) {
      try {
        int status = patch(p, path, "r" + i).statusCode();
        if (status >= 400 && status != 428) {
          errors++;
        }
      } catch (IOException dropped) {
        drops++;
      }
    }

    assertTrue(errors > 0 && drops > 0, errors + " errors, " + drops + " drops");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void theSecondWriterEditsTheShapesEditedPropertyUntilTurnedOff(Personality p) throws Exception {
    start(p);
    String id = seedOne(p).substring(p.path().length() + 1);
    CompletableFuture<ServerWrite> edit = new CompletableFuture<>();
    server.onApplied(
        w -> {
          if (w.writer() == AppliedWrite.Writer.SECOND_WRITER) {
            edit.complete(w);
          }
        });

    server.faults(Faults.none().withSecondWriterEvery(Duration.ofMillis(5)));
    ServerWrite w = edit.get(10, TimeUnit.SECONDS);
    server.faults(Faults.none());

    assertEquals(id, w.id());
    assertNull(w.idempotencyKey());
    assertTrue(w.after().get(p.shape().edited()).textValue().startsWith("Edited elsewhere #"));
    if (p.shape().versioned()) {
      assertEquals(w.sequence(), w.after().get(p.shape().version()).longValue());
    }
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aHeldAnswerIsCommittedOnArrivalAndSentOnRelease(Personality p) throws Exception {
    start(p);
    String path = seedOne(p);
    HeldResponse held = server.holdNextWriteResponse();
    String property = p.shape().edited();

    CompletableFuture<HttpResponse<String>> answer =
        http.sendAsync("PATCH", path, "{\"" + property + "\":\"held\"}", "If-Match", "*");
    held.arrived().get(10, TimeUnit.SECONDS);

    assertEquals(
        "held",
        server.snapshot().get(path.substring(p.path().length() + 1)).get(property).textValue());
    assertFalse(answer.isDone());
    held.release();
    assertEquals(2, answer.get(10, TimeUnit.SECONDS).statusCode() / 100);
  }

  @Test
  void personalitiesRefuseShapesTheyCannotServe() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Personality.jsonServer()
                .withUpdateAnswer("versions without versions", Personality.Answer.VERSION));
    assertThrows(
        IllegalArgumentException.class,
        () -> TaskServer.start(Personality.jsonServer(), 1, Faults.none()));
  }
}
