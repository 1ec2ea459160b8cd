package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Rig.await;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal form of RandomizedHttpTest seed -8033829197031708464: a server that re-keys map entries
 * (by the value's id) and answers PATCH with only the fields sent, no version. A put of a new lane
 * (marked expanded) with an update of another lane queued behind it.
 */
class RekeyedPartialTest {

  @Test
  void putThenUpdateOfAnotherLaneUnderRekeyingPartialServer() {
    List<String> failures = new ArrayList<>();
    for (FakeApi.Answer a : FakeApi.Answer.values()) {
      for (boolean ifMatch : new boolean[] {true, false}) {
        try {
          run(a, ifMatch);
        } catch (AssertionError e) {
          failures.add(a + " ifMatch=" + ifMatch + ": " + e.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " variants failed:\n" + String.join("\n", failures));
    }
  }

  private static void run(FakeApi.Answer a, boolean ifMatch) {
    try (Rig rig = new Rig(a)) {
      rig.api.checkIfMatch = ifMatch;
      rig.api.rekeyLanes = true;
      // first write re-keys the server's lanes to k-l1, k-l2
      await(
          rig.boards
              .update("b1", p -> p.editLanes(l -> l.update("todo", x -> x.title("T0"))))
              .result());
      rig.settle();
      await(rig.store.refetch());
      rig.settle();
      if (!rig.b1().lanes.containsKey("k-l1")) {
        throw new AssertionError("setup: " + rig.b1());
      }
      List<String> shown = Collections.synchronizedList(new ArrayList<>()); // listener's thread
      var unused =
          rig.store.subscribe(
              "b1",
              (Change<String, Board> c) -> {
                if (c.after() != null) {
                  Card l9 = c.after().laneById("l9");
                  Card l1 = c.after().laneById("l1");
                  shown.add(
                      c.cause()
                          + ":l9="
                          + (l9 == null ? "absent" : l9.expanded ? "EXP" : "col")
                          + ",l1="
                          + (l1 == null ? "absent" : l1.title));
                }
              });
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> put =
          rig.boards.update("b1", p -> p.editLanes(l -> l.put("keyl9", new Card("l9", "nine"))));
      rig.store.local("b1", b -> b.laneById("l9").expanded = true);
      Mutation<String, Board> upd =
          rig.boards.update("b1", p -> p.editLanes(l -> l.update("k-l1", x -> x.title("MINE"))));
      await(g.arrived);
      g.open();
      await(put.result());
      await(upd.result());
      rig.settle();
      Board b = rig.b1();
      String problem = null;
      if (b.laneById("l9") == null || !b.laneById("l9").expanded) {
        problem = "l9 lost its expanded (or vanished)";
      } else if (!"MINE".equals(b.laneById("l1").title)) {
        problem = "l1 title not MINE";
      } else {
        boolean seenL9 = false;
        boolean seenMine = false;
        for (String s : new ArrayList<>(shown)) {
          if (s.contains("l9=EXP")) {
            seenL9 = true;
          } else if (seenL9) {
            problem = "l9 flickered: " + s;
            break;
          }
          if (s.contains("l1=MINE")) {
            seenMine = true;
          } else if (seenMine) {
            problem = "l1 flickered back: " + s;
            break;
          }
        }
      }
      if (problem != null) {
        throw new AssertionError(
            problem + " — view " + b + " shown " + shown + " log " + rig.api.log);
      }
      rig.converge();
      Checks.allExpanded(rig.b1());
    }
  }
}
