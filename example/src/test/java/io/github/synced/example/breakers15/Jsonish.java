package io.github.synced.example.breakers15;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** A canonical text of a board's synced fields, from the client or the server. */
final class Jsonish {
  private Jsonish() {}

  static String of(Board b) {
    StringBuilder s = new StringBuilder();
    s.append(b.id).append('|').append(b.title).append('|').append(b.version).append('|');
    s.append(b.owner == null ? "null" : b.owner.id + ":" + b.owner.name).append('|');
    for (Card c : b.cards) {
      s.append(c.id).append(':').append(c.title).append(':').append(c.done).append(',');
    }
    s.append('|');
    Map<String, Card> sorted = new TreeMap<>(b.lanes);
    sorted.forEach(
        (k, c) ->
            s.append(k)
                .append('=')
                .append(c.id)
                .append(':')
                .append(c.title)
                .append(':')
                .append(c.done)
                .append(','));
    return s.toString();
  }

  static String of(ObjectNode o) {
    StringBuilder s = new StringBuilder();
    s.append(o.get("id").asText()).append('|').append(o.get("title").asText()).append('|');
    s.append(o.get("version").asLong()).append('|');
    JsonNode ow = o.get("owner");
    s.append(
        ow == null || ow.isNull() ? "null" : ow.get("id").asText() + ":" + ow.get("name").asText());
    s.append('|');
    for (JsonNode c : o.get("cards")) {
      s.append(c.get("id").asText())
          .append(':')
          .append(c.get("title").asText())
          .append(':')
          .append(c.path("done").asBoolean())
          .append(',');
    }
    s.append('|');
    Map<String, JsonNode> sorted = new TreeMap<>();
    o.get("lanes").properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach(
        (k, c) ->
            s.append(k)
                .append('=')
                .append(c.get("id").asText())
                .append(':')
                .append(c.get("title").asText())
                .append(':')
                .append(c.path("done").asBoolean())
                .append(','));
    return s.toString();
  }
}
