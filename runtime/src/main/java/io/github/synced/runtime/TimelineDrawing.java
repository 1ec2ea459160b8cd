package io.github.synced.runtime;

import static io.github.synced.runtime.Svg.escape;
import static io.github.synced.runtime.Svg.num;
import static io.github.synced.runtime.Svg.polygon;
import static io.github.synced.runtime.Svg.text;

import io.github.synced.runtime.EventLog.Event;
import io.github.synced.runtime.TimelineParts.Bar;
import io.github.synced.runtime.TimelineParts.Lane;
import io.github.synced.runtime.TimelineParts.Mark;
import io.github.synced.runtime.TimelineParts.Marked;
import io.github.synced.runtime.TimelineParts.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws what a {@link Timeline} read from the events: the title, legend and time axis, then a lane
 * per entity with its mutations' bars (laid out in rows so that none overlap) and its marks, each
 * with hover text. Writes the SVG by hand and escapes every text from the store.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class TimelineDrawing<K, E> {

  private static final int LEFT = 190;
  private static final int PLOT = 960;
  private static final int RIGHT = 30;
  private static final int WIDTH = LEFT + PLOT + RIGHT;
  private static final int LANES_TOP = 100;
  private static final int ROW = 18;
  private static final int BAR = 12;
  private static final int MARKS = 14; // the strip at the top of a lane where its marks go
  private static final int LANE_PAD = 5;
  private static final double MIN_BAR = 3;
  private static final double ROW_GAP = 2;
  private static final int LABEL_CHARS = 26;

  private final String typeName;
  private final int eventCount;
  private final Instant start;
  private final Instant end;
  private final Map<K, Lane<K, E>> lanes;
  private final Map<Long, Bar<K, E>> bars;
  private final Function<? super Event<K, E>, String> line;

  TimelineDrawing(
      String typeName,
      int eventCount,
      Instant start,
      Instant end,
      Map<K, Lane<K, E>> lanes,
      Map<Long, Bar<K, E>> bars,
      Function<? super Event<K, E>, String> line) {
    this.typeName = typeName;
    this.eventCount = eventCount;
    this.start = start;
    this.end = end;
    this.lanes = lanes;
    this.bars = bars;
    this.line = line;
  }

  /** The picture, as an SVG document. */
  String svg() {
    double laneTop = LANES_TOP;
    int index = 0;
    for (Lane<K, E> lane : lanes.values()) {
      lane.index = index++;
      lane.top = laneTop;
      layOut(lane);
      laneTop += height(lane);
    }
    int height = (int) Math.ceil(laneTop) + 20;
    Map<Outcome, Integer> counts = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      counts.put(o, 0);
    }
    for (Bar<K, E> b : bars.values()) {
      counts.merge(b.outcome(), 1, Integer::sum);
    }

    StringBuilder s = new StringBuilder(4096 + eventCount * 200);
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-family=\"system-ui, -apple-system, Segoe UI, sans-serif\"")
        .append(" font-size=\"12\" role=\"img\">\n");
    String title =
        "Synced timeline of "
            + typeName
            + ": "
            + bars.size()
            + (bars.size() == 1 ? " mutation" : " mutations")
            + " on "
            + lanes.size()
            + (lanes.size() == 1 ? " entity" : " entities")
            + " over "
            + seconds(Duration.between(start, end), 3).substring(1);
    s.append("<title>").append(escape(title)).append("</title>\n");
    s.append(
        "<style>.bar:hover,.mark:hover{stroke:#000;stroke-width:1.5}"
            + ".unsettled{fill-opacity:0.5;stroke:#616161;stroke-dasharray:3 2}</style>\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(s, 12, 24, title, "font-size=\"15\" font-weight=\"bold\"");
    legend(s, counts);
    axis(s, height);
    for (Lane<K, E> lane : lanes.values()) {
      lane(s, lane);
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** Places each bar of {@code lane} in the first row where it overlaps no other. */
  private void layOut(Lane<K, E> lane) {
    List<Double> rowEnds = new ArrayList<>();
    for (Bar<K, E> b : lane.bars) { // in the order they were made
      b.x0 = x(b.made);
      b.x1 = Math.max(b.x0 + MIN_BAR, x(b.end == null ? end : b.end));
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) + ROW_GAP > b.x0) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(b.x1);
      } else {
        rowEnds.set(row, b.x1);
      }
      b.row = row;
    }
    lane.rows = Math.max(1, rowEnds.size());
  }

  private static int height(Lane<?, ?> lane) {
    return MARKS + lane.rows * ROW + LANE_PAD;
  }

  private void legend(StringBuilder s, Map<Outcome, Integer> counts) {
    s.append("<g class=\"legend\">\n");
    double x = 12;
    for (Map.Entry<Outcome, Integer> c : counts.entrySet()) {
      Outcome o = c.getKey();
      s.append("<rect class=\"swatch ")
          .append(o.cssClass)
          .append("\" x=\"")
          .append(num(x))
          .append("\" y=\"38\" width=\"22\" height=\"")
          .append(BAR)
          .append("\" rx=\"2\" fill=\"")
          .append(o.colour)
          .append("\"/>\n");
      String label = o.label + " (" + c.getValue() + ")";
      text(s, x + 28, 48, label, null);
      x += 44 + label.length() * 6.5;
    }
    x = 12;
    for (Mark m : Mark.values()) {
      mark(s, m, x + 8, 66, null);
      text(s, x + 20, 70, m.label, null);
      x += 40 + m.label.length() * 6.5;
    }
    s.append("</g>\n");
  }

  private void axis(StringBuilder s, int height) {
    long span = Math.max(1, Duration.between(start, end).toNanos());
    long step = 1_000_000; // 1 ms, then 2, 5, 10, 20, 50, ...
    for (int i = 0; span / step > 10; i++) {
      step = i % 3 == 1 ? step / 2 * 5 : step * 2;
    }
    int decimals =
        step >= 1_000_000_000L ? 0 : step >= 100_000_000L ? 1 : step >= 10_000_000L ? 2 : 3;
    s.append("<g class=\"axis\" stroke=\"#e0e0e0\">\n");
    for (long t = 0; t <= span; t += step) {
      double x = LEFT + PLOT * (double) t / span;
      s.append("<line x1=\"")
          .append(num(x))
          .append("\" y1=\"")
          .append(LANES_TOP - 8)
          .append("\" x2=\"")
          .append(num(x))
          .append("\" y2=\"")
          .append(height - 16)
          .append("\"/>\n");
      s.append("<text x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(LANES_TOP - 12)
          .append("\" stroke=\"none\" fill=\"#616161\" text-anchor=\"middle\">")
          .append(escape(seconds(Duration.ofNanos(t), decimals)))
          .append("</text>\n");
    }
    s.append("</g>\n");
  }

  private void lane(StringBuilder s, Lane<K, E> lane) {
    double height = height(lane);
    s.append("<g class=\"lane\" data-id=\"")
        .append(escape(String.valueOf(lane.id)))
        .append("\">\n");
    s.append("<rect class=\"lane-background\" x=\"0\" y=\"")
        .append(num(lane.top))
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(num(height))
        .append("\" fill=\"")
        .append(lane.index % 2 == 0 ? "#fafafa" : "#f0f0f0")
        .append("\" fill-opacity=\"0.7\"/>\n");
    String label = String.valueOf(lane.id);
    if (!lane.formerIds.isEmpty()) {
      List<String> former = new ArrayList<>();
      for (K id : lane.formerIds) {
        former.add(String.valueOf(id));
      }
      label += " (was " + String.join(", ", former) + ")";
    }
    s.append("<text class=\"lane-label\" x=\"10\" y=\"")
        .append(num(lane.top + MARKS + BAR - 1))
        .append("\"><title>")
        .append(escape(label))
        .append("</title>")
        .append(escape(shorten(label)))
        .append("</text>\n");
    for (Bar<K, E> bar : lane.bars) {
      bar(s, lane, bar);
    }
    double lastX = Double.NEGATIVE_INFINITY;
    for (Marked<K, E> m : lane.marks) { // side by side where they would cover each other
      lastX = Math.max(x(m.event().at()), lastX + 9);
      mark(s, m.mark(), lastX, lane.top + MARKS / 2.0 + 1, line.apply(m.event()));
    }
    s.append("</g>\n");
  }

  private void bar(StringBuilder s, Lane<K, E> lane, Bar<K, E> bar) {
    Outcome outcome = bar.outcome();
    double y = lane.top + MARKS + bar.row * ROW;
    StringBuilder hover = new StringBuilder();
    Mutation<K, E> m = bar.mutation;
    hover
        .append('#')
        .append(m.sequence())
        .append(' ')
        .append(m.kind().name().toLowerCase(Locale.ROOT))
        .append(' ')
        .append(lane.id)
        .append(": ")
        .append(outcome.label);
    if (outcome != Outcome.UNSETTLED) {
      hover.append(" after ").append(m.attempts()).append(m.attempts() == 1 ? " send" : " sends");
      if (outcome == Outcome.ROLLED_BACK && m.error().isPresent()) {
        SyncFailure f = m.error().get();
        hover.append(" (").append(f.kind()).append(f.status() > 0 ? " " + f.status() : "");
        hover.append(f.getMessage() == null ? "" : ": " + f.getMessage()).append(')');
      }
    }
    for (Event<K, E> step : bar.steps) {
      hover.append('\n').append(line.apply(step));
    }
    s.append("<rect class=\"bar ")
        .append(outcome.cssClass)
        .append("\" data-mutation=\"")
        .append(m.sequence())
        .append("\" x=\"")
        .append(num(bar.x0))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(bar.x1 - bar.x0))
        .append("\" height=\"")
        .append(BAR)
        .append("\" rx=\"2\" fill=\"")
        .append(outcome.colour)
        .append("\"><title>")
        .append(escape(hover.toString()))
        .append("</title></rect>\n");
    for (Event<K, E> step : bar.steps) {
      Transition<K, E> t = step.transition();
      if (t == null || t.from() == null || t.to().isSettled()) {
        continue; // a tick for each step in between; the bar's ends show the first and the last
      }
      double x = x(step.at());
      s.append("<line class=\"step\" x1=\"")
          .append(num(x))
          .append("\" y1=\"")
          .append(num(y + 2))
          .append("\" x2=\"")
          .append(num(x))
          .append("\" y2=\"")
          .append(num(y + BAR - 2))
          .append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>")
          .append(escape(line.apply(step)))
          .append("</title></line>\n");
    }
  }

  /** A mark's shape centred on (x, y): rebase a diamond, conflict a triangle, and so on. */
  private static void mark(StringBuilder s, Mark mark, double x, double y, String hover) {
    String shape =
        switch (mark) {
          case REBASE -> polygon(x, y - 5, x + 5, y, x, y + 5, x - 5, y);
          case CONFLICT -> polygon(x, y - 5, x + 5, y + 4, x - 5, y + 4);
          case EXTERNAL -> "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"3.5\"";
          case REKEY ->
              "<rect x=\""
                  + num(x - 3.5)
                  + "\" y=\""
                  + num(y - 3.5)
                  + "\" width=\"7\" height=\"7\"";
        };
    s.append(shape)
        .append(" class=\"mark ")
        .append(mark.cssClass)
        .append("\" fill=\"")
        .append(mark.colour)
        .append("\" stroke=\"#ffffff\" stroke-width=\"1\"");
    if (hover == null) {
      s.append("/>\n");
    } else {
      String element = shape.substring(1, shape.indexOf(' '));
      s.append("><title>").append(escape(hover)).append("</title></").append(element).append(">\n");
    }
  }

  private double x(Instant at) {
    long span = Math.max(1, Duration.between(start, end).toNanos());
    long t = Math.max(0, Duration.between(start, at).toNanos());
    return LEFT + PLOT * Math.min(1.0, (double) t / span);
  }

  private static String seconds(Duration d, int decimals) {
    double s = d.getSeconds() + d.getNano() / 1e9;
    return String.format(Locale.ROOT, "+%." + decimals + "fs", s);
  }

  private static String shorten(String label) {
    if (label.codePointCount(0, label.length()) <= LABEL_CHARS) {
      return label;
    }
    return label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
  }
}
