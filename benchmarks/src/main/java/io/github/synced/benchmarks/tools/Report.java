package io.github.synced.benchmarks.tools;

import static io.github.synced.benchmarks.tools.Figures.bytesText;
import static io.github.synced.benchmarks.tools.Figures.digits;
import static io.github.synced.benchmarks.tools.Figures.fmt;
import static io.github.synced.benchmarks.tools.Figures.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns one run's results into the ratio table of BENCHMARKS.md: JMH's JSON files ({@code
 * jmh-*.json}, run with {@code -prof gc} for B/op), {@code memory.json} ({@link MemoryFootprint})
 * and {@code compile.json} ({@link CompileTime}) from one folder.
 *
 * <p>Every ratio is ours ÷ baseline, from the same run: below 1 means ours is faster or smaller.
 * Times are CPU time per operation ({@link CpuTimeProfiler}) where the run measured it, else JMH's
 * wall time; either way the median of the measured iterations (see {@link #median}).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.synced.benchmarks.tools.Report DIR}; prints
 * Markdown and writes it to {@code DIR/report.md}.
 */
public final class Report {

  /** One benchmark's figures: time per operation and bytes allocated per operation. */
  public record Result(
      double wall,
      double error,
      String unit,
      Double cpu,
      Double bytesPerOp,
      double gcCount,
      double gcMs) {

    /** The figure the table compares: CPU time per operation where measured, else wall time. */
    public double score() {
      return cpu != null ? cpu : wall;
    }
  }

  /** One line of the table; {@code met} is null where the row has no target. */
  public record Row(
      String measure, String ours, String baseline, String ratio, String target, Boolean met) {}

  private final Map<String, Result> results;
  private final CodeRows codeRows;
  private final StoreRows storeRows;
  private final List<String> settings = new ArrayList<>();

  Report(Map<String, Result> results, JsonNode memory, JsonNode compile) {
    this.results = results;
    this.codeRows = new CodeRows(results, memory);
    this.storeRows = new StoreRows(results, memory, compile);
  }

  /** Reads every result file in {@code dir}. */
  public static Report read(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Result> results = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("jmh-") && name.endsWith(".json")) {
          results.putAll(parseJmh(mapper.readTree(p.toFile())));
        }
      }
    }
    Path memory = dir.resolve("memory.json");
    Path compile = dir.resolve("compile.json");
    Report report =
        new Report(
            results,
            Files.exists(memory) ? mapper.readTree(memory.toFile()) : null,
            Files.exists(compile) ? mapper.readTree(compile.toFile()) : null);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith("jmh-") && name.endsWith(".json")) {
          JsonNode array = mapper.readTree(p.toFile());
          if (array.size() > 0) {
            report.settings.add(settings(name, array.get(0)));
          }
        }
      }
    }
    return report;
  }

  /** JMH's settings and JVM for one result file, as one line. */
  static String settings(String file, JsonNode b) {
    return String.format(
        Locale.ROOT,
        "%s: JDK %s (%s), JMH %s, %d fork(s), %d×%s warm-up, %d×%s measured",
        file,
        b.path("jdkVersion").asText("?"),
        b.path("vmName").asText("?"),
        b.path("jmhVersion").asText("?"),
        b.path("forks").asInt(),
        b.path("warmupIterations").asInt(),
        b.path("warmupTime").asText("?"),
        b.path("measurementIterations").asInt(),
        b.path("measurementTime").asText("?"));
  }

  /**
   * JMH's JSON result as a map from {@code Class.method} (with {@code [param=value,...]} where the
   * benchmark has parameters) to its figures.
   */
  public static Map<String, Result> parseJmh(JsonNode array) {
    Map<String, Result> out = new TreeMap<>();
    for (JsonNode b : array) {
      String full = b.get("benchmark").asText();
      String[] parts = full.split("\\.");
      StringBuilder key =
          new StringBuilder(parts[parts.length - 2] + "." + parts[parts.length - 1]);
      JsonNode params = b.get("params");
      if (params != null && params.size() > 0) {
        List<String> ps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : params.properties()) {
          ps.add(e.getKey() + "=" + e.getValue().asText());
        }
        key.append('[').append(String.join(",", ps)).append(']');
      }
      JsonNode primary = b.get("primaryMetric");
      String unit = primary.get("scoreUnit").asText();
      JsonNode alloc = b.path("secondaryMetrics").get("gc.alloc.rate.norm");
      JsonNode cpu = b.path("secondaryMetrics").get("cpu.time.norm");
      out.put(
          key.toString(),
          new Result(
              median(primary.get("rawData"), primary.get("score").asDouble()),
              primary.path("scoreError").asDouble(Double.NaN),
              unit,
              cpu == null
                  ? null
                  : median(cpu.get("rawData"), cpu.get("score").asDouble()) / nanosIn(unit),
              alloc == null ? null : alloc.get("score").asDouble(),
              b.path("secondaryMetrics").path("gc.count").path("score").asDouble(0),
              b.path("secondaryMetrics").path("gc.time").path("score").asDouble(0)));
    }
    return out;
  }

  /** Nanoseconds in one unit of a JMH time unit such as {@code us/op}. */
  static double nanosIn(String unit) {
    String u = unit.replace("/op", "");
    return switch (u) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      default -> throw new IllegalArgumentException("not a time per operation: " + unit);
    };
  }

  /**
   * The median of every measured iteration of every fork: one iteration that a busy machine slowed
   * down (other builds, a GC of the setup's garbage) moves it less than it moves the mean.
   */
  static double median(JsonNode rawData, double fallback) {
    List<Double> values = new ArrayList<>();
    if (rawData != null) {
      for (JsonNode fork : rawData) {
        for (JsonNode v : fork) {
          values.add(v.asDouble());
        }
      }
    }
    if (values.isEmpty()) {
      return fallback;
    }
    values.sort(null);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** The table's rows, in the order of the measures. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    codeRows.code(rows, "merge, 10 fields", "merge", "hand-written", "hand", 1.08, true);
    codeRows.code(
        rows, "merge, 10 fields", "merge", "MapStruct @MappingTarget", "mapstruct", 0, false);
    codeRows.code(
        rows, "merge, 10 fields", "merge", "reflection (Field get/set)", "reflection", 0, false);
    codeRows.code(rows, "restore from a snapshot", "restore", "hand-written", "hand", 1.08, true);
    codeRows.code(
        rows, "patch apply (2 of 10 fields)", "patchApply", "hand-written", "hand", 1.08, true);
    codeRows.snapshot(rows);
    codeRows.diff(rows);
    codeRows.code(
        rows,
        "synced fields equal? (2 of 10 differ)",
        "syncedEquals",
        "hand-written bitmask",
        "hand",
        0,
        false);
    codeRows.patchBuild(rows);
    codeRows.json(rows, "JSON read, one entity", "read", "databind readValue", "databind", 0.5);
    codeRows.json(rows, "JSON read, one entity", "read", "DSL-JSON", "dsljson", 1.5);
    codeRows.json(
        rows, "JSON write, one entity", "write", "databind writeValueAsBytes", "databind", 0.5);
    codeRows.json(rows, "JSON write, one entity", "write", "DSL-JSON", "dsljson", 1.5);
    codeRows.onJackson(
        rows, "JSON read, the codec on Jackson's parser", "read", "databind readValue");
    codeRows.onJackson(
        rows,
        "JSON write, the codec on Jackson's generator",
        "write",
        "databind writeValueAsBytes");
    codeRows.json(
        rows,
        "JSON 2-field update into an entity",
        "readForUpdate",
        "databind readerForUpdating",
        "databind",
        0);
    storeRows.store(rows);
    storeRows.pending(rows);
    storeRows.memory(rows);
    storeRows.compile(rows);
    return rows;
  }

  /** The table as Markdown. */
  public String markdown() {
    StringBuilder s = new StringBuilder();
    for (String line : settings) {
      s.append("- ").append(line).append('\n');
    }
    if (!settings.isEmpty()) {
      s.append('\n');
    }
    s.append("| measure | ours | baseline | ratio (ours ÷ baseline) | target | met |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (Row r : rows()) {
      s.append("| ")
          .append(String.join(" | ", r.measure(), r.ours(), r.baseline(), r.ratio(), r.target()))
          .append(" | ")
          .append(r.met() == null ? "—" : r.met() ? "met" : "**not met**")
          .append(" |\n");
    }
    s.append(
        "\nEvery benchmark: medians of the measured iterations (CPU time from CpuTimeProfiler,"
            + " wall time from JMH, with JMH's 99.9% error of the mean); B/op from -prof gc.\n\n");
    s.append(
        "| benchmark | CPU time/op | wall time/op ± error | B/op | GCs, GC ms while measured |\n"
            + "|---|---|---|---|---|\n");
    for (Map.Entry<String, Result> e : results.entrySet()) {
      Result r = e.getValue();
      s.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(r.cpu() == null ? "—" : time(r.cpu(), r.unit()))
          .append(" | ")
          .append(time(r.wall(), r.unit()))
          .append(Double.isNaN(r.error()) ? "" : " ± " + fmt(r.error(), digits(r.error())))
          .append(" | ")
          .append(r.bytesPerOp() == null ? "—" : bytesText(r.bytesPerOp()))
          .append(" | ")
          .append(fmt(r.gcCount(), 0))
          .append(", ")
          .append(fmt(r.gcMs(), 0))
          .append(" |\n");
    }
    return s.toString();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: Report RESULTS_DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String md = read(dir).markdown();
    Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
    System.out.print(md);
  }
}
