package io.github.synced.example.server;

/**
 * One request the {@link TaskServer} handled and what became of its answer, for timelines: see
 * {@link TaskServer#onRequest}.
 *
 * @param method the HTTP method
 * @param path the request's raw path, with its raw query where it has one, for example {@code
 *     /tasks/t1} or {@code /notes?_page=2&_limit=3}
 * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
 * @param status the status answered, or that would have been answered where the answer was dropped
 *     or is held
 * @param fate what became of the answer
 */
public record ServedRequest(
    String method, String path, String idempotencyKey, int status, Fate fate) {

  /** What became of an answer. */
  public enum Fate {
    /** Handled and answered (after the latency, if any). */
    ANSWERED,
    /** A repeated idempotency key: the recorded answer was sent again, nothing applied. */
    REPLAYED,
    /** An injected error was answered; nothing was applied. */
    INJECTED,
    /** Handled (a valid write was committed), then the connection was closed without answer. */
    DROPPED,
    /** Handled (a valid write was committed); the answer waits for its release. */
    HELD
  }
}
