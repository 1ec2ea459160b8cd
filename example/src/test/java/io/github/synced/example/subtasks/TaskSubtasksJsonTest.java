package io.github.synced.example.subtasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Subtask;
import io.github.synced.example.Task;
import io.github.synced.example.TaskField;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskPatch;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.Patch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task's subtasks in JSON, through the generated {@link TaskJson}: absent is not {@code null} in
 * a patch, a task never holds {@code null} for its list, and a subtask's local-only {@code
 * expanded} is never written and never read.
 */
class TaskSubtasksJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TaskJson JSON = new TaskJson();

  private static Task read(String json) {
    return JsonCodecs.readEntity(MAPPER, JSON, json.getBytes(StandardCharsets.UTF_8), "t1");
  }

  private static Patch<Task> readPatch(String json) {
    return JsonCodecs.readPatch(MAPPER, JSON, json.getBytes(StandardCharsets.UTF_8), "t1");
  }

  @Test
  void aTaskWithoutTheArrayOrWithNullHasNoSubtasks() {
    Task absent = read("{\"id\":\"t1\",\"title\":\"Walk\",\"done\":false,\"updatedAt\":1}");
    Task nulled =
        read("{\"id\":\"t1\",\"title\":\"Walk\",\"done\":false,\"subtasks\":null,\"updatedAt\":1}");

    assertEquals(List.of(), absent.getSubtasks());
    assertEquals(List.of(), nulled.getSubtasks());
  }

  @Test
  void inAPatchAnAbsentArrayIsNotSetAndNullSetsNone() {
    Task target = new Task("t1", "Move", false, 1);
    target.getSubtasks().add(new Subtask("s1", "Pack", false));

    Patch<Task> absent = readPatch("{\"title\":\"Move out\"}");
    Patch<Task> nulled = readPatch("{\"subtasks\":null}");

    assertFalse(absent.sets(TaskField.SUBTASKS));
    assertEquals(1, absent.applyTo(target).getSubtasks().size(), "left as it was");
    assertTrue(nulled.sets(TaskField.SUBTASKS));
    assertEquals(List.of(), nulled.applyTo(target).getSubtasks(), "none, as the server keeps it");
    assertEquals(
        "{\"subtasks\":null}",
        new String(
            JsonCodecs.writePatch(MAPPER, JSON, TaskPatch.empty().subtasks(null)),
            StandardCharsets.UTF_8),
        "sent as the merge patch that removes the array");
  }

  @Test
  void expandedIsNeverWrittenNorRead() {
    Task task = new Task("t1", "Move", false, 1);
    Subtask pack = new Subtask("s1", "Pack", true);
    pack.setExpanded(true);
    task.getSubtasks().add(pack);

    String written = new String(JsonCodecs.writeEntity(MAPPER, JSON, task), StandardCharsets.UTF_8);
    Task back =
        read(
            "{\"id\":\"t1\",\"title\":\"Move\",\"done\":false,\"updatedAt\":1,"
                + "\"subtasks\":[{\"id\":\"s1\",\"title\":\"Pack\",\"done\":true,\"expanded\":true}]}");

    assertEquals(
        "{\"id\":\"t1\",\"title\":\"Move\",\"done\":false,"
            + "\"subtasks\":[{\"id\":\"s1\",\"title\":\"Pack\",\"done\":true}],\"updatedAt\":1}",
        written);
    assertFalse(back.subtask("s1").isExpanded(), "the server's word on expanded is not taken");
    assertTrue(back.subtask("s1").isDone());
  }
}
