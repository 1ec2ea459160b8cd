package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Lister.ByDone;
import io.github.synced.runtime.QueryState.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Queries: parameterized server reads over one store, their states, and when they read. */
class QueryTest {

  private static final ByDone OPEN = new ByDone(false);
  private static final ByDone DONE = new ByDone(true);

  /** Cards a–f on the server: a, c, e open; b, d, f done; titled so title order is id order. */
  private static Harness board() {
    Harness h = new Harness();
    for (char id = 'a'; id <= 'f'; id++) {
      h.server.put(String.valueOf(id), "card " + id, (id - 'a') % 2 == 1);
    }
    return h;
  }

  static List<String> ids(List<Card> cards) {
    return cards.stream().map(c -> c.id).toList();
  }

  static List<String> ids(Query<?, String, Card> q) {
    return ids(q.items());
  }

  /** Every state a subscriber hears. */
  static List<QueryState<Card>> heard(Query<?, String, Card> q) {
    List<QueryState<Card>> states = new ArrayList<>();
    q.subscribe(states::add);
    return states;
  }

  @Test
  void equalParametersAreOneQueryAndTheTypeIsPartOfTheKey() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> byDone = lister.type(false).build();
    QueryType<ByDone, Card> other = lister.type(false).build();

    assertSame(h.store.query(byDone, new ByDone(false)), h.store.query(byDone, OPEN));
    assertNotSame(h.store.query(byDone, OPEN), h.store.query(byDone, DONE));
    assertNotSame(h.store.query(byDone, OPEN), h.store.query(other, OPEN));
    assertTrue(lister.reads.isEmpty(), "a query reads nothing until subscribed or asked");
    assertEquals(Status.IDLE, h.store.query(byDone, OPEN).state().status());
  }

  @Test
  void aSubscriberHearsLoadingThenTheListInTheServersOrder() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    lister.hold = true;
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);

    List<QueryState<Card>> states = heard(open);
    assertEquals(Status.LOADING, open.state().status());
    assertEquals(1, lister.held(), "subscribing to a query never read reads it");
    lister.release();

    QueryState<Card> ready = open.state();
    assertEquals(Status.READY, ready.status());
    assertEquals(List.of("a", "c", "e"), ids(ready.items()));
    assertEquals(h.clock.now(), ready.updatedAt().orElseThrow());
    assertEquals(
        List.of(Status.IDLE, Status.LOADING, Status.READY),
        states.stream().map(QueryState::status).distinct().toList());
    assertEquals(List.of("a", "c", "e"), ids(h.store.all()), "its entities are in the store");
  }

  @Test
  void twoQueriesOverOneEntityShowOneEntityAndAnEditInBothAtOnce() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> byDone = lister.type(false).build();
    QueryType<Boolean, Card> all =
        QueryType.<Boolean, Card>builder("all", PageReader.whole(p -> h.server.fetchAll())).build();
    Query<ByDone, String, Card> open = h.store.query(byDone, OPEN);
    Query<Boolean, String, Card> every = h.store.query(all, true);
    open.refetch().join();
    every.refetch().join();

    h.store.update("c", CardPatch.empty().title("card c, renamed"));

    assertEquals("card c, renamed", open.items().get(1).title);
    assertEquals("card c, renamed", every.items().get(2).title);
    assertEquals(6, h.store.all().size(), "one entity per id, however many lists show it");
    h.server.next().answerLikeServer();
    assertEquals("card c, renamed", open.items().get(1).title);
  }

  @Test
  void itemsAreCopiesTheCallerOwnsAndLocalOnlyValuesShow() {
    Harness h = board();
    Query<ByDone, String, Card> open =
        h.store.query(new Lister(h.server).type(false).build(), OPEN);
    open.refetch().join();

    h.store.local("a", c -> c.expanded = true);
    Card a = open.items().get(0);
    assertTrue(a.expanded, "local-only values show in the query");
    a.title = "changed by the caller";
    assertEquals("card a", open.items().get(0).title);
    assertEquals("card a", h.view("a").title);

    open.refetch().join();
    assertTrue(h.view("a").expanded, "a query's read never overwrites a local-only value");
    assertTrue(open.items().get(0).expanded);
  }

  @Test
  void concurrentReadsOfOneQueryAreOneRead() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    lister.hold = true;
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);

    CompletableFuture<Void> first = open.refetch();
    CompletableFuture<Void> second = open.refetch();
    open.subscribe(s -> {});
    assertEquals(1, lister.reads.size());
    lister.release();

    assertTrue(first.isDone() && second.isDone());
    assertEquals(1, lister.reads.size());
    assertEquals(List.of("a", "c", "e"), ids(open));
  }

  @Test
  void aRefetchShowsRefreshingWithTheOldDataThenTheNew() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    lister.hold = true;
    h.server.put("g", "card g", false);

    CompletableFuture<Void> read = open.refetch();
    QueryState<Card> refreshing = open.state();
    assertEquals(Status.REFRESHING, refreshing.status());
    assertEquals(List.of("a", "c", "e"), ids(refreshing.items()));
    lister.release();
    assertTrue(read.isDone());
    assertEquals(List.of("a", "c", "e", "g"), ids(open));
    assertEquals(Status.READY, open.state().status());
  }

  @Test
  void aFailedReadKeepsTheDataAndSaysWhy() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    lister.answer =
        (page, honest) -> CompletableFuture.failedFuture(SyncFailure.rejected(500, "boom"));

    CompletionException e = assertThrows(CompletionException.class, () -> open.refetch().join());

    QueryState<Card> failed = open.state();
    assertEquals(Status.FAILED, failed.status());
    assertSame(e.getCause(), failed.error().orElseThrow());
    assertEquals(500, failed.error().get().status());
    assertEquals(List.of("a", "c", "e"), ids(failed.items()), "the data is kept");

    lister.answer = null;
    open.refetch().join();
    assertEquals(Status.READY, open.state().status());
    assertTrue(open.state().error().isEmpty());
  }

  @Test
  void aReaderThatThrowsOrAnswersNullFailsTheQueryAndTheStoreCarriesOn() {
    Harness h = board();
    QueryType<Boolean, Card> throwing =
        QueryType.<Boolean, Card>builder(
                "throwing",
                (p, page) -> {
                  throw new IllegalStateException("reader bug");
                })
            .build();
    QueryType<Boolean, Card> nulls =
        QueryType.<Boolean, Card>builder("nulls", (p, page) -> null).build();
    Query<Boolean, String, Card> q1 = h.store.query(throwing, true);
    Query<Boolean, String, Card> q2 = h.store.query(nulls, true);

    assertThrows(CompletionException.class, () -> q1.refetch().join());
    assertThrows(CompletionException.class, () -> q2.refetch().join());

    assertEquals(SyncFailure.Kind.USER_CODE, q1.state().error().orElseThrow().kind());
    assertTrue(q1.state().error().get().getMessage().contains("reader bug"));
    assertEquals(SyncFailure.Kind.USER_CODE, q2.state().error().orElseThrow().kind());
    assertEquals(Status.FAILED, q1.state().status());
    h.store.load(h.server.all());
    assertEquals(6, h.store.all().size());
  }

  @Test
  void aPageTheStoreRefusesFailsTheQueryAndChangesNothing() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    h.server.edit("a", c -> c.title = "card a, new");
    lister.answer =
        (page, honest) -> {
          List<Reply<Card>> items = new ArrayList<>(honest.items());
          Card noId = new Card(null, "no id", false, 99);
          items.add(Reply.entity(noId));
          return CompletableFuture.completedFuture(Page.ofReplies(items, null));
        };

    CompletionException e = assertThrows(CompletionException.class, () -> open.refetch().join());

    assertInstanceOf(BadServerDataException.class, e.getCause());
    assertEquals(Status.FAILED, open.state().status());
    assertEquals("card a", h.view("a").title, "nothing of the bad page was taken");
    assertEquals(List.of("a", "c", "e"), ids(open));
  }

  @Test
  void staleAfterItsTimeAndSubscribersAreTold() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type = lister.type(false).staleAfter(Duration.ofSeconds(30)).build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    List<QueryState<Card>> states = heard(open);
    assertEquals(1, lister.reads.size());
    assertFalse(open.state().stale());

    h.clock.advance(Duration.ofSeconds(29));
    assertFalse(open.state().stale());
    h.store.query(type, OPEN).subscribe(s -> {});
    assertEquals(1, lister.reads.size(), "a fresh query is not read again for a new subscriber");

    h.clock.advance(Duration.ofSeconds(1));
    assertTrue(open.state().stale());
    assertTrue(states.get(states.size() - 1).stale(), "subscribers hear it turn stale");
    open.subscribe(s -> {});
    assertEquals(2, lister.reads.size(), "a stale query is read for a new subscriber");
  }

  @Test
  void anIntervalReadsOnlyWhileSubscribed() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type =
        lister
            .type(false)
            .refetchEvery(Duration.ofSeconds(10))
            .staleAfter(Duration.ofHours(1))
            .build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    open.refetch().join();

    h.clock.advance(Duration.ofSeconds(60));
    assertEquals(1, lister.reads.size(), "no subscriber: no interval");

    Subscription s = open.subscribe(x -> {});
    h.clock.advance(Duration.ofSeconds(30));
    assertEquals(4, lister.reads.size(), "every 10 s while subscribed");

    s.cancel();
    h.clock.advance(Duration.ofSeconds(60));
    assertEquals(4, lister.reads.size(), "paused once nobody subscribes");
    assertEquals(0, h.clock.scheduled(), "no timer left behind");
  }

  @Test
  void aMutationInvalidatesOnceAndOnlyAfterItConfirmed() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type = lister.type(false).staleAfter(Duration.ofHours(1)).build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    Query<ByDone, String, Card> done = h.store.query(type, DONE);
    open.subscribe(s -> {});
    done.subscribe(s -> {});
    assertEquals(2, lister.reads.size());

    Mutation<String, Card> m =
        h.store.update("a", CardPatch.empty().done(true)).invalidates(type, p -> p.done());
    assertEquals(2, lister.reads.size(), "nothing is read while the mutation is pending");
    h.server.next().answerLikeServer();

    assertEquals(List.of("false/p1", "true/p1", "true/p1"), lister.reads, "once, the done list");
    assertEquals(List.of("a", "b", "d", "f"), ids(done));
    assertTrue(open.state().stale() == false && done.state().stale() == false);

    h.store
        .update("c", CardPatch.empty().title("x"))
        .invalidates(type)
        .invalidates(type, p -> true);
    h.server.next().fail(SyncFailure.rejected(422, "no"));
    assertEquals(3, lister.reads.size(), "a rolled-back mutation invalidates nothing");
    assertEquals(
        MutationState.ROLLED_BACK, h.store.pending().isEmpty() ? MutationState.ROLLED_BACK : null);
    assertFalse(m.state() != MutationState.CONFIRMED);
  }

  @Test
  void aQueryNamedTwiceByOneMutationIsReadOnce() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type = lister.type(false).staleAfter(Duration.ofHours(1)).build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    open.subscribe(s -> {}); // the first read
    lister.hold = true;

    h.store
        .update("a", CardPatch.empty().title("x"))
        .invalidates(type)
        .invalidates(type, p -> !p.done())
        .invalidates(type, p -> true);
    h.server.next().answerLikeServer();
    while (lister.held() > 0) {
      lister.release();
    }

    assertEquals(2, lister.reads.size(), "the first read, then one for the confirmation");
  }

  @Test
  void anInvalidationWhileAReadIsOnItsWayReadsOnceMoreAfterIt() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    lister.hold = true;
    open.subscribe(s -> {});
    h.server.put("g", "card g", false);

    open.invalidate();
    open.invalidate();
    assertEquals(1, lister.reads.size());
    lister.release();
    assertEquals(
        2, lister.reads.size(), "the read sent before the invalidation is followed by one");
    assertTrue(open.state().stale(), "still stale: the answer is from before the invalidation");
    lister.release();
    assertEquals(List.of("a", "c", "e", "g"), ids(open));
    assertEquals(2, lister.reads.size());
  }

  @Test
  void anUnsubscribedQueryIsOnlyMarkedStaleAndReadWhenSubscribed() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type = lister.type(false).staleAfter(Duration.ofHours(1)).build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    open.refetch().join();

    h.store.invalidate(type, p -> !p.done());
    assertTrue(open.state().stale());
    assertEquals(1, lister.reads.size());
    open.subscribe(s -> {});
    assertEquals(2, lister.reads.size());
    assertFalse(open.state().stale());
  }

  @Test
  void aSubscriberMayCallBackIntoTheStore() {
    Harness h = board();
    Query<ByDone, String, Card> open =
        h.store.query(new Lister(h.server).type(false).build(), OPEN);
    List<String> seen = new ArrayList<>();
    open.subscribe(
        s -> {
          seen.add(s.status() + " " + ids(s.items()));
          if (s.status() == Status.READY && h.store.pending().isEmpty() && seen.size() < 5) {
            h.store.update("a", CardPatch.empty().title("from a subscriber"));
          }
        });

    assertEquals("from a subscriber", h.view("a").title);
    assertEquals(1, h.store.pending().size());
  }

  @Test
  void aClosedQueryLeavesTheStoreAndANewOneIsMade() {
    Harness h = board();
    QueryType<ByDone, Card> type = new Lister(h.server).type(false).build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    List<QueryState<Card>> states = heard(open);
    int heard = states.size();

    open.close();
    h.store.update("a", CardPatch.empty().title("after close"));
    assertEquals(heard, states.size(), "a closed query tells nobody anything");
    assertThrows(IllegalStateException.class, open::refetch);
    assertNotSame(open, h.store.query(type, OPEN));
  }
}
