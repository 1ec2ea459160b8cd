package io.github.synced.runtime;

import static io.github.synced.runtime.QueryTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Lister.ByDone;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Reviewer cases for issue 11 (queries). Each test FAILS on 0b51544 if the problem is real. */
class ReviewQueryTest {

  private static final ByDone OPEN = new ByDone(false);
  private static final ByDone DONE = new ByDone(true);

  private static void board(Harness h) {
    for (char id = 'a'; id <= 'f'; id++) {
      h.server.put(String.valueOf(id), "card " + id, (id - 'a') % 2 == 1);
    }
  }

  private static Harness board() {
    Harness h = new Harness();
    board(h);
    return h;
  }

  /** R1: close() while a refetch is queued behind a read on its way: the refetch never settles. */
  @Test
  void aRefetchQueuedBehindALoadMoreSettlesWhenTheQueryCloses() throws Exception {
    Harness h = board();
    Lister lister = new Lister(h.server);
    lister.size = 1;
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    lister.hold = true;
    CompletableFuture<Void> more = open.loadMore(); // on its way
    CompletableFuture<Void> again = open.refetch(); // queued behind it
    open.close();
    lister.release();
    assertTrue(more.isDone());
    try {
      again.get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("refetch() queued before close() never completes", e);
    } catch (java.util.concurrent.ExecutionException expected) {
      // failing is fine; hanging is not
    }
  }

  /**
   * R2: with matches(..), a read sent while a mutation is pending, answered, then the mutation
   * confirms before the query took the read on the notify executor: the read (which still lists the
   * entity as open) puts it back in the open list for one delivered state.
   */
  @Test
  void aConfirmRacingTheReadsFinishDoesNotFlickerTheEntityBack() {
    List<Runnable> tasks = new ArrayList<>();
    Harness h = new Harness(b -> b.notifyOn(tasks::add));
    board(h);
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open = h.store.query(lister.type(true).build(), OPEN);
    CompletableFuture<Void> first = open.refetch();
    run(tasks);
    first.join();
    List<List<String>> seen = new ArrayList<>();
    var unused = open.subscribe(s -> seen.add(ids(s.items())));
    run(tasks);

    h.store.update("c", CardPatch.empty().done(true));
    run(tasks);
    assertEquals(List.of("a", "e"), ids(open));
    seen.clear(); // what the subscriber hears from here on
    lister.hold = true;
    CompletableFuture<Void> read = open.refetch(); // the server still has c open
    FakeServer.Call call = h.server.next();
    lister.release(); // the page is taken into the store; the query takes it on the executor
    call.answerLikeServer(); // the confirm comes before the executor ran
    run(tasks);
    read.join();
    assertEquals(List.of("a", "e"), ids(open));
    for (List<String> l : seen) {
      assertFalse(l.contains("c"), "c flickered back into the open list: " + seen);
    }
  }

  /** R3: the predicate (user code) runs under the query's monitor and on the caller's thread. */
  @Test
  void matchesRunsUnderNoLockAndOnTheNotifyExecutor() throws Exception {
    Harness h = board();
    Lister lister = new Lister(h.server);
    List<String> where = new ArrayList<>();
    Object[] q = new Object[1];
    QueryType<ByDone, Card> type =
        QueryType.<ByDone, Card>builder("cards", lister)
            .matches(
                (p, c) -> {
                  if (Thread.holdsLock(q[0])) {
                    where.add("under the query's monitor on " + Thread.currentThread().getName());
                  }
                  return c.done == p.done();
                })
            .build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    q[0] = field(open, "engine");
    open.refetch().join();
    h.store.update("c", CardPatch.empty().done(true));
    var unused = open.items();
    assertEquals(List.of(), where);
  }

