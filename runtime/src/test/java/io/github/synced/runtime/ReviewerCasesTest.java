package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Schedules a reviewer of issue 8's engine changes wrote against them: each lost an edit while the
 * store reported it confirmed, or overwrote another writer's change, before it was fixed.
 */
class ReviewerCasesTest {

  private static void answerTheRest(Harness h) {
    while (h.server.waiting() > 0) {
      h.server.next().answerLikeServer();
    }
  }

  @Test
  void aConflictWithAnotherWritersPushedValueIsNotTakenForAnEarlierWriteOfOurs() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("B"));
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m1.state());
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().title("C"));
    h.store.receive(h.server.edit("t1", c -> c.title = "Z")); // another writer, pushed
    h.server.next().answerLikeServer(); // 412 with {Z}
    answerTheRest(h);

    assertEquals(MutationState.ROLLED_BACK, m2.state(), "server wins on an overlapping field");
    assertEquals("Z", h.server.get("t1").title);
  }

  @Test
  void onAnEntityWeCreatedTooTheOtherWritersValueWinsTheConflict() {
    Harness h = new Harness();
    Mutation<String, Card> create = h.store.create(new Card(null, "A", false, 0));
    h.server.next().answerLikeServer();
    String id = create.id();
    h.store.update(id, CardPatch.empty().done(true).title("C"));
    h.store.receive(h.server.edit(id, x -> x.title = "Z"));
    h.server.next().answerLikeServer(); // 412 with {Z}
    answerTheRest(h);

    assertEquals("Z", h.server.get(id).title);
  }

  @Test
  void parallelUnknownOutcomeThatNeverAppliedIsSentAgainNotConfirmed() {
    Harness h =
        new Harness(
                b ->
                    b.sendInParallel()
                        .retry(
                            Harness.exactRetry()
                                .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    h.server.deduplicates = false;
    h.store.update("t1", CardPatch.empty().title("B"));
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().done(true));
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);
    c1.answerLikeServer(); // our own m1 moved the version: nobody else wrote
    c2.fail(SyncFailure.outcomeUnknown("timed out", null)); // never reached the server
    answerTheRest(h);

    assertFalse(
        m2.state() == MutationState.CONFIRMED && !h.server.get("t1").done,
        "confirmed, but done=true is not on the server");
  }

  @Test
  void serialUnknownOutcomeThatNeverAppliedWhileAnotherWriterChangedAnotherField() {
    Harness h =
        new Harness(
                b ->
                    b.retry(
                        Harness.exactRetry()
                            .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    h.server.deduplicates = false;
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));
    h.server.edit("t1", c -> c.title = "other");
    h.server.next().fail(SyncFailure.outcomeUnknown("timed out", null));
    answerTheRest(h);

    assertFalse(
        m.state() == MutationState.CONFIRMED && !h.server.get("t1").done,
        "confirmed, but done=true is not on the server");
  }

  @Test
  void parallelEditIsNotSupersededByALaterOneThatIsOnlyQueuedAndThenFails() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("B"));
    h.store.update("t1", CardPatch.empty().title("C"));
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);
    h.server.edit("t1", c -> c.title = "C"); // another writer happens to write C
    c2.answerLikeServer(); // 412: m2 waits for m1
    c1.answerLikeServer(); // 412 with {C}
    while (h.server.waiting() > 0) {
      h.server.next().fail(SyncFailure.rejected(422, "no"));
    }

    assertNotEquals(
        MutationState.CONFIRMED,
        m1.state(),
        "B never reached the server and its superseder failed");
  }
}
