package io.github.synced.runtime.http;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
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
 *
 * <p>JSON trees are made and read through {@link Trees}, over Jackson 2 or Jackson 3: a node here
 * is that Jackson's node, typed {@code Object}, and only ever handed back to the same trees.
 */
final class Bodies<K, E> {

  /**
   * Stand-in versions for a list item read without its version, one per family of version types
   * (numbers; instants and offset or zoned date-times; dates; local date-times): the codec needs a
   * version to make an entity, and {@link Reply#withoutVersion} ignores it.
   */
  private static final List<Object> STAND_INS =
      List.of(0L, "1970-01-01T00:00:00Z", "1970-01-01", "1970-01-01T00:00:00");

  private final JsonCodec<E> codec;
  private final EntityType<?, E> type;
  private final Trees<Object> trees;
  private final Dialect dialect;
  private final Function<String, ? extends K> idFromSegment;
  private final String idName;
  private final String versionName;

  /** The stand-in that the codec last took, tried first. */
  private volatile int standIn;

  @SuppressWarnings("unchecked") // nodes go back only to the trees that made them
  Bodies(
      JsonCodec<E> codec,
      Trees<?> trees,
      Dialect dialect,
      Function<String, ? extends K> idFromSegment) {
    this.codec = codec;
    this.type = codec.type();
    this.trees = (Trees<Object>) trees;
    this.dialect = dialect;
    this.idFromSegment = idFromSegment;
    this.idName = codec.property(type.idField());
    this.versionName = type.hasVersion() ? codec.property(type.versionField()) : null;
  }

  // ---------------------------------------------------------------- parsing

  /** The trees nodes are made and read by. */
  Trees<Object> trees() {
    return trees;
  }

  /** The body as a JSON tree; bad server data where it is not one JSON document. */
  Object tree(byte[] body, Object id) {
    return trees.parse(body, type.name(), id);
  }

  /**
   * The body as a JSON object (an empty one for an empty body); bad server data otherwise, as the
   * codec reports a document that is not an object.
   */
  Object object(byte[] body, Object id) {
    if (Failures.isBlank(body)) {
      return trees.newObject();
    }
    Object node = tree(body, id);
    if (!trees.isObject(node)) {
      trees.readPatch(codec, body, id); // throws, naming what it found
      throw new BadServerDataException(
          type.name(), id, null, "expected a JSON object, found " + kind(node));
    }
    return node;
  }

  /** Whether the object has no property. */
  boolean isEmpty(Object o) {
    return trees.isEmpty(o);
  }

  // ---------------------------------------------------------------- ids and versions

  /**
   * Puts the id that the dialect's link gives into {@code o}; where {@code created} and {@code o}
   * still has no id, the one {@code Location} gives.
   */
  void identify(Object o, HttpHeaders headers, boolean created, Object id) {
    Pointer link = dialect.idFrom().linkPointer();
    if (link != null) {
      String href = textAt(o, link);
      if (href != null) {
        trees.set(o, idName, idNode(href, "the link at " + link, id));
      }
    }
    if (created && dialect.createdIdFromLocation() && !hasId(o) && headers != null) {
      Optional<String> location = headers.firstValue("Location");
      if (location.isPresent()) {
        trees.set(o, idName, idNode(location.get(), "the Location header", id));
      }
    }
  }

  /** The string at {@code pointer} in {@code node}, or {@code null} where there is none. */
  String textAt(Object node, Pointer pointer) {
    Object at = trees.at(node, pointer);
    return at == null ? null : trees.string(at);
  }

  /** Where the dialect reads versions from {@code ETag}: puts the tag of a 2xx answer into o. */
  void versionFromTag(Object o, HttpHeaders headers) {
    if (versionName == null || dialect.versionFrom() != Dialect.VersionSource.ETAG) {
      return;
    }
    headers.firstValue("ETag").map(this::opaque).ifPresent(tag -> trees.set(o, versionName, tag));
  }

  boolean hasId(Object o) {
    Object v = trees.get(o, idName);
    return v != null && !trees.isNull(v);
  }

  /** Whether {@code o} has the version property (a {@code null} in it is the codec's to refuse). */
  boolean hasVersion(Object o) {
    return versionName != null && trees.get(o, versionName) != null;
  }