  /** R4: subscribers of a query read while nobody watched are never told it turned stale. */
  @Test
  void aSubscriberIsToldWhenTheAnswerItSawTurnsStale() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open =
        h.store.query(lister.type(false).staleAfter(Duration.ofSeconds(30)).build(), OPEN);
    open.refetch().join(); // nobody watches yet
    h.clock.advance(Duration.ofSeconds(10));
    List<QueryState<Card>> states = new ArrayList<>();
    var unused = open.subscribe(states::add);
    assertFalse(states.get(states.size() - 1).stale());
    h.clock.advance(Duration.ofSeconds(30));
    assertTrue(open.state().stale(), "state() says stale");
    assertTrue(
        states.get(states.size() - 1).stale(),
        "but the subscriber was last told fresh: " + states.size() + " states");
  }

  /**
   * R5: every mutation of any entity in the store leaves an entry in every query until that query
   * is read in full again; with matches(..) a copy of each mutated entity (deleted ones included).
   */
  @Test
  void aQueryDoesNotKeepEveryMutatedEntityOfTheStore() throws Exception {
    Harness h = board();
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> done = h.store.query(lister.type(true).build(), DONE);
    done.refetch().join();
    for (int i = 0; i < 200; i++) {
      Mutation<String, Card> m = h.store.create(new Card(null, "open " + i, false, 0));
      h.server.next().answerLikeServer();
      h.store.delete(m.id());
      h.server.next().answerLikeServer();
    }
    assertEquals(List.of("b", "d", "f"), ids(done));
    Object rows = field(field(done, "engine"), "rows");
    int views = ((Map<?, ?>) field(rows, "views")).size();
    int touched = ((Map<?, ?>) field(rows, "touched")).size();
    assertTrue(views < 50 && touched < 50, "views " + views + ", touched " + touched);
  }

  /**
   * R6: the last unsubscribe racing a new subscribe: the unsubscribe decided "nobody watches" under
   * the query's monitor but stops the timers after the new subscriber started them. The new
   * subscriber then has no interval. (The test holds the timers' monitor to force the schedule;
   * which blocked thread gets it first is up to the JVM, so it tries 40 times.)
   */
  @Test
  void aSubscribeRacingTheLastUnsubscribeKeepsItsInterval() throws Exception {
    assertEquals(0, raceLosses(false), "control: unsubscribe, then subscribe, one after the other");
    int lost = raceLosses(true);
    assertEquals(0, lost, "a subscribed query lost its interval in " + lost + " of 40 schedules");
  }

  private static int raceLosses(boolean race) throws Exception {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type =
        lister
            .type(false)
            .staleAfter(Duration.ofHours(1))
            .refetchEvery(Duration.ofMinutes(1))
            .build();
    int lost = 0;
    for (int i = 0; i < 40; i++) {
      Query<ByDone, String, Card> q = h.store.query(type, OPEN);
      q.refetch().join();
      Subscription s1 = q.subscribe(x -> {});
      Object timers = field(field(q, "engine"), "timers");
      Thread b = new Thread(s1::cancel);
      Thread a = new Thread(() -> q.subscribe(x -> {}));
      if (!race) {
        b.start();
        b.join();
        a.start();
        a.join();
      } else {
        synchronized (timers) {
          b.start();
          waitBlocked(b);
          a.start();
          waitBlocked(a);
        }
      }
      if (race) {
        a.join();
        b.join();
      }
      int before = lister.reads.size();
      h.clock.advance(Duration.ofSeconds(61));
      if (lister.reads.size() == before) {
        lost++;
      }
      q.close();
    }
    return lost;
  }

  private static void waitBlocked(Thread t) throws InterruptedException {
    for (int i = 0; i < 2000 && t.getState() != Thread.State.BLOCKED; i++) {
      Thread.sleep(1);
    }
    assertEquals(Thread.State.BLOCKED, t.getState());
  }

  /**
   * R2b: the same race for a create under matches(..): the read sent while the create was pending
   * does not list it, the create confirms before the query took the read, and the new entity leaves
   * the list for a state, then comes back.
   */
  @Test
  void aCreateConfirmRacingTheReadsFinishDoesNotFlickerItOut() {
    List<Runnable> tasks = new ArrayList<>();
    Harness h = new Harness(b -> b.notifyOn(tasks::add));
    board(h);
    Lister lister = new Lister(h.server);
    Query<ByDone, String, Card> open = h.store.query(lister.type(true).build(), OPEN);
    CompletableFuture<Void> first = open.refetch();
    run(tasks);
    first.join();
    List<List<String>> seen = new ArrayList<>();
    var unused = open.subscribe(s -> seen.add(ids(s.items())));
    run(tasks);

    Mutation<String, Card> m = h.store.create(new Card(null, "card b2", false, 0));
    run(tasks);
    lister.hold = true;
    CompletableFuture<Void> read = open.refetch(); // the server has no b2 yet
    FakeServer.Call call = h.server.next();
    lister.release();
    call.answerLikeServer();
    run(tasks);
    read.join();
    assertEquals(List.of("a", m.id(), "c", "e"), ids(open));
    int from = 0;
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).size() == 4) {
        from = i;
        break;
      }
    }
    for (List<String> l : seen.subList(from, seen.size())) {
      assertEquals(4, l.size(), "the created card left the list for a moment: " + seen);
    }
  }

  /** R7 (minor): a query never read shows entities a mutation made match, with status IDLE. */
  @Test
  void aQueryNeverReadShowsNothing() {
    Harness h = board();
    h.store.load(h.server.all());
    Query<ByDone, String, Card> done = h.store.query(new Lister(h.server).type(true).build(), DONE);
    h.store.update("c", CardPatch.empty().done(true));
    QueryState<Card> s = done.state();
    assertEquals(List.of(), ids(s.items()), s.status() + " " + ids(s.items()));
  }

  private static Object field(Object o, String name) throws Exception {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  private static void run(List<Runnable> tasks) {
    while (!tasks.isEmpty()) {
      tasks.remove(0).run();
    }
  }
}
