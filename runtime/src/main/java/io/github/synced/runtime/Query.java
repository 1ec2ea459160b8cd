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
 * One server read with its parameters, over the store's entities: its result is an ordered list of
 * ids into the store (as in Apollo's normalized cache), so an entity three queries list is one
 * entity, and an optimistic edit shows in all of them at once. Made by {@link SyncStore#query}: one
 * per {@link QueryType} and equal parameters.
 *
 * <p><b>What it shows.</b> {@link #state()} and subscribers get a {@link QueryState}: the entities
 * in the server's order with the store's current view of each (pending mutations and local-only
 * values included), the {@linkplain QueryState.Status status} of reading, the last read's error,
 * when the last read answered and whether that is stale. A delete hides its entity at once and a
 * failed one brings it back at its index; with {@link QueryType.Builder#matches}, a mutation that
 * makes an entity match or stop matching moves it in or out at once and a rollback moves it back,
 * until a read sent after the mutation settled has answered. A read answered while a mutation is
 * pending changes nothing the mutation decides.
 *
 * <p><b>Reads.</b> A read's entities go into the store through the same rules as every other server
 * read (a stale version or a read sent before a confirmed write cannot undo it, pending mutations
 * are re-applied, local-only values stay), but a page is server truth for its own range only:
 * entities it does not list stay in the store. A query reads when asked ({@link #refetch}, {@link
 * #loadMore}), when someone subscribes while it is stale or was never read, on {@link
 * QueryType.Builder#refetchEvery} while it has subscribers, and when invalidated ({@link
 * #invalidate}, {@link Mutation#invalidates}) while it has subscribers. One read runs at a time:
 * asking while one is on its way gets that read's future; an invalidation while one is on its way
 * reads once more after it.
 *
 * <p><b>Pages.</b> {@link #loadMore} reads the next page and appends it; an entity that moved onto
 * a later page shows once. A refetch reads again as many pages as the list holds, following the
 * server's fresh tokens, and replaces the list when the last one answered. A token seen twice in
 * one list (a cursor loop) or more than {@link QueryType.Builder#maxPages} pages fail the read.
 *
 * <p><b>Failures.</b> A read that fails, an answer the store refuses (an item of the wrong type, no
 * id, a bad version) and a bad page leave the query {@link QueryState.Status#FAILED} with the error
 * and the data it had; the read's future completes exceptionally with a {@link SyncFailure}. Pages
 * taken before a later page failed stay in the store.
 *
 * <p><b>Threads.</b> Safe from any thread. Subscribers run on the store's {@linkplain
 * SyncStore.Builder#notifyOn notify executor}, in order, never under a lock; each gets the state as
 * it is when its turn comes (a state replaced before then is skipped) and its own copies of the
 * entities.
 *
 * @param <P> the parameters
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class Query<P, K, E> implements AutoCloseable {

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

  private Query(Core<K, E> core, Queries<K, E> registry, QueryType<P, E> type, P params) {
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

  /**
   * A query that hears every change of the store from now on (it starts hearing under the lock).
   */
  static <P, K, E> Query<P, K, E> open(
      Core<K, E> core, Queries<K, E> registry, QueryType<P, E> type, P params) {
    Query<P, K, E> q = new Query<>(core, registry, type, params);
    Subscription f = core.read(() -> core.listeners.onChange(q::hear));
    synchronized (q) {
      q.feed = f;
    }
    return q;
  }

  /** Its type. */
  public QueryType<P, E> type() {
    return type;
  }

  /** Its parameters. */
  public P params() {
    return params;
  }

  /** Its state now, with copies of its entities that the caller owns. */
  public QueryState<E> state() {
    synchronized (this) {
      return stateNow();
    }
  }

  /** {@code state().items()}. */
  public List<E> items() {
    return state().items();
  }

  /**
   * Hands {@code subscriber} the state now, then each new one, on the store's notify executor;
   * reads at once if the query was never read or is stale and no read is on its way.
   *
   * @throws IllegalStateException if the query is closed
   */
  public Subscription subscribe(Consumer<? super QueryState<E>> subscriber) {
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

  /**
   * Reads the query again: every page its list holds (at least the first). While a read is on its
   * way, its future instead (a next page's read is followed by a full one); that read may have been
   * sent before something you know changed the server: {@link #invalidate()} reads once more after
   * it.
   *
   * @return completes when the query has taken the answer, or exceptionally with a {@link
   *     SyncFailure} (the query is then {@link QueryState.Status#FAILED}). An answer completes it
   *     on the store's notify executor, after subscribers were handed the new list: code running
   *     there (a UI thread) must not block waiting for it
   * @throws IllegalStateException if the query is closed
   */
  public CompletableFuture<Void> refetch() {
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

  /**
   * Reads the next page and appends it. Completes at once when the server has no more pages; reads
   * the first page when the query was never read; waits for a refetch on its way.
   *
   * @throws IllegalStateException if the query is closed
   */
  public CompletableFuture<Void> loadMore() {
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
      return Core.failed(refused);
    }
    if (r == null) {
      return token == null ? CompletableFuture.completedFuture(null) : loadMore();
    }
    deliverLater();
    r.send(token, sentAt);
    return r.done.thenApply(Function.identity());
  }

  /**
   * Marks the query stale; with subscribers it is read again (after a read already on its way,
   * which may not know what made it stale). What {@link Mutation#invalidates} does once the
   * mutation confirmed.
   */
  public void invalidate() {
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

  /**
   * Leaves the store: it no longer hears the store, its subscribers hear nothing more, and {@link
   * SyncStore#query} makes a new one for the same type and parameters. A read on its way still
   * brings its entities into the store and completes its future; a read asked for behind it never
   * runs and its future fails with an {@link IllegalStateException}. A query lives until closed and
   * hears every change of the store meanwhile: close the queries of a screen (a search box's query
   * per typed text) when they are no longer shown.
   */
  @Override
  public void close() {
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
    registry.remove(this);
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
    return "Query[" + type.name() + ", " + params + "]";
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
