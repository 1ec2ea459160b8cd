package io.github.synced.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A query's timers, which run only while someone watches it: the interval of {@link
 * QueryType.Builder#refetchEvery}, and the moment its answer turns stale ({@link
 * QueryType.Builder#staleAfter}), when subscribers are told. Its own monitor guards it and is taken
 * before the query's (never the other way round); the store's {@link Scheduler} is called outside
 * both.
 */
final class QueryTimers {

  private final Scheduler scheduler;
  private final Duration every;
  private final Duration fresh;
  private final BooleanSupplier watched;
  private final Runnable tick;
  private final Runnable turnedStale;

  /** Guarded by this. */
  private boolean on;

  private Instant answeredAt;
  private Scheduler.Cancellable interval;
  private Scheduler.Cancellable staleness;

  /**
   * @param watched whether someone watches the query now (read under the query's monitor)
   * @param tick what the interval does (reads the query again)
   * @param turnedStale what happens when an answer turns stale (subscribers are told)
   */
  QueryTimers(
      Scheduler scheduler,
      QueryType<?, ?> type,
      BooleanSupplier watched,
      Runnable tick,
      Runnable turnedStale) {
    this.scheduler = scheduler;
    this.every = type.refetchEvery();
    this.fresh = type.staleAfter();
    this.watched = watched;
    this.tick = tick;
    this.turnedStale = turnedStale;
  }

  /**
   * Starts the timers if someone watches now and they are off, stops them if nobody does: called
   * after each subscribe, unsubscribe and close. Deciding under this monitor keeps a subscribe and
   * an unsubscribe racing each other from leaving the timers as the one decided first wanted.
   */
  void sync() {
    Scheduler.Cancellable i = null;
    Scheduler.Cancellable s = null;
    Instant at;
    boolean want;
    synchronized (this) {
      want = watched.getAsBoolean();
      if (want == on) {
        return;
      }
      on = want;
      if (!want) {
        i = interval;
        s = staleness;
        interval = null;
        staleness = null;
      }
      at = answeredAt;
    }
    cancel(i);
    cancel(s);
    if (want && at != null) {
      staleAfter(at); // started: a subscriber is told when the answer it gets turns stale
    }
    scheduleInterval();
  }

  /** A read answered at {@code at}: while watched, subscribers are told when it turns stale. */
  void answered(Instant at) {
    synchronized (this) {
      answeredAt = at;
    }
    staleAfter(at);
  }

  private void staleAfter(Instant at) {
    if (fresh.isZero()) {
      return; // stale at once: the state says so from the start
    }
    Duration left = Duration.between(scheduler.now(), at.plus(fresh));
    if (left.isNegative() || left.isZero()) {
      return; // stale already: the state it gets says so
    }
    Scheduler.Cancellable c = scheduler.schedule(left, turnedStale);
    Scheduler.Cancellable old;
    synchronized (this) {
      old = on ? staleness : c;
      staleness = on ? c : staleness;
    }
    cancel(old);
  }

  private void scheduleInterval() {
    synchronized (this) {
      if (every == null || !on || interval != null) {
        return;
      }
    }
    Scheduler.Cancellable c = scheduler.schedule(every, this::fire);
    boolean keep;
    synchronized (this) {
      keep = on && interval == null;
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
      if (!on) {
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
