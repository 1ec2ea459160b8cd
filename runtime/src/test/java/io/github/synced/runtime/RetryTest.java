package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Transient failures: bounded retries with backoff and jitter, same key, effect kept (rule 5). */
class RetryTest {

  private static SyncFailure unavailable() {
    return SyncFailure.transientFailure(503, "unavailable", null, null);
  }

  @Test
  void transientFailureIsRetriedWithBackoffTheSameKeyAndTheEffectKept() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server.next().fail(unavailable());
    assertEquals(MutationState.RETRYING, m.state());
    assertEquals("mine", h.view("t1").title, "the effect stays while retrying");
    h.clock.advance(Duration.ofMillis(99));
    assertEquals(0, h.server.waiting());
    h.clock.advance(Duration.ofMillis(1));
    assertEquals(1, h.server.waiting(), "second attempt after 100 ms");

    h.server.next().fail(unavailable());
    h.clock.advance(Duration.ofMillis(199));
    assertEquals(0, h.server.waiting());
    h.clock.advance(Duration.ofMillis(1));
    assertEquals(1, h.server.waiting(), "third attempt after 200 more ms");
    h.server.next().succeed();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(3, m.attempts());
    assertEquals(
        List.of("key-1", "key-1", "key-1"),
        h.server.sent.stream().map(Write::idempotencyKey).toList());
    assertEquals(List.of(1, 2, 3), h.server.sent.stream().map(Write::attempt).toList());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void retryAfterHintIsHonoured() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("mine"));

    h.server
        .next()
        .fail(SyncFailure.transientFailure(429, "slow down", Duration.ofSeconds(5), null));

    h.clock.advance(Duration.ofMillis(4999));
    assertEquals(0, h.server.waiting());
    h.clock.advance(Duration.ofMillis(1));
    assertEquals(1, h.server.waiting());
  }

  @Test
  void exhaustedRetriesRollBackWithTheLastFailure() {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(3))).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    SyncFailure last = unavailable();

    h.server.next().fail(unavailable());
    h.clock.advance(Duration.ofMillis(100));
    h.server.next().fail(unavailable());
    h.clock.advance(Duration.ofMillis(200));
    h.server.next().fail(last);

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertSame(last, m.error().orElseThrow());
    assertEquals("title t1", h.view("t1").title);
    assertEquals(3, h.server.sent.size());
    assertEquals(0, h.clock.scheduled(), "no retry left behind");
  }

  @Test
  void jitterIsSeededAndStaysWithinItsSpread() {
    RetryPolicy a = RetryPolicy.defaults().withJitter(0.5, new SplittableRandom(42)::nextDouble);
    RetryPolicy b = RetryPolicy.defaults().withJitter(0.5, new SplittableRandom(42)::nextDouble);
    List<Duration> first = new ArrayList<>();
    List<Duration> second = new ArrayList<>();
    for (int attempt = 1; attempt <= 6; attempt++) {
      first.add(a.delay(attempt, null));
      second.add(b.delay(attempt, null));
    }
    assertEquals(first, second, "the same seed gives the same waits");
    for (int attempt = 1; attempt <= 6; attempt++) {
      long nominal = Math.min(200L << (attempt - 1), 10_000);
      long ms = first.get(attempt - 1).toMillis();
      assertTrue(ms >= nominal / 2 && ms <= Math.min(nominal * 3 / 2, 10_000), attempt + ": " + ms);
    }
  }

  @Test
  void retriesOfTheHeadHoldBackLaterMutationsOfTheEntity() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("first"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().title("second"));

    h.server.next().fail(unavailable());
    assertEquals(0, h.server.waiting());
    assertEquals(MutationState.QUEUED, second.state());
    h.clock.advance(Duration.ofMillis(100));
    assertEquals("first", h.server.next().write.patch().get(CardField.TITLE));
    h.server.next().succeed();
    assertEquals("second", h.server.next().write.patch().get(CardField.TITLE));
  }

  @Test
  void retryAfterHintIsCappedAtTheLongestBackoff() {
    Harness h =
        new Harness(
                b ->
                    b.retry(
                        Harness.exactRetry()
                            .withBackoff(Duration.ofMillis(100), 2, Duration.ofSeconds(30))))
            .withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.server
        .next()
        .fail(SyncFailure.transientFailure(429, "come back tomorrow", Duration.ofDays(1), null));
    h.clock.advance(Duration.ofSeconds(30));

    assertEquals(MutationState.SENDING, m.state(), "sent again after maxBackoff, not a day");
    assertEquals(2, h.server.sent.size());
  }
}
