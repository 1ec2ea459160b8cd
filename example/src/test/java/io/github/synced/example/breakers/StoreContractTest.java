package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Smaller promises: the result future, a refusing notifier, handed-out copies. */
class StoreContractTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final MemRemote remote = new MemRemote();

  private SyncStore<String, BTask> store(java.util.concurrent.Executor notifier) {
    remote.put("t1", "Buy milk");
    SyncStore<String, BTask> store =
        SyncStore.of(BTaskSync.TYPE)
            .remote(remote)
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(notifier)
            .build();
    Drive.until(clock, store.refetch(), "refetch");
    return store;
  }

  @Test
  void onlyTheStoreCompletesTheResult() {
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch inSend = new java.util.concurrent.CountDownLatch(1);
    remote.beforeSend =
        w -> {
          inSend.countDown();
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    SyncStore<String, BTask> store = store(Runnable::run);
    Mutation<String, BTask>[] holder = newHolder();
    Thread t =
        new Thread(() -> holder[0] = new BTaskMutations(store).update("t1", p -> p.title("x")));
    t.start();
    try {
      assertTrue(inSend.await(10, java.util.concurrent.TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    Mutation<String, BTask> m = store.pending().get(0);
    boolean hijacked;
    try {
      hijacked = m.result().complete(null) || m.result().cancel(true);
    } catch (UnsupportedOperationException refused) {
      hijacked = false;
    }
    go.countDown();
    Drive.idle(clock, store);
    assertFalse(hijacked, "README: 'only the store completes it'");
    assertEquals("x", m.result().join().title);
  }

  @SuppressWarnings("unchecked")
  private static Mutation<String, BTask>[] newHolder() {
    return (Mutation<String, BTask>[]) new Mutation<?, ?>[1];
  }

  @Test
  void aNotifierThatRefusesWorkDoesNotBreakTheStore() {
    SyncStore<String, BTask> store =
        store(
            r -> {
              throw new RejectedExecutionException("executor shut down");
            });
    store.subscribe(c -> {});
    Mutation<String, BTask> m;
    try {
      m = new BTaskMutations(store).update("t1", p -> p.title("x"));
    } catch (RejectedExecutionException e) {
      throw new AssertionError("update() threw the notifier's refusal although it was made", e);
    }
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertEquals("x", remote.rows.get("t1").title);
  }

  @Test
  void handedOutEntitiesNeverChange() {
    SyncStore<String, BTask> store = store(Runnable::run);
    BTask before = store.get("t1").orElseThrow();
    before.title = "scribbled by the caller";
    assertEquals("Buy milk", store.get("t1").orElseThrow().title);
    Mutation<String, BTask> m = new BTaskMutations(store).update("t1", p -> p.title("x"));
    Drive.idle(clock, store);
    BTask confirmed = m.result().join();
    confirmed.title = "scribbled again";
    assertEquals("x", store.get("t1").orElseThrow().title);
  }
}
