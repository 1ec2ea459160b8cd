package io.github.synced.example.breakers15;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared assertions. */
final class Checks {
  private Checks() {}

  /** Every element, the owner and the board itself still expanded. */
  static void allExpanded(Board b) {
    assertTrue(b.expanded, "board expanded lost: " + b);
    if (b.owner != null) {
      assertTrue(b.owner.expanded, "owner expanded lost: " + b);
    }
    for (Card c : b.cards) {
      assertTrue(c.expanded, "card " + c.id + " expanded lost: " + b);
    }
    for (Card c : b.lanes.values()) {
      assertTrue(c.expanded, "lane " + c.id + " expanded lost: " + b);
    }
  }

  static String cardTitle(Board b, String cid) {
    Card c = b.card(cid);
    assertNotNull(c, "no card " + cid + " in " + b);
    return c.title;
  }

  static void cardTitle(Board b, String cid, String want) {
    assertEquals(want, cardTitle(b, cid), "card " + cid + " in " + b);
  }

  /** Records every board the store announces for b1. */
  static List<Board> record(Rig rig) {
    List<Board> seen = Collections.synchronizedList(new ArrayList<>());
    var unused =
        rig.store.subscribe(
            "b1",
            (Change<String, Board> c) -> {
              if (c.after() != null) {
                seen.add(c.after());
              }
            });
    return seen;
  }

  /** After the first board showing cid with want, no later board shows it otherwise. */
  static void noFlickerBack(List<Board> seen, String cid, String want) {
    boolean shown = false;
    for (Board b : new ArrayList<>(seen)) {
      Card c = b.card(cid);
      String t = c == null ? null : c.title;
      if (want.equals(t)) {
        shown = true;
      } else if (shown) {
        throw new AssertionError(
            "flicker: " + cid + " went back to " + t + " after " + want + "; " + seen);
      }
    }
  }
}
