package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Whether two values of a field are the same, as the entity's generated code compares them: by
 * {@code equals} (arrays by their elements), and otherwise by its {@link EntityType#diff}, which
 * compares a nested entity, or a collection of them, by the synced fields of each (their classes
 * need not override {@code equals}). The first answers almost every question; the second costs a
 * copy, and runs only where the first says "different".
 */
final class Values {

  private Values() {}

  /** Whether {@code a} and {@code b} hold the same value of {@code f}. */
  static <E> boolean same(EntityType<?, E> type, E a, E b, EntityField f) {
    return Objects.deepEquals(type.get(a, f), type.get(b, f)) || !type.diff(a, b).contains(f);
  }

  /** Whether {@code e} already holds the value {@code patch} sets for each of {@code fields}. */
  static <E> boolean holds(
      EntityType<?, E> type, E e, Patch<E> patch, Collection<? extends EntityField> fields) {
    boolean equal = true;
    for (EntityField f : fields) {
      if (patch.inside(f) != null || !Objects.deepEquals(patch.get(f), type.get(e, f))) {
        equal = false;
        break;
      }
    }
    if (equal) {
      return true;
    }
    Set<? extends EntityField> differ;
    try {
      differ = type.diff(patch.applyTo(type.copy(e)), e);
    } catch (RuntimeException refused) {
      return false; // the entity refuses the value: it cannot hold it
    }
    for (EntityField f : fields) {
      if (differ.contains(f)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #holds} of one field. */
  static <E> boolean holds(EntityType<?, E> type, E e, Patch<E> patch, EntityField f) {
    return holds(type, e, patch, Set.of(f));
  }

  /**
   * Whether two patches set the same fields to the same values: the same request body. {@code any}
   * is an entity of the type to compare the values on (both patches set every field compared).
   */
  static <E> boolean sameBody(EntityType<?, E> type, Patch<E> a, Patch<E> b, E any) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || !a.fields().equals(b.fields())) {
      return false;
    }
    for (EntityField f : a.fields()) {
      if (a.inside(f) != null || b.inside(f) != null || !Objects.deepEquals(a.get(f), b.get(f))) {
        if (any == null) {
          return false;
        }
        try {
          if (type.diff(a.applyTo(type.copy(any)), b.applyTo(type.copy(any))).contains(f)) {
            return false;
          }
        } catch (RuntimeException refused) {
          return false;
        }
      }
    }
    return true;
  }
}
