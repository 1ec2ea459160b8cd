package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Who hears a store's changes and transitions, and their delivery: in order, on the store's notify
 * executor, never under the lock. A listener that throws is reported to the delivering thread's
 * uncaught-exception handler and the others still hear the event.
 */
final class Listeners<K, E> {

  private final Executor notifier;
  private final List<Listener<Change<K, E>>> everyChange = new CopyOnWriteArrayList<>();
  private final List<Listener<Transition<K, E>>> transitions = new CopyOnWriteArrayList<>();

  /** Per-entity listeners, by the entity's current id; guarded by the store's lock. */
  private final Map<K, List<Listener<Change<K, E>>>> byId = new HashMap<>();

  Listeners(Executor notifier) {
    this.notifier = notifier;
  }

  /** Whether anyone hears changes of the entity {@code id}: only then is a change built. */
  boolean hearChanges(K id) {
    return !everyChange.isEmpty() || (!byId.isEmpty() && byId.containsKey(id));
  }

  /** Where listeners run: the executor of {@link SyncStore.Builder#notifyOn}. */
  Executor executor() {
    return notifier;
  }

  boolean hearTransitions() {
    return !transitions.isEmpty();
  }

  Subscription onChange(Consumer<? super Change<K, E>> consumer) {
    Listener<Change<K, E>> l = new Listener<>(consumer);
    everyChange.add(l);
    return () -> {
      l.active = false;
      everyChange.remove(l);
    };
  }

  Subscription onTransition(Consumer<? super Transition<K, E>> consumer) {
    Listener<Transition<K, E>> l = new Listener<>(consumer);
    transitions.add(l);
    return () -> {
      l.active = false;
      transitions.remove(l);
    };
  }

  /** Registers a listener of one entity (under the store's lock). */
  Listener<Change<K, E>> onChange(K id, Consumer<? super Change<K, E>> consumer) {
    Listener<Change<K, E>> l = new Listener<>(consumer);
    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(l);
    return l;
  }

  /** Removes a listener of one entity, wherever it is now (under the store's lock). */
  void cancel(K id, Listener<Change<K, E>> l) {
    l.active = false;
    List<Listener<Change<K, E>>> ls = byId.get(id);
    if (ls != null && ls.remove(l)) {
      if (ls.isEmpty()) {
        byId.remove(id);
      }
      return;
    }
    byId.values().forEach(all -> all.remove(l)); // it followed a re-key its caller does not know
    byId.values().removeIf(List::isEmpty);
  }

  /** Per-entity listeners follow an entity to its new id (under the store's lock). */
  void rekey(K from, K to) {
    List<Listener<Change<K, E>>> ls = byId.remove(from);
    if (ls != null) {
      byId.computeIfAbsent(to, k -> new ArrayList<>()).addAll(ls);
    }
  }

  int subscribedIds() {
    return byId.size();
  }

  /** The delivery of {@code change} to its listeners, for the after-lock work (under the lock). */
  Runnable deliveryOf(Change<K, E> change) {
    List<Listener<Change<K, E>>> targets = new ArrayList<>(everyChange);
    List<Listener<Change<K, E>>> own = byId.get(change.id());
    if (own != null) {
      targets.addAll(own);
    }
    return () -> notifier.execute(() -> deliver(targets, change));
  }

  Runnable deliveryOf(Transition<K, E> transition) {
    List<Listener<Transition<K, E>>> targets = List.copyOf(transitions);
    return () -> notifier.execute(() -> deliver(targets, transition));
  }

  private static <T> void deliver(List<Listener<T>> targets, T event) {
    for (Listener<T> l : targets) {
      if (l.active) {
        try {
          l.consumer.accept(event);
        } catch (Throwable t) {
          AfterLock.report(t);
        }
      }
    }
  }

  static final class Listener<T> {
    final Consumer<? super T> consumer;
    volatile boolean active = true;

    Listener(Consumer<? super T> consumer) {
      this.consumer = Objects.requireNonNull(consumer, "listener");
    }
  }
}