  /** Whether {@code o} names the entity's id by the dialect's id source. */
  boolean identified(Object o) {
    Pointer link = dialect.idFrom().linkPointer();
    return hasId(o) || (link != null && textAt(o, link) != null);
  }

  /** The tag of an {@code ETag} value as JSON: {@code W/"7"}, {@code "7"} and {@code 7} are 7. */
  Object opaque(String etag) {
    String t = etag.strip();
    if (t.startsWith("W/")) {
      t = t.substring(2);
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1);
    }
    Object number = number(t);
    return number != null ? number : trees.stringNode(t);
  }

  /**
   * A JSON number of {@code text} where it is one in JSON's grammar ({@code 7}, {@code -2.5e3}): an
   * integer as an integer (a long where it fits), otherwise a decimal; {@code null} otherwise.
   */
  Object number(String text) {
    if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return null;
    }
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return trees.numberNode(new BigDecimal(text));
    }
    BigInteger i = new BigInteger(text);
    return i.bitLength() < 64 ? trees.numberNode(i.longValue()) : trees.numberNode(i);
  }

  /**
   * The id in the last path segment of {@code url}, as the JSON value the codec reads: a number for
   * a numeric id type, a string otherwise; or the JSON form of what {@code idFromSegment} makes of
   * it.
   */
  private Object idNode(String url, String where, Object id) {
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
      Object n = number(segment);
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
    return trees.stringNode(segment);
  }

  private Object jsonOf(Object value) {
    if (value instanceof Number n) {
      Object number = number(n instanceof BigDecimal d ? d.toString() : n.toString());
      if (number != null) {
        return number;
      }
    }
    if (value instanceof Boolean b) {
      return trees.booleanNode(b);
    }
    if (value instanceof Enum<?> e) {
      return trees.stringNode(e.name());
    }
    return trees.stringNode(String.valueOf(value));
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

  E entity(Object o, Object id) {
    return trees.readEntity(codec, o, id);
  }

  /**
   * Takes what the answer {@code o} leaves out of a nested {@code @Synced} object of a field {@code
   * written} sets as the write had it ({@link AsWritten}); nothing to do for an entity that holds
   * none.
   */
  void takeNestedAsWritten(Object o, Patch<E> written, Object id) {
    if (!type.holdsEntities()) {
      return;
    }
    for (var f : written.fields()) {
      if (codec.nested(f) != null && trees.get(o, codec.property(f)) != null) {
        Object sent = trees.parse(trees.writePatch(codec, written), type.name(), id);
        AsWritten.fill(trees, codec, o, sent, written.fields());
        return;
      }
    }
  }

  Patch<E> patch(Object o, Object id) {
    return trees.readPatch(codec, o, id);
  }

  /** {@code patch} as the body of a write. */
  byte[] write(Patch<E> patch) {
    return trees.writePatch(codec, patch);
  }

  /**
   * One list item: the entity where its object holds the version (or the entity has none), the
   * entity {@linkplain Reply#withoutVersion without its version} otherwise.
   */
  Reply<E> item(Object node, int index) {
    if (!trees.isObject(node)) {
      throw new BadServerDataException(
          type.name(), null, null, "list item " + index + " is " + kind(node) + ", not an object");
    }
    Object o = node;
    identify(o, null, false, null);
    if (versionName == null || hasVersion(o)) {
      return Reply.entity(entity(o, null));
    }
    return Reply.withoutVersion(withStandIn(o));
  }

  /** The entity of an object that has no version, through a stand-in version the codec takes. */
  private E withStandIn(Object o) {
    int first = standIn;
    BadServerDataException refused = null;
    for (int i = 0; i < STAND_INS.size(); i++) {
      int k = (first + i) % STAND_INS.size();
      Object value = STAND_INS.get(k);
      trees.set(
          o,
          versionName,
          value instanceof Long l ? trees.numberNode(l) : trees.stringNode((String) value));
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
      Object node = trees.parseOrNull(text);
      if (node != null && trees.isObject(node)) {
        for (String name : List.of("message", "error", "detail", "title")) {
          Object v = trees.get(node, name);
          String message = v == null ? null : trees.string(v);
          if (message != null && !message.isBlank()) {
            return message;
          }
        }
      }
    }
    return text;
  }

  /** What {@code node} is, for messages; {@code null} is nothing. */
  String kind(Object node) {
    return node == null ? "nothing" : trees.kind(node);
  }
}
