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

/**
 * Moves the virtual clock while real HTTP answers arrive, until a future completes. Public so that
 * the other breakers packages (breakers8) drive their stores with it too.
 */
public final class Drive {
  private Drive() {}

  public static RetryPolicy retry() {
    return RetryPolicy.defaults().withJitter(0, () -> 0.5);
  }

  public static void until(VirtualScheduler clock, Future<?> done, String what) {
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

  public static void idle(VirtualScheduler clock, SyncStore<?, ?> store) {
    until(clock, store.idle(), "store.idle(); pending=" + store.pending());
  }

  public static void settled(VirtualScheduler clock, Mutation<?, ?> m) {
    until(clock, m.result(), "mutation " + m);
  }
}
