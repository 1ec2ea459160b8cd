package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.example.breakers.VersionedFake.Fault;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An applied write whose answer is lost, then another writer touches another field. */
class UnknownOutcomeVersionedTest {
  private final VersionedFake fake = new VersionedFake();
  private final VirtualScheduler clock = new VirtualScheduler();
  private Wire wire;

  @BeforeEach
  void start() throws Exception {
    wire = new Wire(fake);
    fake.put("t1", "Buy milk", false);
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private void appliedThenOtherWriterThenRetriesExhausted(boolean stripe, Dialect dialect)
      throws Exception {
    fake.stripe = stripe;
    SyncStore<String, BTask> store =
        SyncStore.of(BTaskSync.TYPE)
            .remote(
                HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson())
                    .dialect(dialect)
                    .build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run)
            .build();
    Drive.until(clock, store.refetch(), "refetch");
    fake.fault(Fault.DROP_AFTER_COMMIT);
    for (int i = 0; i < 20; i++) {
      fake.fault(Fault.UNAVAILABLE);
    }
    CountDownLatch unknown = new CountDownLatch(1);
    store.onTransition(
        t -> {
          if (t.error() != null) {
            unknown.countDown();
          }
        });
    // Another writer changes another field between the commit and the lost answer: before the
    // store can ask, so the test does not race the store's read (it did, on a busy machine).
    fake.beforeDrop = () -> fake.secondWriter("t1", "done", true);
    Mutation<String, BTask> m = new BTaskMutations(store).update("t1", p -> p.title("Oat"));
    assertTrue(unknown.await(10, TimeUnit.SECONDS));
    Drive.settled(clock, m);
    Drive.idle(clock, store);
    assertEquals("Oat", fake.row("t1").get("title").asText(), "the server applied it");
    assertEquals(
        MutationState.CONFIRMED,
        m.state(),
        "README rule 6: never reported failed when the server has it; error=" + m.error());
    BTask t = store.get("t1").orElseThrow();
    assertEquals("Oat", t.title);
    if (stripe) {
      return; // a replayed answer is the server's answer at commit: stale but legitimate
    }
    assertTrue(
        t.done,
        "client != server after idle: the server has done=true at version "
            + fake.row("t1").get("updatedAt")
            + ", the client shows done=false at version "
            + t.updatedAt
            + "; requests="
            + wire.requests());
  }

  @Test
  void keyHonouringServer() throws Exception {
    appliedThenOtherWriterThenRetriesExhausted(true, Dialect.plainJson());
  }

  @Test
  void keyIgnoringServer() throws Exception {
    appliedThenOtherWriterThenRetriesExhausted(
        false, Dialect.plainJson().toBuilder().deduplicatesByKey(false).build());
  }

  /**
   * The tester expected the PATCHes to stop at maxAttempts and a GET to decide. A GET cannot tell
   * an applied write that another writer overwrote from one that never applied, so on a server that
   * honours the key the store keeps asking by resending the same bytes under the same key, at the
   * server's pace (Retry-After), until it answers: the replay decides for certain (README,
   * Failures).
   */
  @Test
  void aDeduplicatingServerIsAskedByResendingTheSameBytesUnderTheKeyUntilItAnswers() {
    fake.stripe = true;
    SyncStore<String, BTask> store =
        SyncStore.of(BTaskSync.TYPE)
            .remote(
                HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson()).build())
            .scheduler(clock)
            .retry(Drive.retry().withMaxAttempts(5))
            .notifyOn(Runnable::run)
            .build();
    Drive.until(clock, store.refetch(), "refetch");
    fake.fault(Fault.DROP_AFTER_COMMIT);
    for (int i = 0; i < 60; i++) {
      fake.fault(Fault.UNAVAILABLE); // writes are refused for a minute; reads work
    }
    Mutation<String, BTask> m = new BTaskMutations(store).update("t1", p -> p.title("Oat"));
    Drive.settled(clock, m);

    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertEquals("Oat", fake.row("t1").get("title").asText());
    List<Wire.Req> patches = wire.requests("PATCH");
    assertEquals(62, patches.size(), "the committed one, 60 refused, the replayed one");
    assertEquals(1, patches.stream().map(Wire.Req::key).distinct().count(), "one key");
    assertEquals(1, patches.stream().map(Wire.Req::body).distinct().count(), "the same bytes");
  }
}
