package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Element ids changed through an element patch, events and pending fields of element edits. */
class ElementIdAndEventsTest {

  private static Card view(SyncStore<String, Card> store) {
    return store.get("c1").orElseThrow();
  }

  @Test
  void anElementUpdateThatChangesItsIdToAnotherElementsIdIsRefused() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    RuntimeException e = null;
    try {
      store.update("c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.id("ci2"))));
    } catch (RuntimeException thrown) {
      e = thrown;
    }
    assertNotNull(
        e,
        "two elements with id ci2 were made: view "
            + ids(view(store))
            + (server.writes.isEmpty() ? "" : ", sent " + server.bodyText(0)));
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("Card 'c1'") && msg.contains("checkItems") && msg.contains("ci"), msg);
    assertTrue(server.writes.isEmpty());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
  }

  @Test
  void aDiffBasedModifyOfOneItemRollsBackWithEveryItemsExpanded() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.local("c1", c -> item(c, "ci2").expanded = true);
    Mutation<String, Card> m = store.modify("c1", c -> item(c, "ci1").name = "Copy v2");
    assertEquals("Copy v2", item(view(store), "ci1").name);
    assertTrue(item(view(store), "ci2").expanded);
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals("Write copy", item(view(store), "ci1").name);
    assertTrue(item(view(store), "ci2").expanded);
  }

  @Test
  void pendingFieldsAndChangesNameTheChecklistForElementEdits() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    List<Change<String, Card>> changes = new ArrayList<>();
    store.subscribe(changes::add);
    Mutation<String, Card> a =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.name("A"))));
    Mutation<String, Card> b =
        store.update("c1", CardPatch.empty().editAssignee(x -> x.username("annlee")));
    String pending = String.valueOf(store.pendingFields("c1"));
    assertTrue(pending.contains("CHECK_ITEMS") || pending.contains("checkItems"), pending);
    assertTrue(pending.contains("ASSIGNEE") || pending.contains("assignee"), pending);
    server.refuse(0);
    Change<String, Card> last = changes.get(changes.size() - 1);
    assertEquals("ROLLBACK", String.valueOf(last.cause()));
    assertEquals("A", item(last.before(), "ci1").name);
    assertEquals("Write copy", item(last.after(), "ci1").name);
    assertEquals(
        "annlee",
        last.after().assignee.username,
        "the other pending edit stays in the announced view");
    assertEquals(MutationState.ROLLED_BACK, a.state());
    assertNotNull(b);
  }
}
