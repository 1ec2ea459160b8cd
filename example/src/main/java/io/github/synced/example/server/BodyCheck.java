package io.github.synced.example.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@link RestServer}'s checks of a request body against its {@link Shape}: malformed JSON,
 * unknown properties, wrong types, an id that does not match the path's, a missing required
 * property, a subtask without its id or title or an id twice. A body that fails one is refused with
 * 400. A well-formed body the server will not take (a subtask title too long or blank) is refused
 * with 422: see {@link #refusal}.
 */
final class BodyCheck {

  /** A request body the server refuses with 400. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  private final Shape shape;
  private final ObjectMapper mapper;

  BodyCheck(Shape shape, ObjectMapper mapper) {
    this.shape = shape;
    this.mapper = mapper;
  }

  ObjectNode parseObject(byte[] body) throws BadRequest {
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (node == null || !node.isObject()) {
      throw new BadRequest("expected a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Checks every property of a body; {@code pathId} is null for a create. */
  void check(ObjectNode object, String pathId) throws BadRequest {
    for (Map.Entry<String, JsonNode> p : object.properties()) {
      String name = p.getKey();
      JsonNode v = p.getValue();
      if (name.equals(Shape.ID)) {
        checkId(v, pathId);
      } else if (name.equals(shape.version())) {
        if (!(v.isIntegralNumber() || v.isNull())) {
          throw new BadRequest(name + " must be an integer, was " + v);
        }
      } else {
        Shape.Field f = shape.field(name);
        if (f == null) {
          throw new BadRequest("unknown property \"" + name + "\"");
        }
        switch (f.type()) {
          case STRING -> {
            if (!v.isTextual()) {
              throw new BadRequest(name + " must be a string, was " + v);
            }
          }
          case BOOLEAN -> {
            if (!v.isBoolean()) {
              throw new BadRequest(name + " must be true or false, was " + v);
            }
          }
          case INTEGER -> {
            if (!v.isIntegralNumber()) {
              throw new BadRequest(name + " must be an integer, was " + v);
            }
          }
          case SUBTASKS -> checkSubtasks(name, v);
        }
      }
    }
  }

  private static void checkSubtasks(String name, JsonNode v) throws BadRequest {
    if (v.isNull()) {
      return; // merge patch: removes the array, which leaves none
    }
    if (!v.isArray()) {
      throw new BadRequest(name + " must be an array of subtasks, was " + v);
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode s = v.get(i);
      String at = name + "[" + i + "]";
      if (!s.isObject()) {
        throw new BadRequest(at + " must be an object, was " + s);
      }
      for (Map.Entry<String, JsonNode> p : s.properties()) {
        String prop = p.getKey();
        JsonNode value = p.getValue();
        switch (prop) {
          case "id", "title" -> {
            if (!value.isTextual() || (prop.equals("id") && value.textValue().isEmpty())) {
              throw new BadRequest(at + "." + prop + " must be a string, was " + value);
            }
          }
          case "done" -> {
            if (!value.isBoolean()) {
              throw new BadRequest(at + ".done must be true or false, was " + value);
            }
          }
          default -> throw new BadRequest("unknown property \"" + prop + "\" in " + at);
        }
      }
      if (!s.has("id")) {
        throw new BadRequest(at + ".id is required");
      }
      if (!s.has("title")) {
        throw new BadRequest(at + ".title is required");
      }
      if (!ids.add(s.get("id").textValue())) {
        throw new BadRequest(at + ": subtask id " + s.get("id") + " is given twice");
      }
    }
  }

  /**
   * Why the server will not take a checked body (422), or {@code null} where it takes it: a
   * subtask's title longer than {@link Shape#MAX_SUBTASK_TITLE} characters, or blank.
   */
  String refusal(ObjectNode object) {
    for (Shape.Field f : shape.fields()) {
      JsonNode v = object.get(f.name());
      if (f.type() != Shape.Type.SUBTASKS || v == null || v.isNull()) {
        continue;
      }
      for (JsonNode s : v) {
        String title = s.get("title").textValue();
        if (title.isBlank()) {
          return "subtask " + s.get("id").textValue() + ": a title must not be blank";
        }
        if (title.length() > Shape.MAX_SUBTASK_TITLE) {
          return "subtask "
              + s.get("id").textValue()
              + ": a title has at most "
              + Shape.MAX_SUBTASK_TITLE
              + " characters, this one "
              + title.length();
        }
      }
    }
    return null;
  }

  /**
   * The value the server keeps for property {@code f} of a checked body: the value sent, except
   * that subtasks are kept as {@code {"id", "title", "done"}} ({@code done} false where absent) and
   * {@code null} as the empty array.
   */
  JsonNode stored(Shape.Field f, JsonNode v) {
    if (f.type() != Shape.Type.SUBTASKS) {
      return v;
    }
    ArrayNode kept = mapper.createArrayNode();
    if (v != null && !v.isNull()) {
      for (JsonNode s : v) {
        kept.addObject()
            .put("id", s.get("id").textValue())
            .put("title", s.get("title").textValue())
            .put("done", s.has("done") && s.get("done").booleanValue());
      }
    }
    return kept;
  }

  private void checkId(JsonNode v, String pathId) throws BadRequest {
    boolean numeric = shape.ids() == Shape.Ids.NUMERIC;
    if (pathId == null) {
      if (!(v.isNull() || (numeric ? v.isIntegralNumber() : v.isTextual()))) {
        throw new BadRequest("id must be " + (numeric ? "an integer" : "a string") + ", was " + v);
      }
    } else if (!(numeric ? v.isIntegralNumber() : v.isTextual()) || !pathId.equals(v.asText())) {
      throw new BadRequest("id " + v + " does not match the path's id \"" + pathId + "\"");
    }
  }

  void requireFields(ObjectNode object) throws BadRequest {
    for (Shape.Field f : shape.fields()) {
      if (f.required() && !object.has(f.name())) {
        throw new BadRequest(f.name() + " is required");
      }
    }
  }
}
