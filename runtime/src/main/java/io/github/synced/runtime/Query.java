package io.github.synced.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
 * pending changes nothing the mutation decides. Nothing shows before the first read has answered.
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
 * entities. The query's predicate and order run there too, under no lock. The query's list changes
 * there as well, in order with the store's other announcements: on another thread, {@link #items()}
 * read right after a mutation may still show the list before it until the notify executor has run
 * the change (with {@code notifyOn(Runnable::run)}, before the store's call returns).
 *
 * @param <P> the parameters
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class Query<P, K, E> implements AutoCloseable {

  private final QueryType<P, E> type;
  private final P params;
  private final QueryEngine<P, K, E> engine;

  private Query(Core<K, E> core, Queries<K, E> registry, QueryType<P, E> type, P params) {
    this.type = type;
    this.params = params;
    this.engine = new QueryEngine<>(this, core, registry, type, params);
  }

  /** A query that hears every change of the store from now on. */
  static <P, K, E> Query<P, K, E> open(
      Core<K, E> core, Queries<K, E> registry, QueryType<P, E> type, P params) {
    Query<P, K, E> q = new Query<>(core, registry, type, params);
    q.engine.open();
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
    return engine.state();
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
    return engine.subscribe(subscriber);
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
    return engine.refetch();
  }

  /**
   * Reads the next page and appends it. Completes at once when the server has no more pages; reads
   * the first page when the query was never read; waits for a refetch on its way.
   *
   * @throws IllegalStateException if the query is closed
   */
  public CompletableFuture<Void> loadMore() {
    return engine.loadMore();
  }

  /**
   * Marks the query stale; with subscribers it is read again (after a read already on its way,
   * which may not know what made it stale). What {@link Mutation#invalidates} does once the
   * mutation confirmed.
   */
  public void invalidate() {
    engine.invalidate();
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
    engine.close();
  }

  /** Whether it was closed: the store then makes a new one for its type and parameters. */
  boolean isClosed() {
    return engine.isClosed();
  }

  @Override
  public String toString() {
    return "Query[" + type.name() + ", " + params + "]";
  }
}
