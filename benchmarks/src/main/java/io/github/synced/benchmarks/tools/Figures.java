package io.github.synced.benchmarks.tools;

import io.github.synced.benchmarks.tools.Report.Result;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the {@link Report} writes its figures: times with their unit, bytes per operation, ratios and
 * plain numbers, in the root locale.
 */
final class Figures {

  private Figures() {}

  static double bytes(Result r) {
    return r.bytesPerOp() == null ? Double.NaN : r.bytesPerOp();
  }

  static String alloc(Result r) {
    return r.bytesPerOp() == null ? "? B/op" : bytesText(r.bytesPerOp()) + " B/op";
  }

  /** Bytes per operation: whole bytes (JMH reports 10⁻⁴ for "nothing"). */
  static String bytesText(double b) {
    return b < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", b);
  }

  static String time(Result r) {
    return time(r.score(), r.unit());
  }

  static String time(double value, String unit) {
    return fmt(value, digits(value)) + " " + unit.replace("/op", "").replace("us", "µs");
  }

  static int digits(double v) {
    double a = Math.abs(v);
    return a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  }

  static String times(double ratio) {
    if (ratio >= 0.1 || ratio == 0 || Double.isNaN(ratio)) {
      return fmt(ratio, ratio >= 100 ? 0 : 2) + "×";
    }
    return String.format(Locale.ROOT, "%.2g", ratio) + "×";
  }

  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.ROOT, "%,d", (long) v)
        : fmt(v, digits(v));
  }

  static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static String power(String size) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("100", "10²");
    p.put("10000", "10⁴");
    p.put("1000000", "10⁶");
    return p.getOrDefault(size, size);
  }
}
