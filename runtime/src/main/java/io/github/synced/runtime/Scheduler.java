package io.github.synced.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * The store's clock and timer: when things happen (for the event log) and when retries run. Use
 * {@link #system()} in applications and {@code io.github.synced.testing.VirtualScheduler}
 * (synced-testing) in tests, so no test sleeps.
 */
public interface Scheduler {

  /** The current time. */
  Instant now();

  /**
   * Runs {@code task} once, {@code delay} from now (a negative delay counts as zero), on a thread
   * of the scheduler's choosing.
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that may still be cancelled. */
  interface Cancellable {
    /** Keeps the task from running if it has not started. */
    void cancel();
  }

  /** The system clock and one shared daemon timer thread. */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
