package io.github.synced.example.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The server's own record of a task. It shares no class with the client: the server knows tasks
 * only as this record and as JSON {@code {"id": "t1", "title": "...", "done": false, "updatedAt":
 * 7}}.
 *
 * @param id the id the server assigned, for example {@code t1}
 * @param title the title, never {@code null}
 * @param done whether the task is done
 * @param updatedAt the version: the server-wide write counter at the task's last write
 */
public record ServerTask(String id, String title, boolean done, long updatedAt) {

  /** Checks that id and title are present. */
  public ServerTask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }

  /** This task as its JSON object. */
  public ObjectNode toJson(ObjectMapper mapper) {
    return mapper
        .createObjectNode()
        .put("id", id)
        .put("title", title)
        .put("done", done)
        .put("updatedAt", updatedAt);
  }
}
