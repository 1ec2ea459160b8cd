package io.github.synced.example.breakers10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two levels of elements (card → checklists → items, as Trello nests them) and a map of them. */
class DeepAndMapTest {

  private static Held<String, BoardCard> cardServer() {
    BoardCard c = new BoardCard();
    c.id = "b1";
    c.name = "Launch";
    c.checklists =
        new ArrayList<>(
            List.of(
                new Checklist(
                    "cl1",
                    "Todo",
                    new ArrayList<>(
                        List.of(new CheckItem("ci1", "Write"), new CheckItem("ci2", "Draw")))),
                new Checklist(
                    "cl2", "Ship", new ArrayList<>(List.of(new CheckItem("ci3", "Deploy"))))));
    c.version = 1;
    return new Held<>(
        new BoardCardJson(), "b1", c, x -> x.version, (x, v) -> x.version = v, BoardCard::new);
  }

  private static SyncStore<String, BoardCard> store(
      Held<String, BoardCard> server, ConflictPolicy<BoardCard> p) {
    SyncStore<String, BoardCard> store =
        SyncStore.of(BoardCardSync.TYPE)
            .remote(server)
            .conflicts(p)
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(server.row()));
    return store;
  }

  private static Checklist list(BoardCard c, String id) {
    return c.checklists.stream().filter(l -> l.id.equals(id)).findFirst().orElse(null);
  }

  private static CheckItem item(BoardCard c, String list, String id) {
    Checklist l = list(c, list);
    return l == null
        ? null
        : l.checkItems.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
  }

  private static BoardCard view(SyncStore<String, BoardCard> store) {
    return store.get("b1").orElseThrow();
  }

  private static Mutation<String, BoardCard> deep(
      SyncStore<String, BoardCard> store, String list, String item, String state) {
    return store.update(
        "b1",
        BoardCardPatch.empty()
            .editChecklists(
                s ->
                    s.update(
                        list, l -> l.editCheckItems(i -> i.update(item, x -> x.state(state))))));
  }

  private static void marks(SyncStore<String, BoardCard> store) {
    store.local(
        "b1",
        c -> {
          list(c, "cl2").collapsed = true;
          item(c, "cl1", "ci2").expanded = true;
        });
  }

  @Test
  void twoDeepEditsInDifferentChecklistsTheFirstRefusedRollsBackAlone() {
    Held<String, BoardCard> server = cardServer();
    SyncStore<String, BoardCard> store = store(server, ConflictPolicy.serverWins());
    marks(store);
    Mutation<String, BoardCard> a = deep(store, "cl1", "ci1", "complete");
    Mutation<String, BoardCard> b = deep(store, "cl2", "ci3", "complete");
    assertEquals("complete", item(view(store), "cl1", "ci1").state);
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, a.state());
    BoardCard v = view(store);
    assertEquals("incomplete", item(v, "cl1", "ci1").state);
    assertEquals("complete", item(v, "cl2", "ci3").state);
    assertTrue(list(v, "cl2").collapsed && item(v, "cl1", "ci2").expanded);
    assertEquals("incomplete", item(server.body(1), "cl1", "ci1").state);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, b.state());
    assertEquals("complete", item(server.row(), "cl2", "ci3").state);
    assertTrue(list(view(store), "cl2").collapsed && item(view(store), "cl1", "ci2").expanded);
  }

  @Test
  void deepChangesToTwoItemsOfOneChecklistOnEachSideBothSurviveA412() {
    Held<String, BoardCard> server = cardServer();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, BoardCard> store =
        store(
            server,
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(List.copyOf(paths));
                  return theirs;
                }));
    marks(store);
    Mutation<String, BoardCard> m = deep(store, "cl1", "ci1", "complete");
    server.theyChange(
        c -> {
          item(c, "cl1", "ci2").name = "Draw logo";
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(), seen);
    assertEquals("complete", item(server.row(), "cl1", "ci1").state);
    assertEquals("Draw logo", item(server.row(), "cl1", "ci2").name);
    assertTrue(item(view(store), "cl1", "ci2").expanded);
  }

  @Test
  void aDeepOverlapReachesThePolicyWithItsTwoLevelPath() {
    Held<String, BoardCard> server = cardServer();
    List<List<String>> seen = new ArrayList<>();
    SyncStore<String, BoardCard> store =
        store(
            server,
            ConflictPolicy.resolveWithPaths(
                (base, mine, theirs, paths) -> {
                  seen.add(List.copyOf(paths));
                  return mine;
                }));
    Mutation<String, BoardCard> m = deep(store, "cl1", "ci1", "complete");
    server.theyChange(
        c -> {
          item(c, "cl1", "ci1").state = "skipped";
          return c;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(List.of("checklists[cl1].checkItems[ci1].state")), seen);
    assertEquals("complete", item(server.row(), "cl1", "ci1").state);
  }

  @Test
  void aRefetchThatReordersChecklistsAndItemsKeepsLocalOnlyAtBothLevels() {
    Held<String, BoardCard> server = cardServer();
    SyncStore<String, BoardCard> store = store(server, ConflictPolicy.serverWins());
    marks(store);
    deep(store, "cl1", "ci1", "complete");
    server.theyChange(
        c -> {
          java.util.Collections.reverse(c.checklists);
          java.util.Collections.reverse(list(c, "cl1").checkItems);
          list(c, "cl1").checkItems.add(new CheckItem("ci4", "Print"));
          return c;
        });
    store.refetch("b1").join();
    BoardCard v = view(store);
    assertEquals(List.of("cl2", "cl1"), v.checklists.stream().map(l -> l.id).toList());
    assertEquals(
        List.of("ci2", "ci1", "ci4"), list(v, "cl1").checkItems.stream().map(i -> i.id).toList());
    assertEquals("complete", item(v, "cl1", "ci1").state);
    assertTrue(list(v, "cl2").collapsed);
    assertTrue(item(v, "cl1", "ci2").expanded);
    assertFalse(item(v, "cl1", "ci4").expanded);
  }

  @Test
  void aDeepEditOfAMissingItemNamesTheCardTheFieldsAndTheItem() {
    Held<String, BoardCard> server = cardServer();
    SyncStore<String, BoardCard> store = store(server, ConflictPolicy.serverWins());
    RuntimeException e = null;
    try {
      deep(store, "cl1", "ci9", "complete");
    } catch (RuntimeException thrown) {
      e = thrown;
    }
    assertTrue(
        e != null,
        "an update of item ci9 that checklist cl1 does not have was taken: pending "
            + store.pending("b1").size()
            + ", writes "
            + server.writes.size());
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("b1") && msg.contains("checkItems") && msg.contains("ci9"), msg);
    assertTrue(server.writes.isEmpty());
    assertTrue(store.pending("b1").isEmpty());
  }

  @Test
  void aDeepEditOfAMissingChecklistIsRefused() {
    Held<String, BoardCard> server = cardServer();
    SyncStore<String, BoardCard> store = store(server, ConflictPolicy.serverWins());
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> deep(store, "cl9", "ci1", "complete"));
    String msg = String.valueOf(e.getMessage());
    assertTrue(
        msg.contains("BoardCard 'b1'") && msg.contains("checklists") && msg.contains("cl9"), msg);
    assertTrue(server.writes.isEmpty());
  }

  @Test
  void aDeepAddOfAnItemIdTheChecklistHasIsRefusedAndNeverSendsTwoItemsWithOneId() {
    Held<String, BoardCard> server = cardServer();
    SyncStore<String, BoardCard> store = store(server, ConflictPolicy.serverWins());
    RuntimeException e = null;
    try {
      store.update(
          "b1",
          BoardCardPatch.empty()
              .editChecklists(
                  s ->
                      s.update(
                          "cl1", l -> l.editCheckItems(i -> i.add(new CheckItem("ci1", "Dup"))))));
    } catch (RuntimeException thrown) {
      e = thrown;
    }
    BoardCard v = view(store);
    List<String> viewIds = list(v, "cl1").checkItems.stream().map(i -> i.id).toList();
    String sent =
        server.writes.isEmpty()
            ? "nothing"
            : list(server.body(0), "cl1").checkItems.stream().map(i -> i.id).toList().toString();
    assertTrue(e != null, "a second ci1 in cl1 was taken: view " + viewIds + ", sent " + sent);
    assertTrue(e.getMessage().contains("ci1"), e.getMessage());
    assertEquals(List.of("ci1", "ci2"), viewIds);
    assertTrue(server.writes.isEmpty());
  }

  @Test
  void aNewChecklistAddedWithItemsKeepsItsItemsExpandedAcrossTheConfirm() {
    Held<String, BoardCard> server = cardServer();
    SyncStore<String, BoardCard> store = store(server, ConflictPolicy.serverWins());
    Mutation<String, BoardCard> m =
        store.update(
            "b1",
            BoardCardPatch.empty()
                .editChecklists(
                    s ->
                        s.add(
                            new Checklist(
                                "cl3",
                                "Later",
                                new ArrayList<>(List.of(new CheckItem("ci7", "Retro")))))));
    store.local("b1", c -> item(c, "cl3", "ci7").expanded = true);
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(item(view(store), "cl3", "ci7").expanded);
  }

  // --- a map of @Synced values ---

  private static Held<String, Board> boardServer() {
    Board b = new Board();
    b.id = "bd1";
    b.name = "Sprint";
    b.columns = new LinkedHashMap<>();
    b.columns.put("todo", new Column("col1", "To do"));
    b.columns.put("doing", new Column("col2", "Doing"));
    b.version = 1;
    return new Held<>(
        new BoardJson(), "bd1", b, x -> x.version, (x, v) -> x.version = v, Board::new);
  }

  @Test
  void aColumnTheServerMovesToAnotherKeyKeepsItsCollapsed() {
    Held<String, Board> server = boardServer();
    SyncStore<String, Board> store =
        SyncStore.of(BoardSync.TYPE).remote(server).notifyOn(Runnable::run).build();
    store.load(List.of(server.row()));
    store.local("bd1", b -> b.columns.get("todo").collapsed = true);
    server.theyChange(
        b -> {
          Column c = b.columns.remove("todo");
          b.columns.put("backlog", c);
          return b;
        });
    store.refetch("bd1").join();
    Board v = store.get("bd1").orElseThrow();
    assertNull(v.columns.get("todo"));
    assertEquals("col1", v.columns.get("backlog").id);
    assertTrue(v.columns.get("backlog").collapsed);
  }

  @Test
  void aRefusedWholeMapSetBringsTheColumnsBackWithTheirCollapsed() {
    Held<String, Board> server = boardServer();
    SyncStore<String, Board> store =
        SyncStore.of(BoardSync.TYPE).remote(server).notifyOn(Runnable::run).build();
    store.load(List.of(server.row()));
    store.local("bd1", b -> b.columns.get("doing").collapsed = true);
    Map<String, Column> fewer = new LinkedHashMap<>();
    fewer.put("todo", new Column("col1", "To do"));
    Mutation<String, Board> m = store.update("bd1", BoardPatch.empty().columns(fewer));
    assertEquals(1, store.get("bd1").orElseThrow().columns.size());
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    Board v = store.get("bd1").orElseThrow();
    assertEquals(List.of("todo", "doing"), new ArrayList<>(v.columns.keySet()));
    assertTrue(v.columns.get("doing").collapsed);
  }
}
