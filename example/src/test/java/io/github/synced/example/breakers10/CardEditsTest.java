package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.ElementEdits;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Element and nested-object edits of a Trello-like card against an in-memory versioned server. */
class CardEditsTest {

  private static Card view(SyncStore<String, Card> store) {
    return store.get("c1").orElseThrow();
  }

  private static Mutation<String, Card> edit(
      SyncStore<String, Card> store,
      UnaryOperator<ElementEdits<String, CheckItem, CheckItemPatch>> edit) {
    return store.update("c1", CardPatch.empty().editCheckItems(edit));
  }

  private static void expand(SyncStore<String, Card> store, String... ids) {
    store.local(
        "c1",
        c -> {
          for (String id : ids) {
            item(c, id).expanded = true;
          }
        });
  }

  @Test
  void twoEditsOfTheSameItemFirstRefusedTheSecondStaysAndItsBodyHasOnlyIt() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> rename = edit(store, s -> s.update("ci1", x -> x.name("Write a lot")));
    Mutation<String, Card> done = edit(store, s -> s.update("ci1", x -> x.state("complete")));
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, rename.state());
    assertEquals("Write copy", item(view(store), "ci1").name);
    assertEquals("complete", item(view(store), "ci1").state);
    assertEquals(2, server.writes.size());
    assertEquals("Write copy", item(server.body(1), "ci1").name, server.bodyText(1));
    assertEquals("complete", item(server.body(1), "ci1").state);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, done.state());
    assertEquals("Write copy", item(server.row(), "ci1").name);
  }

  @Test
  void theSameFieldOfOneItemTwiceFirstRefusedLeavesTheSecondsValue() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    edit(store, s -> s.update("ci1", x -> x.name("A")));
    Mutation<String, Card> second = edit(store, s -> s.update("ci1", x -> x.name("B")));
    assertEquals("B", item(view(store), "ci1").name);
    server.refuse(0);
    assertEquals("B", item(view(store), "ci1").name, "the later edit stays on top");
    assertEquals("B", item(server.body(1), "ci1").name);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("B", item(server.row(), "ci1").name);
  }

  @Test
  void addThenRemoveOfTheSameItemWithTheAddRefusedLeavesNothingAndTheRemoveDoesNothing() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> add = edit(store, s -> s.add(new CheckItem("ci4", "Tweet")));
    Mutation<String, Card> remove = edit(store, s -> s.remove("ci4"));
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, add.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    assertEquals(2, server.writes.size(), "the remove is sent once the add settled");
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(server.body(1)));
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, remove.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(server.row()));
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
  }

  @Test
  void addConfirmedThenItsRemoveRefusedBringsTheItemBackWithItsExpanded() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> add = edit(store, s -> s.add(new CheckItem("ci4", "Tweet")));
    expand(store, "ci4");
    Mutation<String, Card> remove = edit(store, s -> s.remove("ci4"));
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, add.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    server.refuse(1);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    Card back = view(store);
    assertEquals(List.of("ci1", "ci2", "ci3", "ci4"), ids(back));
    assertTrue(
        item(back, "ci4").expanded, "the added item's expanded survives confirm and rollback");
  }

  @Test
  void anEditOfAnItemAnotherWriterRemovedDoesNothingAndNeverResurrectsIt() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> rename = edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    server.theyChange(
        c -> {
          c.checkItems.removeIf(i -> i.id.equals("ci2"));
          return c;
        });
    store.refetch("c1").join();
    assertEquals(List.of("ci1", "ci3"), ids(view(store)), "the rebased edit does nothing");
    server.acceptAll();
    assertTrue(rename.result().isDone(), "settled: " + rename.state());
    assertEquals(List.of("ci1", "ci3"), ids(server.row()), "the server never gets ci2 back");
    assertEquals(List.of("ci1", "ci3"), ids(view(store)));
    assertNull(item(view(store), "ci2"));
  }

  @Test
  void theResolverIsToldTheElementPathWhenTheyRemovedWhatWeChanged() {
    CardServer server = CardServer.withCard();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Card> store =
        server.store(
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(List.copyOf(paths));
                  return theirs;
                }));
    edit(
        store,
        s -> s.update("ci2", x -> x.name("Banner v2")).update("ci1", x -> x.state("complete")));
    server.theyChange(
        c -> {
          c.checkItems.removeIf(i -> i.id.equals("ci2"));
          return c;
        });
    server.accept(0);
    assertEquals(List.of(List.of("checkItems[ci2]")), seen);
    server.acceptAll();
    assertEquals(List.of("ci1", "ci3"), ids(server.row()));
    assertEquals("complete", item(server.row(), "ci1").state, "the rest of our change goes on");
  }

  @Test
  void theirReorderAndOurItemEditBothSurviveA412() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci2");
    Mutation<String, Card> done = edit(store, s -> s.update("ci1", x -> x.state("complete")));
    server.theyChange(
        c -> {
          Collections.reverse(c.checkItems);
          return c;
        });
    server.accept(0);
    assertEquals(2, server.writes.size(), "merged and resent");
    assertEquals(List.of("ci3", "ci2", "ci1"), ids(server.body(1)), "their order kept");
    assertEquals("complete", item(server.body(1), "ci1").state);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, done.state());
    assertEquals(List.of("ci3", "ci2", "ci1"), ids(view(store)));
    assertTrue(item(view(store), "ci2").expanded);
  }

  @Test
  void bothSidesAddDifferentItemsAndBothSurvive() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> add = edit(store, s -> s.add(new CheckItem("ci4", "Ours")));
    server.theyChange(
        c -> {
          c.checkItems.add(0, new CheckItem("ci5", "Theirs"));
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, add.state());
    assertEquals(
        new HashSet<>(List.of("ci1", "ci2", "ci3", "ci4", "ci5")),
        new HashSet<>(ids(server.row())));
    assertEquals(ids(server.row()), ids(view(store)));
  }

  @Test
  void bothSidesAddTheSameIdAndTheServerWinsWithoutADuplicate() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    edit(store, s -> s.add(new CheckItem("ci4", "Ours")));
    server.theyChange(
        c -> {
          c.checkItems.add(new CheckItem("ci4", "Theirs"));
          return c;
        });
    server.acceptAll();
    assertEquals(List.of("ci1", "ci2", "ci3", "ci4"), ids(server.row()));
    assertEquals("Theirs", item(server.row(), "ci4").name);
    assertEquals(List.of("ci1", "ci2", "ci3", "ci4"), ids(view(store)));
    assertEquals("Theirs", item(view(store), "ci4").name);
  }

  @Test
  void aRefetchThatReordersAndRenamesWhileEditsArePendingKeepsEveryExpanded() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci1", "ci3");
    edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    edit(store, s -> s.add(0, new CheckItem("ci4", "Brief")));
    server.theyChange(
        c -> {
          Collections.reverse(c.checkItems);
          item(c, "ci3").name = "Ship it";
          return c;
        });
    store.refetch("c1").join();
    Card v = view(store);
    assertEquals(List.of("ci4", "ci3", "ci2", "ci1"), ids(v));
    assertEquals("Banner v2", item(v, "ci2").name);
    assertEquals("Ship it", item(v, "ci3").name);
    assertTrue(item(v, "ci1").expanded && item(v, "ci3").expanded);
    assertFalse(item(v, "ci2").expanded || item(v, "ci4").expanded);
  }

  @Test
  void aServerThatRenumbersAnAddedItemLeavesNoGhostAndALaterEditOfTheOldIdDoesNotResurrectIt() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> add = edit(store, s -> s.add(new CheckItem("tmp-1", "New")));
    Mutation<String, Card> rename = edit(store, s -> s.update("tmp-1", x -> x.name("Newer")));
    server.accept(
        0,
        c -> {
          item(c, "tmp-1").id = "ci9";
          return c;
        });
    assertEquals(MutationState.CONFIRMED, add.state());
    assertEquals(2, server.writes.size());
    assertFalse(ids(server.body(1)).contains("tmp-1"), server.bodyText(1));
    server.acceptAll();
    assertTrue(rename.result().isDone());
    assertEquals(List.of("ci1", "ci2", "ci3", "ci9"), ids(server.row()));
    assertEquals(List.of("ci1", "ci2", "ci3", "ci9"), ids(view(store)));
  }

  @Test
  void aLocalEditOfAnItemDuringItsFlightSurvivesTheRollback() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> m = edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    expand(store, "ci2");
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals("Design banner", item(view(store), "ci2").name);
    assertTrue(item(view(store), "ci2").expanded);
  }

  @Test
  void theConfirmedResultCarriesTheItemsLocalOnlyValues() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci1");
    Mutation<String, Card> m = edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    server.accept(0);
    Card confirmed = m.result().join();
    assertEquals("Banner v2", item(confirmed, "ci2").name);
    assertTrue(item(confirmed, "ci1").expanded);
  }

  @Test
  void aWholeListSetThenAnItemEditWithTheWholeSetRefusedKeepsTheItemEditOnTheBase() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.update("c1", CardPatch.empty().checkItems(List.of(new CheckItem("ci1", "Only one"))));
    Mutation<String, Card> done = edit(store, s -> s.update("ci1", x -> x.state("complete")));
    assertEquals(List.of("ci1"), ids(view(store)));
    server.refuse(0);
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    assertEquals("Write copy", item(view(store), "ci1").name);
    assertEquals("complete", item(view(store), "ci1").state);
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(server.body(1)));
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, done.state());
  }

  @Test
  void anItemEditThenAWholeListSetWithTheItemEditRefusedLeavesTheWholeList() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    edit(store, s -> s.update("ci1", x -> x.state("complete")));
    store.update("c1", CardPatch.empty().checkItems(List.of(new CheckItem("ci7", "Fresh"))));
    server.refuse(0);
    assertEquals(List.of("ci7"), ids(view(store)));
    assertEquals(List.of("ci7"), ids(server.body(1)));
  }

  // --- the nested assignee ---

  @Test
  void theServerClearsTheAssigneeWhileOurRenameIsPending() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> rename =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Ann B. Lee")));
    server.theyChange(
        c -> {
          c.assignee = null;
          return c;
        });
    store.refetch("c1").join();
    Card rebased = view(store);
    assertTrue(
        rebased.assignee == null || rebased.assignee.id != null,
        "a rename of an assignee that is gone must not invent one without an id: "
            + (rebased.assignee == null ? null : rebased.assignee.fullName));
    server.acceptAll();
    assertTrue(rename.result().isDone());
    Card row = server.row();
    assertTrue(
        row.assignee == null || row.assignee.id != null,
        "the server got an assignee without an id: " + server.bodyText(server.writes.size() - 1));
    assertNull(row.assignee, "server wins where the changes meet");
    assertNull(view(store).assignee);
  }

  @Test
  void theServerReplacesTheAssigneeWhileOurRenameIsPendingAndTheServerWins() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.local("c1", c -> c.assignee.pinned = true);
    Mutation<String, Card> rename =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Ann B. Lee")));
    server.theyChange(
        c -> {
          c.assignee = new Member("m2", "Bob Ray", "bob");
          return c;
        });
    server.acceptAll();
    assertTrue(rename.result().isDone());
    assertEquals("m2", server.row().assignee.id);
    assertEquals(
        "Bob Ray", server.row().assignee.fullName, "our rename of Ann must not land on Bob");
    assertEquals("Bob Ray", view(store).assignee.fullName);
  }

  @Test
  void anAssigneeFieldEditMergesWithTheirItemEditAndKeepsPinned() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.local("c1", c -> c.assignee.pinned = true);
    expand(store, "ci3");
    Mutation<String, Card> m =
        store.update(
            "c1",
            CardPatch.empty()
                .editAssignee(a -> a.username("annlee"))
                .editCheckItems(s -> s.update("ci1", x -> x.name("Copy v2"))));
    server.theyChange(
        c -> {
          c.assignee.fullName = "Ann Lee-Smith";
          item(c, "ci2").state = "complete";
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    Card row = server.row();
    assertEquals("annlee", row.assignee.username);
    assertEquals("Ann Lee-Smith", row.assignee.fullName);
    assertEquals("Copy v2", item(row, "ci1").name);
    assertEquals("complete", item(row, "ci2").state);
    Card v = view(store);
    assertTrue(v.assignee.pinned);
    assertTrue(item(v, "ci3").expanded);
  }
}
