package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.synced.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated code compiles cleanly whatever the entity's package and API look like: same-package
 * types named like {@code java.lang} types, deprecated members, and {@code -Xdoclint:all}.
 */
class GeneratedCodeHygieneTest {

  @Test
  void samePackageTypesNamedLikeJavaLangTypesDoNotBreakGeneratedCode() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name :
        List.of("Character", "Double", "Float", "Integer", "IllegalArgumentException", "Object")) {
      sources.add(source("test." + name, "package test;", "public class " + name + " {}"));
    }
    sources.add(
        source(
            "test.Item",
            "package test;",
            "import io.github.synced.*;",
            "@Synced",
            "public class Item {",
            "  @SyncId java.lang.String id;",
            "  java.lang.Character grade;",
            "  char initial;",
            "  double ratio;",
            "  java.lang.Float weight;",
            "  java.lang.Integer count;",
            "  @SyncVersion long version;",
            "}"));
    Compilation c = Sources.compileStrict(sources);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.ItemSync")
        .contentsAsUtf8String()
        .contains("java.lang.Double.compare(");
  }

  @Test
  void deprecatedEntityApiRaisesNoWarningsInGeneratedCode() {
    JavaFileObject level =
        source(
            "test.Level",
            "package test;",
            "@Deprecated(forRemoval = true)",
            "public enum Level { LOW, HIGH }");
    JavaFileObject item =
        source(
            "test.Item",
            "package test;",
            "import io.github.synced.*;",
            "@Synced",
            "public class Item {",
            "  @SyncId String id;",
            "  @Deprecated String legacy;",
            "  @SuppressWarnings(\"removal\") Level level;",
            "  private int count;",
            "  @SyncVersion long version;",
            "  @Deprecated public Item() {}",
            "  @Deprecated(forRemoval = true) public int getCount() { return count; }",
            "  public void setCount(int count) { this.count = count; }",
            "}");
    JavaFileObject note =
        source(
            "test.Note",
            "package test;",
            "import io.github.synced.*;",
            "@Deprecated",
            "@Synced",
            "public record Note(@SyncId String id, String text, @SyncVersion long version) {}");
    Compilation c = Sources.compileStrict(List.of(level, item, note));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.ItemSync")
        .contentsAsUtf8String()
        .contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
    assertThat(c)
        .generatedSourceFile("test.ItemField")
        .contentsAsUtf8String()
        .doesNotContain("SuppressWarnings");
    assertThat(c)
        .generatedSourceFile("test.NoteSnapshot")
        .contentsAsUtf8String()
        .contains("@SuppressWarnings(\"deprecation\")");
  }

  @Test
  void entitiesWithoutDeprecatedApiGetNoSuppression() {
    Compilation c =
        Sources.compileStrict(
            List.of(Sources.resource("good/Note.java"), Sources.resource("good/Priority.java")));
    for (JavaFileObject file : c.generatedSourceFiles()) {
      assertTrue(!content(file).contains("SuppressWarnings"), file.getName());
    }
  }

  /**
   * Compiles the golden inputs with the processor, then the generated sources alone with {@code
   * -Xdoclint:all -Werror} against the compiled inputs: their Javadoc must be complete and valid.
   */
  @Test
  void generatedCodeIsCleanUnderDoclintAll(@TempDir Path dir) throws IOException {
    String[] inputs = {
      "good/Note.java",
      "good/Priority.java",
      "good/Task.java",
      "good/Place.java",
      "good/Invoice.java",
      "good/Entity.java",
      "good/Board.java",
      "good/Money.java",
      "good/Owner.java"
    };
    Path generated = Files.createDirectories(dir.resolve("generated"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      List<JavaFileObject> sources = new ArrayList<>();
      for (String input : inputs) {
        sources.add(Sources.resource(input));
      }
      JavaCompiler.CompilationTask first =
          javac.getTask(null, files, null, List.of("-proc:only"), null, sources);
      first.setProcessors(List.of(new SyncedProcessor()));
      assertTrue(first.call(), "processing succeeds");
      // The inputs themselves, compiled without doclint.
      assertTrue(
          javac.getTask(null, files, null, List.of("-proc:none"), null, sources).call(),
          "inputs compile");
      List<Path> generatedFiles;
      try (Stream<Path> walk = Files.walk(generated)) {
        generatedFiles = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      }
      assertEquals(36, generatedFiles.size());
      files.setLocationFromPaths(
          StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(dir.resolve("out"))));
      List<Path> classPath = new ArrayList<>();
      classPath.add(classes);
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        classPath.add(Path.of(entry));
      }
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StringWriter out = new StringWriter();
      boolean ok =
          javac
              .getTask(
                  out,
                  files,
                  diagnostics,
                  List.of("-proc:none", "-Xdoclint:all", "-Xlint:all", "-Xmaxwarns", "10000"),
                  null,
                  files.getJavaFileObjectsFromPaths(generatedFiles))
              .call();
      List<String> problems = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (!isImplicitRecordField(d)) {
          problems.add(
              d.getKind()
                  + " "
                  + d.getSource()
                  + ":"
                  + d.getLineNumber()
                  + " "
                  + d.getMessage(null));
        }
      }
      assertEquals(List.of(), problems, out.toString());
      assertTrue(ok);
    }
  }

  /**
   * Whether {@code d} is javac 17's "no comment" for the implicit private field of a record
   * component, which no source can document (the record's {@code @param} tags document the
   * components); later javac releases do not report it.
   */
  private static boolean isImplicitRecordField(Diagnostic<? extends JavaFileObject> d) {
    if (d.getKind() != Diagnostic.Kind.WARNING || !d.getMessage(null).equals("no comment")) {
      return false;
    }
    String[] lines = content(d.getSource()).split("\n", -1);
    for (long line = d.getLineNumber(); line >= 1; line--) {
      String text = lines[(int) line - 1];
      if (text.contains(" record ")) {
        return true;
      }
      if (line < d.getLineNumber() && (text.contains("{") || text.contains(";"))) {
        return false;
      }
    }
    return false;
  }

  private static String content(JavaFileObject file) {
    try {
      return new String(file.openInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
