package io.github.synced.runtime.spi;

/**
 * An immutable value holding the synced fields of one entity at one moment. Generated per entity
 * ({@code TaskSnapshot}); it never holds local-only fields, and collections in it are copies.
 *
 * @param <E> the entity type
 */
public interface Snapshot<E> {

  /** The value of {@code field} in this snapshot (primitives boxed). */
  Object get(EntityField field);
}
