package io.github.synced.runtime;

import io.github.synced.runtime.spi.Patch;
import java.util.Objects;
import java.util.Optional;

/**
 * A server's successful answer to a {@link Write}: the whole entity, only some fields (which must
 * include the version where the entity has one), or nothing (a delete, a {@code 204}).
 *
 * @param <E> the entity type
 */
public final class Reply<E> {

  private static final Reply<?> EMPTY = new Reply<>(null, null);

  private final E entity;
  private final Patch<E> fields;

  private Reply(E entity, Patch<E> fields) {
    this.entity = entity;
    this.fields = fields;
  }

  /** The server answered with the entity's whole state. */
  public static <E> Reply<E> entity(E entity) {
    return new Reply<>(Objects.requireNonNull(entity, "entity"), null);
  }

  /** The server answered with some fields only, for example the new version and an updated time. */
  public static <E> Reply<E> partial(Patch<E> fields) {
    return new Reply<>(null, Objects.requireNonNull(fields, "fields"));
  }

  /** The server answered with no body. */
  @SuppressWarnings("unchecked")
  public static <E> Reply<E> empty() {
    return (Reply<E>) EMPTY;
  }

  /** The whole entity, if the server sent it. */
  public Optional<E> entity() {
    return Optional.ofNullable(entity);
  }

  /** The fields the server sent, if it sent only some. */
  public Optional<Patch<E>> fields() {
    return Optional.ofNullable(fields);
  }

  @Override
  public String toString() {
    return entity != null
        ? "Reply[" + entity + "]"
        : fields != null ? "Reply[" + fields + "]" : "Reply[]";
  }
}
