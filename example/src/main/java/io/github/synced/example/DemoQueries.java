package io.github.synced.example;

import io.github.synced.example.server.HeldResponse;
import io.github.synced.example.server.TaskServer;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The demo's acts about queries: lists that server reads give, over the board's one store. */
final class DemoQueries {

  private final Consumer<String> act;
  private final Consumer<String> note;

  /**
   * @param act starts an act with its title
   * @param note prints a line of what the act showed
   */
  DemoQueries(Consumer<String> act, Consumer<String> note) {
    this.act = act;
    this.note = note;
  }

  /**
   * Queries over the one store: the open list, the done list and a paged list; a mark moves a task
   * between lists at once, a failed one moves it back, and a slow read of a list changes nothing a
   * mutation decided.
   */
  void play(TaskServer server, TaskBoard board) throws Exception {
    act.accept("Queries: the open list, the done list and a paged list, over the one store");
    server.addTask("Plan the trip", false);
    server.addTask("Book the train", false);
    server.addTask("Pack", false);
    Query<TaskBoard.ByDone, String, Task> open = board.list(false);
    Query<TaskBoard.ByDone, String, Task> done = board.list(true);
    Query<Integer, String, Task> paged = board.paged(2);
    watch("open", open); // as a UI would: every list the user would see, as it changes
    watch("done", done);
    Demo.await(open.refetch());
    Demo.await(done.refetch());
    Demo.await(paged.refetch());
    note.accept(
        "paged, 2 to a page: " + ids(paged) + (paged.state().hasMore() ? ", more to load" : ""));
    Demo.await(paged.loadMore());
    note.accept("paged, after loading the next page: " + ids(paged));

    act.accept("Marking a task done moves it between the lists at once; both are read again after");
    String first = open.items().get(0).getId();
    Demo.settle(board.markDone(first, true));
    Demo.await(open.refetch()); // the read the mark's confirmation started, or a new one
    Demo.await(done.refetch());

    act.accept("A mark the server refuses (403) moves the task back where it was");
    String second = open.items().get(0).getId();
    server.failNextWrite(403);
    Demo.settle(board.markDone(second, true));
    Demo.await(open.refetch());
    Demo.await(done.refetch());

    act.accept("A read of the open list sent before a mark, answered after it, moves nothing back");
    HeldResponse slowRead = server.holdNextReadResponse();
    CompletableFuture<Void> read = open.refetch();
    slowRead.arrived().get(Demo.WAIT.toSeconds(), TimeUnit.SECONDS);
    String third = open.items().get(open.items().size() - 1).getId();
    Demo.settle(board.markDone(third, true));
    slowRead.release();
    Demo.await(read);
    Demo.await(open.refetch());
    Demo.await(done.refetch());
    note.accept("the slow read listed " + third + " as open; the open list shows " + ids(open));
  }

  /** Prints a query's list each time its ids change. */
  private void watch(String name, Query<?, String, Task> q) {
    String[] last = {""};
    q.subscribe(
        s -> {
          String now = s.items().stream().map(Task::getId).toList().toString();
          if (s.status() != QueryState.Status.IDLE
              && s.status() != QueryState.Status.LOADING
              && !now.equals(last[0])) {
            last[0] = now;
            note.accept(name + " list: " + now);
          }
        });
  }

  private static List<String> ids(Query<?, String, Task> q) {
    return q.items().stream().map(Task::getId).toList();
  }
}
