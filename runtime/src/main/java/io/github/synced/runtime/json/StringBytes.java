package io.github.synced.runtime.json;

import static io.github.synced.runtime.json.ByteScanner.decline;

/**
 * The bytes inside a JSON string: for {@link ByteScanner}, the length of an escape or of a UTF-8
 * sequence, declining anything Jackson would not read to the same characters; for {@link
 * ByteInput}, where a word of them stops being plain; for {@link ByteOutput} and {@link JsonNames},
 * the escapes Jackson writes.
 */
final class StringBytes {

  private StringBytes() {}

  /** The length of the escape at {@code pos}, checked. */
  static int escapeLength(byte[] buf, int pos, int end) {
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

  static int hex(byte b) {
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
   * The length of the well-formed UTF-8 sequence at {@code pos} (2 to 4 bytes); anything else,
   * encoded surrogates included, is declined.
   */
  static int utf8Length(byte[] buf, int pos, int end) {
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

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The bytes of the little-endian word {@code w} that end a string's plain run (a quote, a
   * backslash, a control character or a byte of a non-ASCII character) as their high bits: the
   * lowest one set is exactly the first such byte (the arithmetic can flag false ones only above a
   * true one), zero where there is none.
   */
  static long special(long w) {
    long quote = w ^ (ONES * '"');
    long backslash = w ^ (ONES * '\\');
    long quotes = (quote - ONES) & ~quote;
    long backslashes = (backslash - ONES) & ~backslash;
    long controls = (w - ONES * 0x20) & ~w;
    return (quotes | backslashes | controls | w) & HIGHS;
  }

  /** The table behind {@link ByteOutput#ESCAPES}. */
  static int[] escapes() {
    int[] table = new int[128];
    for (int c = 0; c < 32; c++) {
      table[c] = -1;
    }
    table['"'] = '"';
    table['\\'] = '\\';
    table['\b'] = 'b';
    table['\t'] = 't';
    table['\f'] = 'f';
    table['\n'] = 'n';
    table['\r'] = 'r';
    return table;
  }

  /**
   * {@code text} as the UTF-8 of a JSON string's contents, escaped as Jackson escapes it (without
   * the quotes): for property names, which are never surrogates alone.
   */
  static byte[] quotedUtf8(String text) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length() + 8);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 128) {
        byte[] utf8 =
            new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      } else if (ByteOutput.ESCAPES[c] == 0) {
        bytes.write(c);
      } else if (ByteOutput.ESCAPES[c] > 0) {
        bytes.write('\\');
        bytes.write(ByteOutput.ESCAPES[c]);
      } else {
        bytes.write('\\');
        bytes.write('u');
        bytes.write('0');
        bytes.write('0');
        bytes.write(ByteOutput.HEX[c >> 4]);
        bytes.write(ByteOutput.HEX[c & 0xF]);
      }
    }
    return bytes.toByteArray();
  }
}
