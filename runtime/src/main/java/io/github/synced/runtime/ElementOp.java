package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change of {@link ElementEdits} or {@link EntryEdits}: an update of the element {@code id}
 * addresses (an element's id, or a map's key) by {@code patch}, an add or put of {@code element}
 * (at {@code index}, {@code -1}: at the end or, in a map, at the key), or a remove; or a change
 * that cannot be made ({@code error}), refused when the mutation is made. {@code decided} marks an
 * element a conflict resolver decided: where the element is there it keeps its local-only values,
 * where it comes back it is a new one. {@code bound}, where not {@code null}, is the id of the
 * element an update or remove of a map entry was made on: it does nothing to another element the
 * key comes to hold.
 */
record ElementOp<K, E, P>(
    K id, P patch, E element, int index, String error, boolean decided, Object bound) {

  ElementOp(K id, P patch, E element, int index) {
    this(id, patch, element, index, null, false, null);
  }

  ElementOp(K id, P patch, E element, int index, String error, boolean decided) {
    this(id, patch, element, index, error, decided, null);
  }

  /** A change that cannot be made, refused with the entity and field named by the store. */
  static <K, E, P> ElementOp<K, E, P> refused(String error) {
    return new ElementOp<>(null, null, null, -1, error, false);
  }

  /**
   * An update of what {@code id} addresses by {@code patch}, or a refusal of a patch that sets
   * nothing or sets the element's id; {@code what} names the element, as {@code element 's2'}.
   */
  static <K, E, P extends Patch<E>> ElementOp<K, E, P> update(
      EntityType<?, E> type, K id, P patch, String what) {
    if (patch.isEmpty()) {
      return refused("the change of " + what + " sets no field");
    }
    if (patch.sets(type.idField())) {
      return refused("the change of " + what + " would change its id");
    }
    return new ElementOp<>(id, patch, null, -1);
  }

  /**
   * Why {@code element}, to be added, cannot be ({@code null}, or without its id); {@code null} if
   * it can. {@code what} names it, as {@code a Subtask to add}.
   */
  static <E> String unfit(EntityType<?, E> type, E element, String what) {
    if (element == null) {
      return what + " is null";
    }
    Object id = type.id(element);
    return id == null || Objects.equals(id, type.unsetId())
        ? what + " has no id, which tells the elements apart: give it its id first"
        : null;
  }

  /** {@code ops} and then {@code op}, as a new unmodifiable list. */
  static <K, E, P> List<ElementOp<K, E, P>> append(
      List<ElementOp<K, E, P>> ops, ElementOp<K, E, P> op) {
    List<ElementOp<K, E, P>> more = new ArrayList<>(ops.size() + 1);
    more.addAll(ops);
    more.add(op);
    return List.copyOf(more);
  }

  /**
   * {@code ops} with each add or put carrying the local-only values of the element with its id in
   * {@code shown} (a view's elements by id); {@code null} where none does.
   */
  static <K, E, P> List<ElementOp<K, E, P>> withLocalOnly(
      EntityType<?, E> type, List<ElementOp<K, E, P>> ops, Map<?, E> shown) {
    List<ElementOp<K, E, P>> kept = new ArrayList<>(ops.size());
    boolean changed = false;
    for (ElementOp<K, E, P> op : ops) {
      E now = op.element() != null ? shown.get(type.id(op.element())) : null;
      if (now == null) {
        kept.add(op);
        continue;
      }
      kept.add(op.adding(type.withLocalOnly(type.copy(op.element()), now)));
      changed = true;
    }
    return changed ? List.copyOf(kept) : null;
  }

  /** This add, of {@code other} instead. */
  ElementOp<K, E, P> adding(E other) {
    return new ElementOp<>(id, patch, other, index, error, decided, bound);
  }

  /** This change with {@code patch} instead, bound to the element with id {@code to}. */
  ElementOp<K, E, P> boundTo(P other, Object to) {
    return new ElementOp<>(id, other, element, index, error, decided, to);
  }

  /**
   * Whether {@code a} and {@code b} are the same changes: elements compared by their synced fields
   * ({@link EntityType#syncedEquals}), patches by {@code equals}.
   */
  static <E> boolean same(EntityType<?, E> type, List<? extends ElementOp<?, E, ?>> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ElementOp<?, E, ?> x = a.get(i);
      if (!(b.get(i) instanceof ElementOp<?, ?, ?> y)
          || !Objects.equals(x.id(), y.id())
          || x.index() != y.index()
          || x.decided() != y.decided()
          || !Objects.equals(x.error(), y.error())
          || !Objects.equals(x.patch(), y.patch())
          || !Objects.equals(x.bound(), y.bound())
          || (x.element() == null) != (y.element() == null)
          || (x.element() != null
              && !type.syncedEquals(x.element(), type.type().cast(y.element())))) {
        return false;
      }
    }
    return true;
  }

  /** A hash of {@code ops} that agrees with {@link #same}. */
  static int hash(List<? extends ElementOp<?, ?, ?>> ops) {
    int h = 1;
    for (ElementOp<?, ?, ?> op : ops) {
      h =
          31 * h
              + Objects.hash(
                  op.id(),
                  op.patch(),
                  op.index(),
                  op.element() == null,
                  op.decided(),
                  op.error(),
                  op.bound());
    }
    return h;
  }

  @Override
  public String toString() {
    if (error != null) {
      return "refused: " + error;
    }
    if (patch != null) {
      return "update " + id + " " + patch;
    }
    return element == null
        ? "remove " + id
        : (decided ? "resolved " : "add ") + id + (index >= 0 ? " at " + index : "");
  }
}
