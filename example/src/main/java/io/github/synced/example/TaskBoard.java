package io.github.synced.example;

import io.github.synced.runtime.EventLog;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.Scheduler;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The task board client: a store of {@link Task}s kept in sync with the task server over HTTP,
 * through the code Synced generated for {@code Task}. Every method returns at once; what the server
 * says later arrives through the store's listeners and the {@link #log() event log}.
 */
public final class TaskBoard {

  private final SyncStore<String, Task> store;
  private final TaskMutations tasks;
  private final EventLog<String, Task> log;
  private final AtomicInteger drafts = new AtomicInteger();
  private final QueryType<ByDone, Task> byDone;
  private final QueryType<Integer, Task> pages;

  /** The parameters of the board's two lists: the open tasks and the done ones. */
  public record ByDone(boolean done) {}

  /**
   * A board for the task server at {@code server}.
   *
   * @param server the server's base URI
   * @param requestTimeout how long to wait for an answer before its outcome counts as unknown
   * @param retry how transient failures and unknown outcomes are retried
   * @param scheduler the clock and timer the store runs on
   */
  public TaskBoard(URI server, Duration requestTimeout, RetryPolicy retry, Scheduler scheduler) {
    HttpRemote<String, Task> remote =
        HttpRemote.<String, Task>builder(server, "/tasks", new TaskJson())
            .requestTimeout(requestTimeout)
            .build();
    this.store =
        SyncStore.of(TaskSync.TYPE)
            .remote(remote)
            .retry(retry)
            .scheduler(scheduler)
            .notifyOn(Runnable::run) // a console board: its log prints as things happen
            .tempIds(() -> "draft-" + drafts.incrementAndGet())
            .build();
    this.tasks = new TaskMutations(store);
    this.byDone =
        QueryType.builder("tasks by done", remote.pages((ByDone p) -> Map.of("done", p.done())))
            .matches((p, task) -> task.isDone() == p.done()) // a mark moves a task at once
            .build();
    HttpRemote<String, Task> pager =
        HttpRemote.<String, Task>builder(server, "/tasks", new TaskJson())
            .requestTimeout(requestTimeout)
            .dialect(
                Dialect.plainJson().toBuilder()
                    .listQuery("_page=1")
                    .paging(Dialect.Paging.linkHeader())
                    .build())
            .build();
    this.pages =
        QueryType.builder(
                "tasks, a page at a time", pager.pages((Integer size) -> Map.of("_limit", size)))
            .createsAtTop()
            .build();
    this.log = EventLog.attach(store);
  }

  /** The store behind the board. */
  public SyncStore<String, Task> store() {
    return store;
  }

  /** Every mutation step and every change of the board, with time and cause. */
  public EventLog<String, Task> log() {
    return log;
  }

  /**
   * The open ({@code done} false) or the done tasks, as the server lists them: a query over the
   * board's one store, so a task shows with its pending edits and local UI state, and marking it
   * done moves it from one list to the other at once.
   */
  public Query<ByDone, String, Task> list(boolean done) {
    return store.query(byDone, new ByDone(done));
  }

  /** Every task, {@code size} to a page: {@link Query#loadMore()} reads the next page. */
  public Query<Integer, String, Task> paged(int size) {
    return store.query(pages, size);
  }

  /**
   * Marks a task done or open: it moves between the {@link #list} queries at once, and both are
   * read again once the server confirmed (where someone watches them).
   */
  public Mutation<String, Task> markDone(String id, boolean done) {
    return tasks.update(id, p -> p.done(done)).invalidates(byDone);
  }

  /** Loads (or reloads) every task from the server; pending edits stay on top. */
  public CompletableFuture<Void> refresh() {
    return store.refetch();
  }

  /**
   * Changes a task: the change shows at once, is sent in the background, and on a permanent failure
   * exactly this change leaves the board — other edits in flight and local UI state stay.
   */
  public Mutation<String, Task> updateTask(String id, UnaryOperator<TaskPatch> change) {
    return tasks.update(id, change);
  }

  /**
   * Adds a task, with {@code subtasks} (whose ids the client makes and the server keeps), under a
   * draft id; the server's id replaces it when the server answers.
   */
  public Mutation<String, Task> addTask(String title, Subtask... subtasks) {
    Task draft = new Task();
    draft.setTitle(title);
    draft.setSubtasks(new ArrayList<>(List.of(subtasks)));
    return tasks.create(draft);
  }

  /** Removes a task at once; if the server refuses, it comes back where it was. */
  public Mutation<String, Task> removeTask(String id) {
    return tasks.delete(id);
  }

  /** Expands or collapses a task: UI state only, never sent, never overwritten by the server. */
  public Task setExpanded(String id, boolean expanded) {
    return tasks.local(id, t -> t.setExpanded(expanded));
  }

  /**
   * Expands or collapses subtask {@code subtaskId} of task {@code id}: UI state only, never sent,
   * kept by that subtask whatever the server does to the list around it.
   *
   * @throws NoSuchElementException if the board has no such task or subtask
   */
  public Task setSubtaskExpanded(String id, String subtaskId, boolean expanded) {
    return tasks.local(
        id,
        t -> {
          Subtask s = t.subtask(subtaskId);
          if (s == null) {
            throw new NoSuchElementException("no subtask " + subtaskId + " of " + id);
          }
          s.setExpanded(expanded);
        });
  }

  /** The task as the board shows it. */
  public Optional<Task> task(String id) {
    return store.get(id);
  }

  /** Every task on the board, in board order. */
  public List<Task> all() {
    return store.all();
  }
}
