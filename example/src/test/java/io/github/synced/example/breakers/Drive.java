package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Moves the virtual clock while real HTTP answers arrive, until a future completes. */
final class Drive {
  private Drive() {}

  static RetryPolicy retry() {
    return RetryPolicy.defaults().withJitter(0, () -> 0.5);
  }

  static void until(VirtualScheduler clock, Future<?> done, String what) {
    for (int i = 0; i < 600; i++) {
      try {
        done.get(20, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        clock.advance(Duration.ofMillis(250));
      } catch (ExecutionException e) {
        return; // completed exceptionally: the caller inspects it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    fail("never completed within ~12 s of wall time: " + what);
  }

  static void idle(VirtualScheduler clock, SyncStore<?, ?> store) {
    until(clock, store.idle(), "store.idle(); pending=" + store.pending());
  }

  static void settled(VirtualScheduler clock, Mutation<?, ?> m) {
    until(clock, m.result(), "mutation " + m);
  }
}
