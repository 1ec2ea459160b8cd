package io.github.synced.benchmarks.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the Synced processor adds to a build: {@code n} generated seven-field {@code @Synced}
 * JavaBeans compiled with plain {@code javac} ({@code -proc:none}) and with the processor, in this
 * JVM, after one warm-up round on a tenth of them; each configuration {@code runs} times,
 * alternating, the median kept. The class path is this JVM's (the benchmarks jar: annotations,
 * runtime, processor, Jackson, so the processor also writes {@code XJson}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.synced.benchmarks.tools.CompileTime OUT
 * [entities] [runs]}; writes a JSON object to {@code OUT}.
 */
public final class CompileTime {

  private static final String PROCESSOR = "io.github.synced.processor.SyncedProcessor";

  private CompileTime() {}

  /** The figures of one measurement. */
  public record Figures(
      int entities,
      int runs,
      double plainMs,
      double processorOnlyMs,
      double processorMs,
      int generatedFiles,
      long lines) {
    /** What the processor adds per entity, in milliseconds. */
    public double overheadMsPerEntity() {
      return (processorMs - plainMs) / entities;
    }
  }

  /** Writes {@code n} entity sources into {@code dir} and returns their paths. */
  static List<Path> writeEntities(Path dir, int n) throws IOException {
    Path pkg = dir.resolve("bench/gen");
    Files.createDirectories(pkg);
    List<Path> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "Entity" + i;
      Path file = pkg.resolve(name + ".java");
      Files.writeString(file, source(name), StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  /** One seven-field entity: id, version, four synced fields, one local-only flag. */
  static String source(String name) {
    StringBuilder s = new StringBuilder();
    s.append("package bench.gen;\n\n")
        .append("import io.github.synced.LocalOnly;\n")
        .append("import io.github.synced.SyncId;\n")
        .append("import io.github.synced.SyncVersion;\n")
        .append("import io.github.synced.Synced;\n\n")
        .append("@Synced\npublic class ")
        .append(name)
        .append(" {\n");
    String[][] fields = {
      {"@SyncId ", "String", "id"},
      {"@SyncVersion ", "long", "version"},
      {"", "String", "title"},
      {"", "boolean", "done"},
      {"", "int", "priority"},
      {"", "String", "owner"},
      {"@LocalOnly ", "boolean", "expanded"},
    };
    for (String[] f : fields) {
      s.append("  ").append(f[0]).append("private ").append(f[1]).append(' ').append(f[2]);
      s.append(";\n");
    }
    for (String[] f : fields) {
      String cap = Character.toUpperCase(f[2].charAt(0)) + f[2].substring(1);
      String get = (f[1].equals("boolean") ? "is" : "get") + cap;
      s.append("\n  public ").append(f[1]).append(' ').append(get).append("() {\n");
      s.append("    return ").append(f[2]).append(";\n  }\n");
      s.append("\n  public void set").append(cap).append('(').append(f[1]).append(" value) {\n");
      s.append("    this.").append(f[2]).append(" = value;\n  }\n");
    }
    return s.append("}\n").toString();
  }

  /**
   * Compiles {@code sources} into fresh folders under {@code work}; returns nanoseconds. The
   * sources the processor writes go to {@code work/generated-<run>}.
   */
  static long compile(List<Path> sources, Path work, String run, boolean processor)
      throws IOException {
    return compile(sources, work, run, processor, false);
  }

  /**
   * As {@link #compile(List, Path, String, boolean)}; with {@code processorOnly}, javac stops after
   * the processor ({@code -proc:only}): the inputs are parsed and analysed and the processor writes
   * its sources, but nothing is compiled to classes, so the difference to a full run is the cost of
   * compiling what the processor wrote.
   */
  static long compile(
      List<Path> sources, Path work, String run, boolean processor, boolean processorOnly)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
    }
    Path classes = Files.createDirectories(work.resolve("classes-" + run));
    Path generated = Files.createDirectories(work.resolve("generated-" + run));
    String classPath = System.getProperty("java.class.path");
    List<String> options = new ArrayList<>();
    options.addAll(List.of("-d", classes.toString(), "-cp", classPath, "-Xlint:none"));
    if (processor) {
      options.addAll(
          List.of(
              "-processorpath", classPath, "-processor", PROCESSOR, "-s", generated.toString()));
      if (processorOnly) {
        options.add("-proc:only");
      }
    } else {
      options.add("-proc:none");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      long start = System.nanoTime();
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      long took = System.nanoTime() - start;
      if (!ok) {
        StringBuilder problems = new StringBuilder("compilation failed:");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          problems.append('\n').append(d);
        }
        throw new IllegalStateException(problems.toString());
      }
      return took;
    }
  }

  /** Compiles {@code n} entities plain and with the processor, {@code runs} times each. */
  public static Figures measure(int n, int runs) throws IOException {
    Path work = Files.createTempDirectory("synced-compile-time");
    try {
      List<Path> warm = writeEntities(work.resolve("warm"), Math.max(1, n / 10));
      compile(warm, work, "warm-plain", false);
      compile(warm, work, "warm-processor", true);
      List<Path> sources = writeEntities(work.resolve("src"), n);
      long[] plain = new long[runs];
      long[] processorOnly = new long[runs];
      long[] withProcessor = new long[runs];
      for (int r = 0; r < runs; r++) {
        plain[r] = compile(sources, work, "plain-" + r, false);
        processorOnly[r] = compile(sources, work, "only-" + r, true, true);
        withProcessor[r] = compile(sources, work, "processor-" + r, true);
        System.out.printf(
            "compile run %d: plain %.0f ms, processor only (-proc:only) %.0f ms, with the processor"
                + " %.0f ms%n",
            r + 1, plain[r] / 1e6, processorOnly[r] / 1e6, withProcessor[r] / 1e6);
      }
      int files = 0;
      long lines = 0;
      try (Stream<Path> all = Files.walk(work.resolve("generated-processor-0"))) {
        for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
          files++;
          try (Stream<String> ls = Files.lines(p)) {
            lines += ls.count();
          }
        }
      }
      return new Figures(
          n,
          runs,
          median(plain) / 1e6,
          median(processorOnly) / 1e6,
          median(withProcessor) / 1e6,
          files,
          lines);
    } finally {
      deleteTree(work);
    }
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: CompileTime OUT.json [entities] [runs]");
      System.exit(2);
    }
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Figures f = measure(n, runs);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("entities", f.entities());
    json.put("runs", f.runs());
    json.put("plainMs", f.plainMs());
    json.put("processorOnlyMs", f.processorOnlyMs());
    json.put("processorMs", f.processorMs());
    json.put("generatedFiles", f.generatedFiles());
    json.put("generatedLines", f.lines());
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
    System.out.printf(
        "compile: %d entities, plain javac %.0f ms, with the processor %.0f ms: %.1f ms per entity"
            + " on top; %d files, %d lines generated%n",
        n, f.plainMs(), f.processorMs(), f.overheadMsPerEntity(), f.generatedFiles(), f.lines());
  }
}
