package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A store's shared state and the steps every part of it takes: the lock and its after-lock work,
 * the id index, the listeners, state moves and announcements. The parts ({@link Edits}, {@link
 * Sends}, {@link Answers}, {@link Intake}) hold a reference to it; {@link SyncStore} is the facade.
 */
final class Core<K, E> {

  /** A "before" that was not copied because nobody listened: the change is not announced. */
  private static final Object UNHEARD = new Object();

  final EntityType<K, E> type;
  final Remote<K, E> remote;
  final Scheduler scheduler;
  final RetryPolicy retry;
  final ConflictPolicy<E> conflictPolicy;
  final boolean parallel;
  final boolean clientIds;
  final Comparator<? super E> order;
  final Supplier<String> keys;
  private final Supplier<K> tempIds;
  private Supplier<K> autoTempIds;

  final ReentrantLock lock = new ReentrantLock();
  final Entities<K, E> entities = new Entities<>();
  final Listeners<K, E> listeners;
  final AfterLock afterLock = new AfterLock();

  /** Counts every change of a base or a local value; reads remember the epoch they started at. */
  long epoch;

  /** Mutations made and not settled, in the order made. */
  private final Unsettled<K, E> unsettled = new Unsettled<>();

  /** Reads and timers the store started on its own (learning a version) not yet done. */
  private int background;

  /** Futures of {@link SyncStore#idle()} waiting for the store to become idle. */
  private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();

  private long sequence;

  final Sends<K, E> sends;
  final Answers<K, E> answers;
  final ReadAgain<K, E> readAgain;
  final Decisions<K, E> decisions;
  final Conflicts<K, E> conflicts;
  final Intake<K, E> intake;
  final Edits<K, E> edits;
  final Bases<K, E> bases;
  final Queries<K, E> queries;

  Core(SyncStore.Builder<K, E> b) {
    this.type = b.type;
    this.remote = b.remote;
    this.scheduler = b.scheduler;
    this.retry = b.retry;
    this.conflictPolicy = b.conflicts;
    this.parallel = b.parallel;
    this.clientIds = b.clientIds;
    this.order = b.order;
    this.keys = b.keys;
    this.tempIds = b.tempIds;
    this.listeners = new Listeners<>(b.notifier != null ? b.notifier : Notifier.of(type.name()));
    this.sends = new Sends<>(this);
    this.answers = new Answers<>(this);
    this.readAgain = new ReadAgain<>(this);
    this.decisions = new Decisions<>(this);
    this.conflicts = new Conflicts<>(this);
    this.intake = new Intake<>(this);
    this.edits = new Edits<>(this);
    this.bases = new Bases<>(this);
    this.queries = new Queries<>(this);
  }

  /**
   * Runs one transition under the lock, then hands its work (remote calls, timers, futures,
   * listener deliveries) to the after-lock queue and drains it outside the lock. If the body
   * throws, the exception reaches the caller once the work it staged is delivered: what it changed
   * before it threw (a mutation the entity refused on the way, say) stays changed and is heard.
   */
  <T> T op(Supplier<T> body) {
    return transition(body, null);
  }

