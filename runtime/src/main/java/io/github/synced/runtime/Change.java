package io.github.synced.runtime;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One change of an entity as the store's listeners hear it. {@link #before()} and {@link #after()}
 * return a new copy on every call, so no listener can change what another one sees, and the store
 * never changes them: {@code before} is {@code null} when the entity appears, {@code after} when it
 * disappears.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class Change<K, E> {

  /** Why an entity changed. */
  public enum Cause {
    /** A mutation was made and its effect applied at once (for a create, the entity appears). */
    OPTIMISTIC,
    /** The server confirmed a mutation; its answer is in the base. */
    CONFIRM,
    /**
     * A mutation failed for good; its effect left the view (a failed create removes the entity).
     */
    ROLLBACK,
    /** Server state arrived while mutations are pending; they were re-applied on top of it. */
    REBASE,
    /** Server state arrived (load, refetch, push) and no mutation is pending on the entity. */
    EXTERNAL_UPDATE,
    /** A local-only value was changed. */
    LOCAL_EDIT,
    /** The server assigned the real id to an entity created under a temporary one. */
    ID_REASSIGNED,
    /** The entity was hidden by a delete, or deleted on the server. */
    DELETED,
    /** A delete failed and the entity is back where it was. */
    RESTORED
  }

  private final Instant at;
  private final Cause cause;
  private final K id;
  private final E before;
  private final E after;
  private final Mutation<K, E> mutation;
  private final SyncFailure error;
  private final UnaryOperator<E> copier;

  /** The entity's place in the store's insertion order: what ties of a {@link LiveView} follow. */
  final long place;

  /** The store's epoch when it changed: a query tells changes after its read was sent by it. */
  final long epoch;

  /** Whether {@link #mutation()} had settled when the change was made (not when it is heard). */
  final boolean settled;

  Change(
      Instant at,
      Cause cause,
      K id,
      E before,
      E after,
      Mutation<K, E> mutation,
      SyncFailure error,
      UnaryOperator<E> copier,
      long place,
      long epoch) {
    this.settled = mutation != null && mutation.isSettled();
    this.at = at;
    this.cause = cause;
    this.id = id;
    this.before = before;
    this.after = after;
    this.mutation = mutation;
    this.error = error;
    this.copier = copier;
    this.place = place;
    this.epoch = epoch;
  }

  /** When it changed, by the store's {@link Scheduler}. */
  public Instant at() {
    return at;
  }

  /** Why the entity changed. */
  public Cause cause() {
    return cause;
  }

  /** The entity's id after the change. */
  public K id() {
    return id;
  }

  /** A copy of the entity as user code saw it before, or {@code null} if it was not visible. */
  public E before() {
    return before == null ? null : copier.apply(before);
  }

  /** A copy of the entity as user code sees it now, or {@code null} if it is not visible. */
  public E after() {
    return after == null ? null : copier.apply(after);
  }

  /** The mutation behind the change; {@code null} for server pushes, refetches and local edits. */
  public Mutation<K, E> mutation() {
    return mutation;
  }

  /** The failure behind a {@link Cause#ROLLBACK}, {@link Cause#RESTORED} or deletion, if any. */
  public SyncFailure error() {
    return error;
  }

  @Override
  public String toString() {
    return "Change[" + cause + " " + id + " " + before + " → " + after + "]";
  }
}
