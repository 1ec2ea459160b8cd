package io.github.synced.example.breakers11;

import static io.github.synced.runtime.QueryState.Status.FAILED;
import static io.github.synced.runtime.QueryState.Status.LOADING;
import static io.github.synced.runtime.QueryState.Status.READY;
import static io.github.synced.runtime.QueryState.Status.REFRESHING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Page;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.Subscription;
import io.github.synced.runtime.SyncFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** States, dedup, invalidation and intervals of queries, over scripted reads. Issue 11 tester. */
class QueryStatesAndReadsTest extends ScriptedBase {

  @Test
  void equalParametersAreOneQueryAndAnotherTypeIsAnother() {
    Query<ByState, String, Issue> a = store.query(byState, new ByState("open"));
    assertSame(a, store.query(byState, new ByState("open")), "equal params must be one query");
    assertNotSame(a, store.query(byState, new ByState("closed")));
    QueryType<ByState, Issue> twin = QueryType.builder("issues by state", reads).build();
    assertNotSame(a, store.query(twin, new ByState("open")), "the type is part of the key");
    assertEquals(0, reads.count(), "query(..) alone reads nothing");
  }

  @Test
  void firstReadRefreshAndFailureKeepTheData() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    assertEquals(QueryState.Status.IDLE, q.state().status());
    Recorder r = new Recorder();
    Subscription unusedSub = q.subscribe(r::accept);
    assertEquals(1, reads.count(), "subscribing to a never-read query reads");
    assertEquals(LOADING, r.last().status());
    reads.answer(null, issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertEquals(READY, r.last().status());
    assertEquals(List.of("1", "2"), ids(r.last()));
    assertEquals(clock.now(), r.last().updatedAt().orElseThrow());
    assertTrue(r.last().stale(), "default staleAfter is zero: stale at once");
    clock.advance(Duration.ofSeconds(5));
    CompletableFuture<Void> f = q.refetch();
    assertEquals(REFRESHING, r.last().status());
    assertEquals(List.of("1", "2"), ids(r.last()), "a refresh shows the last list");
    reads
        .last()
        .answer()
        .completeExceptionally(SyncFailure.transientFailure(503, "down", null, null));
    assertTrue(f.isCompletedExceptionally());
    QueryState<Issue> s = r.last();
    assertEquals(FAILED, s.status());
    assertTrue(s.error().isPresent());
    assertEquals(List.of("1", "2"), ids(s), "FAILED keeps the data");
    assertEquals(clock.now().minusSeconds(5), s.updatedAt().orElseThrow(), "last success's time");
  }

  @Test
  void staleAfterTurnsStaleOnTheClockAndTellsSubscribers() {
    QueryType<ByState, Issue> t =
        QueryType.builder("fresh 30s", reads).staleAfter(Duration.ofSeconds(30)).build();
    Query<ByState, String, Issue> q = store.query(t, new ByState("open"));
    Recorder r = new Recorder();
    Subscription unusedSub = q.subscribe(r::accept);
    reads.answer(null, issue("1", "a", "open", 1));
    assertFalse(r.last().stale());
    clock.advance(Duration.ofSeconds(31));
    assertTrue(r.last().stale(), "a subscriber must hear that the data turned stale");
    assertTrue(q.state().stale());
  }

