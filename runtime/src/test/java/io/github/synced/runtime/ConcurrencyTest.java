package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Several threads mutate while answers, pushes and retry timers complete on other threads (rule
 * 12). Bounded by timeouts on futures, never by sleeps; the same invariants as the randomized
 * schedules must hold once quiet. {@code -Dsynced.reps=N} repeats the run N times in one JVM, to
 * hunt interleavings ({@code -Dsynced.reps=150} found a lost update that one run shows rarely).
 */
class ConcurrencyTest {

  private static final int MUTATORS = 4;
  private static final int OPS = 250;

  @Test
  void threadsMutatingWhileAnswersCompleteElsewhereConvergeToTheServer() throws Exception {
    long seed = Long.getLong("synced.seed", 7L);
    try {
      for (int rep = 0; rep < Integer.getInteger("synced.reps", 1); rep++) {
        run(seed);
      }
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          "threaded run failed (thread interleaving varies; op choices from -Dsynced.seed="
              + seed
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static void run(long seed) throws Exception {
    Harness h =
        new Harness(
            b ->
                b.sendInParallel()
                    .retry(
                        RetryPolicy.defaults()
                            .withBackoff(Duration.ofMillis(10), 2, Duration.ofMillis(100))
                            .withJitter(0.2, new SplittableRandom(seed)::nextDouble)));
    for (int i = 0; i < MUTATORS; i++) {
      h.server.put("card" + i, "title", false);
    }
    h.store.load(h.server.all());
    List<Mutation<String, Card>> made = Collections.synchronizedList(new ArrayList<>());
    Map<String, Invariants.LocalWrite> locals = new ConcurrentHashMap<>();
    AtomicLong localSeq = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(MUTATORS + 4);
    try {
      List<Future<?>> mutators = new ArrayList<>();
      for (int t = 0; t < MUTATORS; t++) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + t);
        String own = "card" + t;
        mutators.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < OPS; i++) {
                    String id = "card" + rnd.nextInt(MUTATORS);
                    switch (rnd.nextInt(4)) {
                      case 0 -> made.add(h.store.update(id, CardPatch.empty().title("t" + i)));
                      case 1 -> made.add(h.store.modify(id, c -> c.done = !c.done));
                      case 2 -> {
                        boolean expanded = rnd.nextBoolean();
                        h.store.local(own, c -> c.expanded = expanded);
                        locals.put(
                            own,
                            new Invariants.LocalWrite(expanded, false, localSeq.incrementAndGet()));
                      }
                      default -> {
                        if (rnd.nextInt(10) == 0) {
                          made.add(h.store.create(new Card(null, "new", false, 0)));
                        } else {
                          made.add(h.store.update(id, CardPatch.empty().done(rnd.nextBoolean())));
                        }
                      }
                    }
                  }
                }));
      }
      List<Future<?>> helpers = new ArrayList<>();
      for (int a = 0; a < 2; a++) {
        SplittableRandom rnd = new SplittableRandom(seed * 17 + a);
        helpers.add(pool.submit(() -> answerUntil(stop, h, rnd)));
      }
      helpers.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  h.clock.advance(Duration.ofMillis(5));
                  Thread.yield();
                }
              }));
      SplittableRandom other = new SplittableRandom(seed * 7);
      helpers.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100 && !stop.get(); i++) {
                  String id = "card" + other.nextInt(MUTATORS);
                  h.store.receive(h.server.edit(id, c -> c.title = "other writer"));
                  Thread.yield();
                }
              }));
      for (Future<?> f : mutators) {
        f.get(30, TimeUnit.SECONDS);
      }
      List<CompletableFuture<Card>> results;
      synchronized (made) {
        results = made.stream().map(m -> m.result().exceptionally(e -> null)).toList();
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      stop.set(true);
      for (Future<?> f : helpers) {
        f.get(30, TimeUnit.SECONDS); // a helper thread that failed fails the test
      }
    } finally {
      stop.set(true);
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "threads stopped");
    }

    assertEquals(0, h.server.waiting());
    assertTrue(made.size() > MUTATORS * OPS / 2, "mutations made: " + made.size());
    Invariants.assertConverged(h, made, locals);
    Invariants.assertListenerSequencesConsistent(h, made);
    for (Card v : h.store.all()) {
      h.assertSyncedWithServer(v.id);
    }
  }

  private static void answerUntil(AtomicBoolean stop, Harness h, SplittableRandom rnd) {
    while (!stop.get()) {
      FakeServer.Call c = h.server.take();
      if (c == null) {
        Thread.yield();
        continue;
      }
      int pick = rnd.nextInt(10);
      if (c.alreadyApplied() || pick < 6) {
        c.answerLikeServer();
      } else if (pick == 6) {
        c.fail(SyncFailure.rejected(422, "refused"));
      } else if (pick == 7) {
        c.fail(SyncFailure.transientFailure(503, "busy", null, null));
      } else if (c.acceptable()) {
        c.applyAndDrop();
      } else {
        c.answerLikeServer();
      }
    }
  }
}
