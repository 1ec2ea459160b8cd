package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The store's unsettled mutations in the order they were made, linked through their layers ({@link
 * Layer#older}, {@link Layer#newer}): adding and settling one is O(1), and listing them walks only
 * them, never the entities. Used under the store's lock.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Unsettled<K, E> {

  private Layer<K, E> oldest;
  private Layer<K, E> newest;
  private int size;

  /** A mutation was made. */
  void add(Layer<K, E> l) {
    size++;
    l.older = newest;
    if (newest != null) {
      newest.newer = l;
    } else {
      oldest = l;
    }
    newest = l;
  }

  /** A mutation settled. */
  void remove(Layer<K, E> l) {
    size--;
    if (l.older != null) {
      l.older.newer = l.newer;
    } else {
      oldest = l.newer;
    }
    if (l.newer != null) {
      l.newer.older = l.older;
    } else {
      newest = l.older;
    }
    l.older = null;
    l.newer = null;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Their handles, oldest first. */
  List<Mutation<K, E>> handles() {
    List<Mutation<K, E>> out = new ArrayList<>(size);
    for (Layer<K, E> l = oldest; l != null; l = l.newer) {
      out.add(l.handle);
    }
    return out;
  }
}
