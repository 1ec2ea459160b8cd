package io.github.synced.runtime;

/**
 * Where a {@link Mutation} is in its life. A mutation starts {@link #PENDING} and ends either
 * {@link #CONFIRMED} or {@link #ROLLED_BACK}; in between it may be sent several times. Its
 * optimistic effect is part of the view from the moment it is made until it settles.
 *
 * <pre>
 * PENDING ─────────► SENDING ─────────► CONFIRMED
 *   ▲  │                │ │ │ └───────► ROLLED_BACK
 *   │  │                │ │ └─► RETRYING ────────► SENDING | ROLLED_BACK | CONFIRMED
 *   │  │                │ └───► OUTCOME_UNKNOWN ─► SENDING | CONFIRMED | ROLLED_BACK
 *   └──┼────────────────┘ (conflict merged: queued again)
 *      └─► ROLLED_BACK | CONFIRMED (the entity's create failed, or it was deleted on the server)
 * </pre>
 */
public enum MutationState {
  /** Made and applied optimistically; waiting for its turn to be sent. */
  PENDING,
  /** A send is in flight. */
  SENDING,
  /** The last send failed transiently; the next attempt waits for its backoff. */
  RETRYING,
  /**
   * The last send may or may not have taken effect; it is being retried with the same idempotency
   * key or resolved by fetching the server's state.
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
    return switch (this) {
      case PENDING -> next == SENDING || next == CONFIRMED || next == ROLLED_BACK;
      case SENDING -> next != SENDING;
      case RETRYING -> next == SENDING || next == CONFIRMED || next == ROLLED_BACK;
      case OUTCOME_UNKNOWN -> next == SENDING || next == CONFIRMED || next == ROLLED_BACK;
      case CONFIRMED, ROLLED_BACK -> false;
    };
  }
}
