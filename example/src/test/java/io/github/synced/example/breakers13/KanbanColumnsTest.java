package io.github.synced.example.breakers13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A kanban board with SortedMap<Integer, Column> and Long ids, edited by key. */
class KanbanColumnsTest {
  final BoardRemote remote = new BoardRemote();
  SyncStore<Long, Board> store;
  BoardMutations boards;

  static Board board() {
    Board b = new Board();
    b.id = 7L;
    b.name = "Sprint";
    b.version = 1;
    b.columns = new TreeMap<>();
    b.columns.put(1, new Column(10L, "Todo", null));
    b.columns.put(2, new Column(20L, "Doing", 3));
    b.columns.put(3, new Column(30L, "Done", null));
    return b;
  }

  void connect(ConflictPolicy<Board> policy) throws Exception {
    remote.put(board());
    store =
        SyncStore.of(BoardSync.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .conflicts(policy)
            .build();
    boards = new BoardMutations(store);
    store.refetch().get(5, TimeUnit.SECONDS);
    boards.local(
        7L,
        b -> {
          b.starred = true;
          b.columns.get(2).collapsed = true;
        });
  }

  Board view() {
    return store.get(7L).orElseThrow();
  }

  void quiet(Mutation<Long, Board> m) throws Exception {
    try {
      m.result().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException ignored) {
      // the state is what matters
    }
    store.idle().get(10, TimeUnit.SECONDS);
  }

  @Test
  void putsGoInKeyOrderAndTheMapStaysSorted() throws Exception {
    connect(ConflictPolicy.serverWins());
    Mutation<Long, Board> m =
        boards.update(
            7L,
            p ->
                p.editColumns(
                    c ->
                        c.put(5, new Column(50L, "Archive", null))
                            .put(0, new Column(5L, "Ideas", 9))));
    assertEquals(List.of(0, 1, 2, 3, 5), new ArrayList<>(view().columns.keySet()));
    assertInstanceOf(SortedMap.class, view().columns);
    remote.answer();
    quiet(m);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(0, 1, 2, 3, 5), new ArrayList<>(view().columns.keySet()));
    assertInstanceOf(TreeMap.class, view().columns);
    assertEquals(List.of(0, 1, 2, 3, 5), new ArrayList<>(remote.board(7L).columns.keySet()));
    assertTrue(view().columns.get(2).collapsed);
    assertTrue(view().starred);
    assertEquals(Long.valueOf(50L), view().columns.get(5).id);
  }

  @Test
  void theirChangeToAnotherColumnMergesWithOursOnA412() throws Exception {
    connect(ConflictPolicy.serverWins());
    Mutation<Long, Board> m =
        boards.update(7L, p -> p.editColumns(c -> c.update(2, x -> x.name("WIP"))));
    remote.otherWriter(7L, b -> b.columns.get(3).wipLimit = 4);
    remote.answer(); // 412
    remote.answer(); // the merged resend
    quiet(m);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("WIP", remote.board(7L).columns.get(2).name);
    assertEquals(Integer.valueOf(4), remote.board(7L).columns.get(3).wipLimit);
    assertEquals("WIP", view().columns.get(2).name);
    assertEquals(Integer.valueOf(4), view().columns.get(3).wipLimit);
    assertTrue(view().columns.get(2).collapsed);
    assertTrue(view().starred);
  }

