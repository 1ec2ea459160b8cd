package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@link JsonInput} over the bytes of a whole UTF-8 document: names are matched on their bytes,
 * strings and numbers made straight from the input, nothing else allocated. It accepts only strict,
 * well-formed JSON of the shape its codec expects, which Jackson reads to the same values; on
 * anything else (malformed or unusual input, a value of the wrong type, an escaped name, a number
 * past 18 digits, a limit of the mapper's {@code StreamReadConstraints}, given as {@link Limits})
 * it throws {@link Declined}, and {@link JsonCodecs} reads the document through Jackson instead.
 *
 * <p>Objects and arrays nest to any depth (a codec reading its elements' codecs): the reader keeps
 * no state per level. Whether a member is an object's or array's first, which decides whether a
 * comma must come before it, is whether the last byte consumed is the opening brace or bracket;
 * every read leaves {@link #pos} right after the last byte of its value, so that byte is {@code
 * buf[pos - 1]}.
 */
final class ByteInput extends ByteScanner {

  private final int maxName;

  /** {@link #buf} as a little-endian buffer, to compare names a word at a time. */
  private final ByteBuffer words;

  /** The index of the name expected next: names usually come in declaration order. */
  private int expected;

  /**
   * A reader of {@code json} within {@code limits}.
   *
   * @throws Declined if the document is longer than the limits allow, or they count tokens
   */
  ByteInput(byte[] json, ReadLimits limits) {
    super(json, limits.maxStringLength(), Math.min(limits.maxNumberLength(), 1000));
    if (limits.countsTokens()
        || (limits.maxDocumentLength() > 0 && json.length > limits.maxDocumentLength())) {
      throw Declined.INSTANCE;
    }
    this.maxName = limits.maxNameLength();
    this.words = ByteBuffer.wrap(json).order(ByteOrder.LITTLE_ENDIAN);
  }

  // ------------------------------------------------------------------ structure

  @Override
  public void startObject(String entity) {
    if (peek() != '{') {
      throw decline();
    }
    pos++;
    expected = 0;
  }

  /**
   * Whether nothing was read since the object or array was opened: the last byte consumed, right
   * before {@link #pos} (white space after it not yet skipped), is its brace or bracket. No value
   * ends with either.
   */
  private boolean atOpening() {
    byte last = buf[pos - 1];
    return last == '{' || last == '[';
  }

  /** Moves onto the start of an array. */
  void startArray() {
    if (peek() != '[') {
      throw decline();
    }
    pos++;
  }

  /** Whether the array has another element, moving onto it; consumes the array's end. */
  boolean nextElement() {
    boolean first = atOpening();
    int b = peek();
    if (b == ']') {
      pos++;
      return false;
    }
    if (first) {
      return true;
    }
    if (b != ',') {
      throw decline();
    }
    pos++;
    return true;
  }

  /**
   * The next key of an object read by its keys (started with {@link #startObject}), moving onto its
   * value; {@code null} where the object ends, which it consumes. A key is any string, escapes and
   * all, within the limit of a name's length.
   */
  String nextKey() {
    boolean first = atOpening();
    int b = peek();
    if (b == '}') {
      pos++;
      return null;
    }
    if (!first) {
      if (b != ',') {
        throw decline();
      }
      pos++;
      b = peek();
    }
    if (b != '"') {
      throw decline();
    }
    int start = pos;
    String key = readString(null);
    if (pos - start - 2 > maxName) {
      throw decline(); // its length in bytes, at least its length in characters
    }
    if (peek() != ':') {
      throw decline();
    }
    pos++;
    return key;
  }

  /** Checks that nothing but white space follows the document. */
  void expectEnd() {
    if (peek() != -1) {
      throw decline();
    }
  }

  @Override
  public int nextField(JsonNames names) {
    boolean first = atOpening();
    int b = peek();
    if (b == '}') {
      pos++;
      return END;
    }
    if (!first) {
      if (b != ',') {
        throw decline();
      }
      pos++;
      b = peek();
    }
    if (b != '"') {
      throw decline();
    }
    int index = expected;
    if (index < names.size()) {
      // The name expected next, compared as the bytes of "name": with no string or hash made.
      int n = names.quoted(index).length;
      if (pos + n <= end && names.matches(index, words, pos)) {
        pos += n;
        peek();
        expected = index + 1;
        return index;
      }
    }
    return lookUp(names);
  }

  /**
   * The rest of {@link #nextField} where the name is not the one expected: scanned, then looked up
   * by its hash. A method of its own so that {@code nextField} stays small enough to be inlined in
   * the generated loops.
   */
  private int lookUp(JsonNames names) {
    byte[] bytes = buf;
    int start = pos + 1;
    int p = start;
    int hash = 0;
    boolean ascii = true;
    while (true) {
      if (p >= end) {
        throw decline();
      }
      byte c = bytes[p];
      if (c == '"') {
        break;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        throw decline();
      }
      ascii &= c >= 0;
      hash = 31 * hash + c;
      p++;
    }
    pos = p;
    int nameEnd = pos++;
    if (nameEnd - start > maxName) {
      throw decline();
    }
    int index = names.indexOf(buf, start, nameEnd, hash);
    if (index != UNKNOWN) {
      expected = index + 1;
    }
    if (index == UNKNOWN && !ascii) {
      throw decline(); // an unknown name whose UTF-8 Jackson would check
    }
    if (peek() != ':') {
      throw decline();
    }
    pos++;
    peek();
    return index;
  }

  @Override
  public void skipValue() {
    skip(0);
  }

  // ------------------------------------------------------------------ values

  @Override
  boolean readNull() {
    if (peek() == 'n') {
      literal("null");
      return true;
    }
    return false;
  }

  @Override
  BadServerDataException unparsable(String entity, String problem, RuntimeException cause) {
    throw decline();
  }

  @Override
  public BadServerDataException malformed(String entity, Object id, Exception e)
      throws IOException {
    return rethrow(e); // this reader raises nothing but Declined and bad server data
  }

  @Override
  public String readString(String entity) {
    int b = peek();
    if (b == 'n') {
      literal("null");
      return null;
    }
    if (b != '"') {
      throw decline();
    }
    byte[] bytes = buf;
    int start = pos + 1;
    int p = start;
    // A word at a time up to the first byte that is not a plain character; then byte by byte.
    while (p + Long.BYTES <= end) {
      long special = StringBytes.special(words.getLong(p));
      if (special != 0) {
        p += Long.numberOfTrailingZeros(special) >>> 3;
        break;
      }
      p += Long.BYTES;
    }
    while (p < end) {
      byte c = bytes[p];
      if (c == '"') {
        if (p - start > maxString) {
          throw decline();
        }
        pos = p + 1;
        return new String(bytes, start, p - start, StandardCharsets.ISO_8859_1);
      }
      if (c == '\\' || c < 0x20) { // c < 0 for the bytes of non-ASCII characters
        pos = p;
        return slowString(start);
      }
      p++;
    }
    throw decline();
  }

  @Override
  public boolean readBoolean(String entity) {
    int b = peek();
    if (b == 't') {
      literal("true");
      return true;
    }
    if (b == 'f') {
      literal("false");
      return false;
    }
    throw decline();
  }

  @Override
  public byte readByte(String entity) {
    long value = integer();
    if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
      throw decline();
    }
    return (byte) value;
  }

  @Override
  public short readShort(String entity) {
    long value = integer();
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw decline();
    }
    return (short) value;
  }

  @Override
  public int readInt(String entity) {
    long value = integer();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw decline();
    }
    return (int) value;
  }

  @Override
  public long readLong(String entity) {
    return integer();
  }

  @Override
  public BigInteger readBigInteger(String entity) {
    if (readNull()) {
      return null;
    }
    number();
    if (!integer) {
      throw decline();
    }
    return new BigInteger(numberText());
  }

  /** The non-finite value written as a string, or declined. */
  private String nonFinite(String entity) {
    String text = readString(entity);
    if (text == null
        || !(text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"))) {
      throw decline();
    }
    return text;
  }

  @Override
  public float readFloat(String entity) {
    if (peek() == '"') {
      return Float.parseFloat(nonFinite(entity));
    }
    number();
    // Jackson makes an integer token a long first: -0 is 0.
    float value = integer ? (float) wholeNumber() : Float.parseFloat(numberText());
    if (Float.isInfinite(value)) {
      throw decline(); // out of range of a float: the Jackson reader says so
    }
    return value;
  }

  @Override
  public double readDouble(String entity) {
    if (peek() == '"') {
      return Double.parseDouble(nonFinite(entity));
    }
    number();
    if (integer) {
      return wholeNumber(); // as Jackson does with an integer token: through a long, -0 is 0
    }
    return Doubles.parse(buf, numStart, numEnd);
  }

  @Override
  public BigDecimal readBigDecimal(String entity) {
    if (readNull()) {
      return null;
    }
    number();
    return new BigDecimal(numberText());
  }

  @Override
  public char readChar(String entity) {
    String text = readString(entity);
    if (text == null || text.length() != 1) {
      throw decline();
    }
    return text.charAt(0);
  }
}
