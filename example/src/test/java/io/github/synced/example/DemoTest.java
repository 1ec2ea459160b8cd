package io.github.synced.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs the README's demo end to end (real HTTP on loopback, real JSON, the generated Task code) and
 * checks that each scripted act shows what it promises, that client and server agree, and that the
 * timeline picture is written and well-formed.
 */
class DemoTest {

  private static Demo.Outcome run(String... args) throws Exception {
    return runPrinting(new StringBuilder(), args);
  }

  private static Demo.Outcome runPrinting(StringBuilder printed, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Demo.Outcome outcome = Demo.run(Demo.Options.parse(args), out);
      printed.append(bytes.toString(StandardCharsets.UTF_8));
      assertTrue(outcome.agreed(), "client and server disagree; output:\n" + printed);
      return outcome;
    }
  }

  /** The timeline picture parses, with a bar per mutation made and a lane per task. */
  private static void assertPicture(Path svg, List<String> timeline) throws Exception {
    assertTrue(Files.isRegularFile(svg), "no timeline picture at " + svg);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(svg.toFile()); // throws unless well-formed
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    List<String> lanes = new ArrayList<>();
    int bars = 0;
    NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").equals("lane")) {
        lanes.add(g.getAttribute("data-id"));
      }
    }
    NodeList rects = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
    for (int i = 0; i < rects.getLength(); i++) {
      if (((Element) rects.item(i)).getAttribute("class").startsWith("bar ")) {
        bars++;
      }
    }
    Pattern made = Pattern.compile("#\\d+ \\w+ QUEUED  \\(made\\)");
    assertEquals(
        timeline.stream().filter(l -> made.matcher(l).find()).count(),
        bars,
        "one bar per mutation made");
    assertTrue(lanes.containsAll(List.of("t1", "t2", "t3", "t4")), lanes.toString());
    assertFalse(lanes.contains("draft-1"), "the created task keeps one lane: " + lanes);
  }

  private static void assertShows(List<String> timeline, String act, String regex) {
    int start =
        timeline.indexOf(
            timeline.stream()
                .filter(l -> l.contains(act))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no act " + act)));
    int end = start + 1;
    while (end < timeline.size() && !timeline.get(end).startsWith("── ")) {
      end++;
    }
    Pattern p = Pattern.compile(regex);
    List<String> lines = timeline.subList(start, end);
    assertTrue(
        lines.stream().anyMatch(l -> p.matcher(l).find()),
        "act '" + act + "' does not show /" + regex + "/:\n" + String.join("\n", lines));
  }

  @Test
  void scriptedSessionShowsEachRuleAndEndsInAgreement() throws Exception {
    Path picture = Path.of("target/synced-timeline.svg").toAbsolutePath();
    Files.deleteIfExists(picture);
    StringBuilder printed = new StringBuilder();
    List<String> t = runPrinting(printed, "--rounds=0", "--quiet").timeline();
    assertTrue(printed.toString().contains("timeline picture (open in a browser): " + picture));
    assertPicture(picture, t);

    assertShows(t, "rolls back", "#\\d+ update (SENDING|RETRYING) → ROLLED_BACK");
    assertShows(t, "rolls back", "ROLLBACK by #\\d+  title: \"Buy oat milk\" → \"Buy milk\"");
    assertShows(
        t, "rolls back", "board shows Task\\{id=t1, title=Buy milk, done=false, .*expanded=true");
    assertShows(t, "Retry-After", "→ RETRYING");
    assertShows(t, "Retry-After", "board shows Task\\{id=t1, title=Buy oat milk, .*expanded=true");
    assertShows(t, "dropped", "→ OUTCOME_UNKNOWN");
    assertShows(t, "dropped", "applied the write 1 time");
    assertShows(t, "conflict", "board shows Task\\{id=t3, title=Call mom tonight, done=true");
    assertShows(t, "out-of-order", "the board kept updatedAt=\\d+ \"Write the report\"");
    assertShows(t, "draft id", "ID_REASSIGNED");
    assertShows(t, "draft id", "draft-1 became t4");
    assertShows(t, "draft id", "board shows Task\\{id=t4, title=Water the plants, done=true");
    assertShows(t, "refuses", "RESTORED");
    assertShows(t, "refuses", "board order: \\[t1, t2, t3, t4\\]");

    assertShows(t, "Queries", "open list: \\[t1, t5, t6, t7\\]");
    assertShows(t, "Queries", "done list: \\[t2, t3, t4\\]");
    assertShows(t, "Queries", "paged, after loading the next page: \\[t1, t2, t3, t4\\]");
    assertBefore(t, "Marking", "done list: \\[t1, t2, t3, t4\\]", "CONFIRM by");
    assertBefore(t, "Marking", "open list: \\[t5, t6, t7\\]", "CONFIRM by");
    assertBefore(t, "A mark the server", "done list: \\[t5, t1, t2, t3, t4\\]", "ROLLBACK by");
    assertBefore(t, "A mark the server", "ROLLBACK by", "open list: \\[t5, t6, t7\\]");
    assertShows(t, "sent before a mark", "the open list shows \\[t5, t6\\]");

    assertShows(
        t,
        "Subtasks",
        "subtasks of t8: \\[\\{s1 \"Pack the books\", expanded\\}, \\{s2 \"Book the movers\"\\},"
            + " \\{s3 \"Clean the flat\", expanded\\}\\]");
    assertShows( // both edits pending on top of the other writer's change: rebased
        t,
        "Subtasks",
        "REBASE  subtasks: .* → \\[\\{s1 \"Pack the books\", done, expanded\\},"
            + " \\{s2 \"Book the movers for Saturday morning, and ask whether they bring boxes\"\\},"
            + " \\{s3 \"Clean the flat and return the keys\", expanded\\}\\]");
    assertBefore(t, "Subtasks", "REBASE", "update SENDING → ROLLED_BACK");
    assertShows(t, "Subtasks", "#\\d+ ROLLED_BACK \\(422\\), #\\d+ CONFIRMED");
    assertShows(
        t, "Subtasks", "update SENDING → ROLLED_BACK .*422.*subtask s2: a title has at most 60");
    assertShows(
        t,
        "Subtasks",
        "subtasks of t8: \\[\\{s1 \"Pack the books\", done, expanded\\}, \\{s2 \"Book the movers\"\\},"
            + " \\{s3 \"Clean the flat and return the keys\", expanded\\}\\]$");
  }

  /** In act {@code act}, a line matching {@code first} comes before one matching {@code then}. */
  private static void assertBefore(List<String> timeline, String act, String first, String then) {
    int start = -1;
    for (int i = 0; i < timeline.size() && start < 0; i++) {
      if (timeline.get(i).startsWith("── ") && timeline.get(i).contains(act)) {
        start = i;
      }
    }
    assertTrue(start >= 0, "no act " + act);
    int a = -1;
    int b = -1;
    Pattern pa = Pattern.compile(first);
    Pattern pb = Pattern.compile(then);
    for (int i = start + 1; i < timeline.size() && !timeline.get(i).startsWith("── "); i++) {
      if (a < 0 && pa.matcher(timeline.get(i)).find()) {
        a = i;
      }
      if (b < 0 && pb.matcher(timeline.get(i)).find()) {
        b = i;
      }
    }
    assertTrue(
        a >= 0 && b >= 0 && a < b,
        "act '"
            + act
            + "' does not show /"
            + first
            + "/ before /"
            + then
            + "/:\n"
            + String.join("\n", timeline.subList(start, Math.min(timeline.size(), start + 40))));
  }

  @Test
  void randomTrafficUnderFaultsEndsInAgreement(@TempDir Path dir) throws Exception {
    Path picture = dir.resolve("pictures/random.svg");
    List<String> t =
        run(
                "--seed=7",
                "--rounds=30",
                "--latency-ms=2",
                "--second-writer=0.5",
                "--quiet",
                "--timeline=" + picture)
            .timeline();
    assertShows(t, "random steps", "all \\d+ mutations settled");
    assertPicture(picture, t);
  }

  @Test
  void oneSeedGivesEveryMutationTheSameOutcomeInEveryRun() throws Exception {
    String[] args = {
      "--seed=11", "--rounds=24", "--error-rate=0.3", "--drop-rate=0.2", "--latency-ms=1", "--quiet"
    };
    String first = digest(run(args).timeline());
    String second = digest(run(args).timeline());

    assertEquals(first, second, "two runs with --seed=11 settled their mutations differently");
  }

  private static String digest(List<String> timeline) {
    return timeline.stream()
        .filter(l -> l.contains("outcome digest") || l.contains("mutations settled"))
        .reduce("", (a, b) -> a + b.replaceAll("^\\s*→ ", "") + "\n");
  }
}
