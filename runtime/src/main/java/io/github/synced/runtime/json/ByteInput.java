package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * {@link JsonInput} over the bytes of a whole UTF-8 document: names are matched on their bytes,
 * strings and numbers made straight from the input, nothing else allocated. It accepts only strict,
 * well-formed JSON of the shape its codec expects, which Jackson reads to the same values; on
 * anything else (malformed or unusual input, a value of the wrong type, an escaped name, a number
 * past 18 digits, a limit of the mapper's {@code StreamReadConstraints}, given as {@link Limits})
 * it throws {@link Declined}, and {@link JsonCodecs} reads the document through Jackson instead.
 */
final class ByteInput extends JsonInput {

  /** Exact powers of ten as doubles: 10^0 to 10^22. */
  private static final double[] POWERS = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  /** Deeper nesting than this in a skipped value is left to Jackson. */
  private static final int MAX_DEPTH = 64;

  private final byte[] buf;
  private final int end;
  private final int maxString;
  private final int maxName;
  private final int maxNumber;
  private int pos;

  /** Whether the object (or array) being read has had no member yet. */
  private boolean first;

  /** The index of the name expected next: names usually come in declaration order. */
  private int expected;

  /** Start and end of the last number scanned, and whether it had no fraction or exponent. */
  private int numStart;

  private int numEnd;
  private boolean integer;

  /**
   * The limits of a mapper's {@code StreamReadConstraints} (Jackson 2's or 3's), as plain values.
   *
   * @param maxDocumentLength the longest document in bytes, or a value below 1 for no limit
   * @param countsTokens whether the constraints limit the number of tokens, which this reader
   *     leaves to Jackson
   */
  record Limits(
      long maxDocumentLength,
      boolean countsTokens,
      int maxStringLength,
      int maxNameLength,
      int maxNumberLength) {}

  /**
   * A reader of {@code json} within {@code limits}.
   *
   * @throws Declined if the document is longer than the limits allow, or they count tokens
   */
  ByteInput(byte[] json, Limits limits) {
    this.buf = json;
    this.end = json.length;
    if (limits.countsTokens()
        || (limits.maxDocumentLength() > 0 && json.length > limits.maxDocumentLength())) {
      throw Declined.INSTANCE;
    }
    this.maxString = limits.maxStringLength();
    this.maxName = limits.maxNameLength();
    this.maxNumber = Math.min(limits.maxNumberLength(), 1000);
  }

  private static Declined decline() {
    return Declined.INSTANCE;
  }

  /** The next byte after white space (0 to 255), not consumed; -1 at the end. */
  private int peek() {
    byte[] b = buf;
    int p = pos;
    while (p < end) {
      int c = b[p] & 0xFF;
      if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
        pos = p;
        return c;
      }
      p++;
    }
    pos = p;
    return -1;
  }

  /** Whether {@code b} may follow a number or a literal. */
  private static boolean isDelimiter(int b) {
    return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /** Consumes {@code word} ({@code true}, {@code false}, {@code null}) and checks what follows. */
  private void literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      throw decline();
    }
    for (int i = 0; i < n; i++) {
      if (buf[pos + i] != word.charAt(i)) {
        throw decline();
      }
    }
    pos += n;
    if (pos < end && !isDelimiter(buf[pos])) {
      throw decline();
    }
  }

  // ------------------------------------------------------------------ structure

  @Override
  public void startObject(String entity) {
    if (peek() != '{') {
      throw decline();
    }
    pos++;
    first = true;
    expected = 0;
  }

  /** Moves onto the start of an array. */
  void startArray() {
    if (peek() != '[') {
      throw decline();
    }
    pos++;
    first = true;
  }

  /** Whether the array has another element, moving onto it; consumes the array's end. */
  boolean nextElement() {
    int b = peek();
    if (b == ']') {
      pos++;
      return false;
    }
    if (first) {
      first = false;
      return true;
    }
    if (b != ',') {
      throw decline();
    }
    pos++;
    return true;
  }

  /** Checks that nothing but white space follows the document. */
  void expectEnd() {
    if (peek() != -1) {
      throw decline();
    }
  }

  @Override
  public int nextField(JsonNames names) {
    int b = peek();
    if (b == '}') {
      pos++;
      return END;
    }
    if (first) {
      first = false;
    } else {
      if (b != ',') {
        throw decline();
      }
      pos++;
      b = peek();
    }
    if (b != '"') {
      throw decline();
    }
    if (expected < names.size()) {
      // The name expected next, compared as the bytes of "name": with no string or hash made.
      byte[] quoted = names.quoted(expected);
      int n = quoted.length;
      if (pos + n <= end && JsonNames.same(quoted, buf, pos, pos + n)) {
        pos += n;
        peek();
        return expected++;
      }
    }
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

  private void skip(int depth) {
    int b = peek();
    if (b == '"') {
      skipString();
    } else if (b == '{' || b == '[') {
      if (depth >= MAX_DEPTH) {
        throw decline();
      }
      int close = b == '{' ? '}' : ']';
      pos++;
      if (peek() == close) {
        pos++;
        return;
      }
      while (true) {
        if (b == '{') {
          if (peek() != '"') {
            throw decline();
          }
          skipString();
          if (peek() != ':') {
            throw decline();
          }
          pos++;
        }
        skip(depth + 1);
        int next = peek();
        pos++;
        if (next == close) {
          return;
        }
        if (next != ',') {
          throw decline();
        }
      }
    } else if (b == 't') {
      literal("true");
    } else if (b == 'f') {
      literal("false");
    } else if (b == 'n') {
      literal("null");
    } else {
      scanNumber();
    }
  }

  private void skipString() {
    byte[] bytes = buf;
    int start = pos + 1; // after the opening quote
    int p = start;
    while (true) {
      if (p >= end) {
        throw decline();
      }
      int c = bytes[p] & 0xFF;
      if (c == '"') {
        break;
      }
      if (c >= 0x20 && c < 0x80 && c != '\\') {
        p++;
        continue;
      }
      pos = p;
      if (c == '\\') {
        p += escapeLength();
      } else if (c < 0x20) {
        throw decline();
      } else {
        p += utf8Length();
      }
    }
    if (p - start > maxString) {
      throw decline();
    }
    pos = p + 1;
  }

  /** The length of the escape at {@link #pos}, checked. */
  private int escapeLength() {
    if (pos + 1 >= end) {
      throw decline();
    }
    switch (buf[pos + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return 2;
      }
      case 'u' -> {
        if (pos + 6 > end) {
          throw decline();
        }
        for (int i = 2; i < 6; i++) {
          hex(buf[pos + i]);
        }
        return 6;
      }
      default -> throw decline();
    }
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    throw decline();
  }

  /**
   * The length of the well-formed UTF-8 sequence at {@link #pos} (2 to 4 bytes); anything else,
   * encoded surrogates included, is declined.
   */
  private int utf8Length() {
    int b = buf[pos] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 3;
      if (b == 0xE0) {
        lo = 0xA0;
      } else if (b == 0xED) {
        hi = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 4;
      if (b == 0xF0) {
        lo = 0x90;
      } else if (b == 0xF4) {
        hi = 0x8F;
      }
    } else {
      throw decline();
    }
    if (pos + n > end) {
      throw decline();
    }
    int second = buf[pos + 1] & 0xFF;
    if (second < lo || second > hi) {
      throw decline();
    }
    for (int i = 2; i < n; i++) {
      int c = buf[pos + i] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        throw decline();
      }
    }
    return n;
  }

  /** Scans a number at {@link #pos} by JSON's grammar into {@link #numStart} and friends. */
  private void scanNumber() {
    int start = pos;
    if (pos < end && buf[pos] == '-') {
      pos++;
    }
    if (pos >= end) {
      throw decline();
    }
    byte c = buf[pos];
    if (c == '0') {
      pos++;
      if (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
        throw decline(); // a leading zero
      }
    } else if (c >= '1' && c <= '9') {
      pos = digits(pos);
    } else {
      throw decline();
    }
    boolean whole = true;
    if (pos < end && buf[pos] == '.') {
      whole = false;
      int from = ++pos;
      pos = digits(pos);
      if (pos == from) {
        throw decline();
      }
    }
    if (pos < end && (buf[pos] == 'e' || buf[pos] == 'E')) {
      whole = false;
      pos++;
      if (pos < end && (buf[pos] == '+' || buf[pos] == '-')) {
        pos++;
      }
      int from = pos;
      pos = digits(pos);
      if (pos == from) {
        throw decline();
      }
    }
    if ((pos < end && !isDelimiter(buf[pos])) || pos - start > maxNumber) {
      throw decline();
    }
    numStart = start;
    numEnd = pos;
    integer = whole;
  }

  private int digits(int from) {
    int i = from;
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      i++;
    }
    return i;
  }

  /** The text of the last number scanned. */
  private String numberText() {
    return new String(buf, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1);
  }

  /** Scans an integer of at most 18 digits and returns it. */
  private long integer() {
    int b = peek();
    if (b != '-' && (b < '0' || b > '9')) {
      throw decline();
    }
    scanNumber();
    if (!integer) {
      throw decline();
    }
    return wholeNumber();
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

  /** A string with escapes or non-ASCII characters, from its first character at {@code start}. */
  private String slowString(int start) {
    char[] chars = new char[Math.max(16, pos - start + 16)];
    int n = 0;
    for (int i = start; i < pos; i++) {
      chars[n++] = (char) buf[i];
    }
    while (true) {
      if (pos >= end) {
        throw decline();
      }
      if (n + 2 > chars.length) {
        chars = java.util.Arrays.copyOf(chars, chars.length * 2);
      }
      int c = buf[pos] & 0xFF;
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        int length = escapeLength();
        byte e = buf[pos + 1];
        chars[n++] =
            switch (e) {
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              case 'u' ->
                  (char)
                      (hex(buf[pos + 2]) << 12
                          | hex(buf[pos + 3]) << 8
                          | hex(buf[pos + 4]) << 4
                          | hex(buf[pos + 5]));
              default -> (char) e; // '"', '\\', '/'
            };
        pos += length;
      } else if (c < 0x20) {
        throw decline();
      } else if (c < 0x80) {
        chars[n++] = (char) c;
        pos++;
      } else {
        int length = utf8Length();
        int code =
            switch (length) {
              case 2 -> (c & 0x1F) << 6 | (buf[pos + 1] & 0x3F);
              case 3 -> (c & 0x0F) << 12 | (buf[pos + 1] & 0x3F) << 6 | (buf[pos + 2] & 0x3F);
              default ->
                  (c & 0x07) << 18
                      | (buf[pos + 1] & 0x3F) << 12
                      | (buf[pos + 2] & 0x3F) << 6
                      | (buf[pos + 3] & 0x3F);
            };
        n += Character.toChars(code, chars, n);
        pos += length;
      }
    }
    if (n > maxString) {
      throw decline();
    }
    return new String(chars, 0, n);
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

  /** Scans a number, whichever kind. */
  private void number() {
    int b = peek();
    if (b != '-' && (b < '0' || b > '9')) {
      throw decline();
    }
    scanNumber();
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

  /** The last number scanned, an integer token, as a long; declined past 18 digits. */
  private long wholeNumber() {
    boolean negative = buf[numStart] == '-';
    int from = negative ? numStart + 1 : numStart;
    if (numEnd - from > 18) {
      throw decline();
    }
    long value = 0;
    for (int i = from; i < numEnd; i++) {
      value = value * 10 + (buf[i] - '0');
    }
    return negative ? -value : value;
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
    // Exact where the digits fit 2^53 and the power of ten is exact: one correctly rounded
    // operation gives the correctly rounded value, as Double.parseDouble does.
    int i = numStart;
    boolean negative = buf[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int scale = 0;
    int digits = 0;
    boolean fraction = false;
    for (; i < numEnd; i++) {
      byte c = buf[i];
      if (c == '.') {
        fraction = true;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 || c != '0') {
          digits++;
        }
        if (digits > 15) {
          return Double.parseDouble(numberText());
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction) {
          scale--;
        }
      } else {
        break; // the exponent
      }
    }
    if (i < numEnd) {
      i++; // 'e' or 'E'
      boolean minus = buf[i] == '-';
      if (buf[i] == '-' || buf[i] == '+') {
        i++;
      }
      if (numEnd - i > 3) {
        return Double.parseDouble(numberText());
      }
      int exponent = 0;
      for (; i < numEnd; i++) {
        exponent = exponent * 10 + (buf[i] - '0');
      }
      scale += minus ? -exponent : exponent;
    }
    double value;
    if (scale == 0) {
      value = mantissa;
    } else if (scale > 0 && scale < POWERS.length) {
      value = mantissa * POWERS[scale];
    } else if (scale < 0 && -scale < POWERS.length) {
      value = mantissa / POWERS[-scale];
    } else {
      return Double.parseDouble(numberText());
    }
    return negative ? -value : value;
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
