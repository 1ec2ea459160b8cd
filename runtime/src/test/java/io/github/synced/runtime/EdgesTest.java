package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The edges issue 7 found with servers, ids, timings and user code our own fakes never produced:
 * one test per finding, each failing on the engine before the fix.
 */
class EdgesTest {

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** A server that does not deduplicate by key: after an unknown outcome its state is read. */
  private static Harness readingServer(int attempts) {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(attempts)));
    h.server.deduplicates = false;
    return h;
  }

  // ---- 1. a version-only answer confirms the written values at the new version

  @Test
  void versionOnlyAnswerConfirmsTheWrittenValuesAtTheNewVersion() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m =
        h.store.update("t1", CardPatch.empty().title("Buy oat milk").done(true));
    FakeServer.Call call = h.server.next();
    long version = call.applyOnly().entity().orElseThrow().version;

    call.answer(Reply.partial(CardPatch.empty().version(version)));

    assertEquals(MutationState.CONFIRMED, m.state());
    Card shown = h.view("t1");
    assertEquals("Buy oat milk", shown.title, "the written title counts as written");
    assertTrue(shown.done, "the written done counts as written");
    assertEquals(version, shown.version);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void fieldsTheAnswerNamesWinOverTheWrittenOnes() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("  spaced  ").done(true));
    h.server.next().answer(Reply.partial(CardPatch.empty().title("spaced").version(9)));

    assertEquals("spaced", h.view("t1").title, "the server normalised it");
    assertTrue(h.view("t1").done);
    assertEquals(9, h.view("t1").version);
  }

  @Test
  void theStoreIsIdleOnlyOnceTheVersionAnAnswerDidNotGiveIsLearned() throws Exception {
    Harness h = new Harness().withCards("t1");
    assertTrue(h.store.idle().isDone(), "nothing pending");
    h.store.update("t1", CardPatch.empty().title("mine"));
    var idle = h.store.idle();
    h.server.holdFetches = true;
    FakeServer.Call call = h.server.next();
    call.applyOnly();

    call.answer(Reply.empty()); // confirmed, the version still to learn

    assertFalse(idle.isDone(), "the version is still being asked for");
    h.server.releaseFetch();
    assertTrue(idle.isDone());
    h.assertSyncedWithServer("t1");
  }

  // ---- 2. retries that run out after an unknown outcome never report a failure the server applied

  @Test
  void aServerThatDoesNotDeduplicateIsReadAfterAnUnknownOutcomeWhichShowsItApplied() {
    Harness h = readingServer(3).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    int fetches = h.server.fetches;

    h.server.next().applyAndDrop(); // committed, answer lost: not sent again, the server is read

    assertEquals(fetches + 1, h.server.fetches);
    assertEquals(0, h.server.waiting(), "never sent again");
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("mine", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aServerThatDoesNotDeduplicateIsReadAfterAnUnknownOutcomeWhichShowsItDidNotApply() {
    Harness h = readingServer(2).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server.next().fail(SyncFailure.outcomeUnknown("timed out", null)); // never reached it

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.OUTCOME_UNKNOWN, m.error().orElseThrow().kind());
    assertEquals("title t1", h.view("t1").title);
  }

  @Test
  void retriesThatRunOutAfterAnUnknownOutcomeNeverReportAFailureTheServerApplied() {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(3))).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server.next().applyAndDrop(); // committed, answer lost
    h.clock.advance(ms(100));
    h.server.next().fail(SyncFailure.transientFailure(503, "busy", null, null));
    h.clock.advance(ms(200));
    h.server.next().fail(SyncFailure.transientFailure(503, "busy", null, null));
    assertFalse(m.isSettled(), "attempts ran out, but the first may have applied");
    h.clock.advance(Duration.ofSeconds(10));
    h.server.next().answerLikeServer(); // the same request: the server replays its first answer

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("mine", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aServerThatCannotBeAskedIsAskedUntilItAnswers() {
    Harness h = readingServer(1).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    FakeServer down = h.server;
    h.server.holdFetches = true;

    down.next().applyAndDrop();
    for (int i = 0; i < 20; i++) { // far more than maxAttempts: it never gives up on its own
      h.server.heldFetches.remove(0).completeExceptionally(new java.io.IOException("down"));
      h.clock.advance(Duration.ofSeconds(10));
      assertEquals(MutationState.OUTCOME_UNKNOWN, m.state());
    }
    h.server.releaseFetch();

    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aCreateOfUnknownOutcomeIsFoundInTheServersCollection() {
    Harness h = readingServer(2).withCards("t1");
    Mutation<String, Card> m = h.store.create(new Card(null, "new", false, 0));

    h.server.next().applyAndDrop(); // the server made it, the answer was lost

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("srv-1", m.id(), "the server's id, found by the create's values");
    assertEquals(2, h.server.truth.size(), "made once, no orphan");
    h.assertSyncedWithServer("srv-1");
  }

  @Test
  void aCreateOfUnknownOutcomeNotInTheServersCollectionIsRolledBackUnderRefetch() {
    Harness h =
        new Harness(
                b ->
                    b.retry(
                        Harness.exactRetry()
                            .withMaxAttempts(1)
                            .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    Mutation<String, Card> m = h.store.create(new Card(null, "new", false, 0));

    h.server.next().fail(SyncFailure.outcomeUnknown("timed out", null));

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(List.of("t1"), h.store.all().stream().map(c -> c.id).toList());
  }

  @Test
  void aCreateOfUnknownOutcomeIsAskedAboutBySendingItAgainToADeduplicatingServer() {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(1))).withCards("t1");
    Mutation<String, Card> m = h.store.create(new Card(null, "new", false, 0));
    FakeServer.Call first = h.server.next();
    first.applyOnly();
    // another writer renames it: its values would not find it in the collection, the key does
    h.server.edit("srv-1", c -> c.title = "renamed");
    first.fail(SyncFailure.outcomeUnknown("answer lost", null));
    h.clock.advance(Duration.ofSeconds(10));
    FakeServer.Call again = h.server.next();

    assertEquals(first.write.idempotencyKey(), again.write.idempotencyKey(), "the same request");
    again.answerLikeServer(); // the server deduplicates: the first creation's answer

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("srv-1", m.id());
    assertEquals(2, h.server.truth.size(), "made once");
  }

  @Test
  void aServerThatIgnoresIdempotencyKeysIsReadNotResentAfterAnUnknownOutcome() {
    FakeServer server = new FakeServer();
    Remote<String, Card> ignoresKeys =
        new Remote<>() {
          @Override
          public CompletionStage<Reply<Card>> send(Write<String, Card> write) {
            return server.send(write);
          }

          @Override
          public CompletionStage<java.util.Optional<Card>> fetch(String id) {
            return server.fetch(id);
          }

          @Override
          public CompletionStage<List<Card>> fetchAll() {
            return server.fetchAll();
          }

          @Override
          public boolean deduplicatesByKey() {
            return false;
          }
        };
    server.put("t1", "title t1", false);
    SyncStore<String, Card> store =
        SyncStore.of(CardType.TYPE)
            .remote(ignoresKeys)
            .scheduler(new VirtualScheduler())
            .notifyOn(Runnable::run)
            .build();
    store.load(server.all());
    Mutation<String, Card> created = store.create(new Card(null, "new", false, 0));

    server.next().applyAndDrop();

    assertEquals(0, server.waiting(), "not sent again: a second POST would make a second task");
    assertEquals(MutationState.CONFIRMED, created.state(), "found by reading the collection");
    assertEquals(2, server.truth.size());
  }

  // ---- 3. create after delete of the same id

  @Test
  void anIdDeletedEarlierCanBeCreatedAgainAndStays() {
    Harness h = new Harness(SyncStore.Builder::clientAssignedIds).withCards("x");
    h.store.delete("x");
    h.server.next().answerLikeServer();
    assertTrue(h.store.get("x").isEmpty());

    Mutation<String, Card> again = h.store.create(new Card("x", "again", false, 0));
    h.server.next().answerLikeServer();

    assertEquals(MutationState.CONFIRMED, again.state());
    assertEquals("again", h.view("x").title, "the old deletion does not remove it");
    Card pushed = h.server.edit("x", c -> c.title = "pushed");
    assertTrue(h.store.receive(pushed), "later pushes are taken");
    assertEquals("pushed", h.view("x").title);
  }

  // ---- 4. ids: a temporary id never reaches a remote; client ids are sent

  @Test
  void aClientAssignedIdIsSentAndKeptWithoutReKeying() {
    Harness h = new Harness(SyncStore.Builder::clientAssignedIds);
    Mutation<String, Card> m = h.store.create(new Card("mine-1", "new", false, 0));

    Write<String, Card> w = h.server.next().write;
    assertEquals("mine-1", w.id());
    assertEquals("mine-1", w.patch().get(CardField.ID));
    h.server.next().answerLikeServer();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("mine-1", m.id());
    assertTrue(h.changes.stream().noneMatch(c -> c.cause() == Change.Cause.ID_REASSIGNED));
  }

  @Test
  void temporaryIdsAreDrawnWhereRealIdsAreNotAndNeverSent() {
    FakeServer server = new FakeServer();
    SyncStore<String, Card> store =
        SyncStore.of(CardType.TYPE)
            .remote(server)
            .scheduler(new VirtualScheduler())
            .notifyOn(Runnable::run)
            .build();
    Mutation<String, Card> a = store.create(new Card(null, "a", false, 0));
    Mutation<String, Card> b = store.create(new Card(null, "b", false, 0));

    assertNotEquals(a.id(), b.id());
    for (Write<String, Card> w : server.sent) {
      assertNull(w.id());
      assertNull(w.entity().id);
      assertFalse(w.patch().fields().contains(CardField.ID));
      assertFalse(w.patch().fields().contains(CardField.VERSION));
    }
    server.next().answerLikeServer();
    server.next().answerLikeServer();
    assertEquals("srv-1", a.id());
    assertEquals("srv-2", b.id());
  }

  // ---- 5. without a version, a read sent before a write was confirmed cannot undo it

  @Test
  void aSlowReadCannotUndoAWriteConfirmedAfterItWasSent() {
    Harness h = new Harness(b -> {});
    SyncStore<String, Card> store =
        SyncStore.of(CardType.UNVERSIONED)
            .remote(h.server)
            .scheduler(h.clock)
            .notifyOn(Runnable::run)
            .build();
    h.server.put("t1", "Buy milk", false);
    h.server.put("t2", "Call mom", false);
    store.load(h.server.all());
    h.server.holdFetches = true;
    var refetch = store.refetch(); // the server reads t1 "Buy milk" now, answers later

    Mutation<String, Card> m = store.update("t1", CardPatch.empty().title("new title"));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.server.edit("t1", c -> c.done = true); // not in the held read
    h.server.releaseFetch();

    assertTrue(refetch.isDone());
    assertEquals("new title", store.get("t1").orElseThrow().title, "the write stands");
    assertEquals("new title", h.server.get("t1").title, "as on the server");
  }

  @Test
  void aSlowReadStillBringsOtherFieldsAndOtherEntities() {
    Harness h = new Harness(b -> {});
    SyncStore<String, Card> store =
        SyncStore.of(CardType.UNVERSIONED)
            .remote(h.server)
            .scheduler(h.clock)
            .notifyOn(Runnable::run)
            .build();
    h.server.put("t1", "Buy milk", false);
    store.load(h.server.all());
    h.server.edit("t1", c -> c.done = true);
    h.server.put("t2", "Call mom", false);
    h.server.holdFetches = true;
    var refetch = store.refetch(); // reads t1 done=true and t2

    store.update("t1", CardPatch.empty().title("new title"));
    h.server.next().succeed();
    h.server.releaseFetch();

    assertTrue(refetch.isDone());
    Card t1 = store.get("t1").orElseThrow();
    assertEquals("new title", t1.title);
    assertTrue(t1.done, "a field the write did not touch comes from the read");
    assertTrue(store.get("t2").isPresent(), "and so does another entity");
  }

  // ---- 6a. parallel: a conflict caused by our own confirmed mutation is no conflict

  @Test
  void parallelConflictCausedOnlyByOurOwnConfirmedMutationIsResent() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("first"));
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().title("second"));
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);

    c1.succeed(); // m1 confirmed at v2
    c2.answerLikeServer(); // m2 was sent against v1: 412 with {first, v2}

    assertEquals(MutationState.CONFIRMED, m1.state());
    assertFalse(m2.isSettled(), "not rolled back: resent on the new base");
    h.server.next().answerLikeServer(); // resent on v2
    assertEquals(MutationState.CONFIRMED, m2.state());
    assertEquals("second", h.server.get("t1").title, "the user's last edit wins");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void parallelConflictWhileOurEarlierMutationIsStillInFlightWaitsForItAndIsResent() {
    // Found by an outside tester: the server applied m1, then refused m2 with m1's state, and m1's
    // answer came after that 412: m2 was rolled back although the only other writer was m1.
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("first"));
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().title("second"));
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);

    Reply<Card> m1Answer = c1.applyOnly(); // applied at v2, its answer still on the way
    c2.answerLikeServer(); // m2 was sent against v1: 412 with {first, v2}

    assertFalse(m2.isSettled(), "not decided while our own m1 may be what changed the server");
    assertEquals("second", h.view("t1").title);
    assertEquals(1, h.server.waiting(), "only m1 is out: m2 waits for it to settle");
    c1.answer(m1Answer);
    assertEquals(MutationState.CONFIRMED, m1.state());
    Write<String, Card> resent = h.server.next().write;
    assertEquals(m1Answer.entity().orElseThrow().version, resent.baseVersion(), "sent on m1's");
    h.server.next().answerLikeServer();

    assertEquals(MutationState.CONFIRMED, m2.state());
    assertEquals("second", h.server.get("t1").title, "the user's last edit wins");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void parallelConflictWhileOurEarlierMutationsOutcomeIsUnknownKeepsTheLaterEdit() {
    // Found by an outside tester: m2's title was dropped in the merge (it overlapped m1's, which
    // the server had applied) and m2 was reported confirmed; the server kept m1's title.
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("a"));
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().title("b").done(true));
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);
    c1.applyAndDrop(); // m1 applied at v2, its answer lost
    assertEquals(MutationState.OUTCOME_UNKNOWN, m1.state());
    c2.answerLikeServer(); // 412 with {a, v2}

    assertFalse(m2.isSettled());
    h.clock.advance(java.time.Duration.ofMillis(100));
    h.server.next().answerLikeServer(); // m1 resent under its key: the server replays v2
    assertEquals(MutationState.CONFIRMED, m1.state());
    Write<String, Card> resent = h.server.next().write;
    assertEquals("b", resent.patch().get(CardField.TITLE), "m2 sent whole again");
    h.server.next().answerLikeServer();

    assertEquals(MutationState.CONFIRMED, m2.state());
    assertEquals("b", h.server.get("t1").title);
    assertEquals(true, h.server.get("t1").done);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void parallelResendNeverWritesOverALaterEditOfOursThatTheServerAlreadyHas() {
    // Found by SeededSoakTest (seed 2, parallel): m3 was applied first and its answer lost; m2,
    // refused while m1 was out, was sent again once m1 settled, on the state m3 had left, and
    // wrote its older title over m3's. m3 then confirmed: the user's last edit was lost.
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("one"));
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().title("two"));
    Mutation<String, Card> m3 = h.store.update("t1", CardPatch.empty().title("three"));
    FakeServer.Call c1 = h.server.call(0);
    FakeServer.Call c2 = h.server.call(1);
    FakeServer.Call c3 = h.server.call(2);
    c3.applyAndDrop(); // m3 applied at v2, its answer lost
    c2.answerLikeServer(); // 412: m2 waits for m1, which is still out
    c1.answerLikeServer(); // 412 with {three, v2}

    for (int i = 0; i < 5 && h.server.waiting() > 0; i++) {
      h.server.next().answerLikeServer(); // whatever is sent again, as the server answers it
      h.clock.advance(java.time.Duration.ofSeconds(1));
    }
    h.clock.advance(java.time.Duration.ofSeconds(5));
    while (h.server.waiting() > 0) {
      h.server.next().answerLikeServer(); // m3 resent under its key: the server replays v2
    }

    assertEquals(MutationState.CONFIRMED, m3.state());
    assertEquals("three", h.server.get("t1").title, "the user's last edit stays on the server");
    assertTrue(m1.isSettled() && m2.isSettled());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void parallelUnknownOutcomeIsNotConfirmedByAnEarlierEditsValueAtTheVersionItWasSentOn() {
    // Found by the randomized schedules' last-confirmed-title check: m3 (x, as the confirmed m1
    // left it) was lost in transit, the server still held m1's x at the version m3 was sent on,
    // and m3 was confirmed "by its values"; m2 (y), still out, then applied: the user's last
    // confirmed edit said x, the server said y.
    Harness h =
        new Harness(
                b ->
                    b.sendInParallel()
                        .retry(
                            Harness.exactRetry()
                                .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    h.server.deduplicates = false;
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("x"));
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m1.state());
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().title("y"));
    Mutation<String, Card> m3 = h.store.update("t1", CardPatch.empty().title("x"));
    FakeServer.Call c2 = h.server.call(0);
    FakeServer.Call c3 = h.server.call(1);
    c3.fail(SyncFailure.outcomeUnknown("timed out", null)); // never reached the server

    assertFalse(
        m3.state() == MutationState.CONFIRMED,
        "the server's x is m1's, at the version m3 was sent on: m3 did not apply");
    c2.answerLikeServer();
    while (h.server.waiting() > 0) {
      h.server.next().answerLikeServer();
    }
    assertEquals(MutationState.CONFIRMED, m2.state());
    Mutation<String, Card> lastConfirmed = m3.state() == MutationState.CONFIRMED ? m3 : m2;
    assertEquals(
        lastConfirmed == m3 ? "x" : "y",
        h.server.get("t1").title,
        "the server holds the last confirmed edit");
    h.assertSyncedWithServer("t1");
  }

  // ---- 6b. parallel: an updater's value is never sent on top of a mutation that may still fail

  @Test
  void parallelUpdaterWaitsForTheMutationsBeforeItAndCountsOnlyWhatWasApplied() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    Mutation<String, Card> first = h.store.modify("t1", c -> c.title = c.title + "+");
    Mutation<String, Card> second = h.store.modify("t1", c -> c.title = c.title + "+");
    assertEquals("title t1++", h.view("t1").title);
    assertEquals(1, h.server.waiting(), "the second updater waits for the first");

    h.server.next().fail(SyncFailure.rejected(422, "no"));

    assertEquals(MutationState.ROLLED_BACK, first.state());
    Write<String, Card> sent = h.server.next().write;
    assertEquals("title t1+", sent.patch().get(CardField.TITLE), "computed on what applied");
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("title t1+", h.server.get("t1").title);
  }

  @Test
  void parallelPatchesAfterAnUpdaterStillGoTogether() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("t1");
    h.store.modify("t1", c -> c.title = c.title + "+");
    h.store.update("t1", CardPatch.empty().done(true));
    assertEquals(2, h.server.waiting(), "an absolute value does not depend on the updater");
  }

  // ---- 7. any throwable from user code settles its mutation and leaves the store working

  @Test
  void aRemoteThatThrowsAnErrorSettlesTheMutationAndTheStoreGoesOn() {
    AtomicInteger sends = new AtomicInteger();
    FakeServer server = new FakeServer();
    Remote<String, Card> throwing =
        new Remote<>() {
          @Override
          public CompletionStage<Reply<Card>> send(Write<String, Card> write) {
            if (sends.incrementAndGet() == 1) {
              throw new AssertionError("a bug in the remote");
            }
            return server.send(write);
          }

          @Override
          public CompletionStage<java.util.Optional<Card>> fetch(String id) {
            return server.fetch(id);
          }

          @Override
          public CompletionStage<List<Card>> fetchAll() {
            return server.fetchAll();
          }
        };
    server.put("t1", "title t1", false);
    SyncStore<String, Card> store =
        SyncStore.of(CardType.TYPE)
            .remote(throwing)
            .scheduler(new VirtualScheduler())
            .notifyOn(Runnable::run)
            .build();
    store.load(server.all());

    Mutation<String, Card> m = store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> next = store.update("t1", CardPatch.empty().done(true));

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.USER_CODE, m.error().orElseThrow().kind());
    assertTrue(m.error().orElseThrow().getCause() instanceof AssertionError);
    server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, next.state(), "the entity's queue goes on");
  }

  @Test
  void anUpdaterThatThrowsOnANewBaseRollsBackOnlyItsMutation() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> head = h.store.update("t1", CardPatch.empty().done(true));
    Mutation<String, Card> picky =
        h.store.modify(
            "t1",
            c -> {
              if (c.title.startsWith("theirs")) {
                throw new AssertionError("cannot work on their title");
              }
              c.title = c.title + "!";
            });
    Mutation<String, Card> after = h.store.update("t1", CardPatch.empty().title("last"));

    h.store.receive(h.server.edit("t1", c -> c.title = "theirs"));

    assertEquals(MutationState.ROLLED_BACK, picky.state());
    assertEquals(SyncFailure.Kind.USER_CODE, picky.error().orElseThrow().kind());
    assertEquals("last", h.view("t1").title, "the other layers are still shown");
    while (h.server.waiting() > 0) {
      h.server.next().answerLikeServer();
    }
    assertEquals(MutationState.CONFIRMED, head.state());
    assertEquals(MutationState.CONFIRMED, after.state());
    h.assertSyncedWithServer("t1");
  }

  // ---- 8. one slow listener never stalls sends or another store

  @Test
  void aBlockedListenerOfOneStoreStallsNeitherItsSendsNorAnotherStore() throws Exception {
    FakeServer slowServer = new FakeServer();
    FakeServer otherServer = new FakeServer();
    slowServer.put("t1", "a", false);
    otherServer.put("t1", "b", false);
    SyncStore<String, Card> slow =
        SyncStore.of(CardType.TYPE).remote(slowServer).scheduler(new VirtualScheduler()).build();
    SyncStore<String, Card> other =
        SyncStore.of(CardType.TYPE).remote(otherServer).scheduler(new VirtualScheduler()).build();
    slow.load(slowServer.all());
    other.load(otherServer.all());
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    slow.subscribe(
        c -> {
          blocked.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    CountDownLatch heard = new CountDownLatch(1);
    other.subscribe(c -> heard.countDown());
    try {
      slow.update("t1", CardPatch.empty().title("x"));
      assertTrue(blocked.await(10, TimeUnit.SECONDS));
      slow.update("t1", CardPatch.empty().done(true));

      assertEquals(1, slowServer.waiting(), "its sends went out");
      slowServer.next().answerLikeServer();
      assertEquals(1, slowServer.waiting(), "and the next one too");
      other.update("t1", CardPatch.empty().title("y"));
      assertEquals(1, otherServer.waiting(), "the other store sends");
      assertTrue(heard.await(10, TimeUnit.SECONDS), "and its listeners hear");
    } finally {
      release.countDown();
    }
  }

  // ---- 10. an idempotency key belongs to one body

  @Test
  void aRetryAfterAnUnknownOutcomeResendsTheIdenticalBodyUnderTheSameKey() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.modify("t1", c -> c.title = c.title + "!");
    Write<String, Card> first = h.server.next().write;
    h.server.next().fail(SyncFailure.outcomeUnknown("timed out", null));
    h.store.receive(h.server.edit("t1", c -> c.title = "theirs")); // the updater runs again

    assertEquals("theirs!", h.view("t1").title, "the view follows the new base");
    h.clock.advance(ms(100));
    Write<String, Card> resent = h.server.next().write;

    assertEquals(first.idempotencyKey(), resent.idempotencyKey());
    assertEquals(first.patch().get(CardField.TITLE), resent.patch().get(CardField.TITLE));
    assertEquals(first.baseVersion(), resent.baseVersion());
    assertEquals(2, resent.attempt());
    assertEquals(first.idempotencyKey(), m.idempotencyKey());
  }

  @Test
  void aChangedBodyAfterAConflictGetsANewKey() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine").done(true));
    Write<String, Card> first = h.server.next().write;
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict(); // server wins on title: only done is sent again

    Write<String, Card> resent = h.server.next().write;
    assertEquals(Set.of(CardField.DONE), resent.patch().fields());
    assertNotEquals(first.idempotencyKey(), resent.idempotencyKey());
    assertEquals(resent.idempotencyKey(), m.idempotencyKey());
  }

  // ---- 11. smaller ones

  @Test
  void aNewEntityFromTheServerStartsWithLocalOnlyValuesOfANewInstance() {
    Harness h = new Harness();
    Card fromServer = new Card("t1", "x", false, 1);
    fromServer.expanded = true; // a server object that happens to carry local-only values
    fromServer.selected = true;

    h.store.load(List.of(fromServer));

    assertFalse(h.view("t1").expanded);
    assertFalse(h.view("t1").selected);
  }

  @Test
  void everyListenerGetsItsOwnCopyOfAChange() {
    Harness h = new Harness().withCards("t1");
    List<String> seen = new ArrayList<>();
    h.store.subscribe(c -> c.after().title = "vandalised");
    h.store.subscribe(c -> seen.add(c.after().title));

    h.store.update("t1", CardPatch.empty().title("mine"));

    assertEquals(List.of("mine"), seen);
    assertEquals("mine", h.view("t1").title);
  }

  @Test
  void resultIsOneFutureThatOnlyTheStoreCompletes() throws Exception {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    assertSame(m.result(), m.result(), "no new dependent future per call");
    assertFalse(m.result().complete(new Card("t1", "forged", false, 9)));
    assertFalse(m.result().cancel(true));
    assertFalse(m.result().isDone());
    h.server.next().succeed();
    assertEquals("mine", m.result().get(1, TimeUnit.SECONDS).title);
  }

  @Test
  void anEventLogSubscriberThatThrowsDoesNotSilenceTheOthers() {
    Harness h = new Harness().withCards("t1");
    EventLog<String, Card> log = EventLog.attach(h.store);
    List<EventLog.Event<String, Card>> heard = new ArrayList<>();
    log.subscribe(
        e -> {
          throw new IllegalStateException("a subscriber's bug");
        });
    log.subscribe(heard::add);
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler was = me.getUncaughtExceptionHandler();
    me.setUncaughtExceptionHandler((t, e) -> {});
    try {
      h.store.update("t1", CardPatch.empty().title("mine"));
    } finally {
      me.setUncaughtExceptionHandler(was);
    }
    assertFalse(heard.isEmpty());
  }

  @Test
  void notFoundOnAnUpdateIsOneFailureTypeToSwitchOn() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.truth.remove("t1"); // deleted by someone else

    h.server.next().answerLikeServer();

    SyncFailure f = m.error().orElseThrow();
    assertEquals(SyncFailure.Kind.NOT_FOUND, f.kind());
    assertEquals(404, f.status());
  }

  // ---- 12. entities that validate

  @Test
  void anUpdateTheEntityRefusesThrowsAndLeavesNothingBehind() {
    Harness h = new Harness().withCards("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> h.store.update("t1", new RefusingPatch(CardPatch.empty().title(" "))));
    assertEquals("title must not be blank", e.getCause().getMessage(), "the entity's own words");
    assertEquals(
        "Card 't1', field 'title': the entity refused the value: title must not be blank",
        e.getMessage());

    assertEquals(List.of(), h.store.pending("t1"));
    assertEquals(0, h.server.waiting());
    assertEquals("title t1", h.view("t1").title);
    Mutation<String, Card> ok = h.store.update("t1", CardPatch.empty().title("fine"));
    h.store.local("t1", c -> c.expanded = true);
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, ok.state(), "the entity is not dead");
  }

  @Test
  void anAnswerTheEntityRefusesIsBadServerDataAndTheServerDecides() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    FakeServer.Call call = h.server.next();
    call.applyOnly();

    call.answer(Reply.partial(new RefusingPatch(CardPatch.empty().title(" ").version(5))));

    // the refused answer is not taken; the server's readable state shows the write applied
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("mine", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  /** A patch whose entity refuses a blank title, as a validating setter would. */
  private record RefusingPatch(CardPatch patch) implements Patch<Card> {
    @Override
    public Set<? extends EntityField> fields() {
      return patch.fields();
    }

    @Override
    public Object get(EntityField field) {
      return patch.get(field);
    }

    @Override
    public Card applyTo(Card target) {
      if (patch.fields().contains(CardField.TITLE)
          && ((String) patch.get(CardField.TITLE)).isBlank()) {
        throw new IllegalArgumentException("title must not be blank");
      }
      return patch.applyTo(target);
    }
  }

  @Test
  void anEntityListedTwiceInOneReadKeepsItsNewerVersionWhateverTheOrder() throws Exception {
    FakeServer fake = new FakeServer();
    Remote<String, Card> server =
        new Remote<>() {
          @Override
          public CompletionStage<Reply<Card>> send(Write<String, Card> write) {
            return fake.send(write);
          }

          @Override
          public CompletionStage<java.util.Optional<Card>> fetch(String id) {
            return fake.fetch(id);
          }

          @Override
          public CompletionStage<List<Card>> fetchAll() {
            return fake.fetchAll();
          }

          @Override
          public CompletionStage<List<Reply<Card>>> list() {
            Card newer = new Card("t1", "newer", false, 2);
            Card older = new Card("t1", "older", false, 1);
            return CompletableFuture.completedFuture(
                List.of(Reply.entity(newer), Reply.entity(older)));
          }
        };
    SyncStore<String, Card> store = SyncStore.of(CardType.TYPE).remote(server).build();
    store.load(List.of(new Card("t1", "known", false, 1)));

    store.refetch().get(1, java.util.concurrent.TimeUnit.SECONDS);

    assertEquals("newer", store.get("t1").orElseThrow().title);
    assertEquals(2, store.get("t1").orElseThrow().version);
  }
}
