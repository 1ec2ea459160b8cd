package io.github.synced.runtime.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@link JsonOutput} into a growing byte buffer, writing the bytes Jackson's UTF-8 generator writes
 * with its default features: names pre-encoded by {@link JsonNames}, strings escaped by Jackson's
 * own table ({@link CharTypes#get7BitOutputEscapes()}, hex in upper case), other characters as
 * UTF-8, numbers as {@code Long.toString}, {@code Double.toString} and {@code BigDecimal.toString}
 * give them. A surrogate character is declined ({@link Declined}): Jackson's treatment of those is
 * its own. One per thread is kept for reuse ({@link #acquire}).
 *
 * <p>Objects and arrays nest to any depth, with no state kept per level: a comma goes before a name
 * (or key) unless the last byte written is the object's brace; between the elements of an array the
 * caller asks for one ({@link #comma}), as the loops of {@link JsonValues} and {@link JsonEntities}
 * do, so that writing a value costs no check.
 */
final class ByteOutput extends JsonOutput {

  /**
   * How Jackson (2 and 3) escapes each ASCII character by default: 0 not at all, -1 as {@code
   * \\u00XX}, otherwise as a backslash and this character.
   */
  static final int[] ESCAPES = StringBytes.escapes();

  static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
  };
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** {@code true} and the first four bytes of {@code false}, as little-endian ints. */
  private static final int TRUE_WORD = wrap(TRUE).getInt(0);

  private static final int FALSE_WORD = wrap(FALSE).getInt(0);
  private static final byte[] MIN_LONG =
      "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** A buffer that grew past this is dropped after use rather than kept for the thread. */
  private static final int KEEP = 64 * 1024;

  private static final ThreadLocal<ByteOutput> LOCAL = ThreadLocal.withInitial(ByteOutput::new);

  private byte[] buf = new byte[512];

  /** {@link #buf} as a little-endian buffer, to write names a word at a time; wraps it anew. */
  private ByteBuffer words = wrap(buf);

  /** The characters of the string being written, copied in one go. */
  private char[] chars = new char[128];

  private int len;
  private boolean inUse;

  /** This thread's writer, empty; a new one where it is in use (a codec writing in a codec). */
  static ByteOutput acquire() {
    ByteOutput out = LOCAL.get();
    if (out.inUse) {
      return new ByteOutput();
    }
    out.inUse = true;
    out.len = 0;
    return out;
  }

  /** Gives the writer back for the thread's next body. */
  void release() {
    inUse = false;
    len = 0;
    if (buf.length > KEEP) {
      buf = new byte[512];
      words = wrap(buf);
    }
    if (chars.length > KEEP) {
      chars = new char[128];
    }
  }

  /** What was written. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      grow(more);
    }
  }

  /** Makes room for {@code more} bytes: apart from {@link #ensure}, which stays small to inline. */
  private void grow(int more) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    words = wrap(buf);
  }

  private static ByteBuffer wrap(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, len, bytes.length);
    len += bytes.length;
  }

  /** Writes the characters of {@code ascii}, all below 0x80, as they are. */
  private void ascii(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
  }

  /** The comma between two elements of an array, before the second. */
  void comma() {
    ensure(1);
    buf[len++] = ',';
  }

  @Override
  public void startObject() {
    ensure(1);
    buf[len++] = '{';
  }

  @Override
  public void endObject() {
    ensure(1);
    buf[len++] = '}';
  }

  /** Starts an array. */
  void startArray() {
    ensure(1);
    buf[len++] = '[';
  }

  /** Ends the array. */
  void endArray() {
    ensure(1);
    buf[len++] = ']';
  }

  @Override
  public void name(JsonNames names, int index) {
    ensure(names.quoted(index).length + 1);
    if (buf[len - 1] != '{') {
      buf[len++] = ',';
    }
    len += names.put(index, words, len); // a word at a time: beats a loop and System.arraycopy
  }

  /**
   * Writes a key of an object started with {@link #startObject}: any string, escaped as a value is,
   * then the colon.
   */
  void key(String key) {
    ensure(1);
    if (buf[len - 1] != '{') {
      buf[len++] = ',';
    }
    quoted(key);
    ensure(1);
    buf[len++] = ':';
  }

  @Override
  public void writeString(String value) {
    if (value == null) {
      writeNull();
      return;
    }
    quoted(value);
  }

  /** Writes {@code value} as a JSON string, in quotes. */
  private void quoted(String value) {
    int n = value.length();
    ensure(n * 6 + 2);
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    char[] cs = chars;
    value.getChars(0, n, cs, 0);
    byte[] b = buf;
    int at = len;
    b[at++] = '"';
    // Plain ASCII, the common case, byte for byte: one look in the table of escapes.
    int[] escapes = ESCAPES;
    for (int i = 0; i < n; i++) {
      char c = cs[i];
      if (c >= 0x80 || escapes[c] != 0) {
        escaped(cs, i, n, at + i);
        return;
      }
      b[at + i] = (byte) c;
    }
    b[at + n] = '"';
    len = at + n + 1;
  }

  /**
   * Writes {@code cs[from, n)} from {@code to} escaped and encoded as Jackson does, then the
   * closing quote: the slow path of {@link #quoted}, a method of its own so that the fast path is
   * small enough to be inlined where strings are written.
   */
  private void escaped(char[] cs, int from, int n, int to) {
    byte[] b = buf;
    int at = to;
    int i = from;
    for (; i < n; i++) {
      char c = cs[i];
      if (c < 0x80) {
        int escape = ESCAPES[c];
        if (escape == 0) {
          b[at++] = (byte) c;
        } else if (escape > 0) {
          b[at++] = '\\';
          b[at++] = (byte) escape;
        } else {
          b[at++] = '\\';
          b[at++] = 'u';
          b[at++] = '0';
          b[at++] = '0';
          b[at++] = HEX[c >> 4];
          b[at++] = HEX[c & 0xF];
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        throw Declined.INSTANCE;
      } else {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | (c >> 6 & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[at++] = '"';
    len = at;
  }

  @Override
  public void writeBoolean(boolean value) {
    ensure(FALSE.length);
    if (value) {
      words.putInt(len, TRUE_WORD);
      len += TRUE.length;
    } else {
      words.putInt(len, FALSE_WORD);
      buf[len + Integer.BYTES] = FALSE[Integer.BYTES];
      len += FALSE.length;
    }
  }

  @Override
  public void writeNull() {
    raw(NULL);
  }

  @Override
  public void writeNumber(int value) {
    writeNumber((long) value);
  }

  @Override
  public void writeNumber(long value) {
    if (value == Long.MIN_VALUE) {
      raw(MIN_LONG);
      return;
    }
    ensure(20);
    long v = value;
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long p = 10; digits < 19 && v >= p; p *= 10) {
      digits++;
    }
    int at = len + digits;
    len = at;
    do {
      buf[--at] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
  }

  @Override
  public void writeFloat(float value) {
    if (Float.isFinite(value)) {
      ascii(Float.toString(value));
    } else {
      writeString(String.valueOf(value));
    }
  }

  @Override
  public void writeDouble(double value) {
    if (Double.isFinite(value)) {
      if (!plainDecimal(value)) {
        ascii(Double.toString(value));
      }
    } else {
      writeString(String.valueOf(value));
    }
  }

  private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

  /**
   * Writes {@code value} as digits around a point, without {@code Double.toString}'s allocations,
   * when it has at most six decimals and lies where {@code Double.toString} writes no exponent
   * either (10<sup>-3</sup> ≤ |value| < 10<sup>7</sup>): {@code 2.5}, {@code 3.0}, {@code 0.125}.
   * Exact: the digits are {@code m / 10^k} for the fewest decimals {@code k} whose quotient, which
   * division rounds correctly as parsing does, is {@code value}. Otherwise writes nothing.
   *
   * @return whether it wrote the value
   */
  private boolean plainDecimal(double value) {
    double abs = Math.abs(value);
    if (!(abs >= 1e-3 && abs < 1e7)) {
      return false;
    }
    for (int k = 0; k < POW10.length; k++) {
      double m = Math.rint(abs * POW10[k]);
      if (m / POW10[k] == abs) {
        long digits = (long) m;
        long unit = (long) POW10[k];
        writeNumber(value < 0 ? -(digits / unit) : digits / unit);
        if (value < 0 && digits < unit) {
          ensure(1);
          buf[len - 1] = '-'; // "-0" was written as "0": the sign goes before it
          buf[len++] = '0';
        }
        ensure(8);
        buf[len++] = '.';
        if (k == 0) {
          buf[len++] = '0';
        } else {
          long fraction = digits % unit;
          for (long p = unit / 10; p > 0; p /= 10) {
            buf[len++] = (byte) ('0' + fraction / p % 10);
          }
        }
        return true;
      }
    }
    return false;
  }

  @Override
  void writeDecimal(BigDecimal value) {
    ascii(value.toString());
  }

  @Override
  void writeBigInteger(BigInteger value) {
    ascii(value.toString());
  }
}
