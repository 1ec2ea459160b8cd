package io.github.synced.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a UI renders of a {@link Query} at one moment: its entities and where its reading stands.
 * Immutable; its list is unmodifiable and its entities are copies that belong to whoever got it.
 *
 * @param status where reading stands
 * @param items the entities the query shows, in order: the server's list as last read, with the
 *     store's current view of each entity (pending mutations and local-only values included), less
 *     those hidden by a delete, plus those a mutation moved in (see {@link
 *     QueryType.Builder#matches})
 * @param error the failure of the last read, while the status is {@link Status#FAILED}
 * @param updatedAt when the last successful read answered, by the store's {@link Scheduler}
 * @param stale whether the data is older than {@link QueryType.Builder#staleAfter} or was
 *     invalidated since it was read
 * @param hasMore whether the server has more pages ({@link Query#loadMore()})
 * @param loadingMore whether a next page is being read
 * @param <E> the entity type
 */
public record QueryState<E>(
    Status status,
    List<E> items,
    Optional<SyncFailure> error,
    Optional<Instant> updatedAt,
    boolean stale,
    boolean hasMore,
    boolean loadingMore) {

  /** Where a query's reading stands. */
  public enum Status {
    /** Never read: nobody subscribed or asked yet. */
    IDLE,
    /** The first read is on its way; there is no data yet. */
    LOADING,
    /** The last read answered; no read is on its way. */
    READY,
    /** A read is on its way while the data of an earlier one is shown. */
    REFRESHING,
    /** The last read failed ({@link QueryState#error()}); the data of earlier reads is kept. */
    FAILED
  }

  /**
   * Copies the list, so the state stays immutable; the store's own lists (whose elements are copied
   * as they are first read) are kept as they are.
   */
  public QueryState {
    items = items instanceof Copies<E> ? items : List.copyOf(items);
  }
}
