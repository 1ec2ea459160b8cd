package io.github.synced.processor;

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
 * Rule 13: everything entity-specific is generated as plain code. The golden files are exactly what
 * the processor writes (GoldenFilesTest compares them), so none of them may use reflection.
 */
class GeneratedCodeNoReflectionTest {

  private static final Path GOLDEN = Path.of("src/test/resources/expected/golden");
  private static final Pattern REFLECTION =
      Pattern.compile(
          "java\\.lang\\.reflect|getDeclaredField|getDeclaredMethod|getMethod\\(|getField\\("
              + "|setAccessible|Class\\.forName|MethodHandles|newInstance\\(");

  @Test
  void generatedSourcesUseNoReflection() throws IOException {
    assertTrue(Files.isDirectory(GOLDEN), "run from the processor module: " + GOLDEN);
    List<String> hits = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(GOLDEN)) {
      files = s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(files.size() >= 24, "expected the golden files of four entities, found " + files);
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (REFLECTION.matcher(lines.get(i)).find()) {
          hits.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertEquals(List.of(), hits);
  }
}
