package io.github.synced.runtime.spi;

import java.util.Set;

/**
 * A typed partial update of an entity: a set of synced fields with the value each takes. Generated
 * per entity ({@code TaskPatch}); patches are immutable values, so a patch held by a pending
 * mutation can be re-applied on every rebase with the same effect. A field that is not set is
 * absent, which is different from a field set to {@code null}.
 *
 * @param <E> the entity type
 */
public interface Patch<E> {

  /** The fields this patch sets, in declaration order. */
  Set<? extends EntityField> fields();

  /**
   * Whether this patch sets {@code field}: {@code fields().contains(field)}, without making the
   * set.
   *
   * <p>The default calls {@link #fields()}; generated patches test a bit and allocate nothing.
   */
  default boolean sets(EntityField field) {
    return fields().contains(field);
  }

  /** Whether this patch sets no field. */
  default boolean isEmpty() {
    return fields().isEmpty();
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if the patch does not set {@code field}
   */
  Object get(EntityField field);

  /**
   * Sets exactly this patch's fields on {@code target} and leaves every other field, local-only
   * fields included, as it was. For a mutable class {@code target} is changed in place and
   * returned; for a record a new instance is returned and {@code target} is untouched.
   */
  E applyTo(E target);
}
