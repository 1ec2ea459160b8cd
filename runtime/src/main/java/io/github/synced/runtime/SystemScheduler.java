package io.github.synced.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Scheduler#system()}: the system clock and one shared daemon timer thread that only keeps
 * time. Due tasks run on a shared pool of daemon worker threads, never on the timer thread, so a
 * task that blocks (user code it runs: a remote, a listener) never delays another store's retries.
 */
final class SystemScheduler implements Scheduler {

  static final SystemScheduler INSTANCE = new SystemScheduler();

  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService workers;

  private SystemScheduler() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "synced-timer");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    AtomicInteger n = new AtomicInteger();
    workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "synced-worker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    long nanos = Math.max(0, delay.toNanos());
    var future = timer.schedule(() -> workers.execute(task), nanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
