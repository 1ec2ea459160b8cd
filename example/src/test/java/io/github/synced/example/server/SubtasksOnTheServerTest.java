package io.github.synced.example.server;

import static io.github.synced.example.server.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The task server's subtasks over real HTTP: stored, validated, returned in every read and answer,
 * replaced whole by a {@code PATCH} (JSON merge patch), and refused with 422 where a title is too
 * long or blank.
 */
class SubtasksOnTheServerTest {

  private static final List<ServerSubtask> THREE =
      List.of(
          new ServerSubtask("s1", "Pack the books", false),
          new ServerSubtask("s2", "Book the movers", false),
          new ServerSubtask("s3", "Clean the flat", true));

  private TaskServer server;
  private Http http;
  private ServerTask move;

  @BeforeEach
  void start() {
    server = TaskServer.start(1L, Faults.none());
    http = new Http(server.uri());
    move = server.addTask("Move house", false, THREE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> patch(String body) throws IOException, InterruptedException {
    return http.send("PATCH", "/tasks/t1", body);
  }

  @Test
  void readsReturnTheSubtasksInOrderAndATaskWithoutAnyHasAnEmptyArray() throws Exception {
    server.addTask("Walk", false);

    JsonNode all = json(http.send("GET", "/tasks", null));

    assertEquals(THREE, move.subtasks());
    assertEquals(move, Http.task(http.send("GET", "/tasks/t1", null)));
    assertEquals(
        "[{\"id\":\"s1\",\"title\":\"Pack the books\",\"done\":false},"
            + "{\"id\":\"s2\",\"title\":\"Book the movers\",\"done\":false},"
            + "{\"id\":\"s3\",\"title\":\"Clean the flat\",\"done\":true}]",
        all.get(0).get("subtasks").toString());
    assertEquals("[]", all.get(1).get("subtasks").toString());
  }

  @Test
  void aPatchWithSubtasksReplacesTheArrayAndOneWithoutLeavesIt() throws Exception {
    HttpResponse<String> r =
        patch(
            "{\"subtasks\":[{\"id\":\"s3\",\"title\":\"Clean\"},{\"id\":\"s1\",\"title\":\"x\"}]}");

    assertEquals(200, r.statusCode(), r.body());
    ServerTask after = Http.task(r);
    assertEquals(
        List.of(new ServerSubtask("s3", "Clean", false), new ServerSubtask("s1", "x", false)),
        after.subtasks(),
        "replaced whole, in the order sent; an absent done is false");
    assertEquals(move.updatedAt() + 1, after.updatedAt(), "the version moves");
    assertEquals(after, server.snapshot().get("t1"));

    ServerTask titled = Http.task(patch("{\"title\":\"Move out\"}"));
    assertEquals(after.subtasks(), titled.subtasks(), "absent: not touched");
  }

  @Test
  void nullRemovesTheArrayWhichLeavesNone() throws Exception {
    HttpResponse<String> r = patch("{\"subtasks\":null}");

    assertEquals(200, r.statusCode(), r.body());
    assertEquals("[]", json(r).get("subtasks").toString());
    assertEquals(List.of(), server.snapshot().get("t1").subtasks());
  }

  @Test
  void aCreateKeepsTheClientsSubtaskIds() throws Exception {
    HttpResponse<String> r =
        http.send(
            "POST",
            "/tasks",
            "{\"title\":\"Walk\",\"subtasks\":[{\"id\":\"a\",\"title\":\"Shoes\"}]}");

    assertEquals(201, r.statusCode(), r.body());
    assertEquals(List.of(new ServerSubtask("a", "Shoes", false)), Http.task(r).subtasks());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"subtasks\":{}}",
        "{\"subtasks\":[null]}",
        "{\"subtasks\":[{\"title\":\"no id\"}]}",
        "{\"subtasks\":[{\"id\":\"\",\"title\":\"empty id\"}]}",
        "{\"subtasks\":[{\"id\":7,\"title\":\"a number\"}]}",
        "{\"subtasks\":[{\"id\":\"s1\"}]}",
        "{\"subtasks\":[{\"id\":\"s1\",\"title\":null}]}",
        "{\"subtasks\":[{\"id\":\"s1\",\"title\":\"a\",\"done\":\"yes\"}]}",
        "{\"subtasks\":[{\"id\":\"s1\",\"title\":\"a\",\"expanded\":true}]}",
        "{\"subtasks\":[{\"id\":\"s1\",\"title\":\"a\"},{\"id\":\"s1\",\"title\":\"b\"}]}"
      })
  void aBadSubtaskIs400AndChangesNothing(String body) throws Exception {
    HttpResponse<String> r = patch(body);

    assertEquals(400, r.statusCode(), r.body());
    assertTrue(json(r).get("error").textValue().contains("subtasks"), r.body());
    assertEquals(Map.of("t1", move), server.snapshot());
  }

  @Test
  void aLeakedLocalOnlyFieldIsNamed() throws Exception {
    HttpResponse<String> r =
        patch("{\"subtasks\":[{\"id\":\"s1\",\"title\":\"a\",\"expanded\":true}]}");

    assertEquals("unknown property \"expanded\" in subtasks[0]", json(r).get("error").textValue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Book the movers for Saturday morning, and ask whether they bring boxes", "   "})
  void aTitleTheServerWillNotTakeIs422AndChangesNothing(String title) throws Exception {
    String body =
        "{\"subtasks\":[{\"id\":\"s1\",\"title\":\"ok\"},{\"id\":\"s2\",\"title\":\""
            + title
            + "\"}]}";

    HttpResponse<String> r = patch(body);
    HttpResponse<String> created =
        http.send("POST", "/tasks", body.replace("{\"sub", "{\"title\":\"t\",\"sub"));

    assertEquals(422, r.statusCode(), r.body());
    assertTrue(json(r).get("error").textValue().startsWith("subtask s2: a title"), r.body());
    assertEquals(422, created.statusCode(), created.body());
    assertEquals(Map.of("t1", move), server.snapshot());
    assertEquals(1, server.version(), "nothing applied");
  }

  @Test
  void aSecondWriterRenamesOneSubtaskAndMovesTheVersion() {
    ServerTask after = server.editSubtaskBehindClientsBack("t1", "s3", "Clean the whole flat");

    assertEquals(
        List.of(THREE.get(0), THREE.get(1), new ServerSubtask("s3", "Clean the whole flat", true)),
        after.subtasks());
    assertEquals(move.updatedAt() + 1, after.updatedAt());
    assertEquals(
        AppliedWrite.Writer.SECOND_WRITER, server.log().get(server.log().size() - 1).writer());
    assertThrows(
        IllegalArgumentException.class,
        () -> server.editSubtaskBehindClientsBack("t1", "s3", " "),
        "the server's own rules hold for other writers too");
    assertThrows(
        java.util.NoSuchElementException.class,
        () -> server.editSubtaskBehindClientsBack("t1", "s9", "x"));
  }
}
