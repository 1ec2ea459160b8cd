package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/** A store's queries, one per {@link QueryType} and equal parameters. */
final class Queries<K, E> {

  /** Queries a mutation names: those of {@code type} whose parameters {@code which} accepts. */
  record Target<P, E>(QueryType<P, E> type, Predicate<? super P> which) {
    Target {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(which, "which");
    }

    @SuppressWarnings("unchecked") // a query of this type has parameters of type P
    boolean names(Query<?, ?, ?> q) {
      return q.type() == type && which.test((P) q.params());
    }
  }

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
  <P> void invalidate(QueryType<P, E> type, Predicate<? super P> which) {
    invalidate(List.of(new Target<>(type, which)));
  }

  /**
   * Invalidates every query one of {@code targets} names, each once. The targets' predicates (user
   * code) run outside the registry's monitor; one that throws is reported and names nothing.
   */
  void invalidate(List<? extends Target<?, E>> targets) {
    List<Query<?, K, E>> all;
    synchronized (this) {
      all = new ArrayList<>(byKey.values());
    }
    for (Query<?, K, E> q : all) {
      for (Target<?, E> t : targets) {
        boolean named;
        try {
          named = t.names(q);
        } catch (Throwable e) {
          AfterLock.report(e);
          named = false;
        }
        if (named) {
          q.invalidate();
          break;
        }
      }
    }
  }

  void remove(Query<?, K, E> q) {
    synchronized (this) {
      byKey.values().remove(q);
    }
  }
}
