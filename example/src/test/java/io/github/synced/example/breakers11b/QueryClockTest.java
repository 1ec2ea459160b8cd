package io.github.synced.example.breakers11b;

import static io.github.synced.example.breakers11b.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.example.breakers11b.Fixtures.All;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Page;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.Subscription;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Intervals and staleness on a virtual clock; an invalidation storm in real time. */
class QueryClockTest {
  final JsonServer server;
  final VirtualScheduler clock = new VirtualScheduler();
  final AtomicInteger reads = new AtomicInteger();
  final PageReader<All, Note> reader =
      (p, token) -> {
        reads.incrementAndGet();
        return CompletableFuture.completedFuture(
            Page.of(List.of(new Note(1L, "one", false), new Note(2L, "two", false)), null));
      };

  QueryClockTest() throws Exception {
    server = new JsonServer();
    Fixtures.seed(server, 5);
  }

  @AfterEach
  void close() {
    server.close();
  }

  SyncStore<Long, Note> virtualStore() {
    return SyncStore.of(NoteSync.TYPE)
        .remote(Fixtures.notes(server, 100))
        .scheduler(clock)
        .notifyOn(Runnable::run)
        .build();
  }

  @Test
  void intervalAndStalenessOverManyCyclesPauseAndResumeWithoutLeakingTimers() {
    SyncStore<Long, Note> store = virtualStore();
    QueryType<All, Note> t =
        QueryType.builder("interval", reader)
            .staleAfter(Duration.ofMillis(500))
            .refetchEvery(Duration.ofSeconds(1))
            .build();
    Query<All, Long, Note> q = store.query(t, new All());
    List<QueryState<Note>> got = new ArrayList<>();
    Subscription s = q.subscribe(got::add);
    assertEquals(1, reads.get(), "subscribing reads once");
    int timersAfter10 = -1;
    for (int i = 1; i <= 200; i++) {
      clock.advance(Duration.ofMillis(100));
      assertFalse(q.state().stale(), "100 ms after a read it is fresh (cycle " + i + ")");
      clock.advance(Duration.ofMillis(500));
      assertTrue(q.state().stale(), "600 ms after a read it is stale (cycle " + i + ")");
      clock.advance(Duration.ofMillis(400));
      assertEquals(1 + i, reads.get(), "one read per interval (cycle " + i + ")");
      if (i == 10) {
        timersAfter10 = clock.scheduled();
      }
    }
    assertEquals(timersAfter10, clock.scheduled(), "timers do not pile up over 200 cycles");
    s.cancel();
    int before = reads.get();
    clock.advance(Duration.ofSeconds(100));
    assertEquals(before, reads.get(), "paused without subscribers");
    assertTrue(clock.scheduled() <= timersAfter10, "no timer left running while paused");
    Subscription s2 = q.subscribe(x -> {});
    assertEquals(before + 1, reads.get(), "resubscribing to a stale query reads");
    clock.advance(Duration.ofSeconds(10));
    assertEquals(before + 11, reads.get(), "the interval resumes");
    s2.cancel();
    q.close();
    clock.advance(Duration.ofSeconds(10));
    assertEquals(before + 11, reads.get(), "closed: no more reads");
  }

  @Test
  void invalidatingAnUnsubscribedQueryMarksItStaleAndTheNextSubscriberReads() {
    SyncStore<Long, Note> store = virtualStore();
    QueryType<All, Note> t =
        QueryType.builder("fresh long", reader).staleAfter(Duration.ofHours(1)).build();
    Query<All, Long, Note> q = store.query(t, new All());
    var unused = q.refetch();
    assertEquals(1, reads.get());
    assertFalse(q.state().stale());
    Subscription s = q.subscribe(x -> {});
    assertEquals(1, reads.get(), "fresh: subscribing does not read");
    s.cancel();
    store.invalidate(t, p -> true);
    assertEquals(1, reads.get(), "unsubscribed: invalidation only marks stale");
    assertTrue(q.state().stale());
    Subscription s2 = q.subscribe(x -> {});
    assertEquals(2, reads.get(), "stale: the next subscriber reads");
    s2.cancel();
  }

  /**
   * README: "One read runs at a time; an invalidation while one is on its way reads once more after
   * it." A mutation per millisecond, each invalidating: reads never overlap, they coalesce, and the
   * list ends as the server lists it.
   */
  @Test
  void invalidationStormReadsOneAtATimeAndEndsConsistent() throws Exception {
    server.listDelayMs = 5;
    var remote = Fixtures.notes(server, 100);
    SyncStore<Long, Note> store = SyncStore.of(NoteSync.TYPE).remote(remote).build();
    NoteMutations notes = new NoteMutations(store);
    QueryType<All, Note> t =
        QueryType.builder("all", remote.pages((All p) -> Map.<String, Object>of())).build();
    Query<All, Long, Note> q = store.query(t, new All());
    Subscription s = q.subscribe(x -> {});
    q.refetch().get(10, TimeUnit.SECONDS);
    List<Mutation<Long, Note>> made = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      made.add(notes.update(1L + n % 5, p -> p.text("v" + n)).invalidates(t));
      if (n % 10 == 0) {
        store.invalidate(t, p -> true);
      }
      Thread.sleep(1);
    }
    for (Mutation<Long, Note> m : made) {
      m.result().get(30, TimeUnit.SECONDS);
    }
    store.idle().get(30, TimeUnit.SECONDS);
    List<String> serverTexts =
        server.rows("notes").stream().map(r -> r.get("text").asText()).toList();
    await(
        20,
        () ->
            q.state().status() == QueryState.Status.READY
                && q.items().stream().map(Note::getText).toList().equals(serverTexts),
        () -> q.state().status() + " " + q.items() + " server " + serverTexts);
    s.cancel();
    assertEquals(1, server.maxListsInFlight.get(), "reads of one query never overlap");
    int lists = server.listQueries.size();
    assertTrue(lists <= 100, "200 invalidations over ~200 writes coalesce; list reads: " + lists);
  }
}
