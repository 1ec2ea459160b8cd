package io.github.synced.example;

import io.github.synced.example.server.Faults;
import io.github.synced.example.server.TaskServer;
import io.github.synced.runtime.Mutation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The demo's random traffic: edits, creates (some with subtasks), marks and additions of subtasks
 * (by id, with {@code editSubtasks}) and local UI changes (of tasks and of subtasks) under injected
 * faults, with a second writer now and then.
 */
final class DemoTraffic {

  /** How many random steps are in flight together. */
  private static final int WAVE = 4;

  private final Demo demo;
  private final Demo.Options options;

  DemoTraffic(Demo demo, Demo.Options options) {
    this.demo = demo;
    this.options = options;
  }

  /**
   * Random steps in waves of {@link #WAVE}: each wave's mutations are in flight together, and the
   * next wave starts once the store is idle, after the second writer may have edited a task behind
   * the client's back. Which steps are made, on which task, and which fault each request meets
   * follow from the seed alone (the server draws a request's fault from its method, path and how
   * many such requests came before, and a wave creates at most one task, so ids are the same in
   * every run): one seed gives every mutation the same outcome in every run, which the digest
   * printed at the end shows. Only times differ.
   */
  void play(TaskServer server, TaskBoard board) throws Exception {
    demo.act(
        String.format(
            "%d random steps (edits, creates, local UI changes) under faults: %.0f%% errors, %.0f%% dropped answers, %d ms latency,"
                + " a second writer before %.0f%% of the waves (seed %d)",
            options.rounds(),
            options.errorRate() * 100,
            options.dropRate() * 100,
            options.latencyMs(),
            options.secondWriter() * 100,
            options.seed()));
    server.faults(
        Faults.none()
            .withLatency(
                Duration.ofMillis(options.latencyMs()), Duration.ofMillis(options.latencyMs()))
            .withErrorRate(500, options.errorRate() / 2)
            .withErrorRate(503, options.errorRate() / 2)
            .withRetryAfter(Duration.ofSeconds(1))
            .withDropRate(options.dropRate()));
    Random random = new Random(options.seed());
    List<Mutation<String, Task>> made = new ArrayList<>();
    List<Task> tasks = List.of();
    boolean created = false;
    int secondWriterEdits = 0;
    for (int i = 0; i < options.rounds(); i++) {
      if (i % WAVE == 0) {
        Demo.await(board.store().idle());
        tasks = board.all();
        created = false;
        if (!tasks.isEmpty() && random.nextDouble() < options.secondWriter()) {
          String id = tasks.get(random.nextInt(tasks.size())).getId();
          server.editBehindClientsBack(id, "Edited elsewhere #" + ++secondWriterEdits);
        }
      }
      int dice = random.nextInt(10);
      int sub = random.nextInt(6); // a subtask step on a task that has subtask #sub, else a task's
      if (tasks.isEmpty() || (dice == 0 && !created)) {
        Subtask[] subtasks = new Subtask[sub % 3];
        for (int n = 0; n < subtasks.length; n++) {
          subtasks[n] = new Subtask("s" + (n + 1), "Step " + (n + 1) + " of task " + i, false);
        }
        made.add(board.addTask("Task " + i, subtasks));
        created = true;
        continue;
      }
      Task task = tasks.get(random.nextInt(tasks.size()));
      String id = task.getId();
      boolean onSubtask = sub < task.getSubtasks().size();
      String subtaskId = onSubtask ? task.getSubtasks().get(sub).getId() : null;
      if (dice <= 2) {
        boolean value = random.nextBoolean();
        if (onSubtask) {
          demo.expandSubtask(board, id, subtaskId, value);
        } else {
          demo.expand(board, id, value);
        }
      } else if (dice <= 5) {
        boolean done = random.nextBoolean();
        made.add(
            onSubtask
                ? board.updateTask(
                    id, p -> p.editSubtasks(s -> s.update(subtaskId, x -> x.done(done))))
                : board.updateTask(id, p -> p.done(done)));
      } else if (dice == 9) {
        Subtask added = new Subtask("r" + i, "Added in step " + i, false); // ids never reused
        made.add(board.updateTask(id, p -> p.editSubtasks(s -> s.add(added))));
      } else {
        String title = "Edit " + i;
        made.add(board.updateTask(id, p -> p.title(title)));
      }
    }
    for (Mutation<String, Task> m : made) {
      Demo.settle(m);
    }
    Demo.await(board.store().idle());
    server.faults(Faults.none());
    Map<String, Long> settled = new TreeMap<>();
    StringBuilder outcomes = new StringBuilder();
    for (Mutation<String, Task> m : made) {
      settled.merge(m.state().name(), 1L, Long::sum);
      outcomes.append(m.kind()).append(' ').append(m.state()).append(' ').append(m.attempts());
      outcomes.append(';');
    }
    demo.note(
        "all "
            + made.size()
            + " mutations settled: "
            + settled
            + "; "
            + (options.rounds() - made.size())
            + " local-only edits were never sent; "
            + secondWriterEdits
            + " edits by a second writer");
    demo.note(
        String.format(
            "outcome digest %08x (kind, final state and attempts of every mutation: the same in"
                + " every run with seed %d)",
            outcomes.toString().hashCode(), options.seed()));
  }
}
