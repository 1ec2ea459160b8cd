package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads and writes the values of generated codecs ({@code TaskJson}) that are more than one JSON
 * scalar: collections as JSON arrays, maps as JSON objects whose property names are the keys,
 * {@code Optional} as its value or {@code null}, {@code byte[]} as a Base64 string (as Jackson
 * writes it). Public for generated code.
 *
 * <p><b>Reading</b> is typed: the codec passes a {@link Reader} for the elements (and a parser for
 * map keys), so nested collections read recursively. Every collection and map read is a new,
 * unmodifiable one ({@code null} elements and values kept, in the order read); JSON {@code null}
 * reads as {@code null}. A value that does not fit fails with a {@link BadServerDataException} that
 * names the field and where in the value it is ({@code element 2}, {@code key 'x'}).
 *
 * <p><b>Writing</b> goes by each value's class, so one method writes every supported value: {@code
 * null}, strings, booleans, numbers, characters, enums (by name), {@code UUID} and {@code
 * java.time} values (their {@code toString()}), collections, maps, optionals, {@code byte[]}
 * (Base64) and other arrays (JSON arrays).
 *
 * <p>The byte reader and writer handle all of these, nested to any depth, except that the byte
 * writer leaves Base64 to Jackson's generator (the body is then written through Jackson).
 */
public final class JsonValues {

  private JsonValues() {}

