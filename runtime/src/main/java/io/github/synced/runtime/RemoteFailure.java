package io.github.synced.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Remote} reports that a write or fetch did not succeed, classified by what the store
 * must do about it.
 *
 * <ul>
 *   <li>{@link Kind#REJECTED}: the server refused the write for good (a 4xx); the mutation is
 *       rolled back.
 *   <li>{@link Kind#TRANSIENT}: the write did not take effect and may succeed later (a 5xx, a 429,
 *       a connection refused); retried with backoff, honouring {@link #retryAfter()}.
 *   <li>{@link Kind#OUTCOME_UNKNOWN}: the write may or may not have taken effect (a timeout after
 *       sending, a dropped response); retried with the same idempotency key, or resolved by a
 *       fetch.
 *   <li>{@link Kind#CONFLICT}: the server refused the write because the entity changed since the
 *       mutation's base version (a 409 or 412); {@link #serverState()} carries the server's latest
 *       state when the server sent it.
 * </ul>
 */
public final class RemoteFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The classes of failure, by what the store does about them. */
  public enum Kind {
    /** Permanent: roll back. */
    REJECTED,
    /** Did not take effect, may succeed later: retry. */
    TRANSIENT,
    /** May have taken effect: retry with the same key or refetch. */
    OUTCOME_UNKNOWN,
    /** The entity changed on the server: merge three-way. */
    CONFLICT
  }

  private final Kind kind;
  private final int status;
  private final transient Duration retryAfter;
  private final transient Object serverState;

  private RemoteFailure(
      Kind kind,
      int status,
      String message,
      Duration retryAfter,
      Object serverState,
      Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = status;
    this.retryAfter = retryAfter;
    this.serverState = serverState;
  }

  /** The server refused the write for good; {@code status} is the HTTP status or 0. */
  public static RemoteFailure rejected(int status, String message) {
    return new RemoteFailure(Kind.REJECTED, status, message, null, null, null);
  }

  /**
   * The write did not take effect and may succeed later; {@code retryAfter} is the server's hint,
   * or {@code null}.
   */
  public static RemoteFailure transientFailure(
      int status, String message, Duration retryAfter, Throwable cause) {
    return new RemoteFailure(Kind.TRANSIENT, status, message, retryAfter, null, cause);
  }

  /** The write may or may not have taken effect, for example a timeout after it was sent. */
  public static RemoteFailure outcomeUnknown(String message, Throwable cause) {
    return new RemoteFailure(Kind.OUTCOME_UNKNOWN, 0, message, null, null, cause);
  }

  /**
   * The server refused the write because the entity changed; {@code serverState} is the server's
   * latest entity, or {@code null} if it did not send it (the store then fetches it).
   */
  public static RemoteFailure conflict(int status, String message, Object serverState) {
    return new RemoteFailure(Kind.CONFLICT, status, message, null, serverState, null);
  }

  /** What the store must do about this failure. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 where there was none. */
  public int status() {
    return status;
  }

  /** The server's hint of when to retry, for a transient failure. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The server's latest state of the entity, for a conflict, if the server sent it. */
  public Optional<Object> serverState() {
    return Optional.ofNullable(serverState);
  }
}
