package io.github.synced.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Test sources and compilations with the real processor. */
final class Sources {

  private Sources() {}

  /**
   * Synced's processors as javac discovers them on a processor path: the generator and the one that
   * claims {@code @Generated} on its output.
   */
  static List<Processor> processors() {
    return List.of(new SyncedProcessor(), new SyncedOutputProcessor());
  }

  /** A source file of class {@code qualifiedName} made of {@code lines}. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A test resource source, for example {@code good/Note.java}. */
  static JavaFileObject resource(String path) {
    return JavaFileObjects.forResource(path);
  }

  /** Compiles with the processor and {@code -Xlint:all}, warnings allowed. */
  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(processors()).withOptions("-Xlint:all").compile(sources);
  }

  /** Compiles with the processor, {@code -Xlint:all} and {@code -Werror}. */
  static Compilation compileStrict(List<JavaFileObject> sources) {
    return javac()
        .withProcessors(processors())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  /**
   * Compiles with the processor straight to {@code dir} (sources under {@code dir/src}, classes
   * under {@code dir/classes}) and returns the simple names of the generated source files, sorted.
   * Unlike compile-testing this also answers for compilations that failed.
   */
  static List<String> generatedNames(Path dir, JavaFileObject... sources) {
    return generatedNames(dir, processors(), sources);
  }

  /** As {@link #generatedNames(Path, JavaFileObject...)}, with the given processors. */
  static List<String> generatedNames(
      Path dir, List<? extends Processor> processors, JavaFileObject... sources) {
    try {
      Path src = Files.createDirectories(dir.resolve("src"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(src));
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, d -> {}, List.of("-proc:only"), null, List.of(sources));
        task.setProcessors(processors);
        task.call();
      }
      try (Stream<Path> generated = Files.walk(src)) {
        return generated
            .filter(Files::isRegularFile)
            .map(f -> f.getFileName().toString())
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based number of the first line of {@code source} that contains {@code marker}. */
  static long lineOf(JavaFileObject source, String marker) {
    try {
      String[] lines = source.getCharContent(true).toString().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains(marker)) {
          return i + 1L;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no line contains " + marker);
  }

  /** The text of a generated source file. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
