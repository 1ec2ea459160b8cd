package io.github.synced.example.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@link RestServer}'s JSON: its one {@link ObjectMapper}, and the answers with a JSON body
 * (entities, lists of them, and {@code {"error": "..."}}).
 */
final class JsonAnswers {

  private final ObjectMapper mapper = new ObjectMapper();

  ObjectMapper mapper() {
    return mapper;
  }

  ObjectNode object() {
    return mapper.createObjectNode();
  }

  ArrayNode array(List<ObjectNode> items) {
    ArrayNode array = mapper.createArrayNode();
    items.forEach(array::add);
    return array;
  }

  Response json(int status, JsonNode node) {
    try {
      return new Response(status, Map.of(), mapper.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response error(int status, String message) {
    return json(status, mapper.createObjectNode().put("error", message));
  }
}
