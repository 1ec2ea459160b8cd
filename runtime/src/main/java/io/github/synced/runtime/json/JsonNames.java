package io.github.synced.runtime.json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The property names of one entity type, in declaration order (name {@code i} is synced field
 * {@code i}), prepared once for reading and writing: as the bytes of {@code "name":} (and, on first
 * use, for each Jackson's generator), and in hash tables that find a name's index from a {@code
 * String} or from the raw bytes of the input, without making a string. Immutable; generated codecs
 * keep one in a constant.
 */
public final class JsonNames {

  private final String[] names;

  /**
   * The names encoded for Jackson 2 and Jackson 3 ({@code SerializableString[]} of each), made by
   * {@link JacksonOutput} and {@link Jackson3Output} on first use, so that this class names no
   * Jackson type; a race makes the same array twice.
   */
  volatile Object jackson2;

  volatile Object jackson3;

  /** {@code "name":} as UTF-8, per name. */
  private final byte[][] quoted;

  /**
   * {@code "name":} per name as little-endian words, to compare and copy it a word at a time
   * ({@link #matches}, {@link #put}): for 8 bytes or more, the longs at 0, 8, 16 and so on, the
   * last one at {@code length - 8} (overlapping the one before); for 4 to 7 bytes, the ints at 0
   * and at {@code length - 4}; for fewer (only {@code "":}), none.
   */
  private final long[][] words;

  /** The UTF-8 bytes of each name, unquoted. */
  private final byte[][] utf8;

  /** Open addressing by {@link String#hashCode()}: index + 1, 0 for an empty slot. */
  private final int[] byString;

  /** Open addressing by {@link #hash(byte[], int, int)} of the UTF-8 bytes: index + 1, or 0. */
  private final int[] byBytes;

  private final int mask;

  private JsonNames(String[] names) {
    this.names = names;
    int n = names.length;
    quoted = new byte[n][];
    words = new long[n][];
    utf8 = new byte[n][];
    int size = Integer.highestOneBit(Math.max(4, n * 4 - 1)) << 1;
    mask = size - 1;
    byString = new int[size];
    byBytes = new int[size];
    for (int i = 0; i < n; i++) {
      byte[] inner = StringBytes.quotedUtf8(names[i]);
      byte[] q = new byte[inner.length + 3];
      q[0] = '"';
      System.arraycopy(inner, 0, q, 1, inner.length);
      q[q.length - 2] = '"';
      q[q.length - 1] = ':';
      quoted[i] = q;
      words[i] = words(q);
      utf8[i] = names[i].getBytes(StandardCharsets.UTF_8);
      put(byString, names[i].hashCode(), i);
      put(byBytes, hash(utf8[i], 0, utf8[i].length), i);
    }
  }

  /**
   * The names of a type's synced fields, in declaration order.
   *
   * @throws IllegalArgumentException if a name repeats
   */
  public static JsonNames of(String... names) {
    if (Arrays.stream(names).distinct().count() != names.length) {
      throw new IllegalArgumentException("names repeat: " + Arrays.toString(names));
    }
    return new JsonNames(names.clone());
  }

  private void put(int[] table, int hash, int index) {
    int slot = spread(hash) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = index + 1;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The hash of name bytes that {@link ByteInput} computes while it scans a name. */
  static int hash(byte[] bytes, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  /** How many names. */
  public int size() {
    return names.length;
  }

  /** Name {@code index}. */
  public String name(int index) {
    return names[index];
  }

  /** The index of {@code name}, or {@link JsonInput#UNKNOWN}. */
  int indexOf(String name) {
    int slot = spread(name.hashCode()) & mask;
    for (int entry; (entry = byString[slot]) != 0; slot = (slot + 1) & mask) {
      if (names[entry - 1].equals(name)) {
        return entry - 1;
      }
    }
    return JsonInput.UNKNOWN;
  }

  /**
   * The index of the name whose UTF-8 bytes are {@code bytes[from, to)}, whose {@link #hash} is
   * {@code hash}; or {@link JsonInput#UNKNOWN}.
   */
  int indexOf(byte[] bytes, int from, int to, int hash) {
    int slot = spread(hash) & mask;
    for (int entry; (entry = byBytes[slot]) != 0; slot = (slot + 1) & mask) {
      if (same(utf8[entry - 1], bytes, from, to)) {
        return entry - 1;
      }
    }
    return JsonInput.UNKNOWN;
  }

  /**
   * Whether {@code name} is {@code bytes[from, to)}: a plain loop, quicker than a library call on
   * names.
   */
  static boolean same(byte[] name, byte[] bytes, int from, int to) {
    if (name.length != to - from) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (name[i] != bytes[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** The words of {@code quoted}, as {@link #words} holds them. */
  private static long[] words(byte[] quoted) {
    int n = quoted.length;
    ByteBuffer bytes = ByteBuffer.wrap(quoted).order(ByteOrder.LITTLE_ENDIAN);
    if (n >= Long.BYTES) {
      long[] words = new long[(n + Long.BYTES - 1) / Long.BYTES];
      int last = words.length - 1;
      for (int i = 0; i < last; i++) {
        words[i] = bytes.getLong(i * Long.BYTES);
      }
      words[last] = bytes.getLong(n - Long.BYTES);
      return words;
    }
    if (n >= Integer.BYTES) {
      return new long[] {bytes.getInt(0), bytes.getInt(n - Integer.BYTES)};
    }
    return new long[0];
  }

  /**
   * Whether the input holds {@code "name":} of name {@code index} at {@code from}, compared a word
   * at a time; the caller checked that its {@link #quoted} length fits before {@code in}'s end.
   *
   * @param in the input as a little-endian heap buffer (the reader keeps one: no allocation)
   */
  boolean matches(int index, ByteBuffer in, int from) {
    long[] w = words[index];
    int n = quoted[index].length;
    if (n >= Long.BYTES) {
      int last = w.length - 1;
      for (int i = 0; i < last; i++) {
        if (in.getLong(from + i * Long.BYTES) != w[i]) {
          return false;
        }
      }
      return in.getLong(from + n - Long.BYTES) == w[last];
    }
    if (n >= Integer.BYTES) {
      return in.getInt(from) == (int) w[0] && in.getInt(from + n - Integer.BYTES) == (int) w[1];
    }
    byte[] q = quoted[index];
    for (int i = 0; i < n; i++) {
      if (in.get(from + i) != q[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code "name":} of name {@code index} at {@code at}, a word at a time, and returns its
   * length; the caller made room for it.
   *
   * @param out the output as a little-endian heap buffer over the writer's array
   */
  int put(int index, ByteBuffer out, int at) {
    long[] w = words[index];
    int n = quoted[index].length;
    if (n >= Long.BYTES) {
      int last = w.length - 1;
      for (int i = 0; i < last; i++) {
        out.putLong(at + i * Long.BYTES, w[i]);
      }
      out.putLong(at + n - Long.BYTES, w[last]);
    } else if (n >= Integer.BYTES) {
      out.putInt(at, (int) w[0]);
      out.putInt(at + n - Integer.BYTES, (int) w[1]);
    } else {
      byte[] q = quoted[index];
      for (int i = 0; i < n; i++) {
        out.put(at + i, q[i]);
      }
    }
    return n;
  }

  /** {@code "name":} as UTF-8, exactly as Jackson writes it. */
  byte[] quoted(int index) {
    return quoted[index];
  }
}
