package io.github.synced.example.breakers11b;

import static io.github.synced.example.breakers11b.Fixtures.await;
import static io.github.synced.example.breakers11b.Fixtures.ids;
import static io.github.synced.example.breakers11b.Fixtures.serverIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.example.breakers11b.Fixtures.ByDone;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.Subscription;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads, the default notify executor, subscribers that call back in. Bounded waits. */
class QueryThreadsTest {
  final JsonServer server;
  final HttpRemote<Long, Note> remote;
  final SyncStore<Long, Note> store;
  final NoteMutations notes;
  final QueryType<ByDone, Note> byDone;
  final ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
  final Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();

  QueryThreadsTest() throws Exception {
    server = new JsonServer();
    Fixtures.seed(server, 12);
    remote = Fixtures.notes(server, 100);
    store = SyncStore.of(NoteSync.TYPE).remote(remote).build();
    notes = new NoteMutations(store);
    byDone =
        QueryType.builder("notes by done", remote.pages((ByDone p) -> Map.of("done", p.done())))
            .matches((p, n) -> n.isDone() == p.done())
            .build();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> problems.add(e));
  }

  @AfterEach
  void close() {
    Thread.setDefaultUncaughtExceptionHandler(before);
    server.close();
  }

  static void distinct(QueryState<Note> s, ConcurrentLinkedQueue<Throwable> problems) {
    List<Long> ids = ids(s);
    if (new HashSet<>(ids).size() != ids.size()) {
      problems.add(new AssertionError("an entity shows twice: " + ids));
    }
  }

  @Test
  void manyWritersAndReadersWithSubscribersReadingTheOtherQueryEndConsistent() throws Exception {
    Query<ByDone, Long, Note> open = store.query(byDone, new ByDone(false));
    Query<ByDone, Long, Note> done = store.query(byDone, new ByDone(true));
    AtomicInteger delivered = new AtomicInteger();
    Subscription s1 =
        open.subscribe(
            s -> {
              delivered.incrementAndGet();
              distinct(s, problems);
              var unusedItems = done.items(); // into the other query
              var unusedAll = store.all(); // and into the store
              distinct(done.state(), problems);
            });
    Subscription s2 =
        done.subscribe(
            s -> {
              distinct(s, problems);
              var unusedItems = open.items();
            });
    open.refetch().get(10, TimeUnit.SECONDS);
    done.refetch().get(10, TimeUnit.SECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    ConcurrentLinkedQueue<Mutation<Long, Note>> made = new ConcurrentLinkedQueue<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> jobs = new java.util.ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int seed = w;
      jobs.add(
          pool.submit(
              () -> {
                go.await();
                Random r = new Random(seed);
                for (int i = 0; i < 25; i++) {
                  long id = 1L + r.nextInt(12);
                  boolean to = r.nextBoolean();
                  made.add(notes.update(id, p -> p.done(to)).invalidates(byDone));
                  Thread.sleep(r.nextInt(5));
                }
                return null;
              }));
    }
    for (int rd = 0; rd < 2; rd++) {
      int seed = 100 + rd;
      jobs.add(
          pool.submit(
              () -> {
                go.await();
                Random r = new Random(seed);
                while (writing.get()) {
                  Query<ByDone, Long, Note> q = r.nextBoolean() ? open : done;
                  switch (r.nextInt(3)) {
                    case 0 -> {
                      var unused = q.refetch();
                    }
                    case 1 -> {
                      var unused = q.loadMore();
                    }
                    default -> q.invalidate();
                  }
                  Thread.sleep(2);
                }
                return null;
              }));
    }
    go.countDown();
    for (int i = 0; i < 4; i++) {
      jobs.get(i).get(30, TimeUnit.SECONDS);
    }
    writing.set(false);
    for (Future<?> j : jobs) {
      j.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (Mutation<Long, Note> m : made) {
      m.result().handle((v, e) -> v).get(30, TimeUnit.SECONDS);
    }
    store.idle().get(30, TimeUnit.SECONDS);
    open.refetch().get(10, TimeUnit.SECONDS);
    done.refetch().get(10, TimeUnit.SECONDS);
    await(
        20,
        () -> {
          return open.state().status() == QueryState.Status.READY
              && done.state().status() == QueryState.Status.READY
              && ids(open).equals(serverIds(server, false))
              && ids(done).equals(serverIds(server, true));
        },
        () ->
            "open="
                + ids(open)
                + " server open="
                + serverIds(server, false)
                + " done="
                + ids(done)
                + " server done="
                + serverIds(server, true)
                + " status="
                + open.state().status()
                + "/"
                + done.state().status());
    s1.cancel();
    s2.cancel();
    assertTrue(delivered.get() > 0);
    assertTrue(problems.isEmpty(), "subscriber problems: " + problems);
  }

  @Test
  void closingAQueryFromInsideItsOwnSubscriberNeitherHangsNorThrows() throws Exception {
    Query<ByDone, Long, Note> open = store.query(byDone, new ByDone(false));
    AtomicInteger after = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    CountDownLatch closedLatch = new CountDownLatch(1);
    Subscription unusedSub =
        open.subscribe(
            s -> {
              if (closed.get()) {
                after.incrementAndGet();
                return;
              }
              if (s.status() == QueryState.Status.READY) {
                open.close();
                closed.set(true);
                closedLatch.countDown();
              }
            });
    assertTrue(closedLatch.await(10, TimeUnit.SECONDS), "the first read answered");
    int base = after.get();
    notes.update(1L, p -> p.done(true)).result().get(10, TimeUnit.SECONDS);
    notes.update(2L, p -> p.text("x")).result().get(10, TimeUnit.SECONDS);
    store.idle().get(10, TimeUnit.SECONDS);
    // documented in Query's class comment (not the README): a closed query refuses reads
    assertThrows(IllegalStateException.class, open::refetch);
    assertEquals(base, after.get(), "no state delivered after close");
    assertThrows(IllegalStateException.class, () -> open.subscribe(s -> {}));
    // a fresh query for the same key works
    Query<ByDone, Long, Note> again = store.query(byDone, new ByDone(false));
    again.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(serverIds(server, false), ids(again));
    assertTrue(problems.isEmpty(), "problems: " + problems);
  }

  @Test
  void rapidSubscribeAndCancelFromManyThreadsKeepsOneReadAtATime() throws Exception {
    server.listDelayMs = 3;
    Query<ByDone, Long, Note> open = store.query(byDone, new ByDone(false));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> jobs = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      jobs.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 200; i++) {
                  Subscription s = open.subscribe(st -> distinct(st, problems));
                  if (i % 7 == 0) {
                    open.invalidate();
                  }
                  s.cancel();
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> j : jobs) {
      j.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    CountDownLatch got = new CountDownLatch(1);
    Subscription last =
        open.subscribe(
            s -> {
              if (s.status() == QueryState.Status.READY) {
                got.countDown();
              }
            });
    assertTrue(got.await(10, TimeUnit.SECONDS), "a last subscriber gets READY: " + open.state());
    last.cancel();
    assertEquals(
        1,
        server.maxListsInFlight.get(),
        "one read of a query at a time (README); list GETs seen: " + server.listQueries.size());
    assertTrue(problems.isEmpty(), "problems: " + problems);
  }

  @Test
  void aSubscriberThatMutatesAndRefetchesAnotherQueryFromTheNotifyThreadSettles() throws Exception {
    Query<ByDone, Long, Note> open = store.query(byDone, new ByDone(false));
    Query<ByDone, Long, Note> done = store.query(byDone, new ByDone(true));
    AtomicBoolean once = new AtomicBoolean();
    ConcurrentLinkedQueue<Mutation<Long, Note>> made = new ConcurrentLinkedQueue<>();
    CountDownLatch doneRead = new CountDownLatch(1);
    Subscription sd =
        done.subscribe(
            s -> {
              if (s.status() == QueryState.Status.READY
                  && s.items().stream().anyMatch(n -> Long.valueOf(1L).equals(n.getId()))) {
                doneRead.countDown();
              }
            });
    Subscription so =
        open.subscribe(
            s -> {
              if (s.status() == QueryState.Status.READY && once.compareAndSet(false, true)) {
                made.add(notes.update(1L, p -> p.done(true)).invalidates(byDone));
                var unused = done.refetch();
                var unused2 = open.items();
              }
            });
    assertTrue(
        doneRead.await(15, TimeUnit.SECONDS),
        "the 'done' list gets note 1 after a subscriber of 'open' marked it: " + done.state());
    for (Mutation<Long, Note> m : made) {
      m.result().get(10, TimeUnit.SECONDS);
    }
    store.idle().get(10, TimeUnit.SECONDS);
    so.cancel();
    sd.cancel();
    assertTrue(problems.isEmpty(), "problems: " + problems);
  }
}
