package io.github.synced.example;

import io.github.synced.example.server.HeldResponse;
import io.github.synced.example.server.ServerSubtask;
import io.github.synced.example.server.TaskServer;
import io.github.synced.runtime.Mutation;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's act about subtasks: two edits of different subtasks in flight on one task, made with
 * typed patches that reach into the list ({@code p.editSubtasks(s -> s.update("s2", x -> ...))}),
 * each its own layer: the one the server refuses rolls back alone, a refetch with another writer's
 * change rebases both, and every subtask keeps its own local-only {@code expanded}.
 */
final class DemoSubtasks {

  /** A title longer than the server takes for a subtask: a write carrying it is answered 422. */
  static final String TOO_LONG =
      "Book the movers for Saturday morning, and ask whether they bring boxes";

  private final Demo demo;

  DemoSubtasks(Demo demo) {
    this.demo = demo;
  }

  /**
   * A task with three subtasks; the user expands s1 and s3; an edit of s2's title (which the server
   * refuses, 422) and a mark of s1 as done are both made before either is answered; another writer
   * renames s3 on the server and the board refetches. Afterwards s2's title is the server's again,
   * s1 is done, s3 has the other writer's title, and s1 and s3 are still expanded.
   */
  void play(TaskServer server, TaskBoard board) throws Exception {
    demo.act(
        "Subtasks: two edits in flight, one refused; another writer and a refetch; each keeps"
            + " its expanded");
    String id =
        server
            .addTask(
                "Move house",
                false,
                List.of(
                    new ServerSubtask("s1", "Pack the books", false),
                    new ServerSubtask("s2", "Book the movers", false),
                    new ServerSubtask("s3", "Clean the flat", false)))
            .id();
    Demo.await(board.refresh());
    demo.expandSubtask(board, id, "s1", true);
    demo.expandSubtask(board, id, "s3", true);
    showSubtasks(board, id);

    HeldResponse refusal = server.holdNextWriteResponse(); // refused at once, answered later
    Mutation<String, Task> rename =
        board.updateTask(id, p -> p.editSubtasks(s -> s.update("s2", x -> x.title(TOO_LONG))));
    Mutation<String, Task> mark =
        board.updateTask(id, p -> p.editSubtasks(s -> s.update("s1", x -> x.done(true))));
    refusal.arrived().get(Demo.WAIT.toSeconds(), TimeUnit.SECONDS);
    server.editSubtaskBehindClientsBack(id, "s3", "Clean the flat and return the keys");
    demo.note("another writer renamed s3 on the server; the board refetches");
    Demo.await(board.refresh());
    showSubtasks(board, id);
    refusal.release();
    Demo.settle(rename);
    Demo.settle(mark);
    demo.note(
        "#"
            + rename.sequence()
            + " "
            + rename.state()
            + rename.error().map(e -> " (" + e.status() + ")").orElse("")
            + ", #"
            + mark.sequence()
            + " "
            + mark.state());
    showSubtasks(board, id);
  }

  private void showSubtasks(TaskBoard board, String id) {
    demo.note("subtasks of " + id + ": " + board.task(id).orElseThrow().getSubtasks());
  }
}
