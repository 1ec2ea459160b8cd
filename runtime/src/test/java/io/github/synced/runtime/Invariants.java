package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The invariants a quiet store must hold against its reference server. */
final class Invariants {

  private Invariants() {}

  /** The last local-only values written, by the id used when writing them. */
  record LocalWrite(boolean expanded, boolean selected, long seq) {}

  static String show(Card c) {
    return c == null ? "null" : c.toString();
  }

  /** The synced fields of {@code c} as {@code type} has them (no version without a version). */
  static String show(CardType type, Card c) {
    if (c == null) {
      return "null";
    }
    StringBuilder s = new StringBuilder("Card[");
    for (var f : type.fields()) {
      s.append(f.fieldName()).append('=').append(type.get(c, f)).append(' ');
    }
    return s.append(']').toString();
  }

  /** Once quiet: every mutation settled, every view equals the server, local-only values kept. */
  static void assertConverged(
      Harness h, List<Mutation<String, Card>> made, Map<String, LocalWrite> locals) {
    assertConverged(h, CardType.TYPE, made, locals);
  }

  /**
   * As {@link #assertConverged(Harness, List, Map)}, comparing the synced fields of {@code type}.
   */
  static void assertConverged(
      Harness h, CardType type, List<Mutation<String, Card>> made, Map<String, LocalWrite> locals) {
    for (Mutation<String, Card> m : made) {
      assertTrue(m.isSettled(), "unsettled: " + m);
    }
    assertTrue(h.store.pending().isEmpty(), "pending left: " + h.store.pending());
    // Everything the store shows, the server has, with the same synced values.
    for (Card v : h.store.all()) {
      Card s = h.server.get(v.id);
      assertNotNull(s, "the store shows " + v + " which the server does not have");
      assertEquals(show(type, s), show(type, v), "synced fields of " + v.id);
    }
    // Local-only values equal the last local write, wherever the entity still exists (a write under
    // a temporary id and a later one under the real id concern the same entity: the later wins).
    Map<String, LocalWrite> last = new HashMap<>();
    for (Map.Entry<String, LocalWrite> w : locals.entrySet()) {
      h.store
          .get(w.getKey())
          .ifPresent(c -> last.merge(c.id, w.getValue(), (a, b) -> a.seq() > b.seq() ? a : b));
    }
    for (Map.Entry<String, LocalWrite> w : last.entrySet()) {
      Card c = h.store.get(w.getKey()).orElseThrow();
      assertEquals(w.getValue().expanded(), c.expanded, "expanded of " + w.getKey());
      assertEquals(w.getValue().selected(), c.selected, "selected of " + w.getKey());
    }
  }

  /**
   * Listener sequences are consistent: per entity each change starts where the previous one ended,
   * and replaying them gives exactly what the store shows; each mutation's transitions form a chain
   * from its making to the state its handle reports.
   */
  static void assertListenerSequencesConsistent(Harness h, List<Mutation<String, Card>> made) {
    Map<String, Card> lastAfter = new HashMap<>();
    List<Change<String, Card>> changes;
    synchronized (h.changes) {
      changes = new ArrayList<>(h.changes);
    }
    for (Change<String, Card> c : changes) {
      String from = c.before() != null ? c.before().id : c.id();
      Card previous = lastAfter.remove(from);
      assertEquals(show(previous), show(c.before()), "before of " + c.cause() + " on " + c.id());
      if (c.after() != null) {
        assertEquals(c.id(), c.after().id);
        lastAfter.put(c.id(), c.after());
      }
    }
    Set<String> shown = new HashSet<>();
    for (Card v : h.store.all()) {
      shown.add(v.id);
      assertEquals(show(v), show(lastAfter.get(v.id)), "replayed changes of " + v.id);
    }
    for (Map.Entry<String, Card> left : lastAfter.entrySet()) {
      assertTrue(shown.contains(left.getKey()), "listeners still see " + left.getValue());
    }
    Map<Mutation<String, Card>, MutationState> reached =
        new HashMap<>(); // mutations are identities
    List<Transition<String, Card>> transitions;
    synchronized (h.transitions) {
      transitions = new ArrayList<>(h.transitions);
    }
    for (Transition<String, Card> t : transitions) {
      MutationState before = reached.get(t.mutation());
      if (before == null) {
        assertNull(t.from(), "first transition of " + t.mutation());
      } else {
        assertEquals(before, t.from(), "chain of " + t.mutation());
      }
      reached.put(t.mutation(), t.to());
    }
    for (Mutation<String, Card> m : made) {
      assertEquals(m.state(), reached.get(m), "last transition of " + m);
    }
  }
}
