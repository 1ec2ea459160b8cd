package io.github.synced.runtime;

/**
 * Where a {@link Mutation} is in its life. A mutation starts {@link #QUEUED} and ends either {@link
 * #CONFIRMED} or {@link #ROLLED_BACK}; in between it may be sent several times. Its optimistic
 * effect is part of the view from the moment it is made until it settles.
 *
 * <pre>
 * QUEUED ──────────► SENDING ─────────► CONFIRMED | ROLLED_BACK
 *   ▲  │                │ │ │
 *   │  │                │ │ └─► RETRYING ────────► SENDING | OUTCOME_UNKNOWN | settled
 *   │  │                │ └───► OUTCOME_UNKNOWN ─► SENDING | QUEUED | settled
 *   └──┼────────────────┘ (conflict merged: queued again)
 *      └─► settled (its create failed, the entity was deleted on the server, the entity refused it)
 * </pre>
 */
public enum MutationState {
  /** Made and applied optimistically; waiting for its turn to be sent. */
  QUEUED,
  /** A send is in flight. */
  SENDING,
  /** The last send did not take effect (a 5xx, a 429); the next attempt waits for its backoff. */
  RETRYING,
  /**
   * A send may or may not have taken effect: it is being resent with the same body and key, or the
   * server's state is being asked to decide. It never settles as a failure the server may have
   * applied.
   */
  OUTCOME_UNKNOWN,
  /** Settled: the server accepted it and its answer is in the base. */
  CONFIRMED,
  /**
   * Settled: it failed for good and its effect left the view; {@link Mutation#error()} says why.
   */
  ROLLED_BACK;

  /** Whether this state is final. */
  public boolean isSettled() {
    return this == CONFIRMED || this == ROLLED_BACK;
  }

  /** The transition table: whether a mutation in this state may move to {@code next}. */
  boolean canMoveTo(MutationState next) {
    if (next.isSettled()) {
      return !isSettled();
    }
    return switch (this) {
      case QUEUED -> next == SENDING;
      case SENDING -> next != SENDING;
      case RETRYING -> next == SENDING || next == OUTCOME_UNKNOWN;
      case OUTCOME_UNKNOWN -> next != RETRYING; // sent again, asked again, or merged and queued
      case CONFIRMED, ROLLED_BACK -> false;
    };
  }
}
