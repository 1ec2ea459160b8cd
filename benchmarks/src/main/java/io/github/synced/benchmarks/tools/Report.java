package io.github.synced.benchmarks.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private final JsonNode memory;
  private final JsonNode compile;
  private final List<String> settings = new ArrayList<>();

  Report(Map<String, Result> results, JsonNode memory, JsonNode compile) {
    this.results = results;
    this.memory = memory;
    this.compile = compile;
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
    code(rows, "merge, 10 fields", "merge", "hand-written", "hand", 1.08, true);
    code(rows, "merge, 10 fields", "merge", "MapStruct @MappingTarget", "mapstruct", 0, false);
    code(rows, "merge, 10 fields", "merge", "reflection (Field get/set)", "reflection", 0, false);
    code(rows, "restore from a snapshot", "restore", "hand-written", "hand", 1.08, true);
    code(rows, "patch apply (2 of 10 fields)", "patchApply", "hand-written", "hand", 1.08, true);
    snapshot(rows);
    diff(rows);
    code(
        rows,
        "synced fields equal? (2 of 10 differ)",
        "syncedEquals",
        "hand-written bitmask",
        "hand",
        0,
        false);
    patchBuild(rows);
    json(rows, "JSON read, one entity", "read", "databind readValue", "databind", 0.5);
    json(rows, "JSON read, one entity", "read", "DSL-JSON", "dsljson", 1.5);
    json(rows, "JSON write, one entity", "write", "databind writeValueAsBytes", "databind", 0.5);
    json(rows, "JSON write, one entity", "write", "DSL-JSON", "dsljson", 1.5);
    onJackson(rows, "JSON read, the codec on Jackson's parser", "read", "databind readValue");
    onJackson(
        rows,
        "JSON write, the codec on Jackson's generator",
        "write",
        "databind writeValueAsBytes");
    json(
        rows,
        "JSON 2-field update into an entity",
        "readForUpdate",
        "databind readerForUpdating",
        "databind",
        0);
    store(rows);
    pending(rows);
    memory(rows);
    compile(rows);
    return rows;
  }

  private void code(
      List<Row> rows,
      String measure,
      String op,
      String baseName,
      String base,
      double maxRatio,
      boolean zeroAlloc) {
    Result ours = results.get("CodeBench." + op + "_generated");
    Result other = results.get("CodeBench." + op + "_" + base);
    if (ours == null || other == null) {
      return;
    }
    double ratio = ours.score() / other.score();
    boolean hasTarget = maxRatio > 0;
    Boolean met = null;
    if (hasTarget) {
      met = ratio <= maxRatio && (!zeroAlloc || bytes(ours) < 0.5);
    }
    rows.add(
        new Row(
            measure,
            time(ours) + ", " + alloc(ours),
            baseName + ": " + time(other) + ", " + alloc(other),
            times(ratio),
            hasTarget ? "≤ " + plain(maxRatio) + "×" + (zeroAlloc ? ", 0 B/op" : "") : "—",
            met));
  }

  private void snapshot(List<Row> rows) {
    Result ours = results.get("CodeBench.snapshot_generated");
    Result hand = results.get("CodeBench.snapshot_hand");
    if (ours == null || hand == null) {
      return;
    }
    double ratio = ours.score() / hand.score();
    rows.add(
        new Row(
            "snapshot",
            time(ours) + ", " + alloc(ours),
            "hand-written record: " + time(hand) + ", " + alloc(hand),
            times(ratio),
            "≤ 1.1×, one allocation (B/op ≤ the record's)",
            ratio <= 1.1 && bytes(ours) <= bytes(hand) + 0.5));
  }

  private void diff(List<Row> rows) {
    Result ours = results.get("CodeBench.diff_generated");
    Result hand = results.get("CodeBench.diff_hand");
    if (ours == null || hand == null) {
      return;
    }
    rows.add(
        new Row(
            "diff (2 of 10 fields differ)",
            time(ours) + ", " + alloc(ours),
            "hand-written bitmask: " + time(hand) + ", " + alloc(hand),
            times(ours.score() / hand.score()),
            "0 B/op",
            bytes(ours) < 0.5));
  }

  private void patchBuild(List<Row> rows) {
    Result ours = results.get("CodeBench.patchBuild_generated");
    Result hand = results.get("CodeBench.patchBuild_hand");
    if (ours == null || hand == null) {
      return;
    }
    double onePatch =
        memory != null && memory.has("patchObjectBytes")
            ? memory.get("patchObjectBytes").asDouble()
            : bytes(hand);
    rows.add(
        new Row(
            "patch build, 2 fields",
            time(ours) + ", " + alloc(ours),
            "hand-written one-object patch: " + time(hand) + ", " + alloc(hand),
            times(ours.score() / hand.score())
                + " time; "
                + times(bytes(ours) / bytes(hand))
                + " B",
            "0 B/op beyond the patch itself (" + plain(onePatch) + " B)",
            bytes(ours) <= onePatch + 0.5));
  }

  /** The generated codec over Jackson's streaming API, against databind: no target, a reference. */
  private void onJackson(List<Row> rows, String measure, String op, String baseName) {
    Result ours = results.get("JsonBench." + op + "OnJackson_generated");
    Result other = results.get("JsonBench." + op + "_databind");
    if (ours == null || other == null) {
      return;
    }
    rows.add(
        new Row(
            measure,
            time(ours) + ", " + alloc(ours),
            baseName + ": " + time(other) + ", " + alloc(other),
            times(ours.score() / other.score()),
            "—",
            null));
  }

  private void json(
      List<Row> rows, String measure, String op, String baseName, String base, double maxRatio) {
    Result ours = results.get("JsonBench." + op + "_generated");
    Result other = results.get("JsonBench." + op + "_" + base);
    if (ours == null || other == null) {
      return;
    }
    double ratio = ours.score() / other.score();
    boolean databind = base.equals("databind");
    String target;
    Boolean met;
    if (maxRatio <= 0) {
      target = "—";
      met = null;
    } else if (databind) {
      target = "≤ 0.5× (2× faster), fewer B/op";
      met = ratio <= maxRatio && bytes(ours) < bytes(other);
    } else {
      target = "≤ " + plain(maxRatio) + "×";
      met = ratio <= maxRatio;
    }
    rows.add(
        new Row(
            measure,
            time(ours) + ", " + alloc(ours),
            baseName + ": " + time(other) + ", " + alloc(other),
            times(ratio),
            target,
            met));
  }

  private void store(List<Row> rows) {
    Result small = results.get("StoreBench.synced[size=100]");
    Result big = results.get("StoreBench.synced[size=1000000]");
    Result remote = results.get("StoreBench.remoteAlone");
    if (small != null && big != null) {
      double ratio = big.score() / small.score();
      rows.add(
          new Row(
              "update + confirm, store of 10⁶ vs 10²",
              "10⁶: " + time(big),
              "10²: " + time(small),
              times(ratio),
              "≤ 1.3×",
              ratio <= 1.3));
    }
    if (small != null) {
      double worst = 0;
      StringBuilder each = new StringBuilder();
      for (String size : List.of("100", "10000", "1000000")) {
        Result r = results.get("StoreBench.synced[size=" + size + "]");
        if (r != null && r.bytesPerOp() != null) {
          worst = Math.max(worst, r.bytesPerOp());
          each.append(each.length() == 0 ? "" : " / ").append(bytesText(r.bytesPerOp()));
        }
      }
      String remoteShare =
          remote != null && remote.bytesPerOp() != null
              ? " (the remote's own share: " + bytesText(remote.bytesPerOp()) + " B)"
              : "";
      rows.add(
          new Row(
              "update + confirm, B/op at 10² / 10⁴ / 10⁶",
              each + " B/op" + remoteShare,
              "—",
              "—",
              "≤ 600 B/op",
              worst <= 600));
    }
    for (String size : List.of("100", "10000", "1000000")) {
      Result ours = results.get("StoreBench.synced[size=" + size + "]");
      Result seed = results.get("StoreBench.seed[size=" + size + "]");
      if (ours == null || seed == null) {
        continue;
      }
      double ratio = ours.score() / seed.score();
      boolean target = size.equals("10000");
      rows.add(
          new Row(
              "update + confirm vs the seed, store of " + power(size),
              time(ours) + ", " + alloc(ours),
              "whole-store snapshot: " + time(seed) + ", " + alloc(seed),
              times(ratio) + " (" + String.format(Locale.ROOT, "%,.0f", 1 / ratio) + "× faster)",
              target ? "≤ 0.001× (1,000× faster)" : "—",
              target ? ratio <= 0.001 : null));
    }
  }

  private void pending(List<Row> rows) {
    Map<Integer, Result> byK = new TreeMap<>();
    for (Map.Entry<String, Result> e : results.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("PendingBench.updateAndConfirmOldest[pending=")) {
        byK.put(Integer.parseInt(k.replaceAll("\\D+", "")), e.getValue());
      }
    }
    if (byK.size() < 2) {
      return;
    }
    StringBuilder each = new StringBuilder();
    for (Map.Entry<Integer, Result> e : byK.entrySet()) {
      each.append(each.length() == 0 ? "" : "; ")
          .append("k=")
          .append(e.getKey())
          .append(": ")
          .append(time(e.getValue()));
    }
    Integer lowK = byK.containsKey(100) ? 100 : ((TreeMap<Integer, Result>) byK).firstKey();
    Integer highK = ((TreeMap<Integer, Result>) byK).lastKey();
    double ratio = byK.get(highK).score() / byK.get(lowK).score();
    double linear = highK / (double) lowK;
    double exponent = Math.log(ratio) / Math.log(linear);
    rows.add(
        new Row(
            "k pending on one entity: one update + one confirm",
            each.toString(),
            "k=" + lowK,
            "k="
                + highK
                + " ÷ k="
                + lowK
                + ": "
                + times(ratio)
                + " (growth ~k^"
                + fmt(exponent, 2)
                + ")",
            "≤ " + plain(linear) + "× (at most linear in k)",
            ratio <= linear));
  }

  private void memory(List<Row> rows) {
    if (memory == null) {
      return;
    }
    double store = memory.get("storeBytesPerEntity").asDouble();
    double map = memory.get("hashMapBytesPerEntity").asDouble();
    double ratio = store / map;
    rows.add(
        new Row(
            "memory per stored entity (" + memory.get("entities").asInt() + " loaded)",
            plain(store) + " B",
            "HashMap of the same entities: " + plain(map) + " B",
            times(ratio),
            "≤ 1.3×",
            ratio <= 1.3));
  }

  private void compile(List<Row> rows) {
    if (compile == null) {
      return;
    }
    int n = compile.get("entities").asInt();
    double plainMs = compile.get("plainMs").asDouble();
    double procMs = compile.get("processorMs").asDouble();
    double per = (procMs - plainMs) / n;
    String split = "";
    if (compile.has("processorOnlyMs")) {
      double onlyMs = compile.get("processorOnlyMs").asDouble();
      split =
          ": "
              + fmt((onlyMs - plainMs) / n, 1)
              + " ms through annotation processing (-proc:only: the processor, and parsing what it"
              + " wrote), "
              + fmt((procMs - onlyMs) / n, 1)
              + " ms compiling that to classes";
    }
    rows.add(
        new Row(
            "processor, " + n + " seven-field entities",
            fmt(procMs / 1000, 1)
                + " s ("
                + fmt(per, 1)
                + " ms per entity on top"
                + split
                + "; "
                + compile.get("generatedLines").asLong() / n
                + " lines generated per entity)",
            "plain javac: " + fmt(plainMs / 1000, 1) + " s",
            times(procMs / plainMs),
            "≤ 10 ms per entity on top of javac",
            per <= 10));
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

  private static double bytes(Result r) {
    return r.bytesPerOp() == null ? Double.NaN : r.bytesPerOp();
  }

  private static String alloc(Result r) {
    return r.bytesPerOp() == null ? "? B/op" : bytesText(r.bytesPerOp()) + " B/op";
  }

  /** Bytes per operation: whole bytes (JMH reports 10⁻⁴ for "nothing"). */
  private static String bytesText(double b) {
    return b < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", b);
  }

  private static String time(Result r) {
    return time(r.score(), r.unit());
  }

  private static String time(double value, String unit) {
    return fmt(value, digits(value)) + " " + unit.replace("/op", "").replace("us", "µs");
  }

  private static int digits(double v) {
    double a = Math.abs(v);
    return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  }

  private static String times(double ratio) {
    if (ratio >= 0.1 || ratio == 0 || Double.isNaN(ratio)) {
      return fmt(ratio, ratio >= 100 ? 0 : 2) + "×";
    }
    return String.format(Locale.ROOT, "%.2g", ratio) + "×";
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) v)
        : fmt(v, digits(v));
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String power(String size) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("100", "10²");
    p.put("10000", "10⁴");
    p.put("1000000", "10⁶");
    return p.getOrDefault(size, size);
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
