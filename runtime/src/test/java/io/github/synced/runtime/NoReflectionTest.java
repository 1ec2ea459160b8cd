package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule 13: the runtime is generic over the interfaces generated code implements and uses no
 * reflection; its core imports nothing but the JDK (Jackson and {@code java.net.http} only in their
 * adapter packages).
 */
class NoReflectionTest {

  private static final Path MAIN = Path.of("src/main/java/io/github/synced/runtime");
  private static final Pattern REFLECTION =
      Pattern.compile(
          "java\\.lang\\.reflect|getDeclaredField|getDeclaredMethod|getMethod\\(|getField\\("
              + "|setAccessible|Class\\.forName|MethodHandles|newInstance\\(");

  @Test
  void runtimeSourcesUseNoReflection() throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path file : sources(MAIN)) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (REFLECTION.matcher(lines.get(i)).find()) {
          hits.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(List.of(), hits);
  }

  @Test
  void coreImportsOnlyTheJdkAndItsOwnPackage() throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f -> !f.startsWith(MAIN.resolve("json")) && !f.startsWith(MAIN.resolve("http")))
              .toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("import ")
              && !line.matches(
                  "import (static )?(java\\.(util|time|lang|io|math)\\b|io\\.github\\.synced\\.runtime\\.(spi\\.)?[A-Z]).*")) {
            hits.add(file.getFileName() + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), hits);
  }

  private static List<Path> sources(Path root) throws IOException {
    assertTrue(Files.isDirectory(root), "run from the runtime module: " + root.toAbsolutePath());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }
}
