package io.github.synced.example.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@link RestServer}'s checks of a request body against its {@link Shape}: malformed JSON,
 * unknown properties, wrong types, an id that does not match the path's, a missing required
 * property. A body that fails one is refused with 400.
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
        }
      }
    }
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
