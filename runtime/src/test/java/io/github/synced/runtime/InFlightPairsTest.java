package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.spi.EntityField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two mutations in flight on one entity (rules 2, 4, 7, 11). */
class InFlightPairsTest {

  @Test
  void failedFirstMutationKeepsSecondMutationsEffectOnAnotherField() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("A"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().done(true));

    h.server.next().fail(SyncFailure.rejected(422, "no"));

    assertEquals(MutationState.ROLLED_BACK, first.state());
    assertEquals("title t1", h.view("t1").title);
    assertTrue(h.view("t1").done, "the second mutation's effect stays");
    assertEquals(MutationState.SENDING, second.state());
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, second.state());
    h.assertSyncedWithServer("t1");
    assertTrue(h.view("t1").done);
  }

  @Test
  void failedFirstMutationKeepsSecondMutationsValueOfTheSameField() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("A"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().title("B"));
    assertEquals("B", h.view("t1").title);

    h.server.next().fail(SyncFailure.rejected(422, "no"));

    assertEquals("B", h.view("t1").title);
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("B", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void outOfOrderAnswersNeverRegressToTheOlderVersion() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("A"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().title("B"));
    assertEquals(2, h.server.waiting(), "parallel sends go out together");
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);
    Reply<Card> r1 = c1.applyOnly(); // version 2
    Reply<Card> r2 = c2.applyOnly(); // version 3

    c2.answer(r2);
    assertEquals("B", h.view("t1").title);
    assertEquals(3, h.view("t1").version);
    c1.answer(r1);

    assertEquals(MutationState.CONFIRMED, first.state());
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("B", h.view("t1").title, "the late answer to the first write did not win");
    assertEquals(3, h.view("t1").version);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void retryNeverResendsAValueALaterConfirmedMutationReplaced() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("A").done(true));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().title("B"));
    FakeServer.Call c1 = h.server.call(0);
    h.server.call(1).succeed(); // B is on the server

    c1.fail(SyncFailure.transientFailure(503, "busy", null, null));
    h.clock.advance(java.time.Duration.ofMillis(100));

    Write<String, Card> resend = h.server.next().write;
    assertEquals(List.of(CardField.DONE), List.copyOf(resend.patch().fields()));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, first.state());
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("B", h.server.get("t1").title);
    assertEquals("B", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void replacedMutationOfUnknownOutcomeIsDecidedByTheServersState() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("A"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().title("B"));
    FakeServer.Call c1 = h.server.call(0);
    h.server.call(1).succeed(); // B is applied and confirmed first

    c1.applyAndDrop(); // then A is applied after it, and its answer is lost
    h.clock.advance(java.time.Duration.ofMillis(100)); // the retry finds every field replaced

    assertEquals(MutationState.CONFIRMED, first.state());
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("A", h.server.get("t1").title, "the server applied A last");
    assertEquals("A", h.view("t1").title, "and the store learned it instead of assuming B");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void mutationWhoseEveryFieldWasReplacedSettlesWithoutAResend() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("A"));
    h.store.update("t1", CardPatch.empty().title("B"));
    FakeServer.Call c1 = h.server.call(0);
    h.server.call(1).succeed();

    c1.fail(SyncFailure.transientFailure(503, "busy", null, null));
    h.clock.advance(java.time.Duration.ofMillis(100));

    assertEquals(MutationState.CONFIRMED, first.state());
    assertEquals(0, h.server.waiting());
    assertEquals("B", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void serialSendsWaitForTheMutationBeforeAndCarryItsNewVersion() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("A"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().done(true));
    assertEquals(1, h.server.waiting(), "the second waits for the first");
    assertEquals(MutationState.QUEUED, second.state());
    assertTrue(h.view("t1").done, "yet its effect is visible at once");

    h.server.next().succeed();

    assertEquals(1, h.server.waiting());
    assertEquals(2L, h.server.next().write.baseVersion(), "sent against the confirmed version");
    assertEquals(List.of(CardField.DONE), List.copyOf(h.server.next().write.patch().fields()));
  }

  @Test
  void pendingFieldsNameEachFieldAndTheMutationsBehindIt() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("A"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().title("B").done(true));

    Map<EntityField, List<Mutation<String, Card>>> pending = h.store.pendingFields("t1");
    assertEquals(List.of(CardField.TITLE, CardField.DONE), List.copyOf(pending.keySet()));
    assertEquals(List.of(first, second), pending.get(CardField.TITLE));
    assertEquals(List.of(second), pending.get(CardField.DONE));

    h.server.next().succeed();
    assertEquals(List.of(second), h.store.pendingFields("t1").get(CardField.TITLE));
    h.server.next().succeed();
    assertTrue(h.store.pendingFields("t1").isEmpty());
  }
}
