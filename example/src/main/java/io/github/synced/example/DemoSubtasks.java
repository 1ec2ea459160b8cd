package io.github.synced.example;

import io.github.synced.example.server.HeldResponse;
import io.github.synced.example.server.ServerSubtask;
import io.github.synced.example.server.TaskServer;
import io.github.synced.runtime.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's act about subtasks: each subtask keeps its own local-only {@code expanded} through a
 * refused edit of another subtask, another writer's edit and a refetch.
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
   * A task with three subtasks; the user expands s1 and s3; an edit of s2's title the server
   * refuses (422) is in flight while another writer renames s3 on the server and the board
   * refetches; then s1 is marked done. Afterwards s2's title is the server's again, s1 is done, s3
   * has the other writer's title, and s1 and s3 are still expanded.
   */
  void play(TaskServer server, TaskBoard board) throws Exception {
    demo.act("Subtasks: each keeps its own expanded through a refused edit, a refetch, a mark");
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
        board.updateTask(id, p -> p.subtasks(changed(board, id, "s2", TOO_LONG, null)));
    refusal.arrived().get(Demo.WAIT.toSeconds(), TimeUnit.SECONDS);
    server.editSubtaskBehindClientsBack(id, "s3", "Clean the flat and return the keys");
    demo.note("another writer renamed s3 on the server; the board refetches");
    Demo.await(board.refresh());
    refusal.release();
    Demo.settle(rename);
    Mutation<String, Task> mark =
        board.updateTask(id, p -> p.subtasks(changed(board, id, "s1", null, true)));
    Demo.settle(mark);
    demo.note(
        "#"
            + rename.sequence()
            + " "
            + rename.state()
            + " ("
            + rename.error().map(e -> e.status() + "").orElse("")
            + "), #"
            + mark.sequence()
            + " "
            + mark.state());
    showSubtasks(board, id);
  }

  /** The subtasks task {@code id} shows now, with {@code subtaskId} given a title or a mark. */
  private static List<Subtask> changed(
      TaskBoard board, String id, String subtaskId, String title, Boolean done) {
    List<Subtask> list = new ArrayList<>();
    for (Subtask s : board.task(id).orElseThrow().getSubtasks()) {
      boolean it = s.getId().equals(subtaskId);
      list.add(
          new Subtask(
              s.getId(),
              (it && title != null) ? title : s.getTitle(),
              (it && done != null) ? done : s.isDone()));
    }
    return list;
  }

  private void showSubtasks(TaskBoard board, String id) {
    demo.note("subtasks of " + id + ": " + board.task(id).orElseThrow().getSubtasks());
  }
}
