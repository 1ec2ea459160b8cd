package io.github.synced.runtime.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads answer bodies the way a {@link Dialect} says they are: the id from a link or {@code
 * Location}, the version from {@code ETag}, put into the entity's JSON object before the codec
 * reads it, so the codec stays the one place that knows the entity's JSON.
 */
final class Bodies<K, E> {

  /**
   * Stand-in versions for a list item read without its version, one per family of version types
   * (numbers; instants and offset or zoned date-times; dates; local date-times): the codec needs a
   * version to make an entity, and {@link Reply#withoutVersion} ignores it.
   */
  private static final List<JsonNode> STAND_INS =
      List.of(
          JsonNodeFactory.instance.numberNode(0),
          JsonNodeFactory.instance.textNode("1970-01-01T00:00:00Z"),
          JsonNodeFactory.instance.textNode("1970-01-01"),
          JsonNodeFactory.instance.textNode("1970-01-01T00:00:00"));

  private final JsonCodec<E> codec;
  private final EntityType<?, E> type;
  private final ObjectMapper mapper;
  private final Dialect dialect;
  private final Function<String, ? extends K> idFromSegment;
  private final String idName;
  private final String versionName;

  /** The stand-in that the codec last took, tried first. */
  private volatile int standIn;

  Bodies(
      JsonCodec<E> codec,
      ObjectMapper mapper,
      Dialect dialect,
      Function<String, ? extends K> idFromSegment) {
    this.codec = codec;
    this.type = codec.type();
    this.mapper = mapper;
    this.dialect = dialect;
    this.idFromSegment = idFromSegment;
    this.idName = type.idField().fieldName();
    this.versionName = type.hasVersion() ? type.versionField().fieldName() : null;
  }

  // ---------------------------------------------------------------- parsing

