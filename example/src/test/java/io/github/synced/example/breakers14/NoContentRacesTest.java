package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Checks.allExpanded;
import static io.github.synced.example.breakers14.Checks.cardTitle;
import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes answered 204 (Jira/Linear habit) racing refetches and another writer. */
class NoContentRacesTest {

  /** Server applies, another writer edits c2, a refetch completes, then the 204 arrives. */
  @Test
  void noContentAfterRefetchThatShowedTheWriteAndAnotherWriter() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      await(rig.store.refetch());
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      cardTitle(b, "c1", "ONE");
      cardTitle(b, "c2", "TWO-other");
      allExpanded(b);
      assertEquals(MutationState.CONFIRMED, m.state());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** A refetch answered with the state from before the write arrives after the 204 confirm. */
  @Test
  void staleReadAnsweredAfterNoContentConfirmDoesNotFlickerBack() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      List<Board> seen = Checks.record(rig);
      FakeApi.Gate read = rig.api.holdRead(true);
      var refetch = rig.store.refetch();
      await(read.arrived);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(m.result());
      read.open();
      await(refetch);
      rig.settle();
      cardTitle(rig.b1(), "c1", "ONE");
      Checks.noFlickerBack(seen, "c1", "ONE");
      allExpanded(rig.b1());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** A read sent before the write but answered with the state after the server applied it. */
  @Test
  void readSentBeforeWriteAnsweredAfterIt() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      List<Board> seen = Checks.record(rig);
      FakeApi.Gate read = rig.api.holdRead(false);
      var refetch = rig.store.refetch();
      await(read.arrived);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(m.result());
      rig.api.edit("b1", o -> o.put("title", "Renamed"));
      read.open();
      await(refetch);
      rig.settle();
      cardTitle(rig.b1(), "c1", "ONE");
      Checks.noFlickerBack(seen, "c1", "ONE");
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Refetch completes while the write is held before the server applies it (strict If-Match). */
  @Test
  void refetchWithAnotherWriterBeforeServerAppliesStrict() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      List<Board> seen = Checks.record(rig);
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      await(rig.store.refetch());
      cardTitle(rig.b1(), "c1", "ONE");
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      cardTitle(b, "c1", "ONE");
      cardTitle(b, "c2", "TWO-other");
      Checks.noFlickerBack(seen, "c1", "ONE");
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Same, but the server ignores If-Match: our whole list overwrites theirs (documented). */
  @Test
  void refetchWithAnotherWriterBeforeServerAppliesIgnoringIfMatch() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.checkIfMatch = false;
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      await(rig.store.refetch());
      g.open();
      await(m.result());
      rig.settle();
      cardTitle(rig.b1(), "c1", "ONE");
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /**
   * Same as above, checked before any final refetch: after a 204 the store takes the written
   * values; does it show what the server now holds?
   */
  @Test
  void ignoringIfMatchClientEqualsServerBeforeFinalRefetch() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.checkIfMatch = false;
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      await(rig.store.refetch());
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      assertEquals(
          FakeApi.cardNode(rig.api.row("b1"), "c2").get("title").asText(),
          cardTitle(b, "c2"),
          "c2 as the server holds it after our whole-list write; log " + rig.api.log);
    }
  }

  /** Nested owner edited, 204, while a refetch shows another writer's title change. */
  @Test
  void nestedOwnerEditNoContentWithRefetchInFlight() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m = rig.boards.update("b1", p -> p.editOwner(o -> o.name("Bob")));
      await(g.arrived);
      rig.api.edit("b1", o -> o.put("title", "Other"));
      await(rig.store.refetch());
      g.open();
      await(m.result());
      rig.settle();
      Board b = rig.b1();
      assertEquals("Bob", b.owner.name);
      assertEquals("Other", b.title);
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Two 204 writes of different cards in flight, refetch between, then both answers. */
  @Test
  void twoNoContentWritesAndARefetchBetween() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g1 = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.done(true))));
      await(g1.arrived);
      await(rig.store.refetch());
      g1.open();
      await(m1.result());
      await(m2.result());
      rig.settle();
      Board b = rig.b1();
      cardTitle(b, "c1", "ONE");
      assertEquals(true, b.card("c3").done, b.toString());
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
    }
  }
}
