package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

  /** The id of the object it changes, once bound to it; {@code null} before. */
  private final Object id;

  private NestedEdit(EntityType<?, E> type, P patch, Object id) {
    this.type = type;
    this.patch = patch;
    this.id = id;
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
    return new NestedEdit<>(type, patch, null);
  }

  /** The patch of the nested object. */
  public P patch() {
    return patch;
  }

  /**
   * A changed copy of {@code value}; {@code value} itself where it is {@code null} or, once bound,
   * another object than the one this change was made on (another id). For generated patches.
   */
  public E applyTo(E value) {
    return addresses(value) ? patch.applyTo(type.copy(value)) : value;
  }

  private boolean addresses(E value) {
    return value != null && (id == null || id.equals(type.id(value)));
  }

  @Override
  @SuppressWarnings("unchecked") // the patches of one type are of its one patch class
  public NestedEdit<E, P> boundTo(E value) {
    if (value == null) {
      return this;
    }
    return new NestedEdit<>(type, (P) Insides.bind(type, patch, value), type.id(value));
  }

  @Override
  public String refusal(E value) {
    if (value == null) {
      return "it holds no " + type.name() + " to change";
    }
    if (patch.sets(type.idField())) {
      return "a change of the nested " + type.name() + " cannot change its id";
    }
    String deeper = Insides.refusal(type, patch, value);
    return deeper == null ? null : "the nested " + type.name() + "'s " + deeper;
  }

  @Override
  public List<String> conflicts(E base, E theirs) {
    if (base == null) {
      return List.of();
    }
    return !addresses(theirs) ? List.of("") : Insides.conflicts(type, patch, base, theirs, ".");
  }

  @Override
  @SuppressWarnings("unchecked") // the patches of one type are of its one patch class
  public NestedEdit<E, P> withoutConflicts(E base, E theirs) {
    if (base == null) {
      return this;
    }
    if (!addresses(theirs)) {
      return null; // they removed or replaced the object it changes
    }
    Patch<E> left =
        Insides.withoutConflicts(
            type, patch, Insides.conflicts(type, patch, base, theirs, "."), ".", base, theirs);
    return left == null ? null : new NestedEdit<>(type, (P) left, id);
  }

  @Override
  @SuppressWarnings("unchecked") // the patches of one type are of its one patch class
  public NestedEdit<E, P> resolvedBy(E base, E theirs, E resolved) {
    if (base == null) {
      return this;
    }
    if (resolved == null || !addresses(theirs)) {
      return null; // no change of their object says it: the resolver's whole value is sent
    }
    Set<EntityField> meet = new LinkedHashSet<>();
    for (String path : Insides.conflicts(type, patch, base, theirs, "")) {
      for (EntityField f : patch.fields()) {
        if (Insides.within(path, f.fieldName())) {
          meet.add(f);
        }
      }
    }
    E value = type.patch(resolved, meet).applyTo(patch.applyTo(type.copy(theirs)));
    return new NestedEdit<>(type, (P) type.patch(value, patch.fields()), id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NestedEdit<?, ?> that
        && patch.equals(that.patch)
        && Objects.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(patch, id);
  }

  @Override
  public String toString() {
    return id == null ? patch.toString() : patch + " of " + type.name() + " '" + id + "'";
  }
}
