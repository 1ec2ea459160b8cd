package io.github.synced.runtime;

import java.time.Duration;

/**
 * A query's timers, which run only while someone watches it: the interval of {@link
 * QueryType.Builder#refetchEvery}, and the moment its answer turns stale ({@link
 * QueryType.Builder#staleAfter}), when subscribers are told. Its own monitor guards it; the store's
 * {@link Scheduler} is called outside it.
 */
final class QueryTimers {

  private final Scheduler scheduler;
  private final Duration every;
  private final Duration fresh;
  private final Runnable tick;
  private final Runnable turnedStale;

  /** Guarded by this. */
  private boolean watched;

  private Scheduler.Cancellable interval;
  private Scheduler.Cancellable staleness;

  /**
   * @param tick what the interval does (reads the query again)
   * @param turnedStale what happens when an answer turns stale (subscribers are told)
   */
  QueryTimers(Scheduler scheduler, QueryType<?, ?> type, Runnable tick, Runnable turnedStale) {
    this.scheduler = scheduler;
    this.every = type.refetchEvery();
    this.fresh = type.staleAfter();
    this.tick = tick;
    this.turnedStale = turnedStale;
  }

  /** Someone watches now: the interval starts. */
  void watched() {
    synchronized (this) {
      if (watched) {
        return;
      }
      watched = true;
    }
    scheduleInterval();
  }

  /** Nobody watches any more (or the query closed): every timer stops. */
  void unwatched() {
    Scheduler.Cancellable i;
    Scheduler.Cancellable s;
    synchronized (this) {
      watched = false;
      i = interval;
      s = staleness;
      interval = null;
      staleness = null;
    }
    cancel(i);
    cancel(s);
  }

  /** A read answered: while watched, subscribers are told when the answer turns stale. */
  void answered() {
    if (fresh.isZero()) {
      return; // stale at once: the state says so from the start
    }
    synchronized (this) {
      if (!watched) {
        return;
      }
    }
    Scheduler.Cancellable c = scheduler.schedule(fresh, turnedStale);
    Scheduler.Cancellable old;
    synchronized (this) {
      old = watched ? staleness : c;
      staleness = watched ? c : staleness;
    }
    cancel(old);
  }

  private void scheduleInterval() {
    if (every == null) {
      return;
    }
    Scheduler.Cancellable c = scheduler.schedule(every, this::fire);
    boolean keep;
    synchronized (this) {
      keep = watched && interval == null;
      if (keep) {
        interval = c;
      }
    }
    if (!keep) {
      c.cancel();
    }
  }

  private void fire() {
    synchronized (this) {
      interval = null;
      if (!watched) {
        return;
      }
    }
    scheduleInterval();
    tick.run();
  }

  private static void cancel(Scheduler.Cancellable c) {
    if (c != null) {
      c.cancel();
    }
  }
}
