package io.github.synced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.synced.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the processor is found, what it claims, and how its output behaves across builds. */
class ProcessorSetupTest {

  private static final JavaFileObject ITEM =
      source(
          "test.Item",
          "package test;",
          "import io.github.synced.*;",
          "@Synced",
          "public class Item {",
          "  @SyncId String id;",
          "  String name;",
          "  Color color;",
          "  @SyncVersion long version;",
          "}");

  private static final JavaFileObject COLOR =
      source("test.Color", "package test;", "public enum Color { RED, GREEN }");

  @Test
  void sameInputGeneratesByteIdenticalOutput() throws IOException {
    List<JavaFileObject> inputs =
        List.of(Sources.resource("good/Note.java"), Sources.resource("good/Priority.java"));
    Compilation first = Sources.compileStrict(inputs);
    Compilation second = Sources.compileStrict(inputs);
    assertThat(first).succeeded();
    assertEquals(6, first.generatedSourceFiles().size());
    for (JavaFileObject file : first.generatedSourceFiles()) {
      String name = file.getName();
      JavaFileObject twin =
          second.generatedSourceFiles().stream()
              .filter(f -> f.getName().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError("second build lacks " + name));
      try (InputStream a = file.openInputStream();
          InputStream b = twin.openInputStream()) {
        assertTrue(Arrays.equals(a.readAllBytes(), b.readAllBytes()), name + " differs");
      }
    }
    String sync = Sources.generated(first, "golden.NoteSync");
    assertTrue(sync.contains("@Generated(\"io.github.synced.processor.SyncedProcessor\")"));
    assertFalse(sync.contains("date ="), "no date in @Generated");
  }

  @Test
  void theGeneratorClaimsExactlySyncedsFourAnnotations() {
    SyncedProcessor processor = new SyncedProcessor();
    assertEquals(
        Set.of(
            "io.github.synced.Synced",
            "io.github.synced.LocalOnly",
            "io.github.synced.SyncId",
            "io.github.synced.SyncVersion"),
        processor.getSupportedAnnotationTypes());
    assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
    assertEquals(
        Set.of("javax.annotation.processing.Generated"),
        new SyncedOutputProcessor().getSupportedAnnotationTypes());
  }

  @Test
  void generatedOutputPassesLintProcessingWithWerror() {
    // Without SyncedOutputProcessor, the round that compiles the generated sources warns "No
    // processor claimed any of these annotations: javax.annotation.processing.Generated".
    Compilation alone =
        javac()
            .withProcessors(new SyncedProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(ITEM, COLOR);
    assertThat(alone).hadWarningContaining("javax.annotation.processing.Generated");
    Compilation both = Sources.compileStrict(List.of(ITEM, COLOR));
    assertThat(both).succeededWithoutWarnings();
  }

  @Test
  void generatedOfOtherCodeIsLeftToOtherProcessors() {
    JavaFileObject handWritten =
        source(
            "test.Tool",
            "package test;",
            "@javax.annotation.processing.Generated(\"some.other.Generator\")",
            "public class Tool {}");
    GeneratedRecorder recorder = new GeneratedRecorder();
    Compilation c =
        javac()
            .withProcessors(new SyncedProcessor(), new SyncedOutputProcessor(), recorder)
            .withOptions("-Xlint:all")
            .compile(ITEM, COLOR, handWritten);
    assertThat(c).succeeded();
    // Round 1 holds the user's @Generated: left unclaimed, so the recorder gets it. Round 2 holds
    // only Synced's output: claimed, so the recorder (after Synced's processors) does not.
    assertEquals(List.of(1), recorder.roundsWithGenerated);
  }

  /** Records the rounds in which javac hands it {@code @Generated}. */
  private static final class GeneratedRecorder extends AbstractProcessor {
    final List<Integer> roundsWithGenerated = new ArrayList<>();
    private int round;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      round++;
      if (!annotations.isEmpty()) {
        roundsWithGenerated.add(round);
      }
      return false;
    }
  }

  @Test
  void worksWhenGivenExplicitly() {
    Compilation c = Sources.compileStrict(List.of(ITEM, COLOR));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemSync");
  }

