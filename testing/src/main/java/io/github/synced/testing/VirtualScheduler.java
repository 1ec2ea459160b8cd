package io.github.synced.testing;

import io.github.synced.runtime.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A scheduler for tests: time stands still until the test {@linkplain #advance advances} it, and
 * due tasks then run on the test's thread in the order of their due time (ties in the order they
 * were scheduled). Safe to schedule into from any thread.
 */
public final class VirtualScheduler implements Scheduler {

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private Instant now;
  private long nextSeq;

  /** A virtual clock that starts at {@link Instant#EPOCH}. */
  public VirtualScheduler() {
    this(Instant.EPOCH);
  }

  /** A virtual clock that starts at {@code start}. */
  public VirtualScheduler(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(task, "task");
    Duration d = delay.isNegative() ? Duration.ZERO : delay;
    Task t = new Task(now.plus(d), nextSeq++, task);
    tasks.add(t);
    return () -> {
      synchronized (this) {
        tasks.remove(t);
      }
    };
  }

  /**
   * Moves the clock forward by {@code duration}, running every task that falls due on the way
   * (tasks those tasks schedule included) at its due time.
   */
  public void advance(Duration duration) {
    Instant until;
    synchronized (this) {
      until = now.plus(duration);
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(until)) {
          now = until;
          return;
        }
        tasks.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.task.run();
    }
  }

  /**
   * Moves the clock to the next task's due time and runs that one task.
   *
   * @return false if no task was scheduled
   */
  public boolean runNext() {
    Task next;
    synchronized (this) {
      next = tasks.poll();
      if (next == null) {
        return false;
      }
      if (next.due.isAfter(now)) {
        now = next.due;
      }
    }
    next.task.run();
    return true;
  }

  /** When the next task falls due, if any is scheduled. */
  public synchronized Optional<Instant> nextDue() {
    Task next = tasks.peek();
    return next == null ? Optional.empty() : Optional.of(next.due);
  }

  /** How many tasks are scheduled and not yet run. */
  public synchronized int scheduled() {
    return tasks.size();
  }

  private record Task(Instant due, long seq, Runnable task) {}
}
