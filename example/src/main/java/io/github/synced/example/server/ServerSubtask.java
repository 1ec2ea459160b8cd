package io.github.synced.example.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The server's own record of one subtask of a {@link ServerTask}, as JSON {@code {"id": "s1",
 * "title": "...", "done": false}}. It has no version: the task's versions its subtasks.
 *
 * @param id the id, unique within its task; the client makes it and the server keeps it
 * @param title the title, never {@code null}
 * @param done whether the subtask is done
 */
public record ServerSubtask(String id, String title, boolean done) {

  /** Checks that id and title are present. */
  public ServerSubtask {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }

  /** This subtask as its JSON object. */
  public ObjectNode toJson(ObjectMapper mapper) {
    return mapper.createObjectNode().put("id", id).put("title", title).put("done", done);
  }
}
