package io.github.synced.runtime.json;

import java.nio.charset.StandardCharsets;

/**
 * The double of a JSON number with a fraction or an exponent, for {@link ByteInput#readDouble}:
 * computed from the digits where one correctly rounded operation gives it (at most 15 significant
 * digits and a power of ten that is exact as a double), through {@link Double#parseDouble}
 * otherwise; either way the value {@code Double.parseDouble} gives.
 */
final class Doubles {

  /** Exact powers of ten as doubles: 10^0 to 10^22. */
  private static final double[] POWERS = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  private Doubles() {}

  /** The value of the number token in {@code buf} from {@code start} to {@code end}. */
  static double parse(byte[] buf, int start, int end) {
    // Exact where the digits fit 2^53 and the power of ten is exact: one correctly rounded
    // operation gives the correctly rounded value, as Double.parseDouble does.
    int i = start;
    boolean negative = buf[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int scale = 0;
    int digits = 0;
    boolean fraction = false;
    for (; i < end; i++) {
      byte c = buf[i];
      if (c == '.') {
        fraction = true;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 || c != '0') {
          digits++;
        }
        if (digits > 15) {
          return slow(buf, start, end);
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction) {
          scale--;
        }
      } else {
        break; // the exponent
      }
    }
    if (i < end) {
      i++; // 'e' or 'E'
      boolean minus = buf[i] == '-';
      if (buf[i] == '-' || buf[i] == '+') {
        i++;
      }
      if (end - i > 3) {
        return slow(buf, start, end);
      }
      int exponent = 0;
      for (; i < end; i++) {
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
      return slow(buf, start, end);
    }
    return negative ? -value : value;
  }

  private static double slow(byte[] buf, int start, int end) {
    return Double.parseDouble(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
  }
}
