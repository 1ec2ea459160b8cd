package io.github.synced.runtime;

import io.github.synced.runtime.spi.Patch;
import java.util.Objects;

/**
 * One write the store asks a {@link Remote} to send: a create, an update or a delete of one entity.
 * The same mutation is sent with the same {@link #idempotencyKey()} on every attempt, so a server
 * that deduplicates by key applies it at most once.
 *
 * @param kind what to do
 * @param id the entity's id: the temporary id for a create, the server's id otherwise
 * @param entity the synced state this write leads to (for a create: the draft), with every
 *     local-only field as a new instance has it: a remote may serialize it whole
 * @param patch for an update, the fields to change with their values; {@code null} otherwise
 * @param baseVersion the version the mutation was made against, for an {@code If-Match} style
 *     precondition; {@code null} if unknown or the entity has no version
 * @param idempotencyKey stable across retries of this mutation
 * @param attempt 1 for the first send, 2 for the first retry, and so on
 * @param <K> the id type
 * @param <E> the entity type
 */
public record Write<K, E>(
    Kind kind,
    K id,
    E entity,
    Patch<E> patch,
    Object baseVersion,
    String idempotencyKey,
    int attempt) {

  /** What a write does. */
  public enum Kind {
    /** Create the entity; the server may assign a new id. */
    CREATE,
    /** Change the fields of {@link Write#patch()}. */
    UPDATE,
    /** Delete the entity. */
    DELETE
  }

  /** Checks the components that every write needs. */
  public Write {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (kind == Kind.UPDATE) {
      Objects.requireNonNull(patch, "patch of an update");
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }
}
