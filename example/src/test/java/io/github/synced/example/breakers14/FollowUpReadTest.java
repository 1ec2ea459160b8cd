package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Checks.allExpanded;
import static io.github.synced.example.breakers14.Checks.cardTitle;
import static io.github.synced.example.breakers14.Rig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * After a 204 to a write that a refetch raced, "the entity's next sends wait for that read". What
 * if that read fails, 404s, is older, has no version, a push comes, the entity is deleted?
 */
class FollowUpReadTest {

  static final int SECONDS = 30;

  static <T> T within(CompletableFuture<T> f, String what, Rig rig) {
    try {
      return f.get(SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e);
    } catch (Exception e) {
      throw new AssertionError(
          what
              + " did not complete in "
              + SECONDS
              + "s: "
              + e
              + "\n pending "
              + rig.store.pending()
              + "\n server log "
              + rig.api.log
              + "\n events "
              + rig.events,
          e);
    }
  }

  /** idle() within the deadline; if not, says whether the store is still reading 10 s later. */
  static void idle(Rig rig) {
    try {
      rig.store.idle().get(SECONDS, TimeUnit.SECONDS);
      return;
    } catch (Exception e) {
      int before = rig.api.singleReads.get();
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      int after = rig.api.singleReads.get();
      throw new AssertionError(
          "idle() did not complete in "
              + SECONDS
              + "s; pending "
              + rig.store.pending()
              + "; GET /boards/b1 so far "
              + after
              + ", of which "
              + (after - before)
              + " in the 10 s after the deadline; board "
              + rig.store.get("b1")
              + "; events "
              + rig.events,
          e);
    }
  }

  /** Settles a mutation, successfully or not, within the deadline. */
  static void settles(Mutation<String, Board> m, String what, Rig rig) {
    within(m.result().handle((v, e) -> (Object) null), what, rig);
  }

  /**
   * The race: write of c1 held after the server applied it, another writer edits c2, a refetch
   * completes (a later version than the write was sent on). Returns the gate; open it to answer.
   */
  static FakeApi.Gate race(Rig rig, Mutation<String, Board>[] out) {
    FakeApi.Gate g = rig.api.holdWrite(true);
    out[0] = rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
    await(g.arrived);
    rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
    await(rig.store.refetch());
    return g;
  }

  @SuppressWarnings("unchecked")
  static Mutation<String, Board>[] one() {
    return (Mutation<String, Board>[]) new Mutation<?, ?>[1];
  }

