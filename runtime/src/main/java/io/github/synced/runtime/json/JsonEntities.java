package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the collections and maps of another {@code @Synced} type that a generated codec's entity
 * holds ({@code List<Subtask>}, {@code Map<String, Column>}): each element through that type's own
 * codec, as {@link JsonValues} reads other collections. Public for generated code.
 *
 * <p>Such elements are merged by their ids, so the server must give each one an id, and no id
 * twice: a {@code null} element, an element whose id is {@code null} or the type's {@link
 * io.github.synced.runtime.spi.EntityType#unsetId unset id}, and an id that a former element
 * already has are bad server data naming the field and where in it ({@code element 2}, {@code key
 * 'todo'}). So is a problem inside an element, which also names the element's field. Every
 * collection and map read is a new, unmodifiable one in the order read; JSON {@code null} reads as
 * {@code null}.
 */
public final class JsonEntities {

  private JsonEntities() {}

  /**
   * An array of entities as an unmodifiable list, or {@code null}.
   *
   * @param entity the outer entity's name, for messages
   * @param field the field's JSON name, for messages
   * @param codec the elements' codec
   * @throws BadServerDataException if the value is not an array, or an element is {@code null}, has
   *     no id or another element's id, or does not fit
   */
  public static <T> List<T> readList(JsonInput in, String entity, String field, JsonCodec<T> codec)
      throws IOException {
    List<T> list = readElements(in, entity, field, codec, new ArrayList<>());
    return list == null ? null : Collections.unmodifiableList(list);
  }

  /** An array of entities as an unmodifiable set in the order read; see {@link #readList}. */
  public static <T> Set<T> readSet(JsonInput in, String entity, String field, JsonCodec<T> codec)
      throws IOException {
    Set<T> set = readElements(in, entity, field, codec, new LinkedHashSet<>());
    return set == null ? null : Collections.unmodifiableSet(set);
  }

  /**
   * An object of entities as an unmodifiable map in the order read, or {@code null}: each property
   * name made a key by {@code key}, each value read by {@code codec}.
   *
   * @param key makes a key of a property name, for example {@code UUID::fromString}
   * @param keyType what a key must be, for messages: {@code "a UUID"}
   * @throws BadServerDataException if the value is not an object, {@code key} refuses a name, a
   *     value is {@code null}, has no id or another value's id, or does not fit
   */
  public static <K, T> Map<K, T> readMap(
      JsonInput in,
      String entity,
      String field,
      Function<String, ? extends K> key,
      String keyType,
      JsonCodec<T> codec)
      throws IOException {
    Map<K, T> map = readEntries(in, entity, field, key, keyType, codec, new LinkedHashMap<>());
    return map == null ? null : Collections.unmodifiableMap(map);
  }

  /** An object of entities as an unmodifiable map in the keys' order; see {@link #readMap}. */
  public static <K, T> NavigableMap<K, T> readSortedMap(
      JsonInput in,
      String entity,
      String field,
      Function<String, ? extends K> key,
      String keyType,
      JsonCodec<T> codec)
      throws IOException {
    NavigableMap<K, T> map = readEntries(in, entity, field, key, keyType, codec, new TreeMap<>());
    return map == null ? null : Collections.unmodifiableNavigableMap(map);
  }

  private static <T, C extends Collection<T>> C readElements(
      JsonInput in, String entity, String field, JsonCodec<T> codec, C into) throws IOException {
    if (!JsonTokens.startArray(in, entity, field)) {
      return null;
    }
    Map<Object, String> seen = new HashMap<>();
    for (int i = 0; JsonTokens.nextElement(in); i++) {
      into.add(readOne(in, entity, field, codec, "element " + i, seen));
    }
    return into;
  }

  private static <K, T, M extends Map<K, T>> M readEntries(
      JsonInput in,
      String entity,
      String field,
      Function<String, ? extends K> key,
      String keyType,
      JsonCodec<T> codec,
      M into)
      throws IOException {
    if (!JsonTokens.startObject(in, entity, field)) {
      return null;
    }
    Map<Object, String> seen = new HashMap<>();
    for (String name = JsonTokens.nextKey(in); name != null; name = JsonTokens.nextKey(in)) {
      K k;
      try {
        k = key.apply(name);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new BadServerDataException(
            entity, null, field, "key '" + name + "' is not " + keyType, e);
      }
      into.put(k, readOne(in, entity, field, codec, "key '" + name + "'", seen));
    }
    return into;
  }

  /**
   * One element, at {@code where} in the value of {@code field}: not {@code null}, with an id that
   * {@code seen} (the ids read so far, and where) does not have yet.
   */
  private static <T> T readOne(
      JsonInput in,
      String entity,
      String field,
      JsonCodec<T> codec,
      String where,
      Map<Object, String> seen)
      throws IOException {
    String type = codec.type().name();
    if (in.readNull()) {
      throw new BadServerDataException(
          entity, null, field, where + " is null, where a " + type + " with its id must be");
    }
    T value;
    try {
      value = codec.read(in);
    } catch (BadServerDataException e) {
      String inner = e.field() == null ? "" : ", field '" + e.field() + "'";
      throw new BadServerDataException(entity, null, field, where + inner + ": " + e.problem(), e);
    }
    Object id = codec.type().id(value);
    if (id == null || id.equals(codec.type().unsetId())) {
      throw new BadServerDataException(
          entity, null, field, where + " has no id: a " + type + " is merged by its id");
    }
    String before = seen.putIfAbsent(id, where);
    if (before != null) {
      throw new BadServerDataException(
          entity, null, field, where + " has the id '" + id + "' that " + before + " has");
    }
    return value;
  }
}
