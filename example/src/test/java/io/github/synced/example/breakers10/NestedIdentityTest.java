package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whose fields a nested edit changes when the nested object is replaced under it, and element edits
 * mixed with removes of the same element.
 */
class NestedIdentityTest {

  private static Card view(SyncStore<String, Card> store) {
    return store.get("c1").orElseThrow();
  }

  @Test
  void aRenameOfTheNewAssigneeDoesNotLandOnTheOldOneWhenTheReassignIsRefused() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> reassign =
        store.update("c1", CardPatch.empty().assignee(new Member("m2", "Bob Ray", "bob")));
    Mutation<String, Card> rename =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Robert Ray")));
    assertEquals("Robert Ray", view(store).assignee.fullName);
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, reassign.state());
    Card v = view(store);
    assertEquals("m1", v.assignee.id);
    Member sent = server.body(1).assignee;
    assertEquals(
        "m1 Ann Lee",
        sent.id + " " + sent.fullName,
        "Bob's rename must not be sent as Ann's new name (view shows " + v.assignee.fullName + ")");
    assertEquals("Ann Lee", v.assignee.fullName, "Bob's rename must not rename Ann");
    server.accept(1);
    assertTrue(rename.result().isDone());
  }

  @Test
  void aRefetchThatReassignsTheCardDoesNotShowOurRenameOfTheOldAssigneeOnTheNewOne() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Ann B. Lee")));
    server.theyChange(
        c -> {
          c.assignee = new Member("m2", "Bob Ray", "bob");
          return c;
        });
    store.refetch("c1").join();
    Card v = view(store);
    assertEquals("m2", v.assignee.id);
    assertEquals("Bob Ray", v.assignee.fullName, "our rename was of Ann (m1)");
  }

  @Test
  void anEditAndARemoveOfTheSameItemPendingTheEditRefusedTheItemStaysRemoved() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> rename =
        store.update(
            "c1", CardPatch.empty().editCheckItems(s -> s.update("ci2", x -> x.name("X"))));
    Mutation<String, Card> remove =
        store.update("c1", CardPatch.empty().editCheckItems(s -> s.remove("ci2")));
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, rename.state());
    assertEquals(List.of("ci1", "ci3"), ids(view(store)));
    assertEquals(List.of("ci1", "ci3"), ids(server.body(1)));
    server.refuse(1);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    assertEquals("Design banner", item(view(store), "ci2").name);
  }

  @Test
  void ourRemoveAndTheirReorderBothSurvive() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> remove =
        store.update("c1", CardPatch.empty().editCheckItems(s -> s.remove("ci2")));
    server.theyChange(
        c -> {
          Collections.reverse(c.checkItems);
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, remove.state());
    assertEquals(List.of("ci3", "ci1"), ids(server.row()));
    assertEquals(List.of("ci3", "ci1"), ids(view(store)));
    assertNull(item(view(store), "ci2"));
  }
}
