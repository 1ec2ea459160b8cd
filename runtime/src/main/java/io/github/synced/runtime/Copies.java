package io.github.synced.runtime;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * An unmodifiable list over a view's or a query's own instances whose elements are copies: each is
 * made on its first read and kept, so the list's owner sees one stable instance per element.
 */
final class Copies<E> extends AbstractList<E> implements RandomAccess {
  private final List<E> source;
  private final UnaryOperator<E> copier;
  private final AtomicReferenceArray<E> made;

  Copies(List<E> source, UnaryOperator<E> copier) {
    this.source = source;
    this.copier = copier;
    this.made = new AtomicReferenceArray<>(source.size());
  }

  @Override
  public E get(int index) {
    E mine = made.get(index);
    if (mine == null) {
      E copy = copier.apply(source.get(index));
      mine = made.compareAndSet(index, null, copy) ? copy : made.get(index);
    }
    return mine;
  }

  @Override
  public int size() {
    return source.size();
  }
}
