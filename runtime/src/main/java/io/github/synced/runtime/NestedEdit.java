package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.List;
import java.util.Objects;

/**
 * A change to some fields of a nested {@code @Synced} object, relative to the object it is applied
 * to: the other fields of the object, and its local-only ones, keep their values. Generated patches
 * make one for {@code editOwner(o -> o.name("x"))}; applied where the object is {@code null} (the
 * server removed it) it does nothing.
 *
 * @param <E> the nested object's type
 * @param <P> its generated patch type
 */
public final class NestedEdit<E, P extends Patch<E>> implements Inside<E> {

  private final EntityType<?, E> type;
  private final P patch;

  private NestedEdit(EntityType<?, E> type, P patch) {
    this.type = type;
    this.patch = patch;
  }

  /**
   * The change {@code patch} makes to an object of {@code type}; for generated patches.
   *
   * @throws IllegalArgumentException if {@code patch} sets nothing or sets the object's id
   */
  public static <E, P extends Patch<E>> NestedEdit<E, P> of(EntityType<?, E> type, P patch) {
    Objects.requireNonNull(type, "type");
    if (patch.isEmpty()) {
      throw new IllegalArgumentException(
          "the change of the nested " + type.name() + " sets no field");
    }
    return new NestedEdit<>(type, patch);
  }

  /** The patch of the nested object. */
  public P patch() {
    return patch;
  }

  /** A changed copy of {@code value}; {@code null} stays {@code null}. For generated patches. */
  public E applyTo(E value) {
    return value == null ? null : patch.applyTo(type.copy(value));
  }

  @Override
  public String refusal(E value) {
    if (value == null) {
      return "it holds no " + type.name() + " to change";
    }
    for (EntityField f : patch.fields()) {
      Inside<?> inside = patch.inside(f);
      String why = inside == null ? null : Insides.refusal(inside, type.get(value, f));
      if (why != null) {
        return "its " + f.fieldName() + ": " + why;
      }
    }
    return null;
  }

  @Override
  public List<String> conflicts(E base, E theirs) {
    if (base == null) {
      return List.of();
    }
    return theirs == null ? List.of("") : Insides.conflicts(type, patch, base, theirs, ".");
  }

  @Override
  @SuppressWarnings("unchecked") // the patches of one type are of its one patch class
  public NestedEdit<E, P> withoutConflicts(E base, E theirs) {
    if (base == null) {
      return this;
    }
    if (theirs == null) {
      return null;
    }
    Patch<E> left =
        Insides.withoutConflicts(
            type, patch, Insides.conflicts(type, patch, base, theirs, "."), ".", base, theirs);
    return left == null ? null : new NestedEdit<>(type, (P) left);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NestedEdit<?, ?> that && patch.equals(that.patch);
  }

  @Override
  public int hashCode() {
    return patch.hashCode();
  }

  @Override
  public String toString() {
    return patch.toString();
  }
}
