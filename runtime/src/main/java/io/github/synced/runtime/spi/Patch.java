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

  /**
   * The change this patch makes inside {@code field}'s value (elements by id, a nested object's
   * fields), if it sets the field that way; {@code null} if it sets a whole value or does not set
   * the field. For such a field {@link #get} answers {@code null}: the value depends on the one the
   * patch is applied to.
   *
   * <p>The default answers {@code null}: a patch of flat fields changes nothing inside a value.
   */
  default Inside<?> inside(EntityField field) {
    return null;
  }

  /**
   * Whether this patch sets some field by a change inside its value ({@link #inside}).
   *
   * <p>The default answers {@code false}.
   */
  default boolean changesInside() {
    return false;
  }

  /**
   * A patch that sets what this one sets, with {@code field} set by {@code inside} instead: a
   * change inside the field's value that came from this patch's own {@link #inside}, narrowed.
   *
   * @throws IllegalArgumentException if {@code field} cannot be changed inside
   */
  default Patch<E> withInside(EntityField field, Inside<?> inside) {
    throw new IllegalArgumentException(
        "this patch changes nothing inside '" + field.fieldName() + "'");
  }
}
