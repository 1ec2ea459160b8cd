package io.github.synced.runtime;

import io.github.synced.runtime.spi.Patch;
import java.util.Objects;

/**
 * One write the store asks a {@link Remote} to send: a create, an update or a delete of one entity.
 * The same mutation is sent with the same {@link #idempotencyKey()} on every attempt that carries
 * the same body, so a server that deduplicates by key applies it at most once.
 *
 * <p><b>Creates and ids.</b> A temporary id never reaches a remote: for a create whose id the
 * server assigns, {@link #id()} is {@code null}, {@link #entity()} has its id as a new instance has
 * it, and {@link #patch()} leaves the id out. For a create with a client-assigned id ({@link
 * SyncStore.Builder#clientAssignedIds()}) the id is in all three.
 *
 * @param kind what to do
 * @param id the entity's id on the server; for a create, the client-assigned id, or {@code null}
 *     when the server assigns it
 * @param entity the synced state this write leads to (for a create: the draft), with every
 *     local-only field as a new instance has it: a remote may serialize it whole
 * @param patch the fields to send with their values: for an update, the fields it changes; for a
 *     create, every synced field but the version (and but the id when the server assigns it);
 *     {@code null} for a delete
 * @param baseVersion the version the mutation was made against, for an {@code If-Match} style
 *     precondition; {@code null} if unknown, for a create, or where the entity has no version
 * @param idempotencyKey the same on every attempt with this body
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
    if (kind != Kind.DELETE && patch == null) {
      throw new NullPointerException("patch of a " + kind); // the message built only when thrown
    }
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }
}
