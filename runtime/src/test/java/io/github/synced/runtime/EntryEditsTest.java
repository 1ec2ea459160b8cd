package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EntryEdits} on its own, with the hand-written {@link Card} as the map's elements: what
 * each change does to a map, what it refuses and why, how it is bound to the element its key holds,
 * and where it meets another writer's change.
 */
class EntryEditsTest {

  private static EntryEdits<String, String, Card, CardPatch> edits() {
    return EntryEdits.of(CardType.TYPE, CardPatch.empty());
  }

  private static Card card(String id, String title) {
    return new Card(id, title, false, 1);
  }

  /** {@code todo: c1 'Plan'}, {@code doing: c2 'Build'}, {@code done: c3 'Ship'}, in that order. */
  private static Map<String, Card> board() {
    Map<String, Card> m = new LinkedHashMap<>();
    m.put("todo", card("c1", "Plan"));
    m.put("doing", card("c2", "Build"));
    m.put("done", card("c3", "Ship"));
    return m;
  }

  private static Map<String, Card> applied(
      EntryEdits<String, String, Card, CardPatch> e, Map<String, Card> value) {
    return e.applyTo(value, LinkedHashMap::new);
  }

  @Test
  void putKeepsTheOrderOfAKeyThatIsThereAndAppendsANewOneRemoveAndUpdateChangeTheirEntryOnly() {
    Map<String, Card> before = board();
    before.get("doing").expanded = true;
    Map<String, Card> after =
        applied(
            edits()
                .put("doing", card("c9", "Test"))
                .put("later", card("c4", "Party"))
                .update("todo", p -> p.title("Plan it"))
                .remove("done"),
            before);
    assertEquals(List.of("todo", "doing", "later"), List.copyOf(after.keySet()));
    assertEquals("c9", after.get("doing").id);
    assertEquals("Plan it", after.get("todo").title);
    assertEquals("c4", after.get("later").id);
    assertEquals("Plan", before.get("todo").title, "the map given is not changed");
    assertEquals(3, before.size());

    Map<String, Card> sorted = new TreeMap<>(board());
    TreeMap<String, Card> out = edits().put("b", card("c5", "B")).applyTo(sorted, TreeMap::new);
    assertEquals(List.of("b", "doing", "done", "todo"), List.copyOf(out.keySet()));
  }

  @Test
  void anUpdateKeepsTheElementsLocalOnlyValuesAndANullMapStaysNullUnlessAnEntryIsPut() {
    Map<String, Card> before = board();
    before.get("todo").expanded = true;
    Card after = applied(edits().update("todo", p -> p.done(true)), before).get("todo");
    assertTrue(after.done);
    assertTrue(after.expanded);
    assertNull(applied(edits().remove("todo").update("doing", p -> p.done(true)), null));
    assertEquals(1, applied(edits().put("a", card("c1", "A")), null).size());
  }

  @Test
  void refusalsSayWhichKeyAndWhy() {
    Map<String, Card> b = board();
    assertEquals(
        "it has no element at key 'x' to update",
        edits().update("x", p -> p.done(true)).refusal(b));
    assertEquals("it has no element at key 'x' to remove", edits().remove("x").refusal(b));
    assertEquals(
        "it has no element at key 'todo' to update",
        edits().remove("todo").update("todo", p -> p.done(true)).refusal(b));
    assertEquals(
        "it already has an element with id 'c2', at key 'doing'",
        edits().put("todo", card("c2", "Again")).refusal(b));
    assertNull(edits().remove("doing").put("todo", card("c2", "Moved")).refusal(b));
    assertNull(edits().put("todo", card("c1", "Replaced")).refusal(b));
    assertEquals("the key of an entry to update is null", refusal(edits().update(null, p -> p)));
    assertEquals("the key of an entry to put is null", refusal(edits().put(null, card("c", "x"))));
    assertEquals("the key of an entry to remove is null", refusal(edits().remove(null)));
    assertEquals("the element to put at key 'k' is null", refusal(edits().put("k", null)));
    assertEquals(
        "the Card to put at key 'k' has no id, which tells the elements apart: give it its id"
            + " first",
        refusal(edits().put("k", card(null, "x"))));
    assertEquals(
        "the change of the element at key 'todo' sets no field",
        refusal(edits().update("todo", p -> p)));
    assertEquals(
        "the change of the element at key 'todo' would change its id",
        refusal(edits().update("todo", p -> p.id("c7"))));
    assertTrue(edits().isEmpty());
    assertFalse(edits().remove("todo").isEmpty());
  }

  private static String refusal(EntryEdits<String, String, Card, CardPatch> e) {
    return e.refusal(board());
  }

