package io.github.synced.example.breakers11;

import static io.github.synced.runtime.QueryState.Status.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.Subscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Edges of queries a UI hits on day one, over scripted reads. Issue 11 tester. */
class QueryEdgesTest extends ScriptedBase {

  @Test
  void aPushedDeleteLeavesTheLists() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    store.receiveDeleted("2");
    assertEquals(List.of("1"), ids(open));
  }

  @Test
  void aWholeCollectionRefetchThatDropsAnEntityDropsItFromTheLists() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    var unused = store.refetch();
    writes.fetchAlls.get(writes.fetchAlls.size() - 1).complete(List.of(issue("1", "a", "open", 1)));
    assertTrue(store.get("2").isEmpty());
    assertEquals(List.of("1"), ids(open), "the store deleted 2; the list must not show it");
  }

  @Test
  void aFirstReadWhileAMarkIsPendingDoesNotShowTheMarkedIssue() {
    store.load(List.of(issue("1", "a", "open", 1), issue("2", "b", "open", 1)));
    Mutation<String, Issue> m = issues.update("2", p -> p.state("closed"));
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertEquals(
        List.of("1"),
        ids(open),
        "the open list, first read while the mark is pending, shows issue 2 whose state is "
            + store.get("2").orElseThrow().getState());
    Query<ByState, String, Issue> closed = ready("closed");
    assertEquals(List.of("2"), ids(closed), "the pending mark moves it into closed");
    confirm(writes.last(), issue("2", "b", "closed", 2));
    assertTrue(m.result().isDone());
    assertEquals(List.of("1"), ids(open));
  }

  /**
   * Documented (README, Queries): until a create's answer arrives, a read that already lists the
   * new entity under its server id shows it twice, as the store does; once the answer arrives,
   * once.
   */
  @Test
  void aCreateTheServerListsBeforeItsAnswerShowsTwiceAsTheStoreDoesThenOnce() {
    QueryType<ByState, Issue> mine = QueryType.builder("mine", reads).createsAtTop().build();
    Query<ByState, String, Issue> q = store.query(mine, new ByState("mine"));
    var unused = q.refetch();
    reads.answer(null, issue("1", "a", "open", 1));
    Mutation<String, Issue> c = store.create(new Issue(null, "new", "open", 0));
    var unused2 = q.refetch(); // the server applied the POST; its answer is still on the way
    reads.answer(null, issue("7", "new", "open", 1), issue("1", "a", "open", 1));
    assertEquals(3, q.items().size(), "the temporary and the listed copy, as the store has them");
    assertEquals(3, store.all().size());
    confirm(writes.last(), issue("7", "new", "open", 1));
    assertTrue(c.result().isDone());
    assertEquals(List.of("7", "1"), ids(q), "after the confirm the new issue shows once");
  }

  @Test
  void aCreateWithMatchesListedBeforeItsAnswerShowsOnce() {
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    Mutation<String, Issue> c = store.create(new Issue(null, "b", "open", 0));
    var unused = open.refetch();
    reads.answer(null, issue("1", "a", "open", 1), issue("7", "b", "open", 1));
    confirm(writes.last(), issue("7", "b", "open", 1));
    assertTrue(c.result().isDone());
    assertEquals(List.of("1", "7"), ids(open), "one element after the confirm");
  }

  @Test
  void aFirstReadWhileADeleteIsPendingDoesNotShowTheDeletedIssue() {
    store.load(List.of(issue("1", "a", "open", 1), issue("2", "b", "open", 1)));
    Mutation<String, Issue> d = store.delete("2");
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertEquals(List.of("1"), ids(open), "a pending delete hides it from a list read later");
    reject(writes.last());
    assertTrue(d.result().isCompletedExceptionally());
    assertEquals(List.of("1", "2"), ids(open), "back at its index");
  }

  /** As above, with matches(..): shown as the store shows it while the POST's answer is away. */
  @Test
  void aCreateWithMatchesListedBeforeItsAnswerShowsAsTheStoreDoes() {
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    var c = store.create(new Issue(null, "b", "open", 0));
    var unused2 = open.refetch();
    reads.answer(null, issue("1", "a", "open", 1), issue("7", "b", "open", 1));
    assertEquals(
        store.all().stream().map(Issue::getId).sorted().toList(),
        open.items().stream().map(Issue::getId).sorted().toList(),
        "while the POST's answer is on the way: " + open.items());
    confirm(writes.last(), issue("7", "b", "open", 1));
    assertTrue(c.result().isDone());
    assertEquals(List.of("1", "7"), ids(open));
  }

  @Test
  void aSubscriberWaitingOnAnotherThreadThatUsesTheStoreDoesNotDeadlock() throws Exception {
    store.load(List.of(issue("1", "a", "open", 1)));
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    AtomicReference<String> problem = new AtomicReference<>();
    Subscription unusedSub =
        q.subscribe(
            s -> {
              if (s.status() != READY || !s.items().get(0).getTitle().equals("a")) {
                return;
              }
              Thread other =
                  new Thread(
                      () -> {
                        var unusedM = issues.update("1", p -> p.title("b"));
                        var unusedS = store.query(byState, new ByState("closed")).state();
                        var unusedR = q.refetch();
                      });
              other.start();
              try {
                other.join(5000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (other.isAlive()) {
                problem.set(
                    "the subscriber ran under a lock: another thread could not use the store");
              }
            });
    reads.answer(null, issue("1", "a", "open", 1));
    assertEquals(null, problem.get());
    assertEquals("b", store.get("1").orElseThrow().getTitle());
  }

  @Test
  void cancellingInsideTheSubscriberStopsIt() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    AtomicReference<Subscription> self = new AtomicReference<>();
    Recorder r = new Recorder();
    self.set(
        q.subscribe(
            s -> {
              r.accept(s);
              if (s.status() == READY && self.get() != null) {
                self.get().cancel();
              }
            }));
    reads.answer(null, issue("1", "a", "open", 1));
    int heard = r.states.size();
    var unused = q.refetch();
    reads.answer(null, issue("1", "b", "open", 2));
    assertEquals(heard, r.states.size(), "a cancelled subscriber heard more");
  }

  @Test
  void aDeleteOnASecondPageComesBackThereOnFailure() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    var unused = q.refetch();
    reads.answer("p2", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    var unused2 = q.loadMore();
    reads.answer(null, issue("3", "c", "open", 1), issue("4", "d", "open", 1));
    Mutation<String, Issue> d = store.delete("3");
    assertEquals(List.of("1", "2", "4"), ids(q));
    reject(writes.last());
    assertTrue(d.result().isCompletedExceptionally());
    assertEquals(List.of("1", "2", "3", "4"), ids(q));
  }

  @Test
  void manyThreadsAskForOneQueryAndOneRead() throws Exception {
    int n = 8;
    CyclicBarrier barrier = new CyclicBarrier(n);
    Set<Object> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  barrier.await(5, TimeUnit.SECONDS);
                  Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
                  seen.add(q);
                  var unused = q.refetch();
                  Subscription unusedSub = q.subscribe(s -> {});
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  done.countDown();
                }
              });
      t.start();
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(1, seen.size());
    assertEquals(1, reads.count(), "one read for 8 threads: " + reads.reads);
    reads.answer(null, issue("1", "a", "open", 1));
    assertSame(READY, store.query(byState, new ByState("open")).state().status());
    assertFalse(store.query(byState, new ByState("open")).state().loadingMore());
  }
}
