package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A store of Cards over a {@link FakeServer} and a {@link VirtualScheduler}, recording events. */
final class Harness {
  final FakeServer server = new FakeServer();
  final VirtualScheduler clock = new VirtualScheduler();
  final List<Change<String, Card>> changes = Collections.synchronizedList(new ArrayList<>());
  final List<Transition<String, Card>> transitions =
      Collections.synchronizedList(new ArrayList<>());
  final SyncStore<String, Card> store;
  private final AtomicInteger keys = new AtomicInteger();
  private final AtomicInteger temps = new AtomicInteger();

  /** No jitter, 100 ms doubling backoff, 5 attempts. */
  static RetryPolicy exactRetry() {
    return RetryPolicy.defaults()
        .withJitter(0, new SplittableRandom(1)::nextDouble)
        .withBackoff(Duration.ofMillis(100), 2, Duration.ofSeconds(10));
  }

  Harness() {
    this(b -> {});
  }

  Harness(Consumer<SyncStore.Builder<String, Card>> config) {
    this(CardType.TYPE, config);
  }

  Harness(CardType type, Consumer<SyncStore.Builder<String, Card>> config) {
    SyncStore.Builder<String, Card> b =
        SyncStore.of(type)
            .remote(server)
            .notifyOn(Runnable::run)
            .scheduler(clock)
            .retry(exactRetry())
            .idempotencyKeys(() -> "key-" + keys.incrementAndGet())
            .tempIds(() -> "tmp-" + temps.incrementAndGet());
    config.accept(b);
    store = b.build();
    store.subscribe(changes::add);
    store.onTransition(transitions::add);
  }

  /** Puts cards on the server and loads them into the store. */
  Harness withCards(String... ids) {
    for (String id : ids) {
      server.put(id, "title " + id, false);
    }
    store.load(server.all());
    changes.clear();
    return this;
  }

  Card view(String id) {
    return store.get(id).orElseThrow(() -> new AssertionError(id + " is not visible"));
  }

  List<Change.Cause> causes() {
    synchronized (changes) {
      return changes.stream().map(Change::cause).toList();
    }
  }

  Change<String, Card> lastChange() {
    synchronized (changes) {
      return changes.get(changes.size() - 1);
    }
  }

  /** Asserts that every synced field of the view equals the server's. */
  void assertSyncedWithServer(String id) {
    Card v = view(id);
    Card s = server.get(id);
    assertEquals(s.title, v.title, "title of " + id);
    assertEquals(s.done, v.done, "done of " + id);
    assertEquals(s.version, v.version, "version of " + id);
  }
}
