package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where entities go in a {@link QueryRows} list: the server's listed entities keep the server's
 * order; entities the client moved in go at the top in arrival order, or where the query's order
 * puts them among the listed ones. Pure functions of their arguments; an order that throws is
 * reported and counts as "not before".
 */
final class ListPlaces {

  private ListPlaces() {}

  /** The entities the client moved in at the top, in the order they arrived, then the list. */
  static <K> List<K> atTop(List<K> moved, List<K> listed) {
    List<K> out = new ArrayList<>(moved.size() + listed.size());
    out.addAll(moved);
    out.addAll(listed);
    return out;
  }

  /**
   * Each entity the client moved in placed before the first listed one the order puts after it (at
   * the end if none): the moved ones sorted (ties in arrival order), then merged in one pass, so a
   * list of n with m moved in costs O(n + m log m) comparisons.
   */
  static <K> List<K> inOrder(List<K> moved, List<K> listed, Comparator<K> order) {
    List<K> sorted = new ArrayList<>(moved);
    try {
      sorted.sort(order);
    } catch (Throwable t) {
      AfterLock.report(t); // the order threw: the moved ones in arrival order
    }
    List<K> out = new ArrayList<>(listed.size() + sorted.size());
    int next = 0;
    for (K x : listed) {
      while (next < sorted.size() && before(order, sorted.get(next), x)) {
        out.add(sorted.get(next++));
      }
      out.add(x);
    }
    out.addAll(sorted.subList(next, sorted.size()));
    return out;
  }

  private static <K> boolean before(Comparator<K> order, K a, K b) {
    try {
      return order.compare(a, b) < 0;
    } catch (Throwable t) {
      AfterLock.report(t);
      return false;
    }
  }

  /**
   * Where a listed entity that comes back in goes: before the next listed entity shown (entities
   * the client moved in are then either none or all at the top), as a list built again places it.
   */
  static <K> int listed(
      K id, List<K> listed, Map<K, Integer> listedIndex, List<K> shown, Set<K> shownSet) {
    for (int j = listedIndex.get(id) + 1; j < listed.size(); j++) {
      K y = listed.get(j);
      if (shownSet.contains(y)) {
        return shown.indexOf(y);
      }
    }
    return shown.size();
  }

  /** Where an entity the client moved in shows at the top: among those there, in arrival order. */
  static <K> int arrived(K id, Map<K, Long> arrival, List<K> shown, int movedIn) {
    long mine = arrival.get(id);
    for (int i = 0; i < movedIn; i++) {
      if (arrival.get(shown.get(i)) > mine) {
        return i;
      }
    }
    return movedIn;
  }

  /**
   * Without a predicate, an entity a mutation decides (pending, or settled after the read was sent)
   * that the old list showed and the new one leaves out stays, after the entity it followed: the
   * read may not know the mutation yet, and nothing the user sees changes until it settles and a
   * read sent after that answers. Adds them to {@code next} and {@code nextSet}.
   */
  static <K> void keep(List<K> old, List<K> next, Set<K> nextSet, Predicate<K> clientDecides) {
    for (int i = 0; i < old.size(); i++) {
      K id = old.get(i);
      if (nextSet.contains(id) || !clientDecides.test(id)) {
        continue;
      }
      int at = 0;
      for (int j = i - 1; j >= 0; j--) {
        int found = next.indexOf(old.get(j));
        if (found >= 0) {
          at = found + 1;
          break;
        }
      }
      next.add(at, id);
      nextSet.add(id);
    }
  }
}
