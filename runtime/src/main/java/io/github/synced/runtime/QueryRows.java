package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What a {@link Query} shows: the ids the server listed on its last read, with the store's current
 * view of each, adjusted where the client knows better. Confined to the store's notify stream
 * (changes and read answers arrive there one at a time, in the order the store made them), so the
 * query's predicate and order run under no lock.
 *
 * <p><b>Who decides membership.</b> The server's list decides for an entity, unless a mutation of
 * it is pending or settled after the list's read was sent (the list may not know it yet, as a read
 * sent before a write cannot undo it under rule 7): then the query's client-side predicate decides,
 * where it has one ({@link QueryType.Builder#matches}); without one, such an entity that the list
 * showed stays where it was, and one created shows at the top under {@link
 * QueryType.Builder#createsAtTop}. A delete hides the entity from every list at once; its failure
 * brings it back at its index.
 *
 * <p><b>Cost.</b> A change of a listed entity that stays in or out of the list costs O(1): listed
 * entities keep the server's order. Only a change that moves an entity in or out, or concerns one
 * the client moved in, builds the list again, in O(n).
 *
 * @param <P> the query's parameters
 * @param <K> the id type
 * @param <E> the entity type
 */
final class QueryRows<P, K, E> {

  private final EntityType<K, E> type;
  private final P params;
  private final BiPredicate<? super P, ? super E> matches;
  private final Comparator<? super E> order;
  private final boolean createsAtTop;

  /** The server's ids, every page read so far, in order, without repeats. */
  private List<K> listed = List.of();

  private Set<K> listedSet = Set.of();

  /** When the read of {@link #listed} was sent (its first page), as a store epoch. */
  private long readSent = Long.MIN_VALUE;

  /**
   * The view of each listed or client-decided entity, {@code null} while hidden; in arrival order.
   */
  private final Map<K, E> views = new LinkedHashMap<>();

  /** The store epoch of the last change a mutation made to each entity. */
  private final Map<K, Long> touched = new LinkedHashMap<>();

  /**
   * The unsettled mutations of each entity as of the last change heard: from each change's own
   * record of whether its mutation had settled, and from the store's unsettled mutations as a read
   * was taken; never from a mutation's state now, which may be ahead of what this query has heard.
   */
  private final Map<K, Set<Mutation<K, E>>> open = new LinkedHashMap<>();

  /** Entities created in the store while the query heard it ({@code createsAtTop} only). */
  private final Set<K> created = new HashSet<>();

  /**
   * The ids shown, or {@code null} before it is first built; {@link #shownSet} holds the same. A
   * change of one entity moves only that entity where it can (out; a listed one back in), and
   * builds the list again otherwise.
   */
  private List<K> shown;

  /** How many of the shown entities the client moved in (the list does not hold them). */
  private int movedIn;

  /** The views of {@link #shown}, index for index. */
  private List<E> shownViews;

  /**
   * When each entity of {@link #views} joined it, as a count: the order in which entities the
   * client moved in show at the top, as {@link #views} iterates them.
   */
  private final Map<K, Long> arrival = new HashMap<>();

  private long arrivals;

  /** Each listed id's index in {@link #listed}. */
  private Map<K, Integer> listedIndex = Map.of();

  private Set<K> shownSet;

  QueryRows(
      EntityType<K, E> type,
      P params,
      BiPredicate<? super P, ? super E> matches,
      Comparator<? super E> order,
      boolean createsAtTop) {
    this.type = type;
    this.params = params;
    this.matches = matches;
    this.order = order;
    this.createsAtTop = createsAtTop;
  }

  /**
   * Takes one change of the store.
   *
   * @return whether what the query shows may have changed
   */
  boolean hear(Change<K, E> c) {
    K id = c.id();
    if (c.cause() == Change.Cause.ID_REASSIGNED && c.before() != null) {
      rekey(type.id(c.before()), id);
    }
    Mutation<K, E> m = c.mutation();
    boolean mine = views.containsKey(id) || listedSet.contains(id);
    if (!mine && !mayMoveIn(m)) {
      return false; // it cannot show: not listed, and nothing moves it in (no copy made)
    }
    E after = c.after();
    if (!mine && (after == null || (matches != null && !test(after)))) {
      return false;
    }
    if (m != null) {
      touched.put(id, c.epoch);
      if (c.settled) {
        Set<Mutation<K, E>> ms = open.get(id);
        if (ms != null && ms.remove(m) && ms.isEmpty()) {
          open.remove(id);
        }
      } else {
        open.computeIfAbsent(id, k -> new HashSet<>()).add(m);
      }
      if (createsAtTop && m.kind() == Write.Kind.CREATE) {
        created.add(id);
      }
    }
    boolean known = views.containsKey(id);
    E before = views.put(id, after);
    if (!known) {
      arrival.put(id, ++arrivals); // first seen now: the order in which moved-in ones show
    }
    if (!read()) {
      return false; // nothing shows before the first read
    }
    boolean changed =
        c.cause() == Change.Cause.LOCAL_EDIT
            || before == null
            || after == null
            || !type.syncedEquals(before, after);
    if (shown == null) {
      boolean moved = rebuild();
      return moved || (shownSet.contains(id) && changed);
    }
    boolean listedId = listedSet.contains(id);
    boolean was = shownSet.contains(id);
    boolean now = listedId ? admits(id) : admitsMoved(id);
    if (order != null && !createsAtTop && movedIn > 0 && (was || now)) {
      // Entities the client moved in are placed by comparing them with the listed ones around
      // them: any change of a shown entity may move them.
      boolean moved = rebuild();
      return moved || (now && changed);
    }
    if (was == now) {
      if (now) {
        shownViews.set(shown.indexOf(id), after); // its place stays; its values change
      }
      return now && changed;
    }
    if (!now) {
      int at = shown.indexOf(id); // out: the others keep their places
      shown.remove(at);
      shownViews.remove(at);
      shownSet.remove(id);
      if (!listedId) {
        movedIn--;
      }
      return true;
    }
    if (!listedId && order != null && !createsAtTop) {
      return rebuild(); // a moved-in entity enters where the order says
    }
    int at =
        listedId
            ? ListPlaces.listed(id, listed, listedIndex, shown, shownSet)
            : ListPlaces.arrived(id, arrival, shown, movedIn);
    shown.add(at, id);
    shownViews.add(at, after);
    shownSet.add(id);
    if (!listedId) {
      movedIn++;
    }
    return true;
  }

  /** Builds the list again; whether it changed. */
  private boolean rebuild() {
    List<K> old = shown;
    shown = null;
    return !shown().equals(old);
  }

  /** The list as {@link #shown()} builds it from scratch, for tests of the incremental changes. */
  List<K> rebuilt() {
    List<K> kept = shown;
    Set<K> keptSet = shownSet;
    int keptMoved = movedIn;
    List<E> keptViews = shownViews;
    shown = null;
    List<K> fresh = List.copyOf(shown());
    shown = kept;
    shownSet = keptSet;
    movedIn = keptMoved;
    shownViews = keptViews;
    return fresh;
  }

  /** The ids shown now, in order. */
  List<K> shownIds() {
    return List.copyOf(shown());
  }

  /** Whether a mutation's change may move an entity the list does not hold into it. */
  private boolean mayMoveIn(Mutation<K, E> m) {
    return m != null && (matches != null || (createsAtTop && m.kind() == Write.Kind.CREATE));
  }

  /**
   * Takes a read's answer: its ids replace the list ({@code append}: join it, for a next page) and
   * its views, taken under the store's lock as the answer was taken, replace the query's.
   */
  void take(
      List<K> ids,
      Map<K, E> viewsNow,
      Map<K, Set<Mutation<K, E>>> pendingNow,
      long sentAt,
      boolean append) {
    settleSilently(pendingNow);
    List<K> next = new ArrayList<>(append ? listed : List.of());
    Set<K> nextSet = new HashSet<>(next);
    for (K id : ids) {
      if (nextSet.add(id)) {
        next.add(id); // an entity that moved onto a later page shows once, where it was first
      }
    }
    if (!append) {
      readSent = sentAt;
      if (matches == null) {
        ListPlaces.keep(listed, next, nextSet, this::clientDecides);
      }
    }
    listed = Collections.unmodifiableList(next);
    listedSet = nextSet;
    listedIndex = new HashMap<>();
    for (int i = 0; i < next.size(); i++) {
      listedIndex.put(next.get(i), i);
    }
    for (K id : viewsNow.keySet()) {
      if (!views.containsKey(id)) {
        arrival.put(id, ++arrivals); // putAll below appends new keys in this order
      }
    }
    views.putAll(viewsNow);
    if (!append) {
      views.keySet().removeIf(id -> !listedSet.contains(id) && !clientDecides(id));
      arrival.keySet().retainAll(views.keySet());
      touched.keySet().removeIf(id -> !clientDecides(id));
      created.removeIf(id -> !touched.containsKey(id));
    }
    shown = null;
  }

  /**
   * The store's unsettled mutations as the answer was taken replace those heard: they are exact at
   * this point of the notify stream. One made before the query heard anything joins; one settled
   * without a change of its own (rolled back because the entity refused it on a new base, or
   * because the server deleted the entity) never applied, so the server's list decides for it.
   */
  private void settleSilently(Map<K, Set<Mutation<K, E>>> pendingNow) {
    open.clear();
    pendingNow.forEach((id, ms) -> open.put(id, new HashSet<>(ms)));
  }

  /** Whether a read has answered. */
  boolean read() {
    return readSent != Long.MIN_VALUE;
  }

  /** The views shown, in order: the query's own instances, never handed out. */
  List<E> entities() {
    shown();
    return new ArrayList<>(shownViews);
  }

  private List<K> shown() {
    if (shown != null) {
      return shown;
    }
    if (!read()) {
      shown = new ArrayList<>();
      shownViews = new ArrayList<>();
      shownSet = new HashSet<>();
      movedIn = 0;
      return shown;
    }
    List<K> out = new ArrayList<>(listed.size());
    for (K id : listed) {
      if (admits(id)) {
        out.add(id);
      }
    }
    List<K> moved = new ArrayList<>();
    for (Map.Entry<K, E> v : views.entrySet()) {
      K id = v.getKey();
      if (!listedSet.contains(id) && admitsMoved(id)) {
        moved.add(id);
      }
    }
    movedIn = moved.size();
    if (!moved.isEmpty()) {
      out =
          order == null || createsAtTop
              ? ListPlaces.atTop(moved, out)
              : ListPlaces.inOrder(moved, out, (a, b) -> order.compare(views.get(a), views.get(b)));
    }
    shown = out;
    shownSet = new HashSet<>(out);
    shownViews = new ArrayList<>(out.size());
    out.forEach(id -> shownViews.add(views.get(id)));
    return shown;
  }

  /** Whether an entity the list does not hold shows, moved in by the client. */
  private boolean admitsMoved(K id) {
    E e = views.get(id);
    return e != null
        && clientDecides(id)
        && (matches != null ? test(e) : createsAtTop && created.contains(id));
  }

  /** Whether the listed entity {@code id} shows: visible, and matching where the client decides. */
  private boolean admits(K id) {
    E e = views.get(id);
    return e != null && (matches == null || !clientDecides(id) || test(e));
  }

  private boolean clientDecides(K id) {
    if (open.containsKey(id)) {
      return true;
    }
    Long at = touched.get(id);
    return at != null && at >= readSent;
  }

  /** The predicate; one that throws is reported and counts as no. */
  private boolean test(E e) {
    try {
      return matches.test(params, e);
    } catch (Throwable t) {
      AfterLock.report(t);
      return false;
    }
  }

  private void rekey(K from, K to) {
    if (from.equals(to)) {
      return;
    }
    boolean had = views.containsKey(from);
    E v = views.remove(from);
    arrival.remove(from);
    if (had) {
      views.put(to, v);
      arrival.put(to, ++arrivals); // a key put again joins at the end
    }
    Long t = touched.remove(from);
    if (t != null) {
      touched.put(to, t);
    }
    Set<Mutation<K, E>> ms = open.remove(from);
    if (ms != null) {
      open.put(to, ms);
    }
    if (created.remove(from)) {
      created.add(to);
    }
    shown = null;
  }
}
