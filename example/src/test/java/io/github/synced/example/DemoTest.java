package io.github.synced.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's demo end to end (real HTTP on loopback, real JSON, the generated Task code) and
 * checks that each scripted act shows what it promises and that client and server agree.
 */
class DemoTest {

  private static Demo.Outcome run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Demo.Outcome outcome = Demo.run(Demo.Options.parse(args), out);
      assertTrue(
          outcome.agreed(),
          "client and server disagree; output:\n" + bytes.toString(StandardCharsets.UTF_8));
      return outcome;
    }
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
    List<String> t = run("--rounds=0", "--quiet").timeline();

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
  }

  @Test
  void randomTrafficUnderFaultsEndsInAgreement() throws Exception {
    List<String> t =
        run("--seed=7", "--rounds=30", "--latency-ms=2", "--second-writer-ms=50", "--quiet")
            .timeline();
    assertShows(t, "random steps", "all \\d+ mutations settled");
  }
}
