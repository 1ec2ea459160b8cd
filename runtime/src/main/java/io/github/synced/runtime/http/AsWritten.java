package io.github.synced.runtime.http;

import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rule 3 inside a tree: an answer to a write that leaves a property out of a nested {@code @Synced}
 * object (the field's one object, an element of its collection or a value of its map) takes it as
 * written, as it does for the entity's own fields. The object written is found by its id, so a
 * property is never taken from another object; an element the answer has and the write did not is
 * read as it is. It works on the answer's JSON tree before the codec reads it, so every codec, and
 * both Jacksons, read the answer the same way.
 */
final class AsWritten {

  private AsWritten() {}

  /**
   * Puts into {@code answer}'s nested objects of {@code fields} each property {@code written}'s
   * object of the same id has and they leave out, at every depth.
   */
  static <N> void fill(
      Trees<N> trees,
      JsonCodec<?> codec,
      N answer,
      N written,
      Iterable<? extends EntityField> fields) {
    for (EntityField f : fields) {
      JsonCodec<?> inner = codec.nested(f);
      if (inner != null) {
        String name = codec.property(f);
        value(trees, inner, trees.get(answer, name), trees.get(written, name));
      }
    }
  }

  /** {@link #fill} of one value that holds objects of {@code codec}: one, an array or a map. */
  private static <N> void value(Trees<N> trees, JsonCodec<?> codec, N answer, N written) {
    if (answer == null || written == null || answer == written) {
      return;
    }
    String idName = codec.property(codec.type().idField());
    if (trees.isArray(answer) && trees.isArray(written)) {
      Map<String, N> byId = byId(trees, trees.elements(written), idName);
      for (N a : trees.elements(answer)) {
        N w = byId.get(id(trees, a, idName));
        if (w != null) {
          object(trees, codec, a, w);
        }
      }
    } else if (trees.isObject(answer) && trees.isObject(written)) {
      if (id(trees, written, idName) != null) {
        same(trees, codec, answer, written, idName); // the field's one object
        return;
      }
      // A map: its values are matched by id, whatever key the answer puts them under; a value
      // that leaves out its id is the one written under the same key.
      List<N> values = new ArrayList<>();
      for (String key : trees.names(written)) {
        values.add(trees.get(written, key));
      }
      Map<String, N> byId = byId(trees, values, idName);
      for (String key : trees.names(answer)) {
        N a = trees.get(answer, key);
        String id = id(trees, a, idName);
        if (id != null && byId.containsKey(id)) {
          object(trees, codec, a, byId.get(id));
        } else if (id == null) {
          same(trees, codec, a, trees.get(written, key), idName);
        }
      }
    }
  }

  /** The objects of {@code nodes} by their ids; the first where an id repeats. */
  private static <N> Map<String, N> byId(Trees<N> trees, List<N> nodes, String idName) {
    Map<String, N> byId = new HashMap<>();
    for (N w : nodes) {
      String id = id(trees, w, idName);
      if (id != null) {
        byId.putIfAbsent(id, w);
      }
    }
    return byId;
  }

  /** {@link #object} where both are objects and {@code answer} leaves out or repeats the id. */
  private static <N> void same(
      Trees<N> trees, JsonCodec<?> codec, N answer, N written, String idName) {
    if (answer == null || written == null || !trees.isObject(answer)) {
      return;
    }
    String id = id(trees, answer, idName);
    String was = id(trees, written, idName);
    if (was != null && (id == null || id.equals(was))) {
      object(trees, codec, answer, written);
    }
  }

  /** Puts into {@code answer} each property of {@code written} it leaves out, then goes deeper. */
  private static <N> void object(Trees<N> trees, JsonCodec<?> codec, N answer, N written) {
    for (String name : trees.names(written)) {
      if (trees.get(answer, name) == null) {
        trees.set(answer, name, trees.get(written, name));
      }
    }
    fill(trees, codec, answer, written, codec.type().fields());
  }

  /** The id of {@code node} as text; {@code null} where it is not an object with a plain id. */
  private static <N> String id(Trees<N> trees, N node, String idName) {
    if (!trees.isObject(node)) {
      return null;
    }
    N id = trees.get(node, idName);
    return id == null || trees.isNull(id) || trees.isObject(id) || trees.isArray(id)
        ? null
        : Objects.requireNonNull(trees.text(id));
  }
}
