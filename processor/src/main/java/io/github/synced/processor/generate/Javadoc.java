package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/** Generated Javadoc text, reflowed to a fixed width the way a person would wrap it. */
final class Javadoc {

  private Javadoc() {}

  /** The widest a line of generated Javadoc text may be, not counting its indent and {@code * }. */
  static final int WIDTH = 90;

  /**
   * Javadoc text reflowed to {@link #WIDTH}: {@code format} is written without line breaks
   * except a blank line between paragraphs and a line break before each block tag ({@code
   * @return}, {@code @throws}), whose continuation lines are indented by four spaces. An inline tag
   * is never broken. {@code $L} arguments are strings, put in before the text is reflowed; {@code
   * $T} arguments are class names, measured by their simple names (which JavaPoet prints, importing
   * them).
   */
  static CodeBlock of(String format, Object... args) {
    StringBuilder text = new StringBuilder();
    List<ClassName> types = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '$' || i + 1 == format.length()) {
        text.append(c);
        continue;
      }
      char kind = format.charAt(++i);
      switch (kind) {
        case 'L' -> text.append(String.valueOf(args[next++]).replace("$", "$$"));
        case 'T' -> {
          text.append("$T");
          Object name = args[next++];
          types.add(name instanceof Class<?> k ? ClassName.get(k) : (ClassName) name);
        }
        default -> text.append('$').append(kind);
      }
    }
    if (next != args.length) {
      throw new IllegalArgumentException("unused Javadoc arguments in: " + format);
    }
    StringBuilder out = new StringBuilder();
    int type = 0;
    for (String block : text.toString().split("\n")) {
      if (block.isEmpty()) {
        out.append('\n');
        continue;
      }
      int column = 0;
      boolean tag = block.startsWith("@");
      for (String word : words(block)) {
        int width = word.replace("$$", "$").length();
        int at = word.indexOf("$T");
        while (at >= 0) {
          width += types.get(type++).simpleName().length() - 2;
          at = word.indexOf("$T", at + 2);
        }
        if (column > 0 && column + 1 + width > WIDTH) {
          out.append('\n').append(tag ? "    " : "");
          column = tag ? 4 : 0;
        } else if (column > 0) {
          out.append(' ');
          column++;
        }
        out.append(word);
        column += width;
      }
      out.append('\n');
    }
    return CodeBlock.of(out.toString(), types.toArray());
  }

  /** The words of {@code line}, an inline tag such as <code>{@code a b}</code> counting as one. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (char c : line.toCharArray()) {
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }
}
