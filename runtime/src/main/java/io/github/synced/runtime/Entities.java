package io.github.synced.runtime;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The store's id index: journals by real id and by temporary id (two name spaces, so a temporary id
 * can never be mistaken for a real one), insertion order (kept across re-keying), the temporary ids
 * of created entities and the ids deleted on the server. Guarded by the store's lock.
 */
final class Entities<K, E> implements Iterable<Journal<K, E>> {

  /**
   * How many temporary ids (to find an entity by its draft id after re-keying) and deleted ids (to
   * keep stale pushes from reviving an entity) are remembered; the oldest are forgotten.
   */
  static final int REMEMBERED = 10_000;

  private final Map<K, Journal<K, E>> real = new HashMap<>();
  private final Map<K, Journal<K, E>> temporary = new HashMap<>();
  private final Map<K, K> aliases = latest(REMEMBERED);

  /** Deleted ids: when each was deleted and when the deleted journal was made. */
  private final Map<K, long[]> tombstones = latest(REMEMBERED);

  private Journal<K, E> first;
  private Journal<K, E> last;

  /** A map that keeps only its {@code limit} most recently added entries. */
  private static <A, B> Map<A, B> latest(int limit) {
    return new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<A, B> eldest) {
        return size() > limit;
      }
    };
  }

  /** The journal of a real id. */
  Journal<K, E> real(K id) {
    return real.get(id);
  }

  /** The journal an id names: a real id, a live temporary id, or a temporary id re-keyed since. */
  Journal<K, E> find(K id) {
    Journal<K, E> j = real.get(id);
    if (j == null) {
      j = temporary.get(id);
    }
    if (j == null) {
      K now = aliases.get(id);
      if (now != null) {
        j = real.get(now);
      }
    }
    return j;
  }

  /** Whether {@code id} names a journal, or is a temporary id still remembered. */
  boolean knows(K id) {
    return real.containsKey(id) || temporary.containsKey(id) || aliases.containsKey(id);
  }

  /** Adds a journal at the end of the order, under its id in its name space. */
  void add(Journal<K, E> j) {
    (j.temporary() ? temporary : real).put(j.id, j);
    j.previous = last;
    j.next = null;
    if (last == null) {
      first = j;
    } else {
      last.next = j;
    }
    last = j;
  }

  /** Removes a journal; it keeps its id, so a listener can still be told. */
  void remove(Journal<K, E> j) {
    Map<K, Journal<K, E>> names = j.temporary() ? temporary : real;
    if (names.get(j.id) != j) {
      return;
    }
    names.remove(j.id);
    if (j.previous == null) {
      first = j.next;
    } else {
      j.previous.next = j.next;
    }
    if (j.next == null) {
      last = j.previous;
    } else {
      j.next.previous = j.previous;
    }
    j.previous = null;
    j.next = null;
  }

  /** Moves a journal to a real id in place (its position stays); the old id becomes an alias. */
  void rekey(Journal<K, E> j, K realId) {
    K old = j.id;
    if (j.temporary()) {
      temporary.remove(old);
      aliases.put(old, realId);
    } else {
      real.remove(old);
    }
    j.id = realId;
    j.temporary(false);
    real.put(realId, j);
  }

  /** The epoch at which the server deleted {@code id}, or {@code null}. */
  Long deletedAt(K id) {
    long[] t = tombstones.get(id);
    return t == null ? null : t[0];
  }

  /**
   * When the journal deleted under {@code id} was made, if a read or push made it (not a create of
   * this client); otherwise {@code null}.
   */
  Long deletedCopyBornAt(K id) {
    long[] t = tombstones.get(id);
    return t == null || t[2] == 0 ? null : t[1];
  }

  /** Remembers that the server deleted {@code j} at {@code epoch}. */
  void bury(Journal<K, E> j, long epoch) {
    tombstones.put(j.id, new long[] {epoch, j.bornAt(), j.fromServer() ? 1 : 0});
  }

  /**
   * Remembers that the server deleted {@code id}, which the store did not hold: it may be an entity
   * whose create's answer is still on its way, so it counts as a copy seen now.
   */
  void buryUnknown(K id, long epoch) {
    tombstones.put(id, new long[] {epoch, epoch, 1});
  }

  void unbury(K id) {
    tombstones.remove(id);
  }

  /** The real id a temporary id was re-keyed to, or the id itself. */
  K current(K id) {
    return aliases.getOrDefault(id, id);
  }

  int size() {
    return real.size() + temporary.size();
  }

  /** How many temporary and deleted ids are remembered (for tests). */
  int remembered() {
    return aliases.size() + tombstones.size();
  }

  /** Journals in insertion order; the current one may be removed while iterating. */
  @Override
  public Iterator<Journal<K, E>> iterator() {
    return new Iterator<>() {
      private Journal<K, E> next = first;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Journal<K, E> next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Journal<K, E> j = next;
        next = j.next;
        return j;
      }
    };
  }
}
