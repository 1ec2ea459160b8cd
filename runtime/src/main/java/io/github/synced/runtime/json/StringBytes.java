package io.github.synced.runtime.json;

import static io.github.synced.runtime.json.ByteScanner.decline;

/**
 * Checks the bytes inside a JSON string for {@link ByteScanner}: the length of an escape or of a
 * UTF-8 sequence, declining anything Jackson would not read to the same characters.
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
}
