package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Rig.await;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refetch sent before an add (snapshot without the element) answered after the add confirmed; the
 * added element was marked expanded while in flight.
 */
class StaleReadAfterAddTest {

  @Test
  void staleReadAnsweredAfterAddConfirmedKeepsElementAndExpanded() {
    List<String> failures = new ArrayList<>();
    for (FakeApi.Answer a : FakeApi.Answer.values()) {
      for (boolean ifMatch : new boolean[] {true, false}) {
        for (boolean lane : new boolean[] {false, true}) {
          String v = a + " ifMatch=" + ifMatch + " lane=" + lane;
          try {
            run(a, ifMatch, lane);
          } catch (AssertionError e) {
            failures.add(v + ": " + e.getMessage());
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " variants failed:\n" + String.join("\n", failures));
    }
  }

  private static Card x9(Board b, boolean lane) {
    return lane ? b.laneById("x9") : b.card("x9");
  }

  private static void run(FakeApi.Answer a, boolean ifMatch, boolean lane) {
    try (Rig rig = new Rig(a)) {
      rig.api.checkIfMatch = ifMatch;
      List<String> shown = Collections.synchronizedList(new ArrayList<>()); // listener's thread
      var unused =
          rig.store.subscribe(
              "b1",
              (Change<String, Board> c) -> {
                if (c.after() != null) {
                  Card x = x9(c.after(), lane);
                  shown.add(c.cause() + ":" + (x == null ? "absent" : x.expanded ? "EXP" : "col"));
                }
              });
      FakeApi.Gate read = rig.api.holdRead(true);
      var refetch = rig.store.refetch();
      await(read.arrived);
      Mutation<String, Board> add =
          lane
              ? rig.boards.update("b1", p -> p.editLanes(l -> l.put("new", new Card("x9", "nine"))))
              : rig.boards.update("b1", p -> p.editCards(c -> c.add(0, new Card("x9", "nine"))));
      rig.store.local("b1", b -> x9(b, lane).expanded = true);
      await(add.result());
      read.open();
      await(refetch);
      rig.settle();
      Card c = x9(rig.b1(), lane);
      if (c == null || !c.expanded) {
        throw new AssertionError(
            "x9 lost: " + rig.b1() + " shown " + shown + " log " + rig.api.log);
      }
      List<String> heardNow = new ArrayList<>(shown);
      int first =
          heardNow.indexOf(heardNow.stream().filter(s -> s.endsWith("EXP")).findFirst().orElse(""));
      for (int i = first; i >= 0 && i < heardNow.size(); i++) {
        if (!heardNow.get(i).endsWith("EXP")) {
          throw new AssertionError("x9 flickered: " + shown);
        }
      }
      rig.converge();
      c = x9(rig.b1(), lane);
      if (c == null || !c.expanded) {
        throw new AssertionError("x9 lost after final refetch: " + rig.b1() + " shown " + shown);
      }
    }
  }
}
