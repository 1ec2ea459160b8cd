package io.github.synced.runtime.json;

import static io.github.synced.runtime.json.StringBytes.escapeLength;
import static io.github.synced.runtime.json.StringBytes.hex;
import static io.github.synced.runtime.json.StringBytes.utf8Length;

import java.nio.charset.StandardCharsets;

/**
 * The tokens of a whole UTF-8 JSON document in bytes, for {@link ByteInput}: white space, literals,
 * strings and numbers scanned by JSON's grammar within the limits, and values skipped; anything
 * else is {@link Declined}. Its methods are final, so {@link ByteInput}'s calls to them are as
 * direct as calls to its own private methods.
 */
abstract class ByteScanner extends JsonInput {

  /** Deeper nesting than this in a skipped value is left to Jackson. */
  private static final int MAX_DEPTH = 64;

  final byte[] buf;
  final int end;
  final int maxString;
  private final int maxNumber;
  int pos;

  /** Start and end of the last number scanned, and whether it had no fraction or exponent. */
  int numStart;

  int numEnd;
  boolean integer;

  ByteScanner(byte[] json, int maxString, int maxNumber) {
    this.buf = json;
    this.end = json.length;
    this.maxString = maxString;
    this.maxNumber = maxNumber;
  }

  static Declined decline() {
    return Declined.INSTANCE;
  }

  /** The next byte after white space (0 to 255), not consumed; -1 at the end. */
  final int peek() {
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
  final void literal(String word) {
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

  final void skip(int depth) {
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
        p += escapeLength(buf, pos, end);
      } else if (c < 0x20) {
        throw decline();
      } else {
        p += utf8Length(buf, pos, end);
      }
    }
    if (p - start > maxString) {
      throw decline();
    }
    pos = p + 1;
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
  final String numberText() {
    return new String(buf, numStart, numEnd - numStart, StandardCharsets.ISO_8859_1);
  }

  /** Scans an integer of at most 18 digits and returns it. */
  final long integer() {
    int b = peek();
    if (b >= '1' && b <= '9') {
      // The common case, a positive integer of a few digits, without the whole grammar.
      int p = pos;
      long value = 0;
      while (p < end && buf[p] >= '0' && buf[p] <= '9' && p - pos < 18) {
        value = value * 10 + (buf[p] - '0');
        p++;
      }
      if ((p == end || isDelimiter(buf[p])) && p - pos <= maxNumber) {
        numStart = pos;
        numEnd = p;
        integer = true;
        pos = p;
        return value;
      }
    }
    if (b != '-' && (b < '0' || b > '9')) {
      throw decline();
    }
    scanNumber();
    if (!integer) {
      throw decline();
    }
    return wholeNumber();
  }

  /** A string with escapes or non-ASCII characters, from its first character at {@code start}. */
  final String slowString(int start) {
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
        int length = escapeLength(buf, pos, end);
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
        int length = utf8Length(buf, pos, end);
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

  /** Scans a number, whichever kind. */
  final void number() {
    int b = peek();
    if (b != '-' && (b < '0' || b > '9')) {
      throw decline();
    }
    scanNumber();
  }

  /** The last number scanned, an integer token, as a long; declined past 18 digits. */
  final long wholeNumber() {
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
}
