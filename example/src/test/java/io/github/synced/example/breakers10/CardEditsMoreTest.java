package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.ElementEdits;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** More element/nested edits: hidden elements' local-only state, adds refused under later edits. */
class CardEditsMoreTest {

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
  void anAddedItemsExpandedSurvivesItsConfirm() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    edit(store, s -> s.add(new CheckItem("ci4", "Tweet")));
    expand(store, "ci4");
    server.accept(0);
    assertTrue(item(view(store), "ci4").expanded);
  }

  @Test
  void aRefusedAddWithItsRemovePendingLeavesNoItem() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    edit(store, s -> s.add(new CheckItem("ci4", "Tweet")));
    expand(store, "ci4");
    Mutation<String, Card> remove = edit(store, s -> s.remove("ci4"));
    assertEquals(1, server.writes.size(), "serial: the remove waits");
    server.refuse(0); // the add is refused: ci4 gone whatever happens to the remove
    assertNull(item(view(store), "ci4"));
    assertNotNull(remove);
  }

  @Test
  void aBaseItemHiddenByAPendingRemoveKeepsExpandedWhenAnotherMutationConfirms() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci2");
    edit(store, s -> s.update("ci1", x -> x.state("complete")));
    Mutation<String, Card> remove = edit(store, s -> s.remove("ci2"));
    server.accept(0);
    server.refuse(1);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    assertTrue(item(view(store), "ci2").expanded);
  }

  @Test
  void aBaseItemHiddenByAPendingRemoveKeepsExpandedAcrossARefetch() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    expand(store, "ci2");
    Mutation<String, Card> remove = edit(store, s -> s.remove("ci2"));
    server.theyChange(
        c -> {
          c.name = "Launch v2";
          return c;
        });
    store.refetch("c1").join();
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
    assertTrue(item(view(store), "ci2").expanded);
  }

  @Test
  void aRefusedAddWithALaterUpdateOfTheAddedItemPendingLeavesNoTrace() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> add = edit(store, s -> s.add(new CheckItem("ci4", "Tweet")));
    Mutation<String, Card> rename = edit(store, s -> s.update("ci4", x -> x.name("Tweet twice")));
    assertEquals("Tweet twice", item(view(store), "ci4").name);
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, add.state());
    assertNull(item(view(store), "ci4"));
    assertFalse(ids(server.body(1)).contains("ci4"), server.bodyText(1));
    server.accept(1);
    assertTrue(rename.result().isDone());
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(server.row()));
  }

  @Test
  void aRefusedAssigneeEditRollsBackAloneWhileAnotherAssigneeEditIsPending() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    store.local("c1", c -> c.assignee.pinned = true);
    Mutation<String, Card> rename =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.fullName("Ann B. Lee")));
    Mutation<String, Card> handle =
        store.update("c1", CardPatch.empty().editAssignee(a -> a.username("annlee")));
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, rename.state());
    Card v = view(store);
    assertEquals("Ann Lee", v.assignee.fullName);
    assertEquals("annlee", v.assignee.username);
    assertTrue(v.assignee.pinned);
    assertEquals("Ann Lee", server.body(1).assignee.fullName);
    assertEquals("annlee", server.body(1).assignee.username);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, handle.state());
  }

  @Test
  void theServerNullsTheChecklistWhileAnItemEditIsPending() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> m = edit(store, s -> s.update("ci1", x -> x.state("complete")));
    server.theyChange(
        c -> {
          c.checkItems = null;
          return c;
        });
    store.refetch("c1").join();
    Card v = view(store);
    assertTrue(v.checkItems == null || v.checkItems.isEmpty(), String.valueOf(v.checkItems));
    server.acceptAll();
    assertTrue(m.result().isDone());
    Card row = server.row();
    assertTrue(
        row.checkItems == null || row.checkItems.isEmpty(), "the edit never resurrected ci1");
  }

  @Test
  void anAddToACardWithoutAChecklistMakesOne() {
    CardServer server = CardServer.withCard();
    server.theyChange(
        c -> {
          c.checkItems = null;
          return c;
        });
    SyncStore<String, Card> store = server.store();
    Mutation<String, Card> add = edit(store, s -> s.add(new CheckItem("ci1", "First")));
    assertEquals(List.of("ci1"), ids(view(store)));
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, add.state());
    assertEquals(List.of("ci1"), ids(server.row()));
  }

  @Test
  void bothSidesRemoveTheSameItemWithoutAConflictForThePolicy() {
    CardServer server = CardServer.withCard();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Card> store =
        server.store(
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(List.copyOf(paths));
                  return theirs;
                }));
    Mutation<String, Card> m = edit(store, s -> s.remove("ci2"));
    server.theyChange(
        c -> {
          c.checkItems.removeIf(i -> i.id.equals("ci2"));
          c.name = "Launch v2";
          return c;
        });
    server.acceptAll();
    assertTrue(m.result().isDone());
    assertEquals(List.of(), seen, "the same change on both sides does not meet");
    assertEquals(List.of("ci1", "ci3"), ids(server.row()));
    assertEquals("Launch v2", view(store).name);
  }

  @Test
  void twoFieldsOfOneItemChangedOnEachSideBothSurviveWithoutThePolicy() {
    CardServer server = CardServer.withCard();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Card> store =
        server.store(
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(List.copyOf(paths));
                  return theirs;
                }));
    Mutation<String, Card> m = edit(store, s -> s.update("ci1", x -> x.name("Copy v2")));
    server.theyChange(
        c -> {
          item(c, "ci1").state = "complete";
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(), seen);
    assertEquals("Copy v2", item(server.row(), "ci1").name);
    assertEquals("complete", item(server.row(), "ci1").state);
  }

  @Test
  void theResolverSeesTheNestedPathWhenBothRenameTheAssignee() {
    CardServer server = CardServer.withCard();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, Card> store =
        server.store(
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(List.copyOf(paths));
                  return mine;
                }));
    Mutation<String, Card> m =
        store.update(
            "c1", CardPatch.empty().editAssignee(a -> a.fullName("Ours").username("ours")));
    server.theyChange(
        c -> {
          c.assignee.fullName = "Theirs";
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(List.of("assignee.fullName")), seen);
    assertEquals("Ours", server.row().assignee.fullName);
    assertEquals("ours", server.row().assignee.username);
  }

  @Test
  void aResolverThatKeepsMineBringsBackTheWholeItemTheyRemovedNotOnlyTheChangedField() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store =
        server.store(ConflictPolicy.resolveWithPaths((base, mine, theirs, paths) -> mine));
    Mutation<String, Card> m = edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    server.theyChange(
        c -> {
          item(c, "ci2").state = "complete";
          c.checkItems.removeIf(i -> i.id.equals("ci2"));
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    CheckItem back = item(server.row(), "ci2");
    assertNotNull(back, "mine kept the item");
    assertEquals("Banner v2", back.name);
    assertEquals("incomplete", back.state, "the whole item as we had it, not a shell");
    assertEquals(List.of("ci1", "ci2", "ci3"), ids(view(store)));
  }

  @Test
  void twoItemEditsSentInParallelOnAVersionedServerBothLand() {
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.parallelStore();
    expand(store, "ci3");
    Mutation<String, Card> a = edit(store, s -> s.update("ci1", x -> x.state("complete")));
    Mutation<String, Card> b = edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, a.state());
    assertEquals(MutationState.CONFIRMED, b.state());
    assertEquals("complete", item(server.row(), "ci1").state);
    assertEquals("Banner v2", item(server.row(), "ci2").name);
    assertEquals("complete", item(view(store), "ci1").state);
    assertTrue(item(view(store), "ci3").expanded);
  }

  @Test
  void twoItemEditsInParallelGoOneAfterTheOtherAndARefusalLeavesOnlyTheSecond() {
    // A change inside a field is sent as the field's whole value, so with parallel sends the
    // second waits for the first (its body is computed on what the first leaves).
    CardServer server = CardServer.withCard();
    SyncStore<String, Card> store = server.parallelStore();
    Mutation<String, Card> a = edit(store, s -> s.update("ci1", x -> x.name("Refused")));
    Mutation<String, Card> b = edit(store, s -> s.update("ci2", x -> x.name("Banner v2")));
    assertEquals(1, server.writes.size(), "the second waits for the first");
    server.refuse(0);
    server.acceptAll();
    assertEquals(MutationState.ROLLED_BACK, a.state());
    assertEquals(MutationState.CONFIRMED, b.state());
    assertEquals(
        "Write copy", item(server.row(), "ci1").name, "the refused name never reaches the server");
    assertEquals("Banner v2", item(server.row(), "ci2").name);
    assertEquals("Write copy", item(view(store), "ci1").name);
    assertEquals("Banner v2", item(view(store), "ci2").name);
  }
}
