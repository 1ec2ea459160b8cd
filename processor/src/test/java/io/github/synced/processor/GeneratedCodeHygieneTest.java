package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.synced.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles cleanly whatever the entity's package and API look like: same-package
 * types named like {@code java.lang} types, and deprecated members.
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

  private static String content(JavaFileObject file) {
    try {
      return new String(file.openInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
