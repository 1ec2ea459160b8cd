package io.github.synced.runtime;

import io.github.synced.runtime.spi.Patch;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server said about one entity: in answer to a {@link Write}, the whole entity, only some
 * fields (the new version, say), or nothing (a delete, a {@code 204}); in a list ({@link
 * Remote#list()}), the whole entity or the entity {@linkplain #withoutVersion without its version}.
 *
 * @param <E> the entity type
 */
public final class Reply<E> {

  private static final Reply<?> EMPTY = new Reply<>(null, null, true);

  private final E entity;
  private final Patch<E> fields;
  private final boolean versionKnown;

  private Reply(E entity, Patch<E> fields, boolean versionKnown) {
    this.entity = entity;
    this.fields = fields;
    this.versionKnown = versionKnown;
  }

  /** The server answered with the entity's whole state. */
  public static <E> Reply<E> entity(E entity) {
    return new Reply<>(Objects.requireNonNull(entity, "entity"), null, true);
  }

  /**
   * The entity's synced fields except its version, which the server did not say (list items of
   * Spring Data REST, say): the store takes the fields as a read without a version (a read sent
   * before a write was confirmed cannot undo it) and keeps the version it knows; an entity it did
   * not know gets its version from the next read or answer that has one. The version field of
   * {@code entity} is ignored.
   */
  public static <E> Reply<E> withoutVersion(E entity) {
    return new Reply<>(Objects.requireNonNull(entity, "entity"), null, false);
  }

  /** The server answered with some fields only, for example the new version and an updated time. */
  public static <E> Reply<E> partial(Patch<E> fields) {
    return new Reply<>(null, Objects.requireNonNull(fields, "fields"), true);
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

  /** {@link #entity()} without an {@code Optional}, for the store's own checks. */
  E entityOrNull() {
    return entity;
  }

  /** Whether the server said the entity's version: false for {@link #withoutVersion}. */
  public boolean versionKnown() {
    return versionKnown;
  }

  /** The fields the server sent, if it sent only some. */
  public Optional<Patch<E>> fields() {
    return Optional.ofNullable(fields);
  }

  @Override
  public String toString() {
    return entity != null
        ? "Reply[" + entity + (versionKnown ? "" : ", version unknown") + "]"
        : fields != null ? "Reply[" + fields + "]" : "Reply[]";
  }
}
