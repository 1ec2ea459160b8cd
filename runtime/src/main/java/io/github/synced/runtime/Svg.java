package io.github.synced.runtime;

import java.util.Locale;

/** Writing SVG by hand for {@link Timeline}: numbers, shapes, text, and escaping. */
final class Svg {

  private Svg() {}

  static String polygon(double... xy) {
    StringBuilder points = new StringBuilder("<polygon points=\"");
    for (int i = 0; i < xy.length; i += 2) {
      points.append(i == 0 ? "" : " ").append(num(xy[i])).append(',').append(num(xy[i + 1]));
    }
    return points.append('"').toString();
  }

  static void text(StringBuilder s, double x, double y, String text, String attributes) {
    s.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
    if (attributes != null) {
      s.append(' ').append(attributes);
    }
    s.append('>').append(escape(text)).append("</text>\n");
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * {@code text} as XML character data or an attribute value: markup characters as entities, line
   * ends and tabs as character references where a parser would otherwise fold them, and every
   * character XML 1.0 does not allow (control characters, unpaired surrogates, U+FFFE, U+FFFF) as
   * U+FFFD.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
