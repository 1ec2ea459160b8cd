package io.github.synced.benchmarks.tools;

import static io.github.synced.benchmarks.tools.Figures.alloc;
import static io.github.synced.benchmarks.tools.Figures.bytes;
import static io.github.synced.benchmarks.tools.Figures.plain;
import static io.github.synced.benchmarks.tools.Figures.time;
import static io.github.synced.benchmarks.tools.Figures.times;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.benchmarks.tools.Report.Result;
import io.github.synced.benchmarks.tools.Report.Row;
import java.util.List;
import java.util.Map;

/**
 * The {@link Report}'s rows that compare one operation of the generated code with a baseline from
 * the same run ({@code CodeBench}: hand-written code, MapStruct, reflection; {@code JsonBench}:
 * Jackson databind, DSL-JSON), each against its target where it has one.
 */
final class CodeRows {

  private final Map<String, Result> results;
  private final JsonNode memory;

  CodeRows(Map<String, Result> results, JsonNode memory) {
    this.results = results;
    this.memory = memory;
  }

  void code(
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
        versus(
            measure,
            ours,
            baseName,
            other,
            times(ratio),
            hasTarget ? "≤ " + plain(maxRatio) + "×" + (zeroAlloc ? ", 0 B/op" : "") : "—",
            met));
  }

  void snapshot(List<Row> rows) {
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

  void diff(List<Row> rows) {
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

  void patchBuild(List<Row> rows) {
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
  void onJackson(List<Row> rows, String measure, String op, String baseName) {
    Result ours = results.get("JsonBench." + op + "OnJackson_generated");
    Result other = results.get("JsonBench." + op + "_databind");
    if (ours == null || other == null) {
      return;
    }
    rows.add(
        versus(measure, ours, baseName, other, times(ours.score() / other.score()), "—", null));
  }

  void json(
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
    rows.add(versus(measure, ours, baseName, other, times(ratio), target, met));
  }

  /** A row that compares {@code ours} with {@code other}, the baseline named {@code baseName}. */
  private static Row versus(
      String measure,
      Result ours,
      String baseName,
      Result other,
      String ratio,
      String target,
      Boolean met) {
    return new Row(
        measure,
        time(ours) + ", " + alloc(ours),
        baseName + ": " + time(other) + ", " + alloc(other),
        ratio,
        target,
        met);
  }
}