  @Test
  void pathsNameTheIntegerKeyAndAResolverKeepingOursWins() throws Exception {
    List<List<String>> told = new ArrayList<>();
    connect(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              told.add(List.copyOf(paths));
              return mine;
            }));
    Mutation<Long, Board> m =
        boards.update(7L, p -> p.editColumns(c -> c.update(2, x -> x.name("WIP").wipLimit(5))));
    remote.otherWriter(7L, b -> b.columns.get(2).name = "In progress");
    remote.answer();
    remote.answer();
    quiet(m);
    assertEquals(List.of(List.of("columns[2].name")), told);
    assertEquals("WIP", remote.board(7L).columns.get(2).name);
    assertEquals(Integer.valueOf(5), remote.board(7L).columns.get(2).wipLimit);
    assertTrue(view().columns.get(2).collapsed);
  }

  @Test
  void aRemoveTheyChangedMeanwhileIsDecidedByAResolverThatKeepsOurs() throws Exception {
    List<List<String>> told = new ArrayList<>();
    connect(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              told.add(List.copyOf(paths));
              return mine;
            }));
    Mutation<Long, Board> m = boards.update(7L, p -> p.editColumns(c -> c.remove(3)));
    remote.otherWriter(7L, b -> b.columns.get(3).name = "Shipped");
    remote.answer();
    remote.answer();
    quiet(m);
    assertEquals(List.of(List.of("columns[3]")), told);
    assertNull(remote.board(7L).columns.get(3));
    assertFalse(view().columns.containsKey(3));
  }

  @Test
  void aRemoveBoundToTheOldColumnDoesNothingToTheOneTheyPutAtItsKey() throws Exception {
    connect(ConflictPolicy.serverWins());
    Mutation<Long, Board> m = boards.update(7L, p -> p.editColumns(c -> c.remove(2)));
    assertFalse(view().columns.containsKey(2));
    remote.otherWriter(7L, b -> b.columns.put(2, new Column(99L, "Review", 2)));
    remote.answer();
    if (remote.waiting() > 0 || !m.isSettled()) {
      remote.answer();
    }
    quiet(m);
    assertEquals(Long.valueOf(99L), remote.board(7L).columns.get(2).id);
    assertEquals(Long.valueOf(99L), view().columns.get(2).id);
    assertFalse(view().columns.get(2).collapsed, "99 is another column: " + view());
  }

  @Test
  void aRefusedRemoveComesBackInKeyOrderWithItsCollapsedWhileAnotherEditConfirms()
      throws Exception {
    connect(ConflictPolicy.serverWins());
    Mutation<Long, Board> rm = boards.update(7L, p -> p.editColumns(c -> c.remove(2)));
    Mutation<Long, Board> ren =
        boards.update(7L, p -> p.editColumns(c -> c.update(1, x -> x.name("Backlog"))));
    assertEquals(List.of(1, 3), new ArrayList<>(view().columns.keySet()));
    remote.answer(422);
    remote.answer();
    quiet(rm);
    quiet(ren);
    assertEquals(MutationState.ROLLED_BACK, rm.state());
    assertEquals(MutationState.CONFIRMED, ren.state());
    assertEquals(List.of(1, 2, 3), new ArrayList<>(view().columns.keySet()));
    assertTrue(view().columns.get(2).collapsed);
    assertEquals("Backlog", view().columns.get(1).name);
    assertEquals(Long.valueOf(20L), remote.board(7L).columns.get(2).id);
    assertEquals("Backlog", remote.board(7L).columns.get(1).name);
  }

  @Test
  void anAddedColumnCollapsedWhilePendingSurvivesAPushAndItsConfirm() throws Exception {
    connect(ConflictPolicy.serverWins());
    Mutation<Long, Board> m =
        boards.update(7L, p -> p.editColumns(c -> c.put(4, new Column(40L, "QA", 1))));
    boards.local(7L, b -> b.columns.get(4).collapsed = true);
    remote.otherWriter(7L, b -> b.name = "Sprint 2");
    store.receive(remote.board(7L));
    assertTrue(view().columns.get(4).collapsed, view().toString());
    assertEquals("Sprint 2", view().name);
    remote.answer(); // 412: the push moved the version
    if (!m.isSettled()) {
      remote.answer();
    }
    quiet(m);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(view().columns.get(4).collapsed, view().toString());
    assertEquals("QA", remote.board(7L).columns.get(4).name);
    assertEquals("Sprint 2", remote.board(7L).name);
  }

  /** The view never stopped showing column 2: it keeps what the user set (README). */
  @Test
  void keepingOursAfterTheyRemovedAColumnTheViewStillShowedKeepsItsCollapsed() throws Exception {
    connect(ConflictPolicy.resolveWithPaths((base, mine, theirs, paths) -> mine));
    Mutation<Long, Board> m =
        boards.update(7L, p -> p.editColumns(c -> c.update(2, x -> x.name("Kept"))));
    remote.otherWriter(7L, b -> b.columns.remove(2));
    remote.answer();
    remote.answer();
    quiet(m);
    assertEquals("Kept", remote.board(7L).columns.get(2).name);
    assertEquals("Kept", view().columns.get(2).name);
    assertTrue(view().columns.get(2).collapsed, "README: the view still showed it: kept");
  }

  @Test
  void withParallelSendsAnEditInsideColumnsWaitsForTheMutationBeforeIt() throws Exception {
    remote.put(board());
    store =
        SyncStore.of(BoardSync.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .sendInParallel()
            .build();
    boards = new BoardMutations(store);
    store.refetch().get(5, TimeUnit.SECONDS);
    Mutation<Long, Board> first = boards.update(7L, p -> p.name("Sprint 9"));
    Mutation<Long, Board> second =
        boards.update(7L, p -> p.editColumns(c -> c.update(1, x -> x.name("Backlog"))));
    assertEquals(1, remote.waiting(), "the column edit waits for the rename");
    remote.answer();
    remote.answer();
    quiet(first);
    quiet(second);
    assertEquals(MutationState.CONFIRMED, first.state());
    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("Sprint 9", remote.board(7L).name);
    assertEquals("Backlog", remote.board(7L).columns.get(1).name);
  }

  @Test
  void aRefusedDeleteOfTheBoardRestoresEveryColumnsCollapsedAndThePendingColumnEdit()
      throws Exception {
    connect(ConflictPolicy.serverWins());
    Mutation<Long, Board> edit =
        boards.update(7L, p -> p.editColumns(c -> c.put(4, new Column(40L, "QA", null))));
    boards.local(7L, b -> b.columns.get(4).collapsed = true);
    Mutation<Long, Board> del = boards.delete(7L);
    assertTrue(store.get(7L).isEmpty());
    remote.answer(); // the column edit
    remote.answer(422); // the delete
    quiet(edit);
    quiet(del);
    assertEquals(MutationState.CONFIRMED, edit.state());
    assertEquals(MutationState.ROLLED_BACK, del.state());
    assertEquals(List.of(1, 2, 3, 4), new ArrayList<>(view().columns.keySet()));
    assertTrue(view().columns.get(2).collapsed);
    assertTrue(view().columns.get(4).collapsed, view().toString());
    assertTrue(view().starred);
  }
}
