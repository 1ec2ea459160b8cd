package io.github.synced.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.benchmarks.tools.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report turns JMH's JSON into ratios and verdicts. */
class ReportTest {

  private static String jmh(String benchmark, String params, double score, String unit, double b) {
    return "{\"benchmark\":\"io.github.synced.benchmarks."
        + benchmark
        + "\",\"params\":{"
        + params
        + "},\"primaryMetric\":{\"score\":"
        + score
        + ",\"rawData\":[["
        + (score * 0.9)
        + ","
        + score
        + ","
        + (score * 5)
        + "]]"
        + ",\"scoreError\":0.5,\"scoreUnit\":\""
        + unit
        + "\"},\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":"
        + b
        + ",\"scoreUnit\":\"B/op\"}}}";
  }

  @Test
  void ratiosAndVerdicts(@TempDir Path dir) throws IOException {
    String code =
        "["
            + String.join(
                ",",
                jmh("CodeBench.merge_generated", "", 10.5, "ns/op", 0),
                jmh("CodeBench.merge_hand", "", 10, "ns/op", 0),
                jmh("CodeBench.merge_mapstruct", "", 5, "ns/op", 0),
                jmh("CodeBench.diff_generated", "", 40, "ns/op", 48),
                jmh("CodeBench.diff_hand", "", 20, "ns/op", 0),
                jmh("JsonBench.read_generated", "", 1100, "ns/op", 300),
                jmh("JsonBench.read_databind", "", 2000, "ns/op", 1500))
            + "]";
    String store =
        "["
            + String.join(
                ",",
                jmh("StoreBench.synced", "\"size\":\"100\"", 1, "us/op", 500),
                jmh("StoreBench.synced", "\"size\":\"1000000\"", 2, "us/op", 500),
                jmh("StoreBench.synced", "\"size\":\"10000\"", 1.2, "us/op", 500),
                jmh("StoreBench.seed", "\"size\":\"10000\"", 1000, "us/op", 1e6),
                jmh("PendingBench.updateAndConfirmOldest", "\"pending\":\"10\"", 2, "us/op", 9),
                jmh("PendingBench.updateAndConfirmOldest", "\"pending\":\"100\"", 4, "us/op", 9),
                jmh("PendingBench.updateAndConfirmOldest", "\"pending\":\"1000\"", 400, "us/op", 9))
            + "]";
    Files.writeString(dir.resolve("jmh-code.json"), code, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("jmh-store.json"), store, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("memory.json"),
        "{\"entities\":100,\"storeBytesPerEntity\":600,\"hashMapBytesPerEntity\":300,"
            + "\"patchObjectBytes\":40}",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("compile.json"),
        "{\"entities\":100,\"runs\":1,\"plainMs\":300,\"processorOnlyMs\":1300,"
            + "\"processorMs\":2300,\"generatedFiles\":600,\"generatedLines\":100000}",
        StandardCharsets.UTF_8);
    Report report = Report.read(dir);
    Map<String, Report.Row> rows = new LinkedHashMap<>();
    for (Report.Row r : report.rows()) {
      rows.putIfAbsent(r.measure() + " | " + r.baseline().split(":")[0], r);
    }
    assertEquals(true, rows.get("merge, 10 fields | hand-written").met());
    assertEquals("1.05×", rows.get("merge, 10 fields | hand-written").ratio());
    assertEquals(null, rows.get("merge, 10 fields | MapStruct @MappingTarget").met(), "no target");
    assertEquals(false, rows.get("diff (2 of 10 fields differ) | hand-written bitmask").met());
    assertEquals(false, rows.get("JSON read, one entity | databind readValue").met());
    assertEquals(false, rows.get("update + confirm, store of 10⁶ vs 10² | 10²").met(), "2× > 1.3×");
    assertEquals(
        false, rows.get("update + confirm vs the seed, store of 10⁴ | whole-store snapshot").met());
    Report.Row pending = rows.get("k pending on one entity: one update + one confirm | k=100");
    assertEquals(false, pending.met(), pending.ratio());
    assertTrue(pending.ratio().startsWith("k=1000 ÷ k=100: 100×"), pending.ratio());
    assertEquals(
        false,
        rows.get("memory per stored entity (100 loaded) | HashMap of the same entities").met());
    Report.Row compile = rows.get("processor, 100 seven-field entities | plain javac");
    assertEquals(false, compile.met(), compile.ours());
    assertTrue(
        compile.ours().startsWith("2.3 s (20.0 ms per entity on top: 10.0 ms through"),
        compile.ours());
    assertEquals(true, rows.get("update + confirm, B/op at 10² / 10⁴ / 10⁶ | —").met());
    assertTrue(
        report
            .markdown()
            .contains("| CodeBench.merge_generated | — | 10.5 ns ± 0.500 | 0 | 0, 0 |"));
  }

  @Test
  void cpuTimeIsPreferredAndConvertedToTheBenchmarksUnit() throws IOException {
    String json =
        "[{\"benchmark\":\"x.StoreBench.synced\",\"params\":{\"size\":\"100\"},"
            + "\"primaryMetric\":{\"score\":3.0,\"scoreUnit\":\"us/op\",\"rawData\":[[2,3,9]]},"
            + "\"secondaryMetrics\":{\"cpu.time.norm\":{\"score\":1500,\"scoreUnit\":\"ns/op\","
            + "\"rawData\":[[1000,1500,1600]]}}}]";
    Report.Result r =
        Report.parseJmh(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json))
            .get("StoreBench.synced[size=100]");
    assertEquals(3.0, r.wall());
    assertEquals(1.5, r.score(), 1e-9);
  }
}