  /**
   * Reads one value, of a collection's element or a map's value, from {@code in}, which stands on
   * it.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface Reader<T> {
    /** The value {@code in} stands on. */
    T read(JsonInput in) throws IOException;
  }

  /**
   * Writes one value of a class {@link #write(JsonOutput, Object, Writer)} does not know: a record
   * the codec writes itself.
   */
  @FunctionalInterface
  public interface Writer {
    /** Writes {@code value}, which is not {@code null}. */
    void write(JsonOutput out, Object value) throws IOException;
  }

  // ------------------------------------------------------------------ reading

  /** Whether the value {@code in} stands on is {@code null}, which it then consumes. */
  public static boolean isNull(JsonInput in) throws IOException {
    return in.readNull();
  }

  /**
   * {@code e}, raised inside the value of {@code field} (a record's component), as a problem of
   * {@code field}: the component it names goes into the problem.
   */
  public static BadServerDataException inField(BadServerDataException e, String field) {
    return e.field() != null && e.field().equals(field) ? e : inside(e, field, null);
  }

  /**
   * An array as an unmodifiable list, or {@code null}.
   *
   * @param entity the entity's name, for messages
   * @param field the field's JSON name, for messages
   * @param element reads one element
   * @throws BadServerDataException if the value is not an array or an element does not fit
   */
  public static <T> List<T> readList(
      JsonInput in, String entity, String field, Reader<? extends T> element) throws IOException {
    List<T> list = readElements(in, entity, field, element, new ArrayList<>(), false);
    return list == null ? null : Collections.unmodifiableList(list);
  }

  /** An array as an unmodifiable set in the order read, or {@code null}; see {@link #readList}. */
  public static <T> Set<T> readSet(
      JsonInput in, String entity, String field, Reader<? extends T> element) throws IOException {
    Set<T> set = readElements(in, entity, field, element, new LinkedHashSet<>(), false);
    return set == null ? null : Collections.unmodifiableSet(set);
  }

  /**
   * An array as an unmodifiable set in natural order, or {@code null}; see {@link #readList}. A
   * {@code null} element is refused: a sorted set cannot hold one.
   */
  public static <T> NavigableSet<T> readSortedSet(
      JsonInput in, String entity, String field, Reader<? extends T> element) throws IOException {
    NavigableSet<T> set = readElements(in, entity, field, element, new TreeSet<>(), true);
    return set == null ? null : Collections.unmodifiableNavigableSet(set);
  }

  private static <T, C extends Collection<T>> C readElements(
      JsonInput in,
      String entity,
      String field,
      Reader<? extends T> element,
      C into,
      boolean sorted)
      throws IOException {
    if (!JsonTokens.startArray(in, entity, field)) {
      return null;
    }
    for (int i = 0; JsonTokens.nextElement(in); i++) {
      T value;
      try {
        value = element.read(in);
      } catch (BadServerDataException e) {
        throw inside(e, field, "element " + i);
      }
      if (value == null && sorted) {
        throw new BadServerDataException(
            entity, null, field, "element " + i + " is null, which a sorted set cannot hold");
      }
      into.add(value);
    }
    return into;
  }

  /**
   * An object as an unmodifiable map in the order read, or {@code null}: each property name made a
   * key by {@code key}, each value read by {@code value}. A repeated key keeps its last value.
   *
   * @param key makes a key of a property name, for example {@code UUID::fromString}
   * @param keyType what a key must be, for messages: {@code "a UUID"}
   * @throws BadServerDataException if the value is not an object, {@code key} refuses a name
   *     (throws {@code IllegalArgumentException} or {@code DateTimeException}), or a value does not
   *     fit
   */
  public static <K, V> Map<K, V> readMap(
      JsonInput in,
      String entity,
      String field,
      Function<String, ? extends K> key,
      String keyType,
      Reader<? extends V> value)
      throws IOException {
    Map<K, V> map = readEntries(in, entity, field, key, keyType, value, new LinkedHashMap<>());
    return map == null ? null : Collections.unmodifiableMap(map);
  }

  /**
   * An object as an unmodifiable map in the keys' natural order, or {@code null}; see {@link
   * #readMap}.
   */
  public static <K, V> NavigableMap<K, V> readSortedMap(
      JsonInput in,
      String entity,
      String field,
      Function<String, ? extends K> key,
      String keyType,
      Reader<? extends V> value)
      throws IOException {
    NavigableMap<K, V> map = readEntries(in, entity, field, key, keyType, value, new TreeMap<>());
    return map == null ? null : Collections.unmodifiableNavigableMap(map);
  }

  private static <K, V, M extends Map<K, V>> M readEntries(
      JsonInput in,
      String entity,
      String field,
      Function<String, ? extends K> key,
      String keyType,
      Reader<? extends V> value,
      M into)
      throws IOException {
    if (!JsonTokens.startObject(in, entity, field)) {
      return null;
    }
    for (String name = JsonTokens.nextKey(in); name != null; name = JsonTokens.nextKey(in)) {
      K k;
      try {
        k = key.apply(name);
      } catch (IllegalArgumentException | DateTimeException e) {
        throw new BadServerDataException(
            entity, null, field, "key '" + name + "' is not " + keyType, e);
      }
      try {
        into.put(k, value.read(in));
      } catch (BadServerDataException e) {
        throw inside(e, field, "key '" + name + "'");
      }
    }
    return into;
  }

  /**
   * {@code e}, which a part of the value of {@code field} raised, naming the field and the part.
   */
  private static BadServerDataException inside(
      BadServerDataException e, String field, String where) {
    String inner = e.field() == null || e.field().equals(field) ? "" : "field '" + e.field() + "'";
    String at = where == null ? inner : inner.isEmpty() ? where : where + ", " + inner;
    String problem = at.isEmpty() ? e.problem() : at + ": " + e.problem();
    return new BadServerDataException(e.entity(), e.id(), field, problem, e.getCause());
  }

  /**
   * {@code e}, which reading a nested entity (another {@code @Synced} type) into {@code field} of
   * {@code entity} raised, as a problem of that field: the nested field at fault goes into the
   * problem, and {@code e} is the cause.
   */
  public static BadServerDataException nested(
      BadServerDataException e, String entity, String field) {
    String inner = e.field() == null ? "" : "field '" + e.field() + "': ";
    return new BadServerDataException(entity, null, field, inner + e.problem(), e);
  }

  /** An integer that fits an {@code int}, or {@code null} as empty. */
  public static OptionalInt readOptionalInt(JsonInput in, String entity) throws IOException {
    return in.readNull() ? OptionalInt.empty() : OptionalInt.of(in.readInt(entity));
  }

  /** An integer that fits a {@code long}, or {@code null} as empty. */
  public static OptionalLong readOptionalLong(JsonInput in, String entity) throws IOException {
    return in.readNull() ? OptionalLong.empty() : OptionalLong.of(in.readLong(entity));
  }

  /** A number as {@link JsonInput#readDouble} reads it, or {@code null} as empty. */
  public static OptionalDouble readOptionalDouble(JsonInput in, String entity) throws IOException {
    return in.readNull() ? OptionalDouble.empty() : OptionalDouble.of(in.readDouble(entity));
  }

  /**
   * A Base64 string (Jackson's default variant: the standard alphabet, padded) as bytes, or {@code
   * null}.
   */
  public static byte[] readBytes(JsonInput in, String entity, String field) throws IOException {
    return JsonTokens.readBinary(in, entity, field);
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes {@code value} by its class: see the class comment for the values it writes.
   *
   * @throws IllegalArgumentException for a value of another class, or a map with a {@code null} key
   *     (a JSON property name cannot be {@code null})
   */
  public static void write(JsonOutput out, Object value) throws IOException {
    write(out, value, null);
  }

  /**
   * Writes {@code value} by its class, as {@link #write(JsonOutput, Object)} does, and values of a
   * class it does not know (records of the codec's) through {@code other}.
   */
  public static void write(JsonOutput out, Object value, Writer other) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String s) {
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b.booleanValue());
    } else if (value instanceof Number n) {
      out.writeNumber(n);
    } else if (value instanceof Character c) {
      out.writeChar(c);
    } else if (value instanceof Enum<?> e) {
      out.writeEnum(e);
    } else if (value instanceof UUID
        || value instanceof TemporalAccessor
        || value instanceof TemporalAmount) {
      out.writeText(value);
    } else if (value instanceof Collection<?> collection) {
      JsonTokens.startArray(out);
      int i = 0;
      for (Object element : collection) {
        JsonTokens.comma(out, i++);
        write(out, element, other);
      }
      JsonTokens.endArray(out);
    } else if (value instanceof Map<?, ?> map) {
      JsonTokens.startObject(out);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        JsonTokens.key(out, key(entry.getKey()));
        write(out, entry.getValue(), other);
      }
      out.endObject();
    } else if (value instanceof Optional<?> optional) {
      write(out, optional.orElse(null), other);
    } else if (value instanceof OptionalInt optional) {
      write(out, optional.isPresent() ? (Object) optional.getAsInt() : null);
    } else if (value instanceof OptionalLong optional) {
      write(out, optional.isPresent() ? (Object) optional.getAsLong() : null);
    } else if (value instanceof OptionalDouble optional) {
      write(out, optional.isPresent() ? (Object) optional.getAsDouble() : null);
    } else if (value instanceof byte[] bytes) {
      JsonTokens.writeBinary(out, bytes);
    } else if (value instanceof Object[] array) {
      write(out, Arrays.asList(array), other);
    } else if (value instanceof Currency) {
      out.writeText(value);
    } else if (writePrimitives(out, value)) {
      return;
    } else if (other != null) {
      other.write(out, value);
    } else {
      throw new IllegalArgumentException("JsonValues cannot write a " + value.getClass().getName());
    }
  }

  /** Writes an array of primitives other than bytes; {@code false} for any other value. */
  private static boolean writePrimitives(JsonOutput out, Object value) throws IOException {
    if (value instanceof int[] ints) {
      JsonTokens.startArray(out);
      for (int i = 0; i < ints.length; i++) {
        JsonTokens.comma(out, i);
        out.writeNumber(ints[i]);
      }
    } else if (value instanceof long[] longs) {
      JsonTokens.startArray(out);
      for (int i = 0; i < longs.length; i++) {
        JsonTokens.comma(out, i);
        out.writeNumber(longs[i]);
      }
    } else if (value instanceof short[] shorts) {
      JsonTokens.startArray(out);
      for (int i = 0; i < shorts.length; i++) {
        JsonTokens.comma(out, i);
        out.writeNumber(shorts[i]);
      }
    } else if (value instanceof double[] doubles) {
      JsonTokens.startArray(out);
      for (int i = 0; i < doubles.length; i++) {
        JsonTokens.comma(out, i);
        out.writeDouble(doubles[i]);
      }
    } else if (value instanceof float[] floats) {
      JsonTokens.startArray(out);
      for (int i = 0; i < floats.length; i++) {
        JsonTokens.comma(out, i);
        out.writeFloat(floats[i]);
      }
    } else if (value instanceof boolean[] booleans) {
      JsonTokens.startArray(out);
      for (int i = 0; i < booleans.length; i++) {
        JsonTokens.comma(out, i);
        out.writeBoolean(booleans[i]);
      }
    } else if (value instanceof char[] chars) {
      JsonTokens.startArray(out);
      for (int i = 0; i < chars.length; i++) {
        JsonTokens.comma(out, i);
        out.writeChar(chars[i]);
      }
    } else {
      return false;
    }
    JsonTokens.endArray(out);
    return true;
  }

  /** The property name of a map key: an enum's name, another value's {@code toString()}. */
  static String key(Object key) {
    if (key == null) {
      throw new IllegalArgumentException(
          "a map has a null key, which cannot be a JSON property name");
    }
    return key instanceof Enum<?> e ? e.name() : key.toString();
  }
}
