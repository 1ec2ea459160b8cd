package io.github.synced.runtime;

import io.github.synced.runtime.QueryState.Status;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a {@link Query} does: its state, one read at a time, its timers and its subscribers. The
 * rows ({@link QueryRows}) live on the store's notify stream; everything else here is guarded by
 * this engine's monitor, which is never held while user code runs or the store's lock is taken.
 */
final class QueryEngine<P, K, E> {

  /** The public handle: what the registry holds and what messages name. */
  private final Query<P, K, E> owner;

  private final Core<K, E> core;
  private final Queries<K, E> registry;
  private final QueryType<P, E> type;
  private final P params;
  private final Executor notifier;
  private final Watchers<QueryState<E>> watchers = new Watchers<>();

  /** Confined to the store's notify stream: see {@link QueryRows}. */
  private final QueryRows<P, K, E> rows;

  /** Guarded by this query: the list last built from {@link #rows}, the query's own instances. */
  private List<E> shown = List.of();

  private boolean everRead;

  private Status status = Status.IDLE;
  private SyncFailure error;
  private Instant updatedAt;
  private long listSent = Long.MIN_VALUE;
  private long invalidatedAt = Long.MIN_VALUE;
  private PageRun<P, K, E> current;
  private CompletableFuture<Void> queued;
  private String next;
  private final Set<String> tokens = new HashSet<>();
  private int pages;
  private long version;
  private final QueryTimers timers;
  private boolean closed;
  private Subscription feed;

  QueryEngine(
      Query<P, K, E> owner,
      Core<K, E> core,
      Queries<K, E> registry,
      QueryType<P, E> type,
      P params) {
    this.owner = owner;
    this.core = core;
    this.registry = registry;
    this.type = type;
    this.params = params;
    this.notifier = core.listeners.executor();
    this.timers =
        new QueryTimers(core.scheduler, type, this::watched, this::tick, this::turnedStale);
    this.rows =
        new QueryRows<>(core.type, params, type.matches(), type.order(), type.createsAtTop());
  }

  /** Starts hearing every change of the store (under its lock, so none is missed). */
  void open() {
    Subscription f = core.read(() -> core.listeners.onChange(this::hear));
    synchronized (this) {
      feed = f;
    }
  }

  QueryType<P, E> type() {
    return type;
  }

  P params() {
    return params;
  }

  QueryState<E> state() {
    synchronized (this) {
      return stateNow();
    }
  }

  Subscription subscribe(Consumer<? super QueryState<E>> subscriber) {
    Watchers.Watcher<QueryState<E>> w = new Watchers.Watcher<>(subscriber);
    boolean read;
    synchronized (this) {
      requireOpen();
      watchers.add(w);
      read = current == null && queued == null && (status == Status.IDLE || stale());
    }
    timers.sync();
    deliverLater();
    if (read) {
      readOnItsOwn();
    }
    return () -> {
      synchronized (this) {
        watchers.remove(w);
      }
      timers.sync(); // nobody watches: no interval, and nobody to tell of staleness
    };
  }

  CompletableFuture<Void> refetch() {
    long sentAt = core.op(() -> ++core.epoch);
    PageRun<P, K, E> r;
    synchronized (this) {
      requireOpen();
      if (current != null && !current.more) {
        return current.done.thenApply(Function.identity());
      }
      if (current != null) {
        if (queued == null) {
          queued = new CompletableFuture<>();
        }
        return queued.thenApply(Function.identity());
      }
      r = begin(false, sentAt);
    }
    deliverLater();
    r.send(null, sentAt);
    return r.done.thenApply(Function.identity());
  }

  CompletableFuture<Void> loadMore() {
    CompletableFuture<Void> wait;
    synchronized (this) {
      requireOpen();
      if (current != null && current.more) {
        return current.done.thenApply(Function.identity());
      }
      wait = current == null ? null : queued != null ? queued : current.done;
      if (wait == null && !everRead) {
        wait = CompletableFuture.completedFuture(null); // nothing to append to: read the first page
      }
    }
    if (wait != null) {
      return wait.isDone() ? refetch() : wait.handle((x, f) -> null).thenCompose(x -> loadMore());
    }
    long sentAt = core.op(() -> ++core.epoch);
    PageRun<P, K, E> r;
    String token;
    SyncFailure refused = null;
    synchronized (this) {
      requireOpen();
      if (current != null || next == null) {
        r = null; // another read started meanwhile, or there is nothing more
      } else if (pages >= type.maxPages()) {
        r = null;
        refused =
            bad(
                "the list holds "
                    + pages
                    + " pages (maxPages) and the server gives a next one; no more are read");
        error = refused;
        status = Status.FAILED;
        next = null;
        version++;
      } else {
        r = begin(true, sentAt);
      }
      token = next;
    }
    if (refused != null) {
      deliverLater();
      return Stages.failed(refused);
    }
    if (r == null) {
      return token == null ? CompletableFuture.completedFuture(null) : loadMore();
    }
    deliverLater();
    r.send(token, sentAt);
    return r.done.thenApply(Function.identity());
  }

