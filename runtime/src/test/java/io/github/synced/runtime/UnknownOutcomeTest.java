package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A send whose outcome is unknown is not a failure (rule 6). */
class UnknownOutcomeTest {

  private static Harness refetching() {
    return new Harness(
            b ->
                b.retry(
                    Harness.exactRetry().withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
        .withCards("t1");
  }

  @Test
  void droppedAnswerIsRetriedWithTheSameKeyAndTheServerAppliesItOnce() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server.next().applyAndDrop();
    assertEquals(MutationState.OUTCOME_UNKNOWN, m.state());
    assertEquals("mine", h.view("t1").title);
    long versionAfterFirstApply = h.server.get("t1").version;
    h.clock.advance(Duration.ofMillis(100));
    FakeServer.Call retry = h.server.next();
    assertEquals(m.idempotencyKey(), retry.write.idempotencyKey());
    retry.succeed();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(versionAfterFirstApply, h.server.get("t1").version, "applied once");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void refetchConfirmsWhenTheServerHasTheMutationsValues() {
    Harness h = refetching();
    h.server.holdFetches = true;
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server.next().applyAndDrop();
    assertEquals(MutationState.OUTCOME_UNKNOWN, m.state(), "observable while the fetch is out");
    h.server.releaseFetch();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(1, h.server.sent.size(), "decided without a resend");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void refetchRollsBackWhenTheServerLacksTheMutationsValues() {
    Harness h = refetching();
    h.store.local("t1", c -> c.expanded = true);
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    SyncFailure lost = SyncFailure.outcomeUnknown("timed out", null);

    h.server.next().fail(lost);

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertSame(lost, m.error().orElseThrow());
    assertEquals("title t1", h.view("t1").title);
    assertTrue(h.view("t1").expanded);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void anyOtherExceptionFromTheRemoteIsAnUnknownOutcome() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    IllegalStateException odd = new IllegalStateException("socket closed");

    h.server.next().fail(odd);

    assertEquals(MutationState.OUTCOME_UNKNOWN, m.state());
    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, m.error().orElseThrow().kind());
    assertSame(odd, m.error().orElseThrow().getCause());
    h.clock.advance(Duration.ofMillis(100));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
  }

  @Test
  void unknownOutcomeAfterTheLastAttemptIsDecidedByTheServersState() {
    Harness h =
        new Harness(
                b ->
                    b.retry(
                        Harness.exactRetry()
                            .withMaxAttempts(2)
                            .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    h.server.deduplicates = false; // a server that ignores keys is read, never sent the write again
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));

    h.server.next().applyAndDrop();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(1, h.server.sent.size());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aWriteOfUnknownOutcomeThatAnotherWriterOverwroteIsNeverReportedFailed() {
    // Rule 6. Found by running the soaks against servers that ignore keys: the store read the
    // entity, saw another writer's title over the one it had sent, and rolled the mutation back
    // although the server had applied it. It cannot tell applied-then-overwritten from never
    // applied; either way the server's state stands, and no failure is reported.
    Harness h = new Harness().withCards("t1");
    h.server.deduplicates = false; // a server that ignores keys is read, never sent the write again
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    FakeServer.Call c = h.server.next();
    c.applyOnly(); // applied
    h.server.edit("t1", x -> x.title = "theirs"); // and written over by another writer
    c.fail(SyncFailure.outcomeUnknown("timed out", null)); // before its answer arrived

    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(m.error().isEmpty());
    assertEquals("theirs", h.view("t1").title, "the server's state stands");
    assertEquals(1, h.server.sent.size(), "never sent again: it could apply twice");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aDeduplicatingServerIsAskedBySendingTheSameRequestUntilItAnswers() {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(2))).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));

    h.server.next().applyAndDrop();
    for (int i = 0; i < 4; i++) { // attempts run out, the question stays open
      h.clock.advance(Duration.ofSeconds(10));
      h.server.next().fail(SyncFailure.transientFailure(503, "busy", null, null));
      assertEquals(MutationState.RETRYING, m.state());
    }
    h.clock.advance(Duration.ofSeconds(10));
    Write<String, Card> asked = h.server.next().write;
    h.server.next().answerLikeServer(); // it replays the answer of the applied first attempt

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(h.server.sent.get(0).idempotencyKey(), asked.idempotencyKey());
    assertEquals(1, h.server.applications.get(asked.idempotencyKey()));
    h.assertSyncedWithServer("t1");
  }

  @Test
  void anEmptyAnswerToAResendDoesNotPutTheWriteOverAStateThatArrivedAfterItsFirstSend() {
    // Found by the empty-answers soak: the first attempt applied and its answer was lost, another
    // writer changed the entity (pushed here), and the resend's 2xx without a body is the replay
    // of the first application. Its values are older than the pushed state.
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().applyAndDrop();
    h.store.receive(h.server.edit("t1", c -> c.title = "theirs"));
    assertEquals("mine", h.view("t1").title, "the unsettled write stays on top of the new base");

    h.clock.advance(Duration.ofMillis(100));
    FakeServer.Call resend = h.server.next();
    resend.applyOnly(); // deduplicated: nothing applied again
    resend.answer(Reply.empty());

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("theirs", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void anEmptyAnswerToAResentCreateWithAClientIdDoesNotPutItsValuesOverANewerState() {
    // Found by the same generator shape: the create applied, its answer was lost, another writer
    // changed the new entity and a read brought that, then the resend's empty replay confirmed.
    Harness h = new Harness(SyncStore.Builder::clientAssignedIds);
    Mutation<String, Card> m = h.store.create(new Card("c1", "new", true, 0));
    h.server.next().applyAndDrop();
    h.store.receive(h.server.edit("c1", c -> c.done = false));

    h.clock.advance(Duration.ofMillis(100));
    FakeServer.Call resend = h.server.next();
    resend.applyOnly();
    resend.answer(Reply.empty());

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(false, h.view("c1").done);
    h.assertSyncedWithServer("c1");
  }

  @Test
  void deleteOfUnknownOutcomeIsConfirmedWhenTheServerNoLongerHasIt() {
    Harness h = refetching().withCards("t2");
    Mutation<String, Card> m = h.store.delete("t1");

    h.server.next().applyAndDrop();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(h.store.get("t1").isEmpty());
  }

  @Test
  void serverThatCannotBeAskedIsAskedAgainAndDecidesOnceReachable() throws Exception {
    Harness h =
        new Harness(
                b ->
                    b.retry(
                        Harness.exactRetry()
                            .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    h.server.holdFetches = true;
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().applyAndDrop(); // applied on the server, the answer lost

    java.util.concurrent.CompletableFuture<Void> first;
    synchronized (h.server) {
      first = h.server.heldFetches.remove(0);
    }
    first.completeExceptionally(new java.io.IOException("server unreachable"));
    assertEquals(MutationState.OUTCOME_UNKNOWN, m.state(), "an unreachable server says nothing");
    assertEquals("mine", h.view("t1").title, "the effect stays while the outcome is unknown");

    h.clock.advance(Duration.ofMillis(100)); // the backoff after the first failed fetch
    h.server.releaseFetch();

    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void remoteAnsweringAFetchWithNullRollsBackInsteadOfHanging() {
    Harness h = refetching().withCards("t1");
    h.server.fetchAnswersNull = true;
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server.next().fail(SyncFailure.outcomeUnknown("timed out", null));

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals("title t1", h.view("t1").title);
    assertTrue(h.store.pending("t1").isEmpty());
  }
}
