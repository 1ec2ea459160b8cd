package io.github.synced.benchmarks.tools;

import static io.github.synced.benchmarks.tools.Figures.alloc;
import static io.github.synced.benchmarks.tools.Figures.bytesText;
import static io.github.synced.benchmarks.tools.Figures.fmt;
import static io.github.synced.benchmarks.tools.Figures.plain;
import static io.github.synced.benchmarks.tools.Figures.power;
import static io.github.synced.benchmarks.tools.Figures.time;
import static io.github.synced.benchmarks.tools.Figures.times;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.benchmarks.tools.Report.Result;
import io.github.synced.benchmarks.tools.Report.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link Report}'s rows on how the store scales and what it costs: update and confirm by store
 * size and against the seed ({@code StoreBench}), k pending writes on one entity ({@code
 * PendingBench}), memory per stored entity ({@code memory.json}) and the processor's compile time
 * ({@code compile.json}).
 */
final class StoreRows {

  private final Map<String, Result> results;
  private final JsonNode memory;
  private final JsonNode compile;

  StoreRows(Map<String, Result> results, JsonNode memory, JsonNode compile) {
    this.results = results;
    this.memory = memory;
    this.compile = compile;
  }

  void store(List<Row> rows) {
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

  void pending(List<Row> rows) {
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

  void memory(List<Row> rows) {
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

  void compile(List<Row> rows) {
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
}
