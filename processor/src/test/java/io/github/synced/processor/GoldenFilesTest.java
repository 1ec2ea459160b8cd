package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compares the generated sources with the golden files under {@code src/test/resources/expected},
 * exactly. Run with {@code -Dsynced.updateGolden=true} to rewrite the golden files instead (see
 * {@code src/test/resources/README.md}).
 */
class GoldenFilesTest {

  private static final boolean UPDATE = Boolean.getBoolean("synced.updateGolden");
  private static final Path EXPECTED = Path.of("src/test/resources/expected");
  private static final List<String> SUFFIXES =
      List.of("Field", "Snapshot", "Patch", "Sync", "Mutations", "Json");

  @Test
  void fieldClassMatchesGoldenFiles() throws IOException {
    check("Note", "good/Note.java", "good/Priority.java");
  }

  @Test
  void beanClassMatchesGoldenFiles() throws IOException {
    check("Task", "good/Task.java");
  }

  @Test
  void recordMatchesGoldenFiles() throws IOException {
    check("Place", "good/Place.java");
  }

  @Test
  void collectionsMapsOptionalsArraysAndRecordsMatchGoldenFiles() throws IOException {
    check("Board", "good/Board.java", "good/Priority.java", "good/Money.java", "good/Owner.java");
  }

  @Test
  void collectionsOfSyncedTypesMatchGoldenFiles() throws IOException {
    check("Project", "good/Project.java", "good/Subtask.java", "good/Column.java");
  }

  @Test
  void subclassMatchesGoldenFiles() throws IOException {
    check("Invoice", "good/Invoice.java", "good/Entity.java");
  }

  /**
   * Compiles the inputs with {@code -Xlint:all -Werror}, so generated code must be warning-free,
   * then compares (or rewrites) each generated file of {@code entity}.
   */
  private static void check(String entity, String... inputs) throws IOException {
    List<JavaFileObject> sources = java.util.Arrays.stream(inputs).map(Sources::resource).toList();
    Compilation compilation = Sources.compileStrict(sources);
    assertThat(compilation).succeededWithoutWarnings();
    for (String suffix : SUFFIXES) {
      String name = entity + suffix;
      String actual = Sources.generated(compilation, "golden." + name);
      Path golden = EXPECTED.resolve("golden").resolve(name + ".java");
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      } else {
        assertTrue(
            Files.exists(golden),
            "missing golden file " + golden + "; run with -Dsynced.updateGolden=true");
        assertEquals(
            Files.readString(golden, StandardCharsets.UTF_8),
            actual,
            "generated " + name + " differs from " + golden);
      }
    }
  }
}
