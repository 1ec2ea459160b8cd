package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rows of a {@link LiveView}: the entities that match its filter, in its order with ties in the
 * store's insertion order, kept sorted by binary search so a change costs O(log n) comparisons and
 * one array move. Guarded by the view; user code (filter, order) that throws is reported and its
 * entity left out.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Ranked<K, E> {

  /** One visible entity: the view's own copy, never changed and never handed out. */
  record Row<K, E>(K id, long place, E entity) {}

  private final EntityType<K, E> type;
  private final Predicate<? super E> filter;
  private final Comparator<? super E> order;
  private final Comparator<Row<K, E>> rank;
  private final List<Row<K, E>> rows = new ArrayList<>();
  private final Map<K, Row<K, E>> byId = new HashMap<>();

  /** {@code order} may be {@code null}: then insertion order alone. */
  Ranked(EntityType<K, E> type, Predicate<? super E> filter, Comparator<? super E> order) {
    this.type = type;
    this.filter = filter;
    this.order = order;
    this.rank =
        (a, b) -> {
          int c = order == null ? 0 : order.compare(a.entity(), b.entity());
          return c != 0 ? c : Long.compare(a.place(), b.place());
        };
  }

  /** Fills an empty view from the store's entities, given in insertion order. */
  void fill(List<Row<K, E>> all) {
    List<Row<K, E>> kept = new ArrayList<>();
    for (Row<K, E> r : all) {
      if (admits(r.entity())) {
        kept.add(r);
      }
    }
    try {
      kept.sort(rank);
      rows.addAll(kept);
      kept.forEach(r -> byId.put(r.id(), r));
    } catch (Throwable t) { // the order threw for some pair: place them one by one to find which
      rows.clear();
      byId.clear();
      kept.forEach(this::insert);
    }
  }

  /**
   * Takes one change of the store: the entity leaves its row and, if it is visible and matches,
   * takes the row its order gives it (a re-keyed entity keeps its place, under its new id).
   *
   * @return whether the rows changed, in content or in order
   */
  boolean apply(Change<K, E> c) {
    K was = c.id();
    if (c.cause() == Change.Cause.ID_REASSIGNED) {
      E before = c.before();
      was = before == null ? was : type.id(before);
    }
    Row<K, E> old = byId.remove(was);
    int from = old == null ? -1 : remove(old);
    Row<K, E> stale = byId.remove(c.id()); // only if the store announced no removal before
    boolean dropped = stale != null && remove(stale) >= 0;
    E after = c.after();
    Row<K, E> now = after != null && admits(after) ? new Row<>(c.id(), c.place, after) : null;
    int to = now == null ? -1 : insert(now);
    if (dropped || from != to) {
      return true;
    }
    return from >= 0
        && (c.cause() == Change.Cause.LOCAL_EDIT || !type.syncedEquals(old.entity(), now.entity()));
  }

  int size() {
    return rows.size();
  }

  /** The view's own instances in order: the caller never changes them nor hands them out. */
  List<E> entities() {
    List<E> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(r.entity()));
    return Collections.unmodifiableList(out);
  }

  void clear() {
    rows.clear();
    byId.clear();
  }

  /**
   * Whether the filter takes {@code entity} and the order can place it (comparing it with itself
   * finds most comparators that throw for its values); a throw is reported and counts as no.
   */
  private boolean admits(E entity) {
    try {
      if (order != null) {
        order.compare(entity, entity);
      }
      return filter.test(entity);
    } catch (Throwable t) {
      AfterLock.report(t);
      return false;
    }
  }

  /** Puts a row where the order says; its index, or -1 if the order threw (reported). */
  private int insert(Row<K, E> row) {
    int at;
    try {
      at = Collections.binarySearch(rows, row, rank);
    } catch (Throwable t) {
      AfterLock.report(t);
      return -1;
    }
    at = at < 0 ? -(at + 1) : at; // places are unique: found only under an inconsistent order
    rows.add(at, row);
    byId.put(row.id(), row);
    return at;
  }

  /** Takes a row out; its index, by binary search, or by a scan if the order misleads. */
  private int remove(Row<K, E> row) {
    int at;
    try {
      at = Collections.binarySearch(rows, row, rank);
    } catch (Throwable t) { // the order threw now where it did not before: look the slow way
      at = -1;
    }
    if (at < 0 || !rows.get(at).equals(row)) {
      at = rows.indexOf(row);
    }
    if (at >= 0) {
      rows.remove(at);
    }
    return at;
  }
}