  @Test
  void concurrentRefetchesAreOneRead() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    CompletableFuture<Void> a = q.refetch();
    CompletableFuture<Void> b = q.refetch();
    Subscription unusedSub = q.subscribe(s -> {});
    CompletableFuture<Void> c = q.loadMore();
    assertEquals(1, reads.count(), "one read at a time: " + reads.reads);
    reads.answer(null, issue("1", "a", "open", 1));
    assertTrue(a.isDone() && b.isDone() && c.isDone());
    assertEquals(1, reads.count(), "nothing read after the one answer");
  }

  @Test
  void invalidationOnlyAfterConfirmAndOnce() {
    store.load(List.of(issue("1", "a", "open", 1)));
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    Subscription unusedSub = open.subscribe(s -> {});
    assertEquals(2, reads.count(), "ready and stale at once: subscribing reads again");
    reads.answer(null, issue("1", "a", "open", 1));
    Mutation<String, Issue> m = issues.update("1", p -> p.title("b")).invalidates(byState);
    assertEquals(2, reads.count(), "no read while the mutation is pending");
    confirm(writes.last(), issue("1", "b", "open", 2));
    assertTrue(m.result().isDone());
    assertEquals(3, reads.count(), "one read once it confirms");
    reads.answer(null, issue("1", "b", "open", 2));
    assertEquals(
        3, reads.count(), "no second read after the invalidation read answered: " + reads.reads);
  }

  @Test
  void aMutationNamingTheSameQueriesTwiceInvalidatesThemOnce() {
    store.load(List.of(issue("1", "a", "open", 1)));
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    Subscription unusedSub = open.subscribe(s -> {});
    assertEquals(2, reads.count(), "ready and stale at once: subscribing reads again");
    reads.answer(null, issue("1", "a", "open", 1));
    Mutation<String, Issue> m =
        issues.update("1", p -> p.title("b")).invalidates(byState).invalidates(byState);
    assertEquals(2, reads.count(), "no read while the mutation is pending");
    confirm(writes.last(), issue("1", "b", "open", 2));
    assertTrue(m.result().isDone());
    assertEquals(3, reads.count(), "one read once it confirms, even if named twice");
    reads.answer(null, issue("1", "b", "open", 2));
    assertEquals(
        3,
        reads.count(),
        "Mutation.invalidates says the queries are invalidated once; naming the type twice"
            + " read the list twice");
  }

  @Test
  void rolledBackMutationInvalidatesNothing() {
    store.load(List.of(issue("1", "a", "open", 1)));
    Query<ByState, String, Issue> open = store.query(byState, new ByState("open"));
    Subscription unusedSub = open.subscribe(s -> {});
    reads.answer(null, issue("1", "a", "open", 1));
    int before = reads.count();
    var unused = issues.update("1", p -> p.title("b")).invalidates(byState);
    reject(writes.last());
    assertEquals(before, reads.count(), "a rollback must not read again");
  }

  @Test
  void invalidationDuringAReadReadsOnceMoreAfterIt() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    Subscription unusedSub = q.subscribe(s -> {});
    q.invalidate();
    q.invalidate();
    store.invalidate(byState, p -> true);
    assertEquals(1, reads.count());
    reads.answer(null, issue("1", "a", "open", 1));
    assertEquals(2, reads.count(), "once more after the read on its way");
    reads.answer(null, issue("1", "a", "open", 1));
    assertEquals(2, reads.count(), "only once more");
    assertFalse(q.state().stale() && q.state().status() != READY);
  }

  @Test
  void invalidateByPredicateReadsOnlyTheChosenSubscribedQueries() {
    Query<ByState, String, Issue> open = store.query(byState, new ByState("open"));
    Query<ByState, String, Issue> closed = store.query(byState, new ByState("closed"));
    Subscription unusedSub = open.subscribe(s -> {});
    reads.answer(null);
    var unusedClosed = closed.refetch();
    reads.answer(null);
    int before = reads.count();
    store.invalidate(byState, p -> p.state().equals("closed"));
    assertEquals(before, reads.count(), "closed has no subscriber: only marked stale");
    assertTrue(closed.state().stale());
    store.invalidate(byState, p -> p.state().equals("open"));
    assertEquals(before + 1, reads.count());
    assertEquals(new ByState("open"), reads.last().params());
  }

  @Test
  void intervalIsPausedWithoutSubscribers() {
    QueryType<ByState, Issue> t =
        QueryType.builder("polled", reads)
            .staleAfter(Duration.ofHours(1))
            .refetchEvery(Duration.ofMinutes(1))
            .build();
    Query<ByState, String, Issue> q = store.query(t, new ByState("open"));
    Subscription sub = q.subscribe(s -> {});
    reads.answer(null);
    clock.advance(Duration.ofMinutes(1));
    assertEquals(2, reads.count(), "the interval reads while subscribed");
    reads.answer(null);
    sub.cancel();
    clock.advance(Duration.ofMinutes(30));
    assertEquals(2, reads.count(), "paused without subscribers");
    Subscription again = q.subscribe(s -> {});
    assertEquals(2, reads.count(), "fresh (staleAfter 1h): subscribing does not read");
    clock.advance(Duration.ofMinutes(1));
    assertEquals(3, reads.count(), "the interval resumes with a subscriber");
    again.cancel();
  }

  @Test
  void closedQueryHearsNothingAndAnotherIsMade() {
    store.load(List.of(issue("1", "a", "open", 1)));
    Query<ByState, String, Issue> q = ready("open", issue("1", "a", "open", 1));
    Recorder r = new Recorder();
    Subscription unusedSub = q.subscribe(r::accept);
    reads.answer(null, issue("1", "a", "open", 1));
    q.close();
    int heard = r.states.size();
    var unused = issues.update("1", p -> p.title("zzz"));
    assertEquals(heard, r.states.size(), "a closed query's subscriber hears nothing more");
    assertThrows(IllegalStateException.class, q::refetch);
    assertNotSame(q, store.query(byState, new ByState("open")));
  }

  @Test
  void closingWhileAReadIsOnItsWayStillTakesItsEntitiesIntoTheStore() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    var unused = q.refetch();
    q.close();
    reads.answer(null, issue("9", "late", "open", 1));
    assertEquals("late", store.get("9").map(Issue::getTitle).orElse(null));
  }

  @Test
  void aReaderThatThrowsEndsInFailedNotInTheCaller() {
    QueryType<ByState, Issue> t =
        QueryType.<ByState, Issue>builder(
                "throws",
                (p, token) -> {
                  throw new IllegalStateException("user code bug");
                })
            .build();
    Query<ByState, String, Issue> q = store.query(t, new ByState("open"));
    CompletableFuture<Void> f = q.refetch();
    assertTrue(f.isCompletedExceptionally(), "the future reports it");
    assertEquals(FAILED, q.state().status());
  }

  @Test
  void aReaderThatReturnsNullEndsInFailed() {
    QueryType<ByState, Issue> t =
        QueryType.<ByState, Issue>builder("null stage", (p, token) -> null).build();
    Query<ByState, String, Issue> q = store.query(t, new ByState("open"));
    CompletableFuture<Void> f = q.refetch();
    assertTrue(f.isCompletedExceptionally(), "a null stage is a failed read");
    assertEquals(FAILED, q.state().status());
    QueryType<ByState, Issue> t2 =
        QueryType.<ByState, Issue>builder(
                "null page", (p, token) -> CompletableFuture.completedFuture(null))
            .build();
    Query<ByState, String, Issue> q2 = store.query(t2, new ByState("open"));
    CompletableFuture<Void> f2 = q2.refetch();
    assertTrue(f2.isCompletedExceptionally(), "a null page is a failed read");
    assertEquals(FAILED, q2.state().status());
  }

  @Test
  void aPageWithANullItemOrAnItemWithoutIdFailsAndKeepsTheData() {
    Query<ByState, String, Issue> q = ready("open", issue("1", "a", "open", 1));
    CompletableFuture<Void> f = q.refetch();
    java.util.ArrayList<Issue> bad = new java.util.ArrayList<>();
    bad.add(issue("2", "b", "open", 1));
    bad.add(issue(null, "no id", "open", 1));
    reads.last().answer().complete(Page.of(bad, null));
    assertTrue(f.isCompletedExceptionally());
    assertEquals(FAILED, q.state().status());
    assertEquals(List.of("1"), ids(q), "data kept");
  }

  @Test
  void aThrowingSubscriberDoesNotStopOthersOrTheQuery() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    Subscription unusedBad =
        q.subscribe(
            s -> {
              throw new IllegalStateException("render bug");
            });
    Recorder r = new Recorder();
    Subscription unusedSub = q.subscribe(r::accept);
    reads.answer(null, issue("1", "a", "open", 1));
    assertEquals(READY, q.state().status());
    assertEquals(READY, r.last().status());
  }

  @Test
  void subscriberCallingBackIntoTheStoreOnTheSameThread() {
    store.load(List.of(issue("1", "a", "open", 1)));
    Query<ByState, String, Issue> open = store.query(byState, new ByState("open"));
    Query<ByState, String, Issue> closed = store.query(byState, new ByState("closed"));
    Recorder r = new Recorder();
    Subscription unusedSub =
        open.subscribe(
            s -> {
              r.accept(s);
              if (s.status() == READY
                  && s.items().size() == 1
                  && closed.state().status() == QueryState.Status.IDLE) {
                var unusedF = closed.refetch();
                var unusedM = issues.update("1", p -> p.title("from subscriber"));
                var unusedOther = store.query(byState, new ByState("other")).subscribe(x -> {});
              }
            });
    reads.get(0).answer().complete(Page.of(List.of(issue("1", "a", "open", 1)), null));
    assertEquals(
        "from subscriber", open.items().get(0).getTitle(), "the edit made in the subscriber shows");
    assertEquals("from subscriber", r.last().items().get(0).getTitle());
    assertEquals(3, reads.count(), "closed and other read from inside a subscriber");
  }
}
