package io.github.synced.runtime;

/**
 * One change of {@link ElementEdits}: an update of the element with {@code id} by {@code patch}, an
 * add of {@code element} at {@code index} ({@code -1}: at the end), or a remove; or a change that
 * cannot be made ({@code error}), refused when the mutation is made. {@code decided} marks an
 * element a conflict resolver decided: where the element is there it keeps its local-only values,
 * where it comes back it is a new one.
 */
record ElementOp<K, E, P>(K id, P patch, E element, int index, String error, boolean decided) {

  ElementOp(K id, P patch, E element, int index) {
    this(id, patch, element, index, null, false);
  }

  /** A change that cannot be made, refused with the entity and field named by the store. */
  static <K, E, P> ElementOp<K, E, P> refused(String error) {
    return new ElementOp<>(null, null, null, -1, error, false);
  }

  /** This add, of {@code other} instead. */
  ElementOp<K, E, P> adding(E other) {
    return new ElementOp<>(id, patch, other, index, error, decided);
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
