package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A store's queries, one per {@link QueryType} and equal parameters. */
final class Queries<K, E> {

  /** A query's identity: its type (by identity) and its parameters (by {@code equals}). */
  private record Key(QueryType<?, ?> type, Object params) {}

  private final Core<K, E> core;

  /** Guarded by this registry. */
  private final Map<Key, Query<?, K, E>> byKey = new LinkedHashMap<>();

  Queries(Core<K, E> core) {
    this.core = core;
  }

  @SuppressWarnings("unchecked") // a key holds only queries of its own type and parameters
  <P> Query<P, K, E> get(QueryType<P, E> type, P params) {
    Key key = new Key(type, params);
    synchronized (this) {
      Query<?, K, E> q = byKey.get(key);
      if (q != null && !q.isClosed()) {
        return (Query<P, K, E>) q;
      }
      if (q != null) {
        byKey.remove(key); // closing: its close() removes it in a moment
      }
    }
    Query<P, K, E> made =
        Query.open(core, this, type, params); // outside: it takes the store's lock
    Query<?, K, E> won;
    synchronized (this) {
      won = byKey.putIfAbsent(key, made);
    }
    if (won != null) {
      made.close();
      return (Query<P, K, E>) won;
    }
    return made;
  }

  /** Invalidates the queries of {@code type} whose parameters {@code which} accepts. */
  @SuppressWarnings("unchecked")
  <P> void invalidate(QueryType<P, ?> type, Predicate<? super P> which) {
    List<Query<?, K, E>> ofType = new ArrayList<>();
    synchronized (this) {
      for (Query<?, K, E> q : byKey.values()) {
        if (q.type() == type) {
          ofType.add(q);
        }
      }
    }
    for (Query<?, K, E> q : ofType) {
      if (which.test((P) q.params())) { // user code: outside the registry's monitor
        q.invalidate();
      }
    }
  }

  void remove(Query<?, K, E> q) {
    synchronized (this) {
      byKey.values().remove(q);
    }
  }
}
