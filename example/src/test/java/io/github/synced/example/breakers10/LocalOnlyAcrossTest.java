package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where an element's local-only state goes when the element is added, hidden, confirmed, restored.
 */
class LocalOnlyAcrossTest {

  private static Card view(SyncStore<String, Card> store) {
    return store.get("c1").orElseThrow();
  }

  private static void expand(SyncStore<String, Card> store, String id) {
    store.local("c1", c -> item(c, id).expanded = true);
  }

  @Test
  void addConfirmedBeforeItsRemoveIsMadeThenTheRemoveRefusedKeepsExpanded() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.update("c1", CardPatch.empty().editCheckItems(s -> s.add(new CheckItem("ci4", "Tweet"))));
    expand(store, "ci4");
    server.accept(0);
    Mutation<String, Card> remove =
        store.update("c1", CardPatch.empty().editCheckItems(s -> s.remove("ci4")));
    server.refuse(1);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    assertTrue(item(view(store), "ci4").expanded);
  }

  @Test
  void aPendingAddHiddenByAPendingRemoveKeepsExpandedAcrossARefetchThenTheRemoveRefused() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.update("c1", CardPatch.empty().editCheckItems(s -> s.add(new CheckItem("ci4", "Tweet"))));
    expand(store, "ci4");
    store.update("c1", CardPatch.empty().editCheckItems(s -> s.remove("ci4")));
    server.theyChange(
        c -> {
          c.name = "Launch v2";
          return c;
        });
    store.refetch("c1").join();
    server.accept(0); // the add on version 1: 412, merged, resent
    assertEquals(2, server.writes.size());
    server.accept(1); // the add confirmed; then the remove goes out
    assertEquals(3, server.writes.size());
    server.refuse(2);
    assertEquals(List.of("ci1", "ci2", "ci3", "ci4"), ids(view(store)));
    assertTrue(item(view(store), "ci4").expanded, "the added item's expanded");
  }

  @Test
  void inParallelTheRemoveRefusedWhileTheAddIsPendingBringsTheAddedItemBackExpanded() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.parallelStore();
    store.update("c1", CardPatch.empty().editCheckItems(s -> s.add(new CheckItem("ci4", "Tweet"))));
    expand(store, "ci4");
    store.update("c1", CardPatch.empty().editCheckItems(s -> s.remove("ci4")));
    assertEquals(1, server.writes.size(), "the remove waits for the add (parallel or not)");
    server.accept(0);
    server.refuse(1);
    assertEquals(List.of("ci1", "ci2", "ci3", "ci4"), ids(view(store)));
    assertTrue(item(view(store), "ci4").expanded, "after the add's confirm and the refusal");
  }

  @Test
  void aWholeListSetKeepsTheLocalOnlyStateOfTheElementsItKeeps() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci2");
    Mutation<String, Card> m =
        store.update(
            "c1",
            CardPatch.empty()
                .checkItems(
                    List.of(
                        new CheckItem("ci2", "Design banner"),
                        new CheckItem("ci1", "Write copy"))));
    assertEquals(List.of("ci2", "ci1"), ids(view(store)));
    assertTrue(item(view(store), "ci2").expanded, "a matching element keeps our local-only fields");
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(item(view(store), "ci2").expanded);
  }

  @Test
  void aRefusedWholeListSetBringsTheElementsBackWithTheirExpanded() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci3");
    Mutation<String, Card> m =
        store.update("c1", CardPatch.empty().checkItems(List.of(new CheckItem("ci1", "Only"))));
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    assertTrue(item(view(store), "ci3").expanded);
  }

  @Test
  void anElementTheServerDropsAndBringsBackStartsFresh() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci2");
    server.theyChange(
        c -> {
          c.checkItems.removeIf(i -> i.id.equals("ci2"));
          return c;
        });
    store.refetch("c1").join();
    server.theyChange(
        c -> {
          c.checkItems.add(new CheckItem("ci2", "Design banner"));
          return c;
        });
    store.refetch("c1").join();
    assertEquals(List.of("ci1", "ci3", "ci2"), ids(view(store)));
    assertTrue(!item(view(store), "ci2").expanded, "a new one starts as a new instance does");
  }
}