  void invalidate() {
    long at = core.op(() -> ++core.epoch);
    boolean read = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      invalidatedAt = at;
      version++;
      if (!watchers.isEmpty()) {
        if (current == null) {
          read = true;
        } else if (queued == null) {
          queued = new CompletableFuture<>();
        }
      }
    }
    deliverLater();
    if (read) {
      readOnItsOwn();
    }
  }

  void close() {
    Subscription f;
    CompletableFuture<Void> waiting;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      f = feed;
      shown = List.of();
      waiting = queued;
      queued = null;
    }
    registry.remove(owner);
    watchers.clear();
    if (f != null) {
      f.cancel();
    }
    timers.sync();
    if (waiting != null) {
      waiting.completeExceptionally(
          new IllegalStateException(this + " was closed before the read asked for ran"));
    }
  }

  /** Whether it was closed: the store then makes a new one for its type and parameters. */
  synchronized boolean isClosed() {
    return closed;
  }

  /** Whether someone subscribes, for its timers. */
  synchronized boolean watched() {
    return !closed && !watchers.isEmpty();
  }

  @Override
  public String toString() {
    return owner.toString();
  }

  // ---------------------------------------------------------------- reading

  /** Starts a read (under this query's monitor). */
  private PageRun<P, K, E> begin(boolean more, long sentAt) {
    current =
        new PageRun<>(
            core, this, more, sentAt, more ? 1 : Math.max(1, pages), more ? tokens : Set.of());
    if (!more) {
      status = everRead ? Status.REFRESHING : Status.LOADING;
    }
    version++;
    return current;
  }

  /**
   * The read's list and views join this query, on the notify stream after the changes its pages
   * made; {@code pendingNow} are the store's unsettled mutations as the last page was taken.
   */
  void finish(
      PageRun<P, K, E> r, Map<K, E> views, Map<K, Set<Mutation<K, E>>> pendingNow, String after) {
    synchronized (this) {
      if (closed || current != r) {
        r.done.complete(null);
        return;
      }
    }
    rows.take(r.ids, views, pendingNow, r.sentAt, r.more); // user code: under no lock
    List<E> now = rows.entities();
    CompletableFuture<Void> again;
    synchronized (this) {
      if (closed || current != r) {
        r.done.complete(null);
        return;
      }
      current = null;
      shown = now;
      everRead = true;
      next = after;
      if (r.more) {
        pages++;
      } else {
        pages = r.read;
        listSent = r.sentAt;
        updatedAt = core.scheduler.now();
        tokens.clear();
      }
      tokens.addAll(r.tokens);
      status = Status.READY;
      error = null;
      version++;
      again = queued;
      queued = null;
    }
    if (!r.more) {
      timers.answered(core.scheduler.now());
    }
    deliver();
    r.done.complete(null);
    relay(again);
  }

  void failed(PageRun<P, K, E> r, Throwable t) {
    SyncFailure f = t instanceof SyncFailure s ? s : SyncFailure.of(t, this + " failed");
    CompletableFuture<Void> again;
    synchronized (this) {
      if (closed || current != r) {
        r.done.completeExceptionally(f);
        return;
      }
      current = null;
      status = Status.FAILED;
      error = f;
      version++;
      again = queued;
      queued = null;
    }
    deliverLater();
    r.done.completeExceptionally(f);
    relay(again);
  }

  /** Starts the full read someone asked for while another was on its way. */
  private void relay(CompletableFuture<Void> again) {
    if (again == null) {
      return;
    }
    try {
      CompletableFuture<Void> unused =
          refetch()
              .whenComplete(
                  (x, f) -> {
                    if (f != null) {
                      again.completeExceptionally(f);
                    } else {
                      again.complete(null);
                    }
                  });
    } catch (IllegalStateException closedMeanwhile) {
      again.completeExceptionally(closedMeanwhile);
    }
  }

  /** Bad server data about this query as a whole. */
  SyncFailure bad(String problem) {
    return new BadServerDataException(core.type.name(), null, null, this + ": " + problem);
  }

  /** The answer turned stale: subscribers are told. */
  private void turnedStale() {
    synchronized (this) {
      version++;
    }
    deliverLater();
  }

  /** The interval's read, while someone watches (the last one may have left just now). */
  private void tick() {
    if (watched()) {
      readOnItsOwn();
    }
  }

  /** A read nobody waits for (the interval's, a subscriber's): its failure shows in the state. */
  private void readOnItsOwn() {
    try {
      CompletableFuture<Void> unused = refetch();
    } catch (IllegalStateException closedMeanwhile) {
      // closed since the read was decided: nobody to tell
    }
  }

  // ---------------------------------------------------------------- what subscribers get

  /** Takes one change of the store, on the notify stream; user code runs under no lock. */
  private void hear(Change<K, E> c) {
    if (isClosed() || !rows.hear(c)) {
      return;
    }
    List<E> now = rows.entities();
    synchronized (this) {
      if (closed) {
        return;
      }
      shown = now;
      version++;
    }
    deliver();
  }

  /**
   * Hands subscribers the state on the notify stream, in order with the store's changes (a state
   * change made on another thread never overtakes one delivered there).
   */
  private void deliverLater() {
    core.afterward(() -> notifier.execute(this::deliver));
  }

  /** Hands each subscriber the state now, if it has not had it (on the notify executor). */
  private void deliver() {
    watchers.deliver(this, () -> closed ? Long.MIN_VALUE : version, this::stateNow);
  }

  private QueryState<E> stateNow() {
    return new QueryState<>(
        status,
        new Copies<>(shown, core.type::copy),
        Optional.ofNullable(status == Status.FAILED ? error : null),
        Optional.ofNullable(updatedAt),
        stale(),
        next != null,
        current != null && current.more);
  }

  private boolean stale() {
    return updatedAt == null
        || invalidatedAt >= listSent
        || !core.scheduler.now().isBefore(updatedAt.plus(type.staleAfter()));
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }
}