  /** {@link #op} of {@code supplier}, or of {@code runnable} when that is given instead. */
  private <T> T transition(Supplier<T> supplier, Runnable runnable) {
    T result;
    Throwable failure = null;
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        throw new IllegalStateException(
            "a function the store runs under its lock (updater, edit, resolver, comparator,"
                + " supplier) must not call the store");
      }
      try {
        if (runnable != null) {
          runnable.run();
          result = null;
        } else {
          result = supplier.get();
        }
      } catch (RuntimeException | Error ex) {
        failure = ex;
        result = null;
      }
      if (!idleWaiters.isEmpty() && isIdle()) {
        List<CompletableFuture<Void>> done = List.copyOf(idleWaiters);
        idleWaiters.clear();
        afterLock.stageSettle(() -> done.forEach(f -> f.complete(null)));
      }
      afterLock.commit();
    } finally {
      lock.unlock();
    }
    afterLock.drain();
    if (failure instanceof RuntimeException r) {
      throw r;
    } else if (failure instanceof Error e) {
      throw e;
    }
    return result;
  }

  /** Runs {@code body} under the lock, for reads that start no work. */
  <T> T read(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** Every unsettled mutation, oldest first (under the lock): without a walk over the entities. */
  List<Mutation<K, E>> unsettled() {
    return unsettled.handles();
  }

  /** Whether no mutation is pending and no read the store started on its own is outstanding. */
  boolean isIdle() {
    return unsettled.isEmpty() && background == 0;
  }

  /** A future that completes when the store is idle (under the lock). */
  CompletableFuture<Void> idle() {
    if (isIdle()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    idleWaiters.add(f);
    return f;
  }

  /** Counts a read or timer the store starts on its own; {@link #backgroundDone} ends it. */
  void backgroundStarted() {
    background++;
  }

  void backgroundDone() {
    background--;
  }

  /**
   * Runs a transition in reaction to an answer or a timer, on whatever thread completes it. Only a
   * bug gets an exception out of it; it is reported to the thread's uncaught-exception handler
   * instead of vanishing in a future.
   */
  void react(Runnable body) {
    try {
      run(body);
    } catch (RuntimeException | Error bug) {
      AfterLock.report(bug);
    }
  }

  /**
   * Runs {@code work} after the store's current and earlier transitions' work, in order with their
   * listener deliveries, never under the lock: from inside a transition it joins that transition's
   * work; from outside, a transition of its own.
   */
  void afterward(Runnable work) {
    if (lock.isHeldByCurrentThread()) {
      afterLock.stage(work);
    } else {
      run(() -> afterLock.stage(work));
    }
  }

  /** Like {@link #op} for work that returns nothing. */
  void run(Runnable body) {
    transition(null, body);
  }

  // ---------------------------------------------------------------- announcing

  /**
   * A copy of what user code sees of {@code j} before a change, for its announcement: {@code null}
   * where it sees nothing; a marker that skips the announcement where nobody listens.
   */
  @SuppressWarnings("unchecked")
  E before(Journal<K, E> j) {
    if (!listeners.hearChanges(j.id)) {
      return (E) UNHEARD;
    }
    return j.view == null ? null : type.copy(j.view);
  }

  /** Whether {@code before} is the marker of a change nobody hears. */
  boolean unheard(E before) {
    return before == UNHEARD;
  }

  /** Tells the listeners of {@code j} how it changed, if they were listening before the change. */
  void announce(Cause cause, Journal<K, E> j, E before, Layer<K, E> by, SyncFailure error) {
    if (before != UNHEARD) {
      announce(cause, j, before, by, error, j.view == null ? null : type.copy(j.view));
    }
  }

  /**
   * Tells the listeners of {@code j} that server state changed its view from {@code before} (a
   * rebase while mutations are pending, else an external update), if it did change.
   */
  void announceServerChange(Journal<K, E> j, E before) {
    if (j.view != null
        && before != UNHEARD
        && (before == null || !type.diff(before, j.view).isEmpty())) {
      announce(j.hasLayers() ? Cause.REBASE : Cause.EXTERNAL_UPDATE, j, before, null, null);
    }
  }

  /** {@link #announce} with the view's copy made already. */
  void announce(
      Cause cause, Journal<K, E> j, E before, Layer<K, E> by, SyncFailure error, E after) {
    if (before == UNHEARD) {
      return;
    }
    Change<K, E> c =
        new Change<>(
            scheduler.now(),
            cause,
            j.id,
            before,
            after,
            by == null ? null : by.handle,
            error,
            type::copy,
            j.bornAt(),
            epoch);
    afterLock.stage(listeners.deliveryOf(c));
  }

  /**
   * The one place where a mutation's state changes: refuses any move the {@link MutationState}
   * table does not allow, records it for transition listeners and settles the result future.
   */
  void move(Layer<K, E> l, MutationState to, String reason, SyncFailure error) {
    Mutation<K, E> m = l.handle;
    MutationState from = m.state();
    boolean legal = from == null ? to == MutationState.QUEUED : from.canMoveTo(to);
    if (!legal) {
      throw new IllegalStateException(
          "mutation "
              + m.sequence()
              + " of '"
              + m.id()
              + "' cannot move from "
              + from
              + " to "
              + to);
    }
    if (to != from) {
      l.turn++; // whatever waited for the previous state is stale now
    }
    if (from == null) {
      unsettled.add(l);
    } else if (to.isSettled()) {
      unsettled.remove(l);
    }
    m.moveTo(to, error);
    if (listeners.hearTransitions()) {
      Instant at = scheduler.now();
      afterLock.stage(
          listeners.deliveryOf(new Transition<>(at, m.id(), m, from, to, reason, error)));
    }
    if (to == MutationState.CONFIRMED) {
      // The server's state it confirmed, with the local-only values (not other pending edits);
      // never changed again: a new state is a new instance.
      E confirmed = l.kind() == Write.Kind.DELETE ? null : l.journal.state;
      afterLock.stageSettle(() -> m.settle(confirmed, type)); // after the listeners had the change
    } else if (to == MutationState.ROLLED_BACK) {
      afterLock.stageSettle(() -> m.fail(error));
    }
  }

  /**
   * Settles a layer and takes its effect out of the view (or, when it confirmed, leaves the
   * confirmed base to show it): remove, derive, move, announce, start what may start now.
   */
  void settle(Layer<K, E> l, MutationState to, String reason, SyncFailure error, Cause cause) {
    Journal<K, E> j = l.journal;
    E before = before(j);
    j.remove(l);
    derive(j);
    move(l, to, reason, error);
    announce(cause, j, before, l, error);
    sends.pump(j);
  }

  /**
   * Derives a journal's view again; layers the entity refused on the new base are rolled back,
   * unless a send of theirs is on the wire or may have applied: those settle by the server's answer
   * (rule 6), their effect left out of the view meanwhile.
   */
  void derive(Journal<K, E> j) {
    if (j.derive(type)) {
      for (Layer<K, E> l : List.copyOf(j.layers())) {
        if (l.refused != null && !l.inFlight() && !l.unknown && !l.state().isSettled()) {
          j.remove(l);
          move(l, MutationState.ROLLED_BACK, "the entity refused it", l.refused);
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Whether a write of unknown outcome is sent again under its key: the retry policy says so and
   * the remote's server deduplicates by key. Otherwise the server's state decides at once.
   */
  boolean resendsUnknown() {
    return retry.onUnknownOutcome() == RetryPolicy.UnknownOutcome.RETRY
        && remote.deduplicatesByKey();
  }

  Mutation<K, E> newHandle(Write.Kind kind, K id) {
    requireRemote();
    return new Mutation<>(kind, id, newKey(), ++sequence, queries);
  }

  String newKey() {
    return Objects.requireNonNull(keys.get(), "idempotency key");
  }

  void requireRemote() {
    if (remote == null) {
      throw new IllegalStateException(
          "this "
              + type.name()
              + " store has no remote; give one with SyncStore.of(..).remote(..)");
    }
  }

  Supplier<K> temporaryIds() {
    if (tempIds != null) {
      return tempIds;
    }
    if (autoTempIds == null) {
      autoTempIds = TemporaryIds.forType(type.idType());
      if (autoTempIds == null) {
        throw new IllegalArgumentException(
            describe(null, type.idField())
                + ": the store has no temporary ids for id type "
                + type.idType().getName()
                + "; give them with tempIds(..), or build the store with clientAssignedIds()");
      }
    }
    return autoTempIds;
  }

  String describe(Object id, EntityField field) {
    return Layers.describe(type, id, field);
  }

  BadServerDataException bad(Object id, EntityField field, String problem) {
    return Layers.bad(type, id, field, problem);
  }
}
