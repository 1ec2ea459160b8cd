package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 *
 * <p>Writing goes through the elements' codec as well ({@link #write}), one nested entity or a
 * collection or map of them. On the byte reader and writer, arrays and keyed objects of entities
 * are read and written as bytes, as the entities themselves are.
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
    Ids seen = new Ids();
    for (int i = 0; JsonTokens.nextElement(in); i++) {
      into.add(readOne(in, entity, field, codec, i, null, seen));
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
    Ids seen = new Ids();
    List<String> names = new ArrayList<>();
    for (String name = JsonTokens.nextKey(in); name != null; name = JsonTokens.nextKey(in)) {
      K k;
      try {
        k = key.apply(name);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new BadServerDataException(
            entity, null, field, "key '" + name + "' is not " + keyType, e);
      }
      names.add(name);
      into.put(k, readOne(in, entity, field, codec, names.size() - 1, names, seen));
    }
    return into;
  }

  /**
   * Where in a field's value the element at {@code index} is, for messages: {@code element 2}, or
   * with {@code keys} (a map's, in the order read) {@code key 'todo'}. Made only for a message.
   */
  private static String where(int index, List<String> keys) {
    return keys == null ? "element " + index : "key '" + keys.get(index) + "'";
  }

  /**
   * One element, the {@code index}th of the value of {@code field} (with {@code keys}, a map's, the
   * value of the last key): not {@code null}, with an id that {@code seen} (the ids read so far,
   * and where) does not have yet.
   */
  private static <T> T readOne(
      JsonInput in,
      String entity,
      String field,
      JsonCodec<T> codec,
      int index,
      List<String> keys,
      Ids seen)
      throws IOException {
    if (in.readNull()) {
      throw new BadServerDataException(
          entity,
          null,
          field,
          where(index, keys) + " is null, where a " + codec.type().name() + " with its id must be");
    }
    T value;
    try {
      value = codec.read(in);
    } catch (BadServerDataException e) {
      String inner = e.field() == null ? "" : ", field '" + e.field() + "'";
      throw new BadServerDataException(
          entity, null, field, where(index, keys) + inner + ": " + e.problem(), e);
    }
    Object id = codec.type().id(value);
    if (id == null || id.equals(codec.type().unsetId())) {
      throw new BadServerDataException(
          entity,
          null,
          field,
          where(index, keys) + " has no id: a " + codec.type().name() + " is merged by its id");
    }
    int before = seen.add(id, index);
    if (before >= 0) {
      throw new BadServerDataException(
          entity,
          null,
          field,
          where(index, keys) + " has the id '" + id + "' that " + where(before, keys) + " has");
    }
    return value;
  }

  /**
   * The ids of one value's elements read so far, each with its element's index: a small table of
   * open addressing (two arrays, where a map would make a node per id), for telling an id twice.
   */
  private static final class Ids {

    /** Room for 24 ids before the table grows: most values have fewer elements. */
    private Object[] ids = new Object[32];

    private int[] indexes = new int[32];
    private int size;

    /**
     * Adds {@code id}, of the element at {@code index}.
     *
     * @return the index of a former element with an equal id, or -1
     */
    int add(Object id, int index) {
      if (size * 4 >= ids.length * 3) {
        grow();
      }
      int mask = ids.length - 1;
      for (int i = slot(id, mask); ; i = (i + 1) & mask) {
        Object there = ids[i];
        if (there == null) {
          ids[i] = id;
          indexes[i] = index;
          size++;
          return -1;
        }
        if (there.equals(id)) {
          return indexes[i];
        }
      }
    }

    private static int slot(Object id, int mask) {
      int h = id.hashCode();
      return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
      Object[] oldIds = ids;
      int[] oldIndexes = indexes;
      ids = new Object[oldIds.length * 2];
      indexes = new int[oldIds.length * 2];
      int mask = ids.length - 1;
      for (int j = 0; j < oldIds.length; j++) {
        if (oldIds[j] != null) {
          int i = slot(oldIds[j], mask);
          while (ids[i] != null) {
            i = (i + 1) & mask;
          }
          ids[i] = oldIds[j];
          indexes[i] = oldIndexes[j];
        }
      }
    }
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes {@code value} through {@code codec}: an entity as an object, a collection of them as an
   * array, a map of them as an object whose property names are the keys (an enum's name, another
   * key's {@code toString()}, as {@link JsonValues} writes keys); {@code null}, and a {@code null}
   * element or value, as JSON {@code null}. Public for generated code.
   *
   * @param value a {@code T}, a collection or map of them, or {@code null}
   * @throws ClassCastException if an element is not a {@code T}
   */
  public static <T> void write(JsonOutput out, Object value, JsonCodec<T> codec)
      throws IOException {
    if (value instanceof Collection<?> collection) {
      JsonTokens.startArray(out);
      int i = 0;
      for (Object element : collection) {
        JsonTokens.comma(out, i++);
        writeOne(out, element, codec);
      }
      JsonTokens.endArray(out);
    } else if (value instanceof Map<?, ?> map) {
      JsonTokens.startObject(out);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        JsonTokens.key(out, JsonValues.key(entry.getKey()));
        writeOne(out, entry.getValue(), codec);
      }
      out.endObject();
    } else {
      writeOne(out, value, codec);
    }
  }

  private static <T> void writeOne(JsonOutput out, Object value, JsonCodec<T> codec)
      throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      codec.write(out, codec.type().type().cast(value));
    }
  }
}
