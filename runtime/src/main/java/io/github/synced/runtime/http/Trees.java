package io.github.synced.runtime.http;

import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The JSON trees an {@link HttpRemote} reads answers into, and its codec's bodies, through one
 * Jackson: {@link JacksonTrees} (Jackson 2) or {@link Jackson3Trees} (Jackson 3), chosen by the
 * mapper given to the builder. {@link Bodies} and {@link ListRead} hold everything else, so both
 * Jacksons read answers the same way; the nodes are that Jackson's, opaque to them.
 *
 * @param <N> the Jackson's JSON node type
 */
interface Trees<N> {

  /**
   * The body as one JSON document.
   *
   * @throws io.github.synced.runtime.BadServerDataException naming {@code entity} and {@code id}
   *     where the body is not exactly one well-formed JSON document
   */
  N parse(byte[] body, String entity, Object id);

  /** {@code text} as JSON, or {@code null} where it is not JSON: for error bodies. */
  N parseOrNull(String text);

  N newObject();

  boolean isObject(N node);

  boolean isArray(N node);

  /** Whether the object has no property. */
  boolean isEmpty(N object);

  /** The elements of an array, in order. */
  List<N> elements(N array);

  /** The node at {@code pointer}, or {@code null} where there is none. */
  N at(N node, Pointer pointer);

  /** The property {@code name} of an object, or {@code null} where it is absent. */
  N get(N object, String name);

  /** The property names of {@code object}, in order. */
  List<String> names(N object);

  void set(N object, String name, N value);

  boolean isNull(N node);

  /** The value of a JSON string, or {@code null} where the node is not a string. */
  String string(N node);

  /** A scalar's text, or a structure as JSON. */
  String text(N node);

  /** The value of an integral number that fits a {@code long}, or {@code null}. */
  Long exactLong(N node);

  /** {@code "an array"}, {@code "a string"} and so on, for messages. */
  String kind(N node);

  N stringNode(String value);

  N numberNode(long value);

  N numberNode(BigInteger value);

  N numberNode(BigDecimal value);

  N booleanNode(boolean value);

  /** The entity in {@code object}, read by {@code codec}. */
  <E> E readEntity(JsonCodec<E> codec, N object, Object id);

  /** The patch in {@code object}, read by {@code codec}. */
  <E> Patch<E> readPatch(JsonCodec<E> codec, N object, Object id);

  /**
   * The patch in {@code body}, read by {@code codec}: for its error where the body is no object.
   */
  <E> Patch<E> readPatch(JsonCodec<E> codec, byte[] body, Object id);

  /** {@code patch} as the bytes of a JSON object. */
  <E> byte[] writePatch(JsonCodec<E> codec, Patch<E> patch);
}
