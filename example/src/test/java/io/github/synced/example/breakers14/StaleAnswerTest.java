package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Checks.allExpanded;
import static io.github.synced.example.breakers14.Checks.cardTitle;
import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import org.junit.jupiter.api.Test;

/**
 * The server applies our write, another writer then changes the same card, a refetch shows that,
 * and only then our (versionless) answer arrives.
 */
class StaleAnswerTest {

  private static void laterWriterWins(FakeApi.Answer answer) {
    try (Rig rig = new Rig(answer)) {
      FakeApi.Gate g = rig.api.holdWrite(true); // applied and answer computed at arrival
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c1").put("title", "OTHER"));
      await(rig.store.refetch());
      g.open();
      await(m.result());
      rig.settle();
      assertEquals(MutationState.CONFIRMED, m.state());
      String server = FakeApi.cardNode(rig.api.row("b1"), "c1").get("title").asText();
      assertEquals("OTHER", server);
      // The client read OTHER at a newer version than our write; no final refetch here.
      cardTitle(rig.b1(), "c1", "OTHER");
      allExpanded(rig.b1());
    }
  }

  @Test
  void noContentAfterNewerReadDoesNotOverwriteIt() {
    laterWriterWins(FakeApi.Answer.NO_CONTENT);
  }

  @Test
  void partialAnswerWithoutVersionAfterNewerReadDoesNotOverwriteIt() {
    laterWriterWins(FakeApi.Answer.PARTIAL);
  }

  @Test
  void versionOnlyAnswerAfterNewerReadDoesNotOverwriteIt() {
    laterWriterWins(FakeApi.Answer.VERSION_ONLY);
  }

  @Test
  void entityAnswerAfterNewerReadDoesNotOverwriteIt() {
    laterWriterWins(FakeApi.Answer.ENTITY);
  }

  /** Same, but the other writer removes the card we edited. */
  @Test
  void noContentAfterNewerReadThatRemovedTheCard() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.removeCard(o, "c1"));
      await(rig.store.refetch());
      g.open();
      await(m.result());
      rig.settle();
      assertTrue(rig.b1().card("c1") == null, "c1 came back: " + rig.b1());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /**
   * The README's limit: a map is sent as its whole value, so a server that applies an RFC 7396
   * merge patch key by key keeps a key the map no longer has. The removal is confirmed, the read
   * for the version shows the key again, and client and server agree: nothing is silently lost on
   * one side only.
   */
  @Test
  void laneRemovalAgainstAKeyByKeyMergePatchServerIsUndoneThereAndTheStoreShowsIt() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.mergePatchMaps = true;
      Mutation<String, Board> m = rig.boards.update("b1", p -> p.editLanes(l -> l.remove("doing")));
      await(m.result());
      rig.settle();
      String request = rig.api.log.get(rig.api.log.size() - 1);
      assertTrue(
          rig.api.row("b1").get("lanes").has("doing"),
          "the server merged the map key by key: " + request);
      assertTrue(rig.b1().lanes.containsKey("doing"), "the store shows what the server has");
    }
  }
}