  /** The body as a JSON tree; bad server data where it is not one JSON document. */
  JsonNode tree(byte[] body, Object id) {
    try (JsonParser in = mapper.createParser(body)) {
      try {
        JsonNode node = mapper.readTree(in);
        if (node == null || node.isMissingNode()) {
          throw new BadServerDataException(type.name(), id, null, "expected JSON, found no body");
        }
        JsonToken next = in.nextToken();
        if (next != null) {
          throw new BadServerDataException(
              type.name(),
              id,
              null,
              "unexpected "
                  + (next.asString() == null ? next.name() : "'" + next.asString() + "'")
                  + " after the document");
        }
        return node;
      } catch (JsonProcessingException e) {
        String field =
            in.getParsingContext() == null ? null : in.getParsingContext().getCurrentName();
        throw new BadServerDataException(
            type.name(), id, field, "malformed JSON: " + e.getOriginalMessage(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The body as a JSON object (an empty one for an empty body); bad server data otherwise, as the
   * codec reports a document that is not an object.
   */
  ObjectNode object(byte[] body, Object id) {
    if (HttpRemote.isBlank(body)) {
      return mapper.createObjectNode();
    }
    JsonNode node = tree(body, id);
    if (!node.isObject()) {
      JsonCodecs.readPatch(mapper, codec, body, id); // throws, naming what it found
      throw new BadServerDataException(
          type.name(), id, null, "expected a JSON object, found " + kind(node));
    }
    return (ObjectNode) node;
  }

  // ---------------------------------------------------------------- ids and versions

  /**
   * Puts the id that the dialect's link gives into {@code o}; where {@code created} and {@code o}
   * still has no id, the one {@code Location} gives.
   */
  void identify(ObjectNode o, HttpHeaders headers, boolean created, Object id) {
    JsonPointer link = dialect.idFrom().linkPointer();
    if (link != null) {
      JsonNode href = o.at(link);
      if (href.isTextual()) {
        o.set(idName, idNode(href.textValue(), "the link at " + link, id));
      }
    }
    if (created && dialect.createdIdFromLocation() && !hasId(o) && headers != null) {
      Optional<String> location = headers.firstValue("Location");
      if (location.isPresent()) {
        o.set(idName, idNode(location.get(), "the Location header", id));
      }
    }
  }

  /** Where the dialect reads versions from {@code ETag}: puts the tag of a 2xx answer into o. */
  void versionFromTag(ObjectNode o, HttpHeaders headers) {
    if (versionName == null || dialect.versionFrom() != Dialect.VersionSource.ETAG) {
      return;
    }
    headers.firstValue("ETag").map(Bodies::opaque).ifPresent(tag -> o.set(versionName, tag));
  }

  boolean hasId(ObjectNode o) {
    JsonNode v = o.get(idName);
    return v != null && !v.isNull();
  }

  /** Whether {@code o} has the version property (a {@code null} in it is the codec's to refuse). */
  boolean hasVersion(ObjectNode o) {
    return versionName != null && o.has(versionName);
  }

  /** Whether {@code o} names the entity's id by the dialect's id source. */
  boolean identified(ObjectNode o) {
    JsonPointer link = dialect.idFrom().linkPointer();
    return hasId(o) || (link != null && o.at(link).isTextual());
  }

  /** The tag of an {@code ETag} value as JSON: {@code W/"7"}, {@code "7"} and {@code 7} are 7. */
  static JsonNode opaque(String etag) {
    String t = etag.strip();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    JsonNode number = number(t);
    return number != null ? number : JsonNodeFactory.instance.textNode(t);
  }

  /**
   * A JSON number of {@code text} where it is one in JSON's grammar ({@code 7}, {@code -2.5e3}): an
   * integer as an integer (a long where it fits), otherwise a decimal; {@code null} otherwise.
   */
  static JsonNode number(String text) {
    if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return null;
    }
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
    }
    BigInteger i = new BigInteger(text);
    return i.bitLength() < 64
        ? JsonNodeFactory.instance.numberNode(i.longValue())
        : JsonNodeFactory.instance.numberNode(i);
  }

  /**
   * The id in the last path segment of {@code url}, as the JSON value the codec reads: a number for
   * a numeric id type, a string otherwise; or the JSON form of what {@code idFromSegment} makes of
   * it.
   */
  private JsonNode idNode(String url, String where, Object id) {
    String segment = lastSegment(url);
    if (segment == null) {
      throw new BadServerDataException(
          type.name(),
          id,
          idName,
          where + " '" + url + "' has no path segment to take the id from");
    }
    if (idFromSegment != null) {
      Object parsed;
      try {
        parsed = idFromSegment.apply(segment);
      } catch (RuntimeException e) {
        throw new BadServerDataException(
            type.name(),
            id,
            idName,
            "HttpRemote.Builder.idFromSegment refused '" + segment + "' of " + where + ": " + e,
            e);
      }
      if (parsed == null) {
        throw new BadServerDataException(
            type.name(), id, idName, "HttpRemote.Builder.idFromSegment made null of " + segment);
      }
      return jsonOf(parsed);
    }
    if (Number.class.isAssignableFrom(type.idType())) {
      JsonNode n = number(segment);
      if (n == null) {
        throw new BadServerDataException(
            type.name(),
            id,
            idName,
            "the last segment '"
                + segment
                + "' of "
                + where
                + " '"
                + url
                + "' is not a "
                + type.idType().getSimpleName()
                + " (map segments to ids with HttpRemote.Builder.idFromSegment)");
      }
      return n;
    }
    return JsonNodeFactory.instance.textNode(segment);
  }

  private static JsonNode jsonOf(Object value) {
    if (value instanceof Number n) {
      JsonNode number = number(n instanceof BigDecimal d ? d.toString() : n.toString());
      if (number != null) {
        return number;
      }
    }
    if (value instanceof Boolean b) {
      return JsonNodeFactory.instance.booleanNode(b);
    }
    if (value instanceof Enum<?> e) {
      return JsonNodeFactory.instance.textNode(e.name());
    }
    return JsonNodeFactory.instance.textNode(String.valueOf(value));
  }

  /**
   * The percent-decoded last non-empty path segment of {@code url} (absolute or relative; a URI
   * template's {@code {...}} tail and any query or fragment left out), or {@code null}.
   */
  static String lastSegment(String url) {
    String u = url.strip();
    int template = u.indexOf('{');
    if (template >= 0) {
      u = u.substring(0, template);
    }
    String path;
    try {
      path = URI.create(u).getRawPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (path == null) {
      return null;
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String raw = path.substring(path.lastIndexOf('/') + 1);
    if (raw.isEmpty()) {
      return null;
    }
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- reading

  E entity(ObjectNode o, Object id) {
    return JsonCodecs.readEntity(mapper, codec, o, id);
  }

  Patch<E> patch(ObjectNode o, Object id) {
    return JsonCodecs.readPatch(mapper, codec, o, id);
  }

  /**
   * One list item: the entity where its object holds the version (or the entity has none), the
   * entity {@linkplain Reply#withoutVersion without its version} otherwise.
   */
  Reply<E> item(JsonNode node, int index) {
    if (!node.isObject()) {
      throw new BadServerDataException(
          type.name(), null, null, "list item " + index + " is " + kind(node) + ", not an object");
    }
    ObjectNode o = (ObjectNode) node;
    identify(o, null, false, null);
    if (versionName == null || hasVersion(o)) {
      return Reply.entity(entity(o, null));
    }
    return Reply.withoutVersion(withStandIn(o));
  }

  /** The entity of an object that has no version, through a stand-in version the codec takes. */
  private E withStandIn(ObjectNode o) {
    int first = standIn;
    BadServerDataException refused = null;
    for (int i = 0; i < STAND_INS.size(); i++) {
      int k = (first + i) % STAND_INS.size();
      o.set(versionName, STAND_INS.get(k));
      try {
        E e = entity(o, null);
        standIn = k;
        return e;
      } catch (BadServerDataException e) {
        if (!versionName.equals(e.field())) {
          throw e;
        }
        refused = refused == null ? e : refused;
      }
    }
    throw refused;
  }

  // ---------------------------------------------------------------- error bodies

  /**
   * The text an error body says: its {@code message}, {@code error}, {@code detail} or {@code
   * title} (RFC 9457) where it is a JSON object with one, otherwise the body as text; empty for an
   * empty body.
   */
  String message(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      try {
        JsonNode node = mapper.readTree(text);
        for (String name : List.of("message", "error", "detail", "title")) {
          JsonNode v = node.get(name);
          if (v != null && v.isTextual() && !v.textValue().isBlank()) {
            return v.textValue();
          }
        }
      } catch (JsonProcessingException notJson) {
        // the text as it came
      }
    }
    return text;
  }

  static String kind(JsonNode node) {
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
}
