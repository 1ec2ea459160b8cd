package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Listeners: order, causes, executors, and never under the store's lock (rule 12). */
class ListenerTest {

  @Test
  void listenersHearEveryChangeAndTransitionInOrderWithItsCause() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.store.local("t1", c -> c.expanded = true);
    h.server.next().succeed();

    assertEquals(
        List.of(Change.Cause.OPTIMISTIC, Change.Cause.LOCAL_EDIT, Change.Cause.CONFIRM),
        h.causes());
    assertTrue(h.changes.stream().allMatch(c -> c.id().equals("t1")));
    List<String> steps = h.transitions.stream().map(t -> t.from() + ">" + t.to()).toList();
    assertEquals(List.of("null>QUEUED", "QUEUED>SENDING", "SENDING>CONFIRMED"), steps);
    assertTrue(h.transitions.stream().allMatch(t -> t.mutation() == m));
  }

  @Test
  void aSettledResultFindsItsConfirmOrRollbackAlreadyAnnounced() {
    Harness h =
        new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(1))).withCards("t1", "t2");
    Mutation<String, Card> confirmed = h.store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> rejected = h.store.update("t2", CardPatch.empty().title("mine"));
    List<List<Change.Cause>> heardWhenSettled = new ArrayList<>();
    CompletableFuture<?> heardFirst =
        confirmed.result().whenComplete((v, e) -> heardWhenSettled.add(List.copyOf(h.causes())));
    CompletableFuture<?> heardSecond =
        rejected.result().whenComplete((v, e) -> heardWhenSettled.add(List.copyOf(h.causes())));

    h.server.next().succeed();
    h.server.next().fail(SyncFailure.rejected(422, "no"));

    assertTrue(heardFirst.isDone() && heardSecond.isDone());
    assertEquals(
        Change.Cause.CONFIRM, heardWhenSettled.get(0).get(heardWhenSettled.get(0).size() - 1));
    assertEquals(
        Change.Cause.ROLLBACK, heardWhenSettled.get(1).get(heardWhenSettled.get(1).size() - 1));
  }

  @Test
  void aResultAskedForAfterLaterEditsIsTheEntityAsConfirmedAndACopyOfItsOwn() throws Exception {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("first"));
    h.server.next().succeed();
    h.store.local("t1", c -> c.expanded = true);
    h.store.update("t1", CardPatch.empty().title("second"));

    Card asConfirmed = first.result().get(); // asked for only now, after two later changes
    assertEquals("first", asConfirmed.title);
    assertFalse(asConfirmed.expanded, "the local-only value as it was when it confirmed");
    assertSame(asConfirmed, first.result().get(), "one future, completed once");
    asConfirmed.title = "changed by the caller";
    assertEquals("second", h.view("t1").title);
  }

  @Test
  void aResultIsTheConfirmedStateWithoutTheOtherMutationsStillPending() throws Exception {
    // Found by an outside tester: m1's result showed m2's value, which m2's rejection then undid:
    // a state the server never had.
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m1 = h.store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> m2 = h.store.update("t1", CardPatch.empty().done(true));
    h.server.next().succeed();
    h.server.next().fail(SyncFailure.rejected(422, "no"));

    assertEquals(MutationState.ROLLED_BACK, m2.state());
    Card confirmed = m1.result().get();
    assertEquals("mine", confirmed.title);
    assertFalse(confirmed.done, "m2 was pending when m1 confirmed: not in m1's result");
    assertEquals(h.server.get("t1").version, confirmed.version);
  }

  @Test
  void listenerRunsOutsideTheLockSoCallingBackIntoTheStoreDoesNotDeadlock() throws Exception {
    Harness h = new Harness().withCards("t1");
    List<String> seenFromOtherThread = new ArrayList<>();
    h.store.subscribe(
        change -> {
          if (change.cause() != Change.Cause.OPTIMISTIC) {
            return;
          }
          // Another thread must be able to read the store while this listener runs.
          String title =
              CompletableFuture.supplyAsync(() -> h.store.get("t1").orElseThrow().title)
                  .orTimeout(5, TimeUnit.SECONDS)
                  .join();
          seenFromOtherThread.add(title);
          h.store.local("t1", c -> c.selected = true); // and this thread may write to it
        });

    h.store.update("t1", CardPatch.empty().title("mine"));

    assertEquals(List.of("mine"), seenFromOtherThread);
    assertTrue(h.view("t1").selected);
    assertEquals(
        List.of(Change.Cause.OPTIMISTIC, Change.Cause.LOCAL_EDIT), h.causes(), "still in order");
  }

  @Test
  void listenersRunOnTheGivenExecutorInOrder() {
    ArrayDeque<Runnable> ui = new ArrayDeque<>();
    Harness h = new Harness(b -> b.notifyOn(ui::add)).withCards("t1");
    h.store.update("t1", CardPatch.empty().title("a"));
    h.store.update("t1", CardPatch.empty().title("b"));
    assertTrue(h.changes.isEmpty(), "nothing runs until the executor runs it");

    while (!ui.isEmpty()) {
      ui.poll().run();
    }

    List<String> titles = h.changes.stream().map(c -> c.after().title).toList();
    assertEquals(List.of("title t1", "a", "b"), titles, "the load, then both updates");
  }

  @Test
  void entitySubscriptionHearsOnlyItsEntityAndFollowsTheReKey() {
    Harness h = new Harness().withCards("t1", "t2");
    h.store.create(new Card(null, "new", false, 0));
    List<Change.Cause> heard = new ArrayList<>();
    h.store.subscribe("tmp-1", c -> heard.add(c.cause()));
    h.store.update("t2", CardPatch.empty().title("other"));

    h.server.next().succeed(); // the create: re-keyed to srv-1
    h.store.local("srv-1", c -> c.expanded = true);

    assertEquals(
        List.of(Change.Cause.ID_REASSIGNED, Change.Cause.CONFIRM, Change.Cause.LOCAL_EDIT), heard);
  }

  @Test
  void cancelledSubscriptionHearsNothingMore() {
    Harness h = new Harness().withCards("t1");
    List<Change<String, Card>> heard = new ArrayList<>();
    Subscription s = h.store.subscribe(heard::add);
    h.store.local("t1", c -> c.expanded = true);
    s.cancel();
    h.store.local("t1", c -> c.expanded = false);
    assertEquals(1, heard.size());
    assertFalse(heard.get(0).after().expanded == heard.get(0).before().expanded);
  }

  @Test
  void anErrorThrownByAListenerDoesNotStopTheStore() {
    Harness h = new Harness().withCards("t1");
    java.util.concurrent.atomic.AtomicBoolean thrown =
        new java.util.concurrent.atomic.AtomicBoolean();
    h.store.subscribe(
        c -> {
          if (thrown.compareAndSet(false, true)) {
            throw new AssertionError("a listener's bug");
          }
        });
    List<Throwable> reported = new ArrayList<>();
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler was = me.getUncaughtExceptionHandler();
    me.setUncaughtExceptionHandler((t, e) -> reported.add(e));
    try {
      h.store.local("t1", c -> c.expanded = true); // does not throw: the listener's bug is reported
    } finally {
      me.setUncaughtExceptionHandler(was);
    }
    assertEquals(1, reported.size());
    assertEquals("a listener's bug", reported.get(0).getMessage());
    assertTrue(h.view("t1").expanded);

    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    assertEquals(1, h.server.sent.size(), "sends still go out");
    h.server.next().succeed();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(
        List.of(Change.Cause.LOCAL_EDIT, Change.Cause.OPTIMISTIC, Change.Cause.CONFIRM),
        h.causes().subList(h.causes().size() - 3, h.causes().size()));
  }

  @Test
  void cancellingEntitySubscriptionsLeavesNothingBehind() {
    Harness h = new Harness().withCards("t1", "t2");
    List<Subscription> subs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      subs.add(h.store.subscribe("t1", c -> {}));
      subs.add(h.store.subscribe("t2", c -> {}));
    }
    Mutation<String, Card> created = h.store.create(new Card(null, "new", false, 0));
    subs.add(h.store.subscribe(created.id(), c -> {})); // subscribed under the temporary id
    h.server.next().succeed(); // re-keyed: the subscription follows the real id
    assertEquals(3, h.store.subscribedIds());

    subs.forEach(Subscription::cancel);

    assertEquals(0, h.store.subscribedIds());
  }
}
