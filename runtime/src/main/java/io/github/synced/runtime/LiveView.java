package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A live, filtered and sorted list of a store's entities, made by {@link SyncStore#view(Predicate,
 * Comparator)}: the visible entities (base ⊕ pending mutations ⊕ local-only values, as {@link
 * SyncStore#get} shows them) that match the filter, in the comparator's order, ties in the store's
 * insertion order (a re-keyed entity and one whose delete failed keep their place).
 *
 * <p><b>Kept up to date from the store's changes.</b> The view hears every {@link Change} and moves
 * only the entity it concerns: an edit that makes it match or stop matching moves it in or out at
 * once, a delete hides it, a failed delete brings it back at its place in the order, a re-keyed
 * create stays one element under its real id, a failed create leaves. A change costs O(log n)
 * comparisons to find the entity's old and new rows and one array move of O(n) references; nothing
 * is sorted again.
 *
 * <p><b>What subscribers get.</b> {@link #subscribe} hands a subscriber the current list at once
 * and then every new one, in order, on the store's {@linkplain SyncStore.Builder#notifyOn notify
 * executor}, never under the store's lock: a subscriber may call back into the store. A list is
 * handed out only when the view's content or order changed: a change of an entity that neither
 * matched nor matches, or one that moves nothing and leaves its synced fields as they were (an edit
 * that sets the values it already has), is not announced; a local-only edit of a shown entity
 * always is. Each list is unmodifiable and its elements are copies that belong to whoever got the
 * list: an element is copied from the view's own instance the first time it is read, and is the
 * same instance on every later read, so handing a list out costs O(n) references, not n copies. The
 * view's own instances are never handed out, and the store's never reach the view.
 *
 * <p><b>Threads.</b> The view changes on the notify executor, as the store's listeners hear their
 * changes; {@link #items()} and {@link #size()} may be called from any thread and answer as of the
 * last change the view has taken (with {@code notifyOn(Runnable::run)}, as soon as the store's call
 * returns).
 *
 * <p><b>User code that throws.</b> A filter or comparator that throws for an entity is reported to
 * the uncaught-exception handler of the thread that runs it, and the entity is left out of the view
 * until a later change of it lets both succeed; the store and its other listeners carry on. A
 * subscriber that throws is reported the same way; the others still get the list. Filter and
 * comparator run outside the store's lock but should be quick pure functions of the entity: they
 * run for every change of every entity.
 *
 * <p>{@link #close()} detaches the view: the store no longer tells it anything, its rows are
 * dropped, and its subscribers hear nothing more.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class LiveView<K, E> implements AutoCloseable {

  private final UnaryOperator<E> copier;
  private final Executor notifier;
  private final List<Watcher<E>> watchers = new CopyOnWriteArrayList<>();

  /** Guarded by this view. */
  private final Ranked<K, E> ranked;

  /** The store's entities when the view was made, until the first use sorts them; guarded. */
  private List<Ranked.Row<K, E>> start;

  /** The list last handed out, or {@code null} once the rows changed; guarded. */
  private List<E> shown;

  private boolean closed;
  private Subscription feed;

  private LiveView(Core<K, E> core, Predicate<? super E> filter, Comparator<? super E> order) {
    this.copier = core.type::copy;
    this.notifier = core.listeners.executor();
    this.ranked = new Ranked<>(core.type, filter, order);
  }

  /**
   * A view of {@code core}'s entities: it starts hearing changes under the store's lock, together
   * with a copy of what is visible then, so no change is missed or taken twice.
   */
  static <K, E> LiveView<K, E> open(
      Core<K, E> core, Predicate<? super E> filter, Comparator<? super E> order) {
    Objects.requireNonNull(filter, "filter");
    LiveView<K, E> v = new LiveView<>(core, filter, order);
    Subscription feed =
        core.read(
            () -> {
              List<Ranked.Row<K, E>> all = new ArrayList<>(core.entities.size());
              for (Journal<K, E> j : core.entities) {
                if (j.view != null) {
                  all.add(new Ranked.Row<>(j.id, j.bornAt(), core.type.copy(j.view)));
                }
              }
              synchronized (v) { // not published yet: nobody else can hold it
                v.start = all;
              }
              return core.listeners.onChange(v::hear);
            });
    synchronized (v) {
      v.feed = feed;
      v.settle(); // filter and sort outside the store's lock
    }
    return v;
  }

  /** The matching entities in order: an unmodifiable list of copies the caller owns. */
  public List<E> items() {
    synchronized (this) {
      return new Copies<>(current(), copier);
    }
  }

  /** How many entities the view shows. */
  public int size() {
    synchronized (this) {
      settle();
      return ranked.size();
    }
  }

  /**
   * Hands {@code subscriber} the current list, then each new one, in order, on the store's notify
   * executor; see the class comment for what a list holds and when one is handed out.
   *
   * @throws IllegalStateException if the view is closed
   */
  public Subscription subscribe(Consumer<? super List<E>> subscriber) {
    Watcher<E> w = new Watcher<>(subscriber);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the view is closed");
      }
      watchers.add(w);
    }
    notifier.execute(
        () -> {
          List<E> now;
          synchronized (this) {
            if (closed || !w.active) {
              return;
            }
            now = current();
          }
          w.primed = true; // from here on it hears every change: the executor runs tasks in order
          w.hand(new Copies<>(now, copier));
        });
    return () -> {
      w.active = false;
      watchers.remove(w);
    };
  }

  /** Detaches the view from the store; its rows are dropped and its subscribers hear no more. */
  @Override
  public void close() {
    Subscription f;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      f = feed;
      start = null;
      shown = null;
      ranked.clear();
    }
    f.cancel();
    watchers.forEach(w -> w.active = false);
    watchers.clear();
  }

  /** Takes one change of the store (on the notify executor) and announces the new list. */
  private void hear(Change<K, E> c) {
    List<E> now;
    synchronized (this) {
      if (closed) {
        return;
      }
      settle();
      if (!ranked.apply(c)) {
        return;
      }
      shown = null;
      if (watchers.isEmpty()) {
        return;
      }
      now = current();
    }
    for (Watcher<E> w : watchers) {
      if (w.primed) {
        w.hand(new Copies<>(now, copier));
      }
    }
  }

  /** Filters and sorts the store's entities the first time the view is used (guarded). */
  private void settle() {
    if (start != null) {
      List<Ranked.Row<K, E>> all = start;
      start = null;
      ranked.fill(all);
    }
  }

  /** The view's own instances in order, shared by the lists handed out since they last changed. */
  private List<E> current() {
    settle();
    if (shown == null) {
      shown = ranked.entities();
    }
    return shown;
  }

  /** A subscriber; it hears changes once it had the list current when it subscribed. */
  private static final class Watcher<E> {
    final Consumer<? super List<E>> consumer;
    volatile boolean active = true;
    volatile boolean primed;

    Watcher(Consumer<? super List<E>> consumer) {
      this.consumer = Objects.requireNonNull(consumer, "subscriber");
    }

    void hand(List<E> list) {
      if (!active) {
        return;
      }
      try {
        consumer.accept(list);
      } catch (Throwable t) {
        AfterLock.report(t);
      }
    }
  }
}
