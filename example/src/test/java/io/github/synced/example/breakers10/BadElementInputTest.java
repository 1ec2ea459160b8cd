package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ElementEdits;
import io.github.synced.runtime.SyncStore;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad element edits: a clear exception naming entity, id, field and element; store unchanged. */
class BadElementInputTest {

  private static void refused(
      String what,
      UnaryOperator<ElementEdits<String, CheckItem, CheckItemPatch>> edit,
      String... mustName) {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.local("c1", c -> c.checkItems.get(0).expanded = true);
    Card before = store.get("c1").orElseThrow();
    Executable call = () -> store.update("c1", CardPatch.empty().editCheckItems(edit));
    RuntimeException e = assertThrows(RuntimeException.class, call, what + ": not refused");
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("Card 'c1'"), what + ": names the entity and id: " + msg);
    assertTrue(msg.contains("checkItems"), what + ": names the field: " + msg);
    for (String s : mustName) {
      assertTrue(msg.contains(s), what + ": names " + s + ": " + msg);
    }
    assertTrue(server.writes.isEmpty(), what + ": nothing sent");
    assertTrue(store.pending("c1").isEmpty(), what + ": nothing pending");
    Card after = store.get("c1").orElseThrow();
    assertEquals(ids(before), ids(after), what + ": view unchanged");
    assertEquals("Write copy", after.checkItems.get(0).name);
    assertTrue(after.checkItems.get(0).expanded, what + ": local-only unchanged");
  }

  @Test
  void anUpdateOfAMissingItemIsRefused() {
    refused("update ci9", s -> s.update("ci9", x -> x.name("?")), "'ci9'");
  }

  @Test
  void aRemoveOfAMissingItemIsRefused() {
    refused("remove ci9", s -> s.remove("ci9"), "'ci9'");
  }

  @Test
  void anAddOfAnIdThatIsThereIsRefused() {
    refused("add ci2 again", s -> s.add(new CheckItem("ci2", "dup")), "'ci2'");
  }

  @Test
  void twoAddsOfOneIdInOneEditAreRefused() {
    refused(
        "add ci4 twice",
        s -> s.add(new CheckItem("ci4", "a")).add(new CheckItem("ci4", "b")),
        "'ci4'");
  }

  @Test
  void anUpdateAfterARemoveOfTheSameItemInOneEditIsRefused() {
    refused(
        "remove then update ci1", s -> s.remove("ci1").update("ci1", x -> x.name("?")), "'ci1'");
  }

  @Test
  void aGoodEditFollowedByABadOneInTheSameEditLeavesNothingBehind() {
    refused(
        "update ci1 then update ci9",
        s -> s.update("ci1", x -> x.name("changed")).update("ci9", x -> x.name("?")),
        "'ci9'");
  }

  @Test
  void anAddOfANullElementIsRefusedNamingTheField() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> store.update("c1", CardPatch.empty().editCheckItems(s -> s.add(null))));
    assertNotNull(e.getMessage(), "a bare " + e.getClass().getName() + " names nothing");
    assertTrue(e.getMessage().contains("checkItems"), e.getMessage());
    assertTrue(server.writes.isEmpty());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(store.get("c1").orElseThrow()));
  }

  @Test
  void anAddOfAnElementWithoutItsIdIsRefusedNamingTheField() {
    // The README calls an element without its id bad server data; the client should not make one.
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                store.update(
                    "c1",
                    CardPatch.empty().editCheckItems(s -> s.add(new CheckItem(null, "no id")))));
    assertTrue(
        String.valueOf(e.getMessage()).contains("checkItems"), String.valueOf(e.getMessage()));
    assertTrue(server.writes.isEmpty());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(store.get("c1").orElseThrow()));
  }

  @Test
  void anAddAtAnIndexPastTheEndIsRefusedClearly() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    RuntimeException e = null;
    try {
      store.update(
          "c1", CardPatch.empty().editCheckItems(s -> s.add(7, new CheckItem("ci4", "far"))));
    } catch (RuntimeException thrown) {
      e = thrown;
    }
    assertNotNull(
        e,
        "add(7, ..) to a list of 3 was taken: view "
            + ids(store.get("c1").orElseThrow())
            + ", sent "
            + (server.writes.isEmpty() ? "nothing" : server.bodyText(0)));
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("Card 'c1'") && msg.contains("checkItems"), msg);
    assertTrue(server.writes.isEmpty());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(store.get("c1").orElseThrow()));
  }

  @Test
  void anEditOfTheAssigneeWhenThereIsNoneIsRefusedNamingTheField() {
    CardServer server = CardServer.withCard();
    server.theyChange(
        c -> {
          c.assignee = null;
          return c;
        });
    SyncStore<String, Card> store = server.store();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Nobody"))),
            "a field of a missing assignee cannot be set (it would make an assignee without an id)");
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("Card 'c1'") && msg.contains("assignee"), msg);
    assertTrue(server.writes.isEmpty());
    assertEquals(null, store.get("c1").orElseThrow().assignee);
  }

  @Test
  void anAddAtANegativeIndexIsRefused() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    RuntimeException e = null;
    try {
      store.update(
          "c1", CardPatch.empty().editCheckItems(s -> s.add(-1, new CheckItem("ci4", "before"))));
    } catch (RuntimeException thrown) {
      e = thrown;
    }
    assertNotNull(e, "add(-1, ..) was taken: view " + ids(store.get("c1").orElseThrow()));
    assertTrue(server.writes.isEmpty());
  }
}
