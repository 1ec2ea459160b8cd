package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Checks.allExpanded;
import static io.github.synced.example.breakers14.Checks.cardTitle;
import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More races: added elements removed by others, collapses in flight, replays of stale answers. */
class MoreRacesTest {

  /** Our add applied, another writer removes it, a refetch shows that, then the 204 arrives. */
  @Test
  void addedCardRemovedByAnotherWriterBeforeNoContent() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c9", "nine"))));
      rig.store.local("b1", b -> b.card("c9").expanded = true);
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.removeCard(o, "c9"));
      await(rig.store.refetch());
      g.open();
      await(m.result());
      rig.settle();
      assertNull(rig.b1().card("c9"), "c9 came back over a newer read: " + rig.b1());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** The user collapses the added card after a refetch showed it, then the 204 arrives. */
  @Test
  void collapseOfAddedCardDuringFlightIsKept() {
    for (FakeApi.Answer a : FakeApi.Answer.values()) {
      try (Rig rig = new Rig(a)) {
        FakeApi.Gate g = rig.api.holdWrite(true);
        Mutation<String, Board> m =
            rig.boards.update("b1", p -> p.editCards(c -> c.add(0, new Card("c9", "nine"))));
        rig.store.local("b1", b -> b.card("c9").expanded = true);
        await(g.arrived);
        await(rig.store.refetch());
        rig.store.local("b1", b -> b.card("c9").expanded = false);
        g.open();
        await(m.result());
        rig.settle();
        assertFalse(rig.b1().card("c9").expanded, a + ": " + rig.b1());
        rig.converge();
        assertFalse(rig.b1().card("c9").expanded, a + " after refetch: " + rig.b1());
        assertEquals("c9", rig.b1().cards.get(0).id);
      }
    }
  }

  /** An update of the added card queued behind its add, a refetch between, answers 204. */
  @Test
  void updateOfAddedCardQueuedBehindItsAdd() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> add =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c9", "nine"))));
      rig.store.local("b1", b -> b.card("c9").expanded = true);
      Mutation<String, Board> upd =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c9", x -> x.title("NINE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c1").put("title", "ONE-other"));
      await(rig.store.refetch());
      g.open();
      await(add.result());
      await(upd.result());
      rig.settle();
      cardTitle(rig.b1(), "c9", "NINE");
      cardTitle(rig.b1(), "c1", "ONE-other");
      allExpanded(rig.b1());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Refused removal comes back at its index with expanded, after others reordered meanwhile. */
  @Test
  void refusedRemoveComesBackExpandedAfterReorderRefetch() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.store.local("b1", b -> b.card("c2").expanded = true);
      FakeApi.Gate g = rig.api.holdWrite(false);
      g.refuse = 422; // held: refused only once the refetch below has come back
      Mutation<String, Board> m = rig.boards.update("b1", p -> p.editCards(c -> c.remove("c2")));
      rig.api.edit(
          "b1",
          o -> {
            var arr = (com.fasterxml.jackson.databind.node.ArrayNode) o.get("cards");
            var first = arr.remove(0);
            arr.add(first);
          });
      await(rig.store.refetch());
      assertNull(rig.b1().card("c2"));
      g.open();
      rig.settle();
      assertEquals(MutationState.ROLLED_BACK, m.state());
      assertTrue(rig.b1().card("c2").expanded, rig.b1().toString());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /**
   * Dropped answer; another writer edits c3 right after our write applied; the server honours the
   * key and replays the recorded (older) entity to the resend.
   */
  @Test
  void replayedOlderAnswerDoesNotUndoAnotherWriter() {
    try (Rig rig = new Rig(FakeApi.Answer.ENTITY, true, null)) {
      List<Board> seen = Checks.record(rig);
      rig.api.dropNextWrite();
      FakeApi.Gate g = rig.api.holdWrite(true);
      rig.api.afterNextWrite = o -> FakeApi.cardNode(o, "c3").put("title", "THREE-other");
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      await(rig.store.refetch()); // sees version 103: ONE and THREE-other
      cardTitle(rig.b1(), "c3", "THREE-other");
      g.open(); // the answer is dropped; the resend gets the recorded answer of version 102
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state(), "log " + rig.api.log);
      cardTitle(rig.b1(), "c3", "THREE-other");
      cardTitle(rig.b1(), "c1", "ONE");
      Checks.noFlickerBack(seen, "c3", "THREE-other");
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Same with a server that ignores the key: decided by reading. */
  @Test
  void droppedAnswerAnotherWriterRightAfterNoDedupe() {
    try (Rig rig = new Rig(FakeApi.Answer.PARTIAL, false, null)) {
      rig.api.dropNextWrite();
      rig.api.afterNextWrite = o -> FakeApi.cardNode(o, "c1").put("title", "ONE-other");
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state(), "log " + rig.api.log);
      cardTitle(rig.b1(), "c1", "ONE-other");
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Whole-list set vs another writer's card edit; server wins the whole field. */
  @Test
  void wholeListSetConflictServerWinsKeepsExpanded() {
    try (Rig rig = new Rig(FakeApi.Answer.ENTITY)) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      List<Card> mine = new ArrayList<>();
      for (Card c : rig.b1().cards) {
        mine.add(new Card(c.id, c.title.toUpperCase(java.util.Locale.ROOT)));
      }
      Mutation<String, Board> m = rig.boards.update("b1", p -> p.cards(mine));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      g.open();
      rig.settle();
      assertTrue(m.isSettled());
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /**
   * Overlapping lane title edit under clientWins, strict If-Match: ours wins, theirs elsewhere
   * kept.
   */
  @Test
  void laneTitleClientWins() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT, false, ConflictPolicy.clientWins())) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editLanes(l -> l.update("todo", x -> x.title("MINE"))));
      await(g.arrived);
      rig.api.edit(
          "b1",
          o -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("lanes").get("todo"))
                .put("title", "THEIRS");
            ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("lanes").get("doing"))
                .put("done", true);
          });
      g.open();
      await(m.result());
      rig.settle();
      assertEquals("MINE", rig.b1().lanes.get("todo").title);
      assertTrue(rig.b1().lanes.get("doing").done);
      rig.converge();
      assertEquals("MINE", rig.b1().lanes.get("todo").title);
      allExpanded(rig.b1());
    }
  }

  /** Another writer moves lane l1 to another key while our update of it by "todo" is in flight. */
  @Test
  void laneUpdateFollowsElementMovedByAnotherWriter() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editLanes(l -> l.update("todo", x -> x.title("MINE"))));
      await(g.arrived);
      rig.api.edit(
          "b1",
          o -> {
            var lanes = (com.fasterxml.jackson.databind.node.ObjectNode) o.get("lanes");
            var l1 = lanes.remove("todo");
            lanes.set("backlog", l1);
          });
      g.open();
      rig.settle();
      Board b = rig.b1();
      assertTrue(b.lanes.containsKey("backlog"), b.toString());
      assertFalse(b.lanes.containsKey("todo"), b.toString());
      // README: it follows the element; in a conflict the move counts as meeting theirs
      // (serverWins)
      if (m.state() == MutationState.CONFIRMED) {
        assertEquals("MINE", b.laneById("l1").title, b.toString());
      } else {
        assertEquals("To do", b.laneById("l1").title, b.toString());
      }
      rig.converge();
      allExpanded(rig.b1());
    }
  }
}
