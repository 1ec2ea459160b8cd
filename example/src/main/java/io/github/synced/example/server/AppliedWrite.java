package io.github.synced.example.server;

/**
 * One write the server applied, in the order it applied them: the server's log, for checking what
 * happened (each client write applied once, whatever the retries) and for timelines.
 *
 * @param version the version the write produced (the server-wide counter after it)
 * @param kind what the write did
 * @param taskId the task written
 * @param writer who wrote
 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null} where it sent none or
 *     the writer was not the client
 * @param after the task after the write; {@code null} for a delete
 */
public record AppliedWrite(
    long version,
    Kind kind,
    String taskId,
    Writer writer,
    String idempotencyKey,
    ServerTask after) {

  /** What a write did. */
  public enum Kind {
    /** A task was created. */
    CREATE,
    /** A task's fields were changed. */
    UPDATE,
    /** A task was deleted. */
    DELETE
  }

  /** Who wrote. */
  public enum Writer {
    /** A client over HTTP. */
    CLIENT,
    /** The server's second writer, editing behind the client's back. */
    SECOND_WRITER,
    /** The server's owner, adding tasks through {@link TaskServer#addTask}. */
    SERVER
  }
}
