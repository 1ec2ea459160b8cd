package io.github.synced.runtime;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The subscribers of a state that has versions (a {@link Query}'s): each is handed the latest state
 * it has not had yet, in order, on whatever thread delivers (the notify executor), never under a
 * lock; a state replaced before a subscriber's turn is skipped. A subscriber that throws is
 * reported and the others still get the state.
 *
 * @param <S> the state
 */
final class Watchers<S> {

  /** One subscriber; {@link #seen} is guarded by the owner's lock. */
  static final class Watcher<S> {
    final Consumer<? super S> consumer;
    volatile boolean active = true;
    long seen = -1;

    Watcher(Consumer<? super S> consumer) {
      this.consumer = Objects.requireNonNull(consumer, "subscriber");
    }
  }

  private final List<Watcher<S>> all = new CopyOnWriteArrayList<>();

  /** Adds a subscriber; whether it is the only one. */
  boolean add(Watcher<S> w) {
    all.add(w);
    return all.size() == 1;
  }

  /** Stops a subscriber; whether it was the last one. */
  boolean remove(Watcher<S> w) {
    w.active = false;
    return all.remove(w) && all.isEmpty();
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  /** Stops every subscriber. */
  void clear() {
    all.forEach(w -> w.active = false);
    all.clear();
  }

  /**
   * Hands each subscriber the state {@code now} makes, where {@code version} is newer than the one
   * it had; both are read under {@code lock}, the subscriber runs outside it.
   */
  void deliver(Object lock, Supplier<Long> version, Supplier<S> now) {
    for (Watcher<S> w : all) {
      S s;
      synchronized (lock) {
        long v = version.get();
        if (!w.active || w.seen >= v) {
          continue;
        }
        w.seen = v;
        s = now.get();
      }
      if (!w.active) {
        continue;
      }
      try {
        w.consumer.accept(s);
      } catch (Throwable t) {
        AfterLock.report(t);
      }
    }
  }
}
