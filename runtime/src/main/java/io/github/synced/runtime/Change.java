package io.github.synced.runtime;

import java.time.Instant;

/**
 * One change of an entity as the store's listeners hear it. {@code before} and {@code after} are
 * copies made for this change (shared by the listeners that hear it; the store never changes them):
 * {@code before} is {@code null} when the entity appears, {@code after} when it disappears.
 *
 * @param at when it changed, by the store's {@link Scheduler}
 * @param cause why the entity changed
 * @param id the entity's id after the change
 * @param before the entity as user code saw it before, or {@code null}
 * @param after the entity as user code sees it now, or {@code null}
 * @param mutation the mutation behind the change, or {@code null} for server pushes, refetches and
 *     local edits
 * @param error the failure behind a {@link Cause#ROLLBACK} or {@link Cause#RESTORED}, else {@code
 *     null}
 * @param <K> the id type
 * @param <E> the entity type
 */
public record Change<K, E>(
    Instant at, Cause cause, K id, E before, E after, Mutation<K, E> mutation, Throwable error) {

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
}
