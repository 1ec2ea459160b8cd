package io.github.synced.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README cannot drift from the code: every {@code ```java} block of {@code README.md} compiles
 * against the built artifacts (the runtime, the annotations, Jackson), with the Synced processor on
 * the processor path so that generated types such as {@code TaskMutations} resolve, under {@code
 * --release 17 -Xlint:all -Werror}. All blocks are compiled together, each as its own source file,
 * so a later block may use what an earlier one declares (the README's {@code Task} and what is
 * generated for it). A failure names the README line.
 *
 * <p>A block is a whole compilation unit (package, imports, types) unless the line just before its
 * fence is one of these markers:
 *
 * <ul>
 *   <li>{@code <!-- fragment: method body -->}: the block is import lines followed by statements;
 *       the statements are compiled as the body of a method (which may throw any exception) of a
 *       class in the unnamed package with those imports. {@code <!-- fragment: method body; in
 *       scope: void render(Change<String, Task> change) -->} also declares the members after {@code
 *       in scope:} (separated by {@code ;}) in that class, so the snippet may call them.
 *   <li>{@code <!-- excerpt: ... -->}: the block shows parts of the code the processor generated
 *       for the README's entities, with {@code ...} where something is left out; every line of it
 *       (split at {@code ...}, comments ignored) must appear token for token in one generated file,
 *       in the order of the excerpt. A new top-level declaration of the excerpt may be another
 *       file.
 * </ul>
 */
class ReadmeTest {

  private static final Pattern MARKER = Pattern.compile("^<!--\\s*(fragment|excerpt):(.*?)-->$");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");

  /** One {@code ```java} block: where its first line is in the README, its lines, its marker. */
  record Block(int line, List<String> lines, String kind, String context) {}

  /** A source file made from a block, and the README line of each of its lines. */
  private record Source(Block block, String path, List<String> lines, List<Integer> readmeLines) {}

  // ---- the README itself

  @Test
  void everyJavaBlockOfTheReadmeCompilesAndEveryExcerptIsInTheGeneratedCode(@TempDir Path dir)
      throws IOException {
    List<String> readme = Files.readAllLines(readme(), StandardCharsets.UTF_8);
    List<Block> blocks = javaBlocks(readme);
    assertTrue(blocks.size() >= 3, "the README's java blocks were not found: " + blocks);

    List<String> problems = check(readme, blocks, dir);

    assertEquals(List.of(), problems, "README.md does not match the code:\n" + lines(problems));
  }

  // ---- the check reports what is wrong where it is

  @Test
  void aBlockThatDoesNotCompileIsReportedWithItsReadmeLine(@TempDir Path dir) throws IOException {
    List<String> md =
        List.of(
            "# Title", // 1
            "", // 2
            "```java", // 3
            "import io.github.synced.runtime.MutationState;", // 4
            "", // 5
            "class Old {", // 6
            "  MutationState s = MutationState.PENDING;", // 7
            "}", // 8
            "```", // 9
            "<!-- fragment: method body -->", // 10
            "```java", // 11
            "import java.util.List;", // 12
            "List<String> names = List.of(\"a\");", // 13
            "names.add(1);", // 14
            "```");

    List<String> problems = check(md, javaBlocks(md), dir);

    assertEquals(2, problems.size(), lines(problems));
    assertTrue(
        problems.get(0).startsWith("README.md:7: error: cannot find symbol"), problems.get(0));
    assertTrue(problems.get(0).endsWith("MutationState.PENDING;"), "quotes the line");
    assertTrue(problems.get(1).startsWith("README.md:14: error: "), problems.get(1));
  }

  @Test
  void anExcerptThatDriftedFromTheGeneratedCodeIsReportedWithItsReadmeLine(@TempDir Path dir)
      throws IOException {
    List<String> md =
        List.of(
            "```java", // 1
            "package com.example.drift;", // 2
            "import io.github.synced.SyncId;", // 3
            "import io.github.synced.Synced;", // 4
            "@Synced", // 5
            "public class Item {", // 6
            "  @SyncId String id;", // 7
            "  @io.github.synced.SyncVersion long version;", // 8
            "  String name;", // 9
            "}", // 10
            "```", // 11
            "<!-- excerpt: generated -->", // 12
            "```java", // 13
            "public final class ItemPatch implements Patch<Item> {", // 14
            "  public ItemPatch name(String name) { ... }", // 15
            "  public ItemPatch updateWith(String name) { ... }", // 16
            "}", // 17
            "public enum ItemField implements EntityField { ID(\"id\"), VERSION(\"version\"), NAME(\"name\"); ... }", // 18
            "public final class ItemRemote { ... }", // 19
            "```");

    List<String> problems = check(md, javaBlocks(md), dir);

    assertEquals(
        List.of(
            "README.md:16: not found after the lines before it in ItemPatch.java:"
                + " public ItemPatch updateWith(String name) { ... }",
            "README.md:19: not in any generated file: public final class ItemRemote { ... }"),
        problems);
  }

  @Test
  void blocksOfOtherLanguagesAndUnknownCommentsAreLeftAlone() {
    List<String> md =
        List.of(
            "<!-- fragment: method body -->",
            "```sh",
            "mvn verify",
            "```",
            "<!-- a note -->",
            "```java",
            "class A {}",
            "```");
    assertEquals(
        List.of(new Block(7, List.of("class A {}"), "unit", "")), javaBlocks(md), "one unit");
  }

  // ---- finding the blocks

  static List<Block> javaBlocks(List<String> markdown) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < markdown.size(); i++) {
      String fence = markdown.get(i).strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      String info = fence.substring(3).strip();
      int start = i + 1;
      int end = start;
      while (end < markdown.size() && !markdown.get(end).strip().startsWith("```")) {
        end++;
      }
      if (info.equals("java")) {
        String kind = "unit";
        String context = "";
        int before = i - 1;
        while (before >= 0 && markdown.get(before).isBlank()) {
          before--;
        }
        Matcher m = before >= 0 ? MARKER.matcher(markdown.get(before).strip()) : null;
        if (m != null && m.matches()) {
          kind = m.group(1);
          context = m.group(2).strip();
        }
        blocks.add(new Block(start + 1, List.copyOf(markdown.subList(start, end)), kind, context));
      }
      i = end;
    }
    return blocks;
  }

  // ---- compiling them

  /** Compiles the blocks and checks the excerpts; returns what is wrong, README line first. */
  static List<String> check(List<String> readme, List<Block> blocks, Path dir) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Map<JavaFileObject, Source> sources =
        new LinkedHashMap<>(); // file objects are equal only to themselves
    List<Block> excerpts = new ArrayList<>();
    for (Block b : blocks) {
      switch (b.kind()) {
        case "excerpt" -> excerpts.add(b);
        case "fragment" -> add(sources, fragment(b));
        default -> add(sources, unit(b));
      }
    }
    List<String> problems = new ArrayList<>();
    if (!sources.isEmpty()) {
      problems.addAll(compile(readme, sources, classes, generated));
    }
    if (problems.isEmpty()) {
      Map<String, List<Token>> files = new LinkedHashMap<>();
      try (Stream<Path> walk = Files.walk(generated)) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          files.put(f.getFileName().toString(), tokens(Files.readString(f)));
        }
      }
      for (Block b : excerpts) {
        problems.addAll(excerpt(readme, b, files));
      }
    }
    return problems;
  }

  private static void add(Map<JavaFileObject, Source> sources, Source s) {
    String text = String.join("\n", s.lines()) + "\n";
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///" + s.path()), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        };
    sources.put(file, s);
  }

  private static Source unit(Block b) {
    String pkg = "";
    String name = "ReadmeLine" + b.line();
    for (String line : b.lines()) {
      Matcher p = PACKAGE.matcher(line);
      Matcher t = PUBLIC_TYPE.matcher(line);
      if (p.find()) {
        pkg = p.group(1).replace('.', '/') + "/";
      } else if (t.find()) {
        name = t.group(1);
      }
    }
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < b.lines().size(); i++) {
      at.add(b.line() + i);
    }
    return new Source(b, pkg + name + ".java", b.lines(), at);
  }

  private static Source fragment(Block b) {
    String context = b.context();
    if (!context.startsWith("method body")) {
      throw new AssertionError(
          "README.md:" + b.line() + ": unknown fragment context '" + context + "'");
    }
    String name = "ReadmeLine" + b.line();
    List<String> lines = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    int i = 0;
    while (i < b.lines().size()
        && (b.lines().get(i).isBlank() || b.lines().get(i).startsWith("import "))) {
      lines.add(b.lines().get(i));
      at.add(b.line() + i);
      i++;
    }
    lines.add("abstract class " + name + " {");
    at.add(b.line() - 1);
    int scope = context.indexOf("in scope:");
    if (scope >= 0) {
      for (String member : context.substring(scope + "in scope:".length()).split(";")) {
        if (!member.isBlank()) {
          lines.add("  abstract " + member.strip() + ";");
          at.add(b.line() - 1);
        }
      }
    }
    lines.add("  void snippet() throws Exception {");
    at.add(b.line() - 1);
    for (; i < b.lines().size(); i++) {
      lines.add(b.lines().get(i));
      at.add(b.line() + i);
    }
    lines.add("  }");
    lines.add("}");
    at.add(b.line() + b.lines().size() - 1);
    at.add(b.line() + b.lines().size() - 1);
    return new Source(b, name + ".java", lines, at);
  }

  private static List<String> compile(
      List<String> readme, Map<JavaFileObject, Source> sources, Path classes, Path generated) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    assertTrue(
        classpath.contains("processor"),
        "the Synced processor is not on the test class path: " + classpath);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "--release",
            "17",
            "-Xlint:all",
            "-Werror",
            "-classpath",
            classpath,
            "-processorpath",
            classpath,
            "-s",
            generated.toString(),
            "-d",
            classes.toString());
    javac.getTask(null, null, diagnostics, options, null, sources.keySet()).call();
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
      String message = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
      Source s = d.getSource() == null ? null : sources.get(d.getSource());
      if (s != null && d.getLineNumber() > 0) {
        int line = s.readmeLines().get((int) d.getLineNumber() - 1);
        problems.add(
            "README.md:"
                + line
                + ": "
                + kind
                + ": "
                + message
                + ": "
                + readme.get(line - 1).strip());
      } else if (d.getSource() != null) {
        problems.add(
            new File(d.getSource().getName()).getName()
                + ":"
                + d.getLineNumber()
                + ": "
                + kind
                + ": "
                + message);
      } else if (!message.contains("-Werror")) {
        problems.add(kind + ": " + message);
      }
    }
    return problems;
  }

  // ---- excerpts of generated code

  /** A token of Java source and the line it is on. */
  record Token(String text, int line) {}

  /** Java tokens, comments and white space left out; {@code ...} is one token. */
  static List<Token> tokens(String source) {
    List<Token> tokens = new ArrayList<>();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      int start = i;
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (source.startsWith("//", i)) {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int close = source.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        line += (int) source.substring(start, i).chars().filter(ch -> ch == '\n').count();
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && source.charAt(i) != c) {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(n, i + 1);
        tokens.add(new Token(source.substring(start, i), line));
      } else if (source.startsWith("...", i)) {
        i += 3;
        tokens.add(new Token("...", line));
      } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
        i++;
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
          i++;
        }
        tokens.add(new Token(source.substring(start, i), line));
      } else {
        i++;
        tokens.add(new Token(String.valueOf(c), line));
      }
    }
    return tokens;
  }

  /** A run of an excerpt's tokens on one line, between {@code ...}s. */
  private record Chunk(int readmeLine, List<String> tokens, boolean startsDeclaration) {}

  private static List<String> excerpt(
      List<String> readme, Block b, Map<String, List<Token>> generated) {
    List<Chunk> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int currentLine = -1;
    int depth = 0;
    boolean startsDeclaration = false;
    for (Token t : tokens(String.join("\n", b.lines()))) {
      if (t.text().equals("...") || t.line() != currentLine) {
        if (!current.isEmpty()) {
          chunks.add(new Chunk(b.line() + currentLine - 1, current, startsDeclaration));
        }
        current = new ArrayList<>();
        currentLine = t.line();
        startsDeclaration = depth == 0;
        if (t.text().equals("...")) {
          continue;
        }
      }
      current.add(t.text());
      depth += t.text().equals("{") ? 1 : t.text().equals("}") ? -1 : 0;
    }
    if (!current.isEmpty()) {
      chunks.add(new Chunk(b.line() + currentLine - 1, current, startsDeclaration));
    }

    List<String> problems = new ArrayList<>();
    List<Token> file = null;
    String fileName = null;
    int cursor = 0;
    for (Chunk c : chunks) {
      if (c.startsDeclaration() && !c.tokens().get(0).equals("}")) {
        file = null;
        for (Map.Entry<String, List<Token>> f : generated.entrySet()) {
          int at = find(f.getValue(), c.tokens(), 0);
          if (at >= 0) {
            file = f.getValue();
            fileName = f.getKey();
            cursor = at + c.tokens().size();
            break;
          }
        }
        if (file == null) {
          problems.add(
              "README.md:"
                  + c.readmeLine()
                  + ": not in any generated file: "
                  + readme.get(c.readmeLine() - 1).strip());
        }
        continue;
      }
      if (file == null) {
        continue; // its declaration was reported
      }
      int at = find(file, c.tokens(), cursor);
      if (at < 0) {
        problems.add(
            "README.md:"
                + c.readmeLine()
                + ": not found after the lines before it in "
                + fileName
                + ": "
                + readme.get(c.readmeLine() - 1).strip());
        file = null;
      } else {
        cursor = at + c.tokens().size();
      }
    }
    return problems;
  }

  private static int find(List<Token> haystack, List<String> needle, int from) {
    outer:
    for (int i = from; i + needle.size() <= haystack.size(); i++) {
      for (int j = 0; j < needle.size(); j++) {
        if (!haystack.get(i + j).text().equals(needle.get(j))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // ---- helpers

  private static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("example"))) {
        return dir.resolve("README.md");
      }
    }
    throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
  }

  private static String lines(List<String> problems) {
    return String.join("\n", problems);
  }
}
