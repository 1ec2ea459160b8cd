package io.github.synced.example.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The server's own record of a task. It shares no class with the client: the server knows tasks
 * only as this record and as JSON {@code {"id": "t1", "title": "...", "done": false, "subtasks":
 * [], "updatedAt": 7}}.
 *
 * @param id the id the server assigned, for example {@code t1}
 * @param title the title, never {@code null}
 * @param done whether the task is done
 * @param updatedAt the version: the server-wide write counter at the task's last write
 * @param subtasks the subtasks in order, empty where there are none (an unmodifiable copy)
 */
public record ServerTask(
    String id, String title, boolean done, long updatedAt, List<ServerSubtask> subtasks) {

  /** Checks that id, title and subtasks are present. */
  public ServerTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    subtasks = List.copyOf(subtasks);
  }

  /** A task without subtasks. */
  public ServerTask(String id, String title, boolean done, long updatedAt) {
    this(id, title, done, updatedAt, List.of());
  }

  /** The subtask {@code id}, or {@code null}. */
  public ServerSubtask subtask(String id) {
    return subtasks.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  /** This task as its JSON object. */
  public ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode task = mapper.createObjectNode().put("id", id).put("title", title).put("done", done);
    ArrayNode items = task.putArray("subtasks");
    subtasks.forEach(s -> items.add(s.toJson(mapper)));
    return task.put("updatedAt", updatedAt);
  }
}
