package io.github.synced.example.breakers3;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles small entities with the processor and looks at what it says. */
class JsonNameDiagnosticsTest {
  @TempDir Path dir;

  record Result(boolean ok, List<Diagnostic<? extends JavaFileObject>> diags, Path out) {
    String text(Diagnostic.Kind kind) {
      return diags.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getMessage(java.util.Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }

    String all() {
      return diags.stream()
          .map(d -> d.getKind() + ": " + d.getMessage(java.util.Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }
  }

  Result compile(String className, String source) throws IOException {
    Path src = dir.resolve("src/p/" + className + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, null)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  fm,
                  diags,
                  List.of(
                      "-classpath",
                      System.getProperty("java.class.path"),
                      // named, as the README says: JDK 23+ does not run class-path processors
                      "-processorpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      out.toString(),
                      "-s",
                      out.toString(),
                      "-Xlint:-processing"),
                  null,
                  fm.getJavaFileObjects(src))
              .call();
      return new Result(ok, diags.getDiagnostics(), out);
    }
  }

  static String entity(String name, String body) {
    return "package p;\n"
        + "import com.fasterxml.jackson.annotation.*;\n"
        + "import io.github.synced.*;\n"
        + "@Synced public class "
        + name
        + " {\n  @SyncId public String id;\n  @SyncVersion public long version;\n"
        + body
        + "\n}\n";
  }

  @Test
  void renamedFieldClashingWithAnotherFieldsNameIsAnError() throws Exception {
    Result r =
        compile(
            "A", entity("A", "@JsonProperty(\"title\") public String name; public String title;"));
    assertFalse(r.ok(), "two synced fields with one JSON name are a compile error: " + r.all());
    assertTrue(r.text(Diagnostic.Kind.ERROR).contains("SyncedJsonNameClash"), r.all());
  }

  @Test
  void renamedFieldClashingWithTheIdIsAnError() throws Exception {
    Result r = compile("B", entity("B", "@JsonProperty(\"id\") public String other;"));
    assertFalse(r.ok(), "two synced fields with one JSON name are a compile error: " + r.all());
  }

  @Test
  void jsonAliasAndJsonIgnoreWarn() throws Exception {
    Result r =
        compile(
            "C",
            entity(
                "C", "@JsonAlias(\"t\") public String title; @JsonIgnore public String secret;"));
    assertTrue(r.ok(), r.all());
    String warnings = r.text(Diagnostic.Kind.WARNING) + r.text(Diagnostic.Kind.MANDATORY_WARNING);
    assertTrue(
        warnings.contains("SyncedJsonName") && warnings.contains("title"),
        "@JsonAlias warns: " + r.all());
    assertTrue(warnings.contains("secret"), "@JsonIgnore warns: " + r.all());
  }

  @Test
  void emptyJsonPropertyMeansTheFieldName() throws Exception {
    Result r = compile("D", entity("D", "@JsonProperty public String label;"));
    assertTrue(r.ok(), r.all());
    String json;
    try (Stream<Path> s = Files.walk(r.out())) {
      Path p =
          s.filter(f -> f.getFileName().toString().equals("DJson.java")).findFirst().orElseThrow();
      json = Files.readString(p);
    }
    assertTrue(json.contains("\"label\""), "@JsonProperty without value keeps the field name");
    assertFalse(json.contains("\"\""), "no empty property name");
  }

  @Test
  void jsonNameWithLineSeparatorCompiles() throws Exception {
    // U+2028 is a legal character in a JSON property name (and in a Java string literal).
    Result r = compile("E", entity("E", "@JsonProperty(\"a\\u2028b\") public String label;"));
    assertTrue(
        r.ok(),
        "README: the codec names JSON properties as @JsonProperty says; generated code must"
            + " compile: "
            + r.all());
  }
}
