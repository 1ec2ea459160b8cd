package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link Trees} through Jackson 3 ({@code tools.jackson}) and {@link Json3Codecs}. */
final class Jackson3Trees implements Trees<JsonNode> {

  private final ObjectMapper mapper;

  /**
   * Reads trees with every number as written: a fraction as a {@code BigDecimal} of its scale, not
   * a {@code double}, so that a {@code BigDecimal} field keeps {@code 12.50} and {@code 0.1} as
   * sent (floating-point fields round from it to the value the text gives).
   */
  private final ObjectReader exact;

  Jackson3Trees(ObjectMapper mapper) {
    this.mapper = mapper;
    this.exact =
        mapper
            .reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
  }

  @Override
  public JsonNode parse(byte[] body, String entity, Object id) {
    try (JsonParser in = exact.createParser(body)) {
      try {
        JsonNode node = exact.readTree(in);
        if (node == null || node.isMissingNode()) {
          throw new BadServerDataException(entity, id, null, "expected JSON, found no body");
        }
        JsonToken next = in.nextToken();
        if (next != null) {
          throw new BadServerDataException(
              entity,
              id,
              null,
              "unexpected "
                  + (next.asString() == null ? next.name() : "'" + next.asString() + "'")
                  + " after the document");
        }
        return node;
      } catch (JacksonException e) {
        String field = in.streamReadContext() == null ? null : in.streamReadContext().currentName();
        throw new BadServerDataException(
            entity, id, field, "malformed JSON: " + e.getOriginalMessage(), e);
      }
    }
  }

  @Override
  public JsonNode parseOrNull(String text) {
    try {
      return mapper.readTree(text);
    } catch (JacksonException notJson) {
      return null;
    }
  }

  @Override
  public JsonNode newObject() {
    return mapper.createObjectNode();
  }

  @Override
  public boolean isObject(JsonNode node) {
    return node.isObject();
  }

  @Override
  public boolean isArray(JsonNode node) {
    return node.isArray();
  }

  @Override
  public boolean isEmpty(JsonNode object) {
    return object.isEmpty();
  }

  @Override
  public List<JsonNode> elements(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>(array.size());
    array.forEach(elements::add);
    return elements;
  }

  @Override
  public JsonNode at(JsonNode node, Pointer pointer) {
    JsonPointer p = (JsonPointer) pointer.jackson3;
    if (p == null) {
      p = JsonPointer.compile(pointer.text());
      pointer.jackson3 = p;
    }
    JsonNode found = node.at(p);
    return found.isMissingNode() ? null : found;
  }

  @Override
  public JsonNode get(JsonNode object, String name) {
    return object.get(name);
  }

  @Override
  public List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>(object.size());
    object.properties().forEach(p -> names.add(p.getKey()));
    return names;
  }

  @Override
  public void set(JsonNode object, String name, JsonNode value) {
    ((ObjectNode) object).set(name, value);
  }

  @Override
  public boolean isNull(JsonNode node) {
    return node.isNull();
  }

  @Override
  public String string(JsonNode node) {
    return node.isString() ? node.stringValue() : null;
  }

  @Override
  public String text(JsonNode node) {
    return node.isValueNode() ? node.asString() : node.toString();
  }

  @Override
  public Long exactLong(JsonNode node) {
    return node.canConvertToExactIntegral() && node.canConvertToLong() ? node.longValue() : null;
  }

  @Override
  public String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case BINARY -> "binary data";
      case MISSING -> "nothing";
    };
  }

  @Override
  public JsonNode stringNode(String value) {
    return JsonNodeFactory.instance.stringNode(value);
  }

  @Override
  public JsonNode numberNode(long value) {
    return JsonNodeFactory.instance.numberNode(value);
  }

  @Override
  public JsonNode numberNode(BigInteger value) {
    return JsonNodeFactory.instance.numberNode(value);
  }

  @Override
  public JsonNode numberNode(BigDecimal value) {
    return JsonNodeFactory.instance.numberNode(value);
  }

  @Override
  public JsonNode booleanNode(boolean value) {
    return JsonNodeFactory.instance.booleanNode(value);
  }

  @Override
  public <E> E readEntity(JsonCodec<E> codec, JsonNode object, Object id) {
    return Json3Codecs.readEntity(mapper, codec, object, id);
  }

  @Override
  public <E> Patch<E> readPatch(JsonCodec<E> codec, JsonNode object, Object id) {
    return Json3Codecs.readPatch(mapper, codec, object, id);
  }

  @Override
  public <E> Patch<E> readPatch(JsonCodec<E> codec, byte[] body, Object id) {
    return Json3Codecs.readPatch(mapper, codec, body, id);
  }

  @Override
  public <E> byte[] writePatch(JsonCodec<E> codec, Patch<E> patch) {
    return Json3Codecs.writePatch(mapper, codec, patch);
  }
}
