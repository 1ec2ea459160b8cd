package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Checks.allExpanded;
import static io.github.synced.example.breakers14.Checks.cardTitle;
import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Elements added/put optimistically, marked expanded while their write is in flight. */
class ElementsInFlightTest {

  private static void expandCard(Rig rig, String cid) {
    rig.store.local("b1", b -> b.card(cid).expanded = true);
  }

  private static void expandLane(Rig rig, String cid) {
    rig.store.local("b1", b -> b.laneById(cid).expanded = true);
  }

  private static void addedCardKeepsExpanded(FakeApi.Answer answer, boolean applyFirst) {
    try (Rig rig = new Rig(answer)) {
      FakeApi.Gate g = rig.api.holdWrite(applyFirst);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(1, new Card("c9", "nine"))));
      expandCard(rig, "c9");
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c3").put("title", "THREE-other"));
      await(rig.store.refetch());
      assertTrue(rig.b1().card("c9").expanded, "after refetch in flight: " + rig.b1());
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      assertEquals(MutationState.CONFIRMED, m.state());
      assertNotNull(b.card("c9"), b.toString());
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
      assertEquals(1, rig.b1().cards.stream().filter(c -> c.id.equals("c9")).count());
    }
  }

  @Test
  void addedCardExpandedNoContentAppliedBeforeRefetch() {
    addedCardKeepsExpanded(FakeApi.Answer.NO_CONTENT, true);
  }

  @Test
  void addedCardExpandedNoContentAppliedAfterRefetch() {
    addedCardKeepsExpanded(FakeApi.Answer.NO_CONTENT, false);
  }

  @Test
  void addedCardExpandedPartialAnswerAppliedBeforeRefetch() {
    addedCardKeepsExpanded(FakeApi.Answer.PARTIAL, true);
  }

  @Test
  void addedCardExpandedPartialAnswerAppliedAfterRefetch() {
    addedCardKeepsExpanded(FakeApi.Answer.PARTIAL, false);
  }

  @Test
  void addedCardExpandedVersionOnlyAppliedAfterRefetch() {
    addedCardKeepsExpanded(FakeApi.Answer.VERSION_ONLY, false);
  }

  @Test
  void addedCardExpandedEntityAppliedBeforeRefetch() {
    addedCardKeepsExpanded(FakeApi.Answer.ENTITY, true);
  }

  private static void putLaneRekeyed(FakeApi.Answer answer, boolean applyFirst) {
    try (Rig rig = new Rig(answer)) {
      rig.api.rekeyLanes = true;
      FakeApi.Gate g = rig.api.holdWrite(applyFirst);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editLanes(l -> l.put("review", new Card("l9", "Review"))));
      expandLane(rig, "l9");
      await(g.arrived);
      await(rig.store.refetch());
      assertNotNull(rig.b1().laneById("l9"), "l9 gone after refetch in flight: " + rig.b1());
      assertTrue(rig.b1().laneById("l9").expanded, "after refetch in flight: " + rig.b1());
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      assertNotNull(b.laneById("l9"), b.toString());
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
      assertEquals(3, rig.b1().lanes.size(), rig.b1().toString());
    }
  }

  @Test
  void rekeyedLanePutNoContentAppliedBeforeRefetch() {
    putLaneRekeyed(FakeApi.Answer.NO_CONTENT, true);
  }

  @Test
  void rekeyedLanePutNoContentAppliedAfterRefetch() {
    putLaneRekeyed(FakeApi.Answer.NO_CONTENT, false);
  }

  @Test
  void rekeyedLanePutEntityAppliedBeforeRefetch() {
    putLaneRekeyed(FakeApi.Answer.ENTITY, true);
  }

  @Test
  void rekeyedLanePutPartialAppliedBeforeRefetch() {
    putLaneRekeyed(FakeApi.Answer.PARTIAL, true);
  }

  /** After the server re-keyed, an update by the old key of a lane. */
  @Test
  void updateLaneAfterServerRekeyed() {
    try (Rig rig = new Rig(FakeApi.Answer.ENTITY)) {
      rig.api.rekeyLanes = true;
      await(
          rig.boards
              .update("b1", p -> p.editLanes(l -> l.put("review", new Card("l9", "R"))))
              .result());
      rig.settle();
      expandLane(rig, "l9");
      Board b = rig.b1();
      assertTrue(b.lanes.containsKey("k-l1"), "server keys expected: " + b);
      String key =
          b.lanes.entrySet().stream()
              .filter(e -> e.getValue().id.equals("l1"))
              .findFirst()
              .orElseThrow()
              .getKey();
      await(
          rig.boards
              .update("b1", p -> p.editLanes(l -> l.update(key, x -> x.title("Todo!"))))
              .result());
      rig.converge();
      assertEquals("Todo!", rig.b1().laneById("l1").title);
      allExpanded(rig.b1());
    }
  }

  /** Another writer removes c2 while our update of c2 is in flight; server wins. */
  @Test
  void updateOfCardAnotherWriterRemovedServerWins() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c2", x -> x.title("TWO"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.removeCard(o, "c2"));
      g.open();
      rig.settle();
      assertTrue(m.isSettled());
      rig.converge();
      assertNull(rig.b1().card("c2"), rig.b1().toString());
      allExpanded(rig.b1());
    }
  }

  /**
   * README: under clientWins, an update of an element another writer removed does nothing and
   * confirms.
   */
  @Test
  void updateOfCardAnotherWriterRemovedClientWins() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT, false, ConflictPolicy.clientWins())) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c2", x -> x.title("TWO"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.removeCard(o, "c2"));
      g.open();
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state(), "log " + rig.api.log);
      rig.converge();
      assertNull(rig.b1().card("c2"), rig.b1().toString());
      allExpanded(rig.b1());
    }
  }

  /** Both sides edit c1's title; the resolver is told the path and picks ours. */
  @Test
  void overlappingCardTitleResolverSeesPath() {
    List<String> paths = Collections.synchronizedList(new ArrayList<>());
    ConflictPolicy<Board> policy =
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, ps) -> {
              ps.forEach(p -> paths.add(String.valueOf(p)));
              return mine;
            });
    try (Rig rig = new Rig(FakeApi.Answer.ENTITY, false, policy)) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("MINE"))));
      await(g.arrived);
      rig.api.edit(
          "b1",
          o -> {
            FakeApi.cardNode(o, "c1").put("title", "THEIRS");
            FakeApi.cardNode(o, "c3").put("title", "THREE-theirs");
          });
      g.open();
      await(m.result());
      rig.converge();
      cardTitle(rig.b1(), "c1", "MINE");
      cardTitle(rig.b1(), "c3", "THREE-theirs");
      assertTrue(paths.toString().contains("cards[c1].title"), paths.toString());
      allExpanded(rig.b1());
    }
  }

  /** Another writer removes c1 while our add of c9 (expanded) is in flight: disjoint, resent. */
  @Test
  void addWhileAnotherWriterRemovesOtherCard() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c9", "nine"))));
      expandCard(rig, "c9");
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.removeCard(o, "c1"));
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      assertNull(b.card("c1"), b.toString());
      assertTrue(b.card("c9").expanded, b.toString());
      rig.converge();
      assertTrue(rig.b1().card("c9").expanded, rig.b1().toString());
      allExpanded(rig.b1());
    }
  }

  /** A refused (422) edit of c1 with a c2 edit queued behind it: only c1 rolls back. */
  @Test
  void refusedEditRollsBackOnlyItself() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.failNextWrite(422);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("BAD"))));
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c2", x -> x.title("TWO"))));
      rig.settle();
      assertEquals(MutationState.ROLLED_BACK, m1.state());
      assertEquals(MutationState.CONFIRMED, m2.state());
      Board b = rig.b1();
      cardTitle(b, "c1", "one");
      cardTitle(b, "c2", "TWO");
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** A refused add of c9 whose c9 was marked expanded; an added c8 behind it survives expanded. */
  @Test
  void refusedAddDisappearsOtherAddKeepsExpanded() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(false);
      g.refuse = 422; // held: refused only after both cards were expanded
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c9", "nine"))));
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c8", "eight"))));
      expandCard(rig, "c9");
      expandCard(rig, "c8");
      g.open();
      await(m2.result());
      assertEquals(MutationState.ROLLED_BACK, m1.state());
      rig.settle();
      Board b = rig.b1();
      assertNull(b.card("c9"), b.toString());
      assertTrue(b.card("c8").expanded, b.toString());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /**
   * A dropped answer after apply, server ignores Idempotency-Key: decided by reading; added once.
   */
  @Test
  void droppedAnswerNoDedupeAddedOnceExpandedKept() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT, false, null)) {
      rig.api.dropNextWrite();
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c9", "nine"))));
      expandCard(rig, "c9");
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state(), "log " + rig.api.log);
      rig.converge();
      assertEquals(4, rig.b1().cards.size(), rig.b1().toString());
      allExpanded(rig.b1());
    }
  }

  /** A dropped answer after apply, server honours Idempotency-Key: resent, replayed. */
  @Test
  void droppedAnswerDedupeReplayed() {
    try (Rig rig = new Rig(FakeApi.Answer.ENTITY, true, null)) {
      rig.api.dropNextWrite();
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editLanes(l -> l.put("review", new Card("l9", "R"))));
      expandLane(rig, "l9");
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state(), "log " + rig.api.log);
      rig.converge();
      assertEquals(3, rig.b1().lanes.size());
      allExpanded(rig.b1());
    }
  }

  /** Dropped answer while another writer edits c3 before the read that decides it. */
  @Test
  void droppedAnswerThenAnotherWriterNoDedupe() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT, false, null)) {
      rig.api.dropNextWrite();
      FakeApi.Gate read = rig.api.holdRead(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(read.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c3").put("title", "THREE-other"));
      read.open();
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state(), "log " + rig.api.log);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c3", "THREE-other");
      rig.converge();
      allExpanded(rig.b1());
    }
  }
}
