package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Rig.await;

import io.github.synced.runtime.Mutation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An element added and marked expanded while queued behind another write of the board, a refetch
 * while both are pending, then answers without a version. Found by RandomizedHttpTest (seed
 * -8033829197031708464: c19 / l16 lost expanded with PARTIAL answers, If-Match ignored).
 */
class QueuedAddTest {

  @Test
  void addedElementQueuedBehindAnotherWriteKeepsExpanded() {
    List<String> failures = new ArrayList<>();
    for (FakeApi.Answer a : FakeApi.Answer.values()) {
      for (boolean ifMatch : new boolean[] {true, false}) {
        for (boolean lane : new boolean[] {false, true}) {
          for (boolean rekey : new boolean[] {false, true}) {
            String v = a + " ifMatch=" + ifMatch + " lane=" + lane + " rekey=" + rekey;
            try {
              run(a, ifMatch, lane, rekey);
            } catch (AssertionError e) {
              failures.add(v + ": " + e.getMessage());
            }
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " variants failed:\n" + String.join("\n", failures));
    }
  }

  private static void run(FakeApi.Answer a, boolean ifMatch, boolean lane, boolean rekey) {
    try (Rig rig = new Rig(a)) {
      rig.api.checkIfMatch = ifMatch;
      rig.api.rekeyLanes = rekey;
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> first = rig.boards.update("b1", p -> p.editOwner(o -> o.name("Bob")));
      await(g.arrived);
      Mutation<String, Board> add =
          lane
              ? rig.boards.update("b1", p -> p.editLanes(l -> l.put("new", new Card("x9", "nine"))))
              : rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("x9", "nine"))));
      rig.store.local("b1", b -> (lane ? b.laneById("x9") : b.card("x9")).expanded = true);
      await(rig.store.refetch());
      Mutation<String, Board> after = rig.boards.update("b1", p -> p.editOwner(o -> o.name("Cy")));
      g.open();
      await(first.result());
      await(add.result());
      await(after.result());
      rig.settle();
      Card c = lane ? rig.b1().laneById("x9") : rig.b1().card("x9");
      if (c == null || !c.expanded) {
        throw new AssertionError(
            "x9 lost expanded before final refetch: " + rig.b1() + " log " + rig.api.log);
      }
      rig.converge();
      c = lane ? rig.b1().laneById("x9") : rig.b1().card("x9");
      if (c == null || !c.expanded) {
        throw new AssertionError("x9 lost expanded after final refetch: " + rig.b1());
      }
      Checks.allExpanded(rig.b1());
    }
  }
}
