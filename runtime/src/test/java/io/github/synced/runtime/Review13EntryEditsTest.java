package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Review 13: {@link EntryEdits} where another writer moves an element to another key under a
 * pending move of ours, and where one edit changes one key twice.
 */
class Review13EntryEditsTest {

  private static EntryEdits<String, String, Card, CardPatch> edits() {
    return EntryEdits.of(CardType.TYPE, CardPatch.empty());
  }

  private static Card card(String id, String title) {
    return new Card(id, title, false, 1);
  }

  private static Map<String, Card> board() {
    Map<String, Card> m = new LinkedHashMap<>();
    m.put("todo", card("c1", "Plan"));
    m.put("doing", card("c2", "Build"));
    return m;
  }

  private static List<String> ids(Map<String, Card> m) {
    return m.values().stream().map(c -> c.id).collect(Collectors.toList());
  }

  /**
   * We move {@code c1} from {@code todo} to {@code later} (remove, then put it at the new key: the
   * store takes this, as {@code c1} leaves {@code todo} first). Another writer moved {@code c1} to
   * {@code backlog} meanwhile. Our remove is bound to {@code c1} at {@code todo}, which no longer
   * holds it, so it does nothing; our put goes in: the map now holds {@code c1} at two keys, a
   * state {@code refusal} exists to prevent ("it already has an element with id 'c1', at key ..."),
   * and {@code conflicts} sees nothing, so on a 412 it is resent as it is and the server is given
   * two values with one id (README: a map's values are matched by id).
   */
  @Test
  void aMoveOfOursOnTopOfTheirMoveOfTheSameElementNeverHoldsItsIdTwice() {
    EntryEdits<String, String, Card, CardPatch> move =
        edits().remove("todo").put("later", card("c1", "Plan")).boundTo(board());
    assertEquals(null, move.refusal(board()), "taken on the map the user sees");

    Map<String, Card> theirs = new LinkedHashMap<>();
    theirs.put("doing", card("c2", "Build"));
    theirs.put("backlog", card("c1", "Plan"));
    Map<String, Card> rebased = move.applyTo(theirs, LinkedHashMap::new);
    List<String> ids = ids(rebased);
    assertEquals(
        ids.stream().distinct().count(),
        ids.size(),
        "one id at one key only, was "
            + rebased.keySet()
            + " holding "
            + ids
            + "; conflicts seen: "
            + move.conflicts(board(), theirs));
  }

  /**
   * One edit replaces {@code todo} by removing it and putting {@code c9} there; another writer
   * changed {@code c1}'s title. Where the two meet is one place, {@code [todo]}: a resolver told
   * the paths ({@code ConflictPolicy.resolveWithPaths}) should not be told it twice.
   */
  @Test
  void oneKeyChangedTwiceInOneEditMeetsTheirChangeAtOnePath() {
    Map<String, Card> theirs = board();
    theirs.get("todo").title = "Plan more";
    EntryEdits<String, String, Card, CardPatch> replace =
        edits().remove("todo").put("todo", card("c9", "New")).boundTo(board());
    List<String> paths = replace.conflicts(board(), theirs);
    assertFalse(paths.isEmpty());
    assertEquals(List.of("[todo]"), paths);
  }
}