  @Test
  void isRegisteredAsAService() throws IOException {
    try (InputStream services =
        getClass()
            .getResourceAsStream("/META-INF/services/javax.annotation.processing.Processor")) {
      assertNotNull(services, "META-INF/services/javax.annotation.processing.Processor is missing");
      assertEquals(
          Set.of(SyncedProcessor.class.getName(), SyncedOutputProcessor.class.getName()),
          Set.copyOf(new String(services.readAllBytes(), StandardCharsets.UTF_8).lines().toList()));
    }
    assertTrue(
        ServiceLoader.load(Processor.class).stream()
            .anyMatch(p -> p.type() == SyncedProcessor.class));
  }

  @Test
  void isFoundOnAProcessorPath(@TempDir Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(src));
      files.setLocationFromPaths(
          StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(dir.resolve("classes"))));
      List<String> options =
          List.of(
              "-Xlint:all",
              "-Werror",
              "-processorpath",
              System.getProperty("java.class.path"),
              "-classpath",
              System.getProperty("java.class.path"));
      assertTrue(
          compiler.getTask(null, files, null, options, null, List.of(ITEM, COLOR)).call(),
          "compiles");
    }
    assertTrue(Files.exists(src.resolve("test/ItemSync.java")));
  }

  @Test
  void declaresIsolatingGradleIncrementalProcessing() throws IOException {
    try (InputStream declaration =
        getClass().getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
      assertNotNull(declaration);
      assertEquals(
          "io.github.synced.processor.SyncedProcessor,isolating\n"
              + "io.github.synced.processor.SyncedOutputProcessor,isolating",
          new String(declaration.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
  }

  @Test
  void generatesNoJsonCodecWithoutJackson() {
    List<File> withoutJackson = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("jackson")) {
        withoutJackson.add(new File(entry));
      }
    }
    Compilation c =
        javac()
            .withProcessors(Sources.processors())
            .withOptions("-Xlint:all", "-Werror")
            .withClasspath(withoutJackson)
            .compile(ITEM, COLOR);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemSync");
    assertThat(c).generatedSourceFile("test.ItemPatch");
    assertTrue(c.generatedSourceFile("test.ItemJson").isEmpty(), "no ItemJson without Jackson");
  }

  @Test
  void generatesACodecThatCompilesWithJackson3Alone() {
    List<File> jackson3Only = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace(File.separatorChar, '/');
      if (!path.contains("/com/fasterxml/jackson/core/jackson-core/")
          && !path.contains("/com/fasterxml/jackson/core/jackson-databind/")) {
        jackson3Only.add(new File(entry));
      }
    }
    assertTrue(
        jackson3Only.stream().anyMatch(f -> f.getPath().contains("jackson-databind-3")),
        "Jackson 3 is on the test class path");
    Compilation c =
        javac()
            .withProcessors(Sources.processors())
            .withOptions("-Xlint:all", "-Werror")
            .withClasspath(jackson3Only)
            .compile(ITEM, COLOR);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.ItemJson")
        .contentsAsUtf8String()
        .doesNotContain("jackson");
  }

  @Test
  void generatesJsonCodecWithJackson() {
    Compilation c = Sources.compileStrict(List.of(ITEM, COLOR));
    assertThat(c).generatedSourceFile("test.ItemJson");
  }

  @Test
  void typeReferencingATypeGeneratedLaterIsDeferredToTheNextRound() {
    Compilation c =
        javac()
            .withProcessors(
                new ColorGenerator(), new SyncedProcessor(), new SyncedOutputProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(ITEM);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ItemSync").contentsAsUtf8String().contains("COLOR");
  }

  @Test
  void everyGeneratedFileIsWrittenEvenWhenEntitiesShareAPackage() {
    JavaFileObject other =
        source(
            "test.Other",
            "package test;",
            "import io.github.synced.*;",
            "@Synced",
            "public record Other(@SyncId int id, @SyncVersion long version) {}");
    Compilation c = Sources.compileStrict(List.of(ITEM, COLOR, other));
    assertThat(c).succeededWithoutWarnings();
    try (Stream<String> names = c.generatedSourceFiles().stream().map(JavaFileObject::getName)) {
      assertEquals(12, names.filter(n -> n.contains("/test/")).count());
    }
  }

  /** Generates {@code test.Color} in the first round, as another processor would. */
  private static final class ColorGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("test.Color").openWriter()) {
          out.write("package test;\n\npublic enum Color { RED, GREEN }\n");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