  @Test
  void aBoundUpdateOrRemoveDoesNothingToAnotherElementTheKeyComesToHold() {
    EntryEdits<String, String, Card, CardPatch> bound =
        edits().update("todo", p -> p.title("Mine")).remove("doing").boundTo(board());
    Map<String, Card> replaced = board();
    replaced.put("todo", card("c8", "Theirs"));
    replaced.put("doing", card("c9", "Also theirs"));
    Map<String, Card> after = applied(bound, replaced);
    assertEquals("Theirs", after.get("todo").title);
    assertEquals("c9", after.get("doing").id);
    Map<String, Card> same = applied(bound, board());
    assertEquals("Mine", same.get("todo").title);
    assertFalse(same.containsKey("doing"));
    assertNotEquals(bound, edits().update("todo", p -> p.title("Mine")).remove("doing"));
    assertEquals(
        List.of("[todo]", "[doing]"), bound.conflicts(board(), replaced), "they replaced both");
  }

  @Test
  void conflictsNameTheEntryByKeyOrAFieldOfItsElement() {
    Map<String, Card> theirs = board();
    theirs.get("todo").title = "Plan more";
    theirs.get("doing").title = "Build more";
    theirs.remove("done");
    EntryEdits<String, String, Card, CardPatch> ours =
        edits()
            .update("todo", p -> p.title("Plan it").done(true))
            .remove("doing")
            .update("done", p -> p.done(true))
            .put("new", card("c4", "New"))
            .boundTo(board());
    assertEquals(List.of("[todo].title", "[doing]", "[done]"), ours.conflicts(board(), theirs));

    EntryEdits<String, String, Card, CardPatch> left = ours.withoutConflicts(board(), theirs);
    assertNotNull(left);
    Map<String, Card> merged = applied(left, theirs);
    assertEquals("Plan more", merged.get("todo").title, "the server wins where they meet");
    assertTrue(merged.get("todo").done, "our other field stays");
    assertEquals("Build more", merged.get("doing").title, "the remove met their change");
    assertEquals("c4", merged.get("new").id);

    Map<String, Card> resolved = board();
    resolved.get("todo").title = "Resolved";
    resolved.remove("doing");
    EntryEdits<String, String, Card, CardPatch> decided =
        ours.resolvedBy(board(), theirs, resolved);
    assertNotNull(decided);
    theirs.get("todo").expanded = true;
    Map<String, Card> out = applied(decided, theirs);
    assertEquals("Resolved", out.get("todo").title, "the resolver's element");
    assertTrue(out.get("todo").expanded, "with the local-only values it has");
    assertFalse(out.containsKey("doing"), "the resolver has none: gone");
    assertEquals("Ship", out.get("done").title, "the resolver's element comes back");
    assertEquals(List.of("todo", "done", "new"), List.copyOf(out.keySet()));
  }

  @Test
  void aPutMeetsTheirChangeOnlyWhereTheyChangedTheEntryToSomethingElse() {
    Map<String, Card> theirs = board();
    theirs.put("new", card("c4", "Theirs"));
    assertEquals(
        List.of("[new]"), edits().put("new", card("c4", "Ours")).conflicts(board(), theirs));
    assertEquals(List.of(), edits().put("new", card("c4", "Theirs")).conflicts(board(), theirs));
    assertEquals(List.of(), edits().put("todo", card("c1", "Ours")).conflicts(board(), board()));
    assertNull(edits().put("new", card("c4", "Ours")).withoutConflicts(board(), theirs));
  }

  @Test
  void withLocalOnlyOfTakesThePutElementsLocalOnlyValuesFromTheView() {
    EntryEdits<String, String, Card, CardPatch> put = edits().put("new", card("c4", "New"));
    Map<String, Card> view = applied(put, board());
    view.get("new").selected = true;
    EntryEdits<String, String, Card, CardPatch> kept = put.withLocalOnlyOf(view);
    assertTrue(applied(kept, board()).get("new").selected);
    assertSame(put, put.withLocalOnlyOf(board()), "nothing to take: the same edits");
  }

  @Test
  void equalsComparesTheChangesElementsByTheirSyncedFields() {
    Card a = card("c4", "New");
    Card b = card("c4", "New");
    b.expanded = true;
    assertEquals(edits().put("k", a).remove("x"), edits().put("k", b).remove("x"));
    assertEquals(
        edits().put("k", a).remove("x").hashCode(), edits().put("k", b).remove("x").hashCode());
    assertNotEquals(edits().put("k", a), edits().put("j", a));
    assertNotEquals(edits().put("k", a), edits().put("k", card("c4", "Other")));
    assertNotEquals(edits().remove("k"), edits().put("k", a));
    assertEquals("[put k, remove x]", edits().put("k", a).remove("x").toString());
  }
}
