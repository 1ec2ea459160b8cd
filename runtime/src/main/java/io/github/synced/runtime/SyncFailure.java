package io.github.synced.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one failure type of Synced: why a mutation was rolled back or is being retried ({@link
 * Mutation#error()}), why a refetch failed, and how a {@link Remote} reports a write or fetch that
 * did not succeed. Switch on {@link #kind()}; {@link #status()} is the HTTP status where there was
 * one; {@link #getCause()} is the underlying exception, if any.
 *
 * <ul>
 *   <li>{@link Kind#REJECTED}: the server refused the write for good (a 4xx); rolled back.
 *   <li>{@link Kind#TRANSIENT}: the write did not take effect and may succeed later (a 5xx, a 429,
 *       a connection refused); retried with backoff, honouring {@link #retryAfter()}.
 *   <li>{@link Kind#OUTCOME_UNKNOWN}: the write may or may not have taken effect (a timeout after
 *       sending, a dropped response); retried with the same idempotency key, or decided by the
 *       server's state.
 *   <li>{@link Kind#CONFLICT}: the server refused the write because the entity changed since the
 *       write's base version (a 409 or 412); {@link #serverState()} carries the server's latest
 *       state when the server sent it; merged three-way.
 *   <li>{@link Kind#NOT_FOUND}: the entity does not exist on the server (a 404 or 410 on an update,
 *       a delete or a fetch; deleted by someone else; or its create failed).
 *   <li>{@link Kind#BAD_RESPONSE}: the server's answer was malformed, mistyped, for another id, or
 *       without a version ({@link BadServerDataException}, which names entity, id and field).
 *   <li>{@link Kind#USER_CODE}: application code failed while the store ran it: an updater, a
 *       conflict resolver, an entity that refused a value, or a remote that threw instead of
 *       completing its stage. The cause is what it threw.
 * </ul>
 *
 * <p>A remote completes its stage exceptionally with {@link #rejected}, {@link #transientFailure},
 * {@link #outcomeUnknown}, {@link #conflict} or {@link #notFound}; the store treats any other
 * exception from a send as an unknown outcome.
 */
public class SyncFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The classes of failure, by what the store does about them. */
  public enum Kind {
    /** Refused for good by the server: rolled back. */
    REJECTED,
    /** Did not take effect, may succeed later: retried. */
    TRANSIENT,
    /** May have taken effect: retried with the same key, or decided by the server's state. */
    OUTCOME_UNKNOWN,
    /** The entity changed on the server: merged three-way. */
    CONFLICT,
    /** The entity does not exist on the server. */
    NOT_FOUND,
    /** The server's answer could not be taken: see {@link BadServerDataException}. */
    BAD_RESPONSE,
    /** Application code failed while the store ran it; the cause is what it threw. */
    USER_CODE
  }

  private final Kind kind;
  private final int status;
  private final transient Duration retryAfter;
  private final transient Object serverState;

  /**
   * A failure of any kind; prefer the factory methods. Subclasses such as {@link
   * BadServerDataException} use it.
   *
   * @param kind what the store does about it
   * @param status the HTTP status, or 0 where there was none
   * @param message what happened
   * @param cause the underlying exception, or {@code null}
   */
  protected SyncFailure(Kind kind, int status, String message, Throwable cause) {
    this(kind, status, message, null, null, cause);
  }

  private SyncFailure(
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
  public static SyncFailure rejected(int status, String message) {
    return new SyncFailure(Kind.REJECTED, status, message, null, null, null);
  }

  /**
   * The write did not take effect and may succeed later; {@code retryAfter} is the server's hint,
   * or {@code null}.
   */
  public static SyncFailure transientFailure(
      int status, String message, Duration retryAfter, Throwable cause) {
    return new SyncFailure(Kind.TRANSIENT, status, message, retryAfter, null, cause);
  }

  /** The write may or may not have taken effect, for example a timeout after it was sent. */
  public static SyncFailure outcomeUnknown(String message, Throwable cause) {
    return new SyncFailure(Kind.OUTCOME_UNKNOWN, 0, message, null, null, cause);
  }

  /**
   * The server refused the write because the entity changed; {@code serverState} is the server's
   * latest entity, or {@code null} if it did not send it (the store then fetches it).
   */
  public static SyncFailure conflict(int status, String message, Object serverState) {
    return new SyncFailure(Kind.CONFLICT, status, message, null, serverState, null);
  }

  /** The entity does not exist on the server; {@code status} is the HTTP status (404, 410) or 0. */
  public static SyncFailure notFound(int status, String message) {
    return notFound(status, message, null);
  }

  /** As {@link #notFound(int, String)}, with the failure behind it. */
  static SyncFailure notFound(int status, String message, Throwable cause) {
    return new SyncFailure(Kind.NOT_FOUND, status, message, null, null, cause);
  }

  /** Application code the store ran failed with {@code cause}. */
  public static SyncFailure userCode(String message, Throwable cause) {
    return new SyncFailure(Kind.USER_CODE, 0, message, null, null, cause);
  }

  /**
   * {@code t} as a failure: itself if it is one, otherwise an {@link Kind#OUTCOME_UNKNOWN} failure
   * that carries it (what the store makes of an unexpected exception from a send).
   */
  static SyncFailure of(Throwable t, String message) {
    return t instanceof SyncFailure f ? f : outcomeUnknown(message + ": " + t, t);
  }

  /** What the store does about this failure. */
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