  /** Baseline: the next send waits for the follow-up read and goes once it answers. */
  @Test
  void nextSendWaitsForTheFollowUpReadThenGoes() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      int writes = rig.api.writes.get();
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      assertEquals("T2", rig.b1().title);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      assertEquals(writes, rig.api.writes.get(), "m2 was sent before the follow-up read answered");
      read.open();
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
      rig.converge();
    }
  }

  /** The follow-up read fails with 500 every time: do later sends ever go, does idle complete? */
  @Test
  void followUpReadAlwaysFails() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      rig.api.readOverride = o -> new FakeApi.Reply(500, "{\"error\":\"down\"}");
      g.open();
      within(m[0].result(), "m1", rig);
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      settles(m2, "m2 (its send waits for a read that always fails)", rig);
      idle(rig);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
      rig.api.readOverride = null;
      rig.converge();
    }
  }

  /** The follow-up read fails with 503 twice, then works. */
  @Test
  void followUpReadFailsTwiceThenWorks() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
      rig.api.readOverride =
          o -> n.incrementAndGet() <= 2 ? new FakeApi.Reply(503, "{\"error\":\"busy\"}") : null;
      g.open();
      within(m[0].result(), "m1", rig);
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      assertEquals("T2", rig.b1().title);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
      rig.converge();
    }
  }

  /** The entity is deleted on the server between the 204 and the follow-up read (404). */
  @Test
  void followUpReadFinds404() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      rig.api.delete("b1");
      read.open();
      settles(m2, "m2 after the entity was deleted", rig);
      within(rig.store.idle(), "idle", rig);
      assertFalse(rig.store.get("b1").isPresent(), "b1 still shown: " + rig.store.get("b1"));
      assertEquals(MutationState.ROLLED_BACK, m2.state());
    }
  }

  /** A stale replica answers the follow-up read with the version from before our write. */
  @Test
  void followUpReadReturnsAnOlderVersion() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      com.fasterxml.jackson.databind.node.ObjectNode before = rig.api.row("b1");
      var m = one();
      FakeApi.Gate g = race(rig, m);
      java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
      rig.api.readOverride =
          o ->
              n.incrementAndGet() <= 1
                  ? new FakeApi.Reply(
                      200, before.toString(), "\"" + before.get("version").asText() + "\"")
                  : null;
      g.open();
      within(m[0].result(), "m1", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.done(true))));
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      Board b = rig.b1();
      cardTitle(b, "c1", "ONE");
      cardTitle(b, "c2", "TWO-other");
      assertTrue(b.card("c3").done, b.toString());
      allExpanded(b);
      // the server keeps every change
      var row = rig.api.row("b1");
      assertEquals("ONE", FakeApi.cardNode(row, "c1").get("title").asText(), row.toString());
      assertEquals("TWO-other", FakeApi.cardNode(row, "c2").get("title").asText(), row.toString());
      rig.converge();
    }
  }

  /** The follow-up read always answers the older version (a replica that never catches up). */
  @Test
  void followUpReadAlwaysReturnsAnOlderVersion() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      com.fasterxml.jackson.databind.node.ObjectNode before = rig.api.row("b1");
      var m = one();
      FakeApi.Gate g = race(rig, m);
      rig.api.readOverride =
          o ->
              new FakeApi.Reply(
                  200, before.toString(), "\"" + before.get("version").asText() + "\"");
      g.open();
      within(m[0].result(), "m1", rig);
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      settles(m2, "m2 (follow-up reads always older)", rig);
      idle(rig);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
    }
  }

  /** The follow-up read answers without the version property. */
  @Test
  void followUpReadWithoutVersion() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      rig.api.readOverride =
          o -> {
            o.remove("version");
            return new FakeApi.Reply(200, o.toString());
          };
      g.open();
      within(m[0].result(), "m1", rig);
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      settles(m2, "m2 (follow-up read has no version)", rig);
      idle(rig);
      cardTitle(rig.b1(), "c1", "ONE");
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
      rig.api.readOverride = null;
      rig.converge();
    }
  }

  /** A push with a newer state arrives while the follow-up read is held; then the read answers. */
  @Test
  void pushWhileFollowUpReadHeld() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(true); // snapshot now: older than the push
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      var pushed = rig.api.edit("b1", o -> o.put("title", "Pushed"));
      Board push = new Board();
      push.id = "b1";
      push.title = pushed.get("title").asText();
      push.version = pushed.get("version").asLong();
      push.owner = new Person("p1", pushed.get("owner").get("name").asText());
      for (var c : pushed.get("cards")) {
        Card k = new Card(c.get("id").asText(), c.get("title").asText());
        k.done = c.get("done").asBoolean();
        push.cards.add(k);
      }
      for (var e : pushed.get("lanes").properties()) {
        Card k = new Card(e.getValue().get("id").asText(), e.getValue().get("title").asText());
        push.lanes.put(e.getKey(), k);
      }
      rig.store.receive(push);
      assertEquals("Pushed", rig.b1().title);
      cardTitle(rig.b1(), "c3", "THREE");
      read.open();
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      Board b = rig.b1();
      assertEquals("Pushed", b.title, b.toString());
      cardTitle(b, "c1", "ONE");
      cardTitle(b, "c2", "TWO-other");
      cardTitle(b, "c3", "THREE");
      allExpanded(b);
      rig.converge();
    }
  }

  /** The entity is deleted by a receiveDeleted push while the follow-up read is out. */
  @Test
  void receiveDeletedWhileFollowUpReadHeld() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> m2 = rig.boards.update("b1", p -> p.title("T2"));
      rig.api.delete("b1");
      rig.store.receiveDeleted("b1");
      read.open();
      settles(m2, "m2 after a deletion push", rig);
      within(rig.store.idle(), "idle", rig);
      assertFalse(rig.store.get("b1").isPresent(), "b1 still shown: " + rig.store.get("b1"));
    }
  }

  /** A delete mutation queued behind the follow-up read. */
  @Test
  void deleteQueuedBehindFollowUpRead() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> d = rig.store.delete("b1");
      read.open();
      settles(d, "delete", rig);
      within(rig.store.idle(), "idle", rig);
    }
  }

  /** An element the raced write added keeps its local-only values through the follow-up read. */
  @Test
  void addedElementKeepsLocalOnlyThroughTheFollowUpRead() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.add(1, new Card("c9", "nine"))));
      rig.store.local("b1", x -> x.card("c9").expanded = true);
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      await(rig.store.refetch());
      Card shown = rig.b1().card("c9");
      assertNotNull(shown, "c9 gone after the refetch: " + rig.b1());
      assertTrue(shown.expanded, "c9 lost expanded after the refetch: " + rig.b1());
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m1.result(), "m1", rig);
      assertTrue(rig.b1().card("c9").expanded, "c9 lost expanded at the 204: " + rig.b1());
      read.open();
      within(rig.store.idle(), "idle", rig);
      Board b = rig.b1();
      assertNotNull(b.card("c9"), b.toString());
      assertTrue(b.card("c9").expanded, "c9 lost expanded after the follow-up read: " + b);
      assertEquals("c9", b.cards.get(1).id, b.toString());
      cardTitle(b, "c2", "TWO-other");
      allExpanded(b);
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /**
   * A partial answer without a version after a raced refetch: a field set whole takes the answer's
   * value (the server upper-cases titles), not the value sent.
   */
  @Test
  void wholeFieldTakesThePartialAnswersValue() {
    try (Rig rig = new Rig(FakeApi.Answer.PARTIAL)) {
      rig.api.upperTitles = true;
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 = rig.boards.update("b1", p -> p.title("hello"));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      await(rig.store.refetch());
      assertEquals("hello", rig.b1().title, "our change stays over the read");
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      Board confirmed = within(m1.result(), "m1", rig);
      assertEquals("HELLO", confirmed.title, "confirmed copy");
      assertEquals("HELLO", rig.b1().title, "view at the answer, before the follow-up read");
      read.open();
      within(rig.store.idle(), "idle", rig);
      assertEquals("HELLO", rig.b1().title);
      cardTitle(rig.b1(), "c2", "TWO-other");
      allExpanded(rig.b1());
      rig.converge();
    }
  }

  /** A list without versions raced the write (Spring-Data-REST-like list). */
  @Test
  void listWithoutVersionsRacedTheWrite() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-other"));
      rig.api.listWithoutVersion = true;
      await(rig.store.refetch());
      rig.api.listWithoutVersion = false;
      cardTitle(rig.b1(), "c1", "ONE");
      g.open();
      within(m1.result(), "m1", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      Board b = rig.b1();
      cardTitle(b, "c1", "ONE");
      cardTitle(b, "c2", "TWO-other");
      cardTitle(b, "c3", "THREE");
      allExpanded(b);
      var row = rig.api.row("b1");
      assertEquals("TWO-other", FakeApi.cardNode(row, "c2").get("title").asText(), row.toString());
      rig.converge();
    }
  }

  /**
   * Strict If-Match: another writer changes c2 between the 204 and the follow-up read; the next
   * send (a whole cards list) must not write over it.
   */
  @Test
  void anotherWriterBetweenAnswerAndFollowUpReadIsNotOverwritten() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      read.open();
      // right after the read, before m2 reaches the server, someone else edits c2 again
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-again"));
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      var row = rig.api.row("b1");
      assertEquals("TWO-again", FakeApi.cardNode(row, "c2").get("title").asText(), row.toString());
      assertEquals("ONE", FakeApi.cardNode(row, "c1").get("title").asText(), row.toString());
      assertEquals("THREE", FakeApi.cardNode(row, "c3").get("title").asText(), row.toString());
      rig.converge();
      allExpanded(rig.b1());
    }
  }

  /** Another writer changes c2 while m2 waits; the follow-up read shows it; m2 keeps it. */
  @Test
  void anotherWriterBeforeFollowUpReadKeptByTheWaitingSend() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      var m = one();
      FakeApi.Gate g = race(rig, m);
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m[0].result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      rig.api.edit("b1", o -> FakeApi.cardNode(o, "c2").put("title", "TWO-again"));
      read.open();
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      var row = rig.api.row("b1");
      assertEquals("TWO-again", FakeApi.cardNode(row, "c2").get("title").asText(), row.toString());
      assertEquals("ONE", FakeApi.cardNode(row, "c1").get("title").asText(), row.toString());
      cardTitle(rig.b1(), "c2", "TWO-again");
      rig.converge();
    }
  }

  /**
   * Another writer sets c1 back right after our write (same instant on the server); the raced
   * refetch shows their value at a later version. The follow-up read decides: the view must end
   * with their value, and the server keeps it.
   */
  @Test
  void otherWriterRevertedOurElementFollowUpReadDecides() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.afterNextWrite = o -> FakeApi.cardNode(o, "c1").put("title", "one-theirs");
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      await(rig.store.refetch());
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m1.result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      read.open();
      within(m2.result(), "m2", rig);
      within(rig.store.idle(), "idle", rig);
      var row = rig.api.row("b1");
      assertEquals(
          "one-theirs",
          FakeApi.cardNode(row, "c1").get("title").asText(),
          "another writer's c1 written over on an If-Match server: " + row + "\n" + rig.api.log);
      cardTitle(rig.b1(), "c1", "one-theirs");
      rig.converge();
    }
  }

  /**
   * Same, but the follow-up read fails (503) until the queued send goes anyway. The queued send
   * carries the whole cards list: does it write our ONE over their c1 on an If-Match server?
   */
  @Test
  void otherWriterRevertedOurElementFollowUpReadFails() {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.afterNextWrite = o -> FakeApi.cardNode(o, "c1").put("title", "one-theirs");
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      await(rig.store.refetch());
      rig.api.readOverride = o -> new FakeApi.Reply(503, "{\"error\":\"busy\"}");
      g.open();
      within(m1.result(), "m1", rig);
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      settles(m2, "m2", rig);
      var row = rig.api.row("b1");
      rig.api.readOverride = null;
      assertEquals(
          "one-theirs",
          FakeApi.cardNode(row, "c1").get("title").asText(),
          "another writer's c1 written over on an If-Match server: " + row + "\n" + rig.api.log);
    }
  }

  /**
   * The follow-up read is slow (held 6 s, the server healthy). The queued send must wait for it;
   * with their c1 in the raced read, a send before the read writes our ONE over it.
   */
  @Test
  void slowFollowUpReadQueuedSendWaits() throws Exception {
    try (Rig rig = new Rig(FakeApi.Answer.NO_CONTENT)) {
      rig.api.afterNextWrite = o -> FakeApi.cardNode(o, "c1").put("title", "one-theirs");
      FakeApi.Gate g = rig.api.holdWrite(true);
      Mutation<String, Board> m1 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
      await(g.arrived);
      await(rig.store.refetch());
      FakeApi.Gate read = rig.api.holdRead(false);
      g.open();
      within(m1.result(), "m1", rig);
      within(read.arrived, "follow-up read", rig);
      int writes = rig.api.writes.get();
      Mutation<String, Board> m2 =
          rig.boards.update("b1", p -> p.editCards(c -> c.update("c3", x -> x.title("THREE"))));
      Thread.sleep(6_000);
      int sentWhileReadOut = rig.api.writes.get() - writes;
      read.open();
      settles(m2, "m2", rig);
      within(rig.store.idle(), "idle", rig);
      var row = rig.api.row("b1");
      assertEquals(0, sentWhileReadOut, "m2 sent while the follow-up read was out; server " + row);
      assertEquals("one-theirs", FakeApi.cardNode(row, "c1").get("title").asText(), row.toString());
    }
  }
}
