package io.github.synced.example.subtasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.Subtask;
import io.github.synced.example.Task;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskMutations;
import io.github.synced.example.TaskSync;
import io.github.synced.example.server.Faults;
import io.github.synced.example.server.HeldResponse;
import io.github.synced.example.server.ServerSubtask;
import io.github.synced.example.server.ServerTask;
import io.github.synced.example.server.TaskServer;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task's subtasks through a real store, the HTTP remote and the embedded task server on loopback:
 * each subtask keeps its local-only {@code expanded} through refetches that reorder, add and remove
 * subtasks, and an edit of the list the server refuses takes back exactly what it did. No sleeps:
 * each step waits for the future that says it is done, and answers that must come later are held by
 * the server until released.
 */
class SubtasksThroughTheTaskServerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Longer than the server takes for a subtask title: a write carrying it is answered 422. */
  static final String TOO_LONG =
      "Book the movers for Saturday morning, and ask whether they bring boxes";

  private TaskServer server;
  private SyncStore<String, Task> store;
  private TaskMutations tasks;

  @BeforeEach
  void start() throws Exception {
    server = TaskServer.start(3L, Faults.none());
    server.addTask(
        "Move house",
        false,
        List.of(
            new ServerSubtask("s1", "Pack the books", false),
            new ServerSubtask("s2", "Book the movers", false),
            new ServerSubtask("s3", "Clean the flat", false)));
    HttpRemote<String, Task> remote =
        HttpRemote.<String, Task>builder(server.uri(), TaskServer.PATH, new TaskJson())
            .mapper(MAPPER)
            .requestTimeout(WAIT)
            .build();
    store =
        SyncStore.of(TaskSync.TYPE)
            .remote(remote)
            .retry(RetryPolicy.defaults().withMaxAttempts(1))
            .notifyOn(Runnable::run)
            .build();
    tasks = new TaskMutations(store);
    store.refetch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Task shown() {
    return store.get("t1").orElseThrow();
  }

  private static List<String> ids(Task t) {
    return t.getSubtasks().stream().map(Subtask::getId).toList();
  }

  private static List<String> expanded(Task t) {
    return t.getSubtasks().stream().filter(Subtask::isExpanded).map(Subtask::getId).toList();
  }

  private void expand(String... ids) {
    tasks.local(
        "t1",
        t -> {
          for (String id : ids) {
            t.subtask(id).setExpanded(true);
          }
        });
  }

  /** The subtasks the task shows now, copied, with {@code change} made to the copy. */
  private List<Subtask> edited(Consumer<List<Subtask>> change) {
    List<Subtask> list = new ArrayList<>(shown().getSubtasks());
    change.accept(list);
    return list;
  }

  private static SyncFailure settledWithFailure(Mutation<String, Task> m) throws Exception {
    m.result().handle((v, e) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    return assertInstanceOf(SyncFailure.class, m.error().orElseThrow());
  }

  @Test
  void aRefetchThatAddsRemovesAndReordersSubtasksKeepsEachRemainingOnesExpanded() throws Exception {
    expand("s1", "s3");
    ArrayNode theirs = MAPPER.createArrayNode();
    theirs.addObject().put("id", "s3").put("title", "Clean the whole flat");
    theirs.addObject().put("id", "s4").put("title", "Return the keys");
    theirs.addObject().put("id", "s1").put("title", "Pack the books").put("done", true);
    ObjectNode write = MAPPER.createObjectNode();
    write.set("subtasks", theirs);
    server.rest().writeBehindClientsBack("t1", write); // another user: s2 gone, s4 new, reordered

    store.refetch().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Task t = shown();
    assertEquals(List.of("s3", "s4", "s1"), ids(t), "the server's list, in its order");
    assertEquals("Clean the whole flat", t.subtask("s3").getTitle());
    assertTrue(t.subtask("s1").isDone());
    assertEquals(List.of("s3", "s1"), expanded(t), "s1 and s3 keep expanded; s4 starts collapsed");
    assertEquals(server.snapshot().get("t1").updatedAt(), t.getUpdatedAt());
  }

  @Test
  void aSubtaskAddedOptimisticallyAndRefusedDisappearsAndTheOthersKeepTheirState()
      throws Exception {
    expand("s1");
    HeldResponse answer = server.holdNextWriteResponse();
    Mutation<String, Task> add =
        tasks.update(
            "t1", p -> p.subtasks(edited(l -> l.add(1, new Subtask("s4", TOO_LONG, false)))));

    answer.arrived().get(WAIT.toSeconds(), TimeUnit.SECONDS); // refused, the answer held
    assertEquals(List.of("s1", "s4", "s2", "s3"), ids(shown()), "shown at once, where it was put");
    expand("s3"); // while the answer is on its way
    answer.release();
    SyncFailure failure = settledWithFailure(add);

    assertEquals(422, failure.status(), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("subtask s4: a title has at most"), failure.getMessage());
    Task t = shown();
    assertEquals(List.of("s1", "s2", "s3"), ids(t), "the refused subtask is gone");
    assertEquals(List.of("s1", "s3"), expanded(t), "expanded before and during the flight stays");
    assertEquals(3, server.snapshot().get("t1").subtasks().size(), "nothing applied");
  }

  @Test
  void aSubtaskRemovedAndRefusedComesBackAtItsIndex() throws Exception {
    expand("s2", "s3");
    List<String> announced = new ArrayList<>();
    store.subscribe(
        c -> announced.add(c.cause() + " " + (c.after() == null ? null : ids(c.after()))));
    server.failNextWrite(403);

    Mutation<String, Task> remove = tasks.update("t1", p -> p.subtasks(edited(l -> l.remove(1))));
    SyncFailure failure = settledWithFailure(remove);

    assertEquals(403, failure.status());
    assertEquals(
        List.of("OPTIMISTIC [s1, s3]", "ROLLBACK [s1, s2, s3]"),
        announced,
        "gone at once, back once the server refused");
    Task t = shown();
    assertEquals(List.of("s1", "s2", "s3"), ids(t), "s2 is back at its index");
    assertEquals("Book the movers", t.subtask("s2").getTitle());
    assertEquals(List.of("s2", "s3"), expanded(t), "s2 comes back as the user left it");
    assertEquals(3, server.snapshot().get("t1").subtasks().size(), "nothing applied");
  }

  @Test
  void aRefusedEditOfOneSubtaskRollsBackOnlyItsOwnWhileAnotherSubtasksEditIsInFlight()
      throws Exception {
    expand("s1", "s3");
    HeldResponse answer = server.holdNextWriteResponse();
    Mutation<String, Task> rename =
        tasks.update("t1", p -> p.editSubtasks(s -> s.update("s2", x -> x.title(TOO_LONG))));
    Mutation<String, Task> mark =
        tasks.update("t1", p -> p.editSubtasks(s -> s.update("s1", x -> x.done(true))));

    answer.arrived().get(WAIT.toSeconds(), TimeUnit.SECONDS); // refused, the answer held
    Task pending = shown();
    assertEquals(TOO_LONG, pending.subtask("s2").getTitle());
    assertTrue(pending.subtask("s1").isDone());
    expand("s2"); // while both are in flight
    answer.release();
    SyncFailure failure = settledWithFailure(rename);
    mark.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertEquals(422, failure.status());
    assertEquals(MutationState.CONFIRMED, mark.state());
    Task t = shown();
    assertEquals("Book the movers", t.subtask("s2").getTitle(), "only the refused edit is undone");
    assertTrue(t.subtask("s1").isDone(), "the other subtask's edit stays, and is confirmed");
    assertEquals(List.of("s1", "s2", "s3"), expanded(t));
    ServerTask onServer = server.snapshot().get("t1");
    assertTrue(onServer.subtask("s1").done());
    assertEquals("Book the movers", onServer.subtask("s2").title());
    assertEquals(onServer.updatedAt(), t.getUpdatedAt());
  }

  @Test
  void aRefetchWhileSubtaskEditsAreInFlightRebasesThemOnAnotherWritersChange() throws Exception {
    expand("s1", "s3");
    HeldResponse answer = server.holdNextWriteResponse();
    Mutation<String, Task> rename =
        tasks.update("t1", p -> p.editSubtasks(s -> s.update("s2", x -> x.title(TOO_LONG))));
    Mutation<String, Task> mark =
        tasks.update("t1", p -> p.editSubtasks(s -> s.update("s1", x -> x.done(true))));
    answer.arrived().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    server.editSubtaskBehindClientsBack("t1", "s3", "Clean the flat and return the keys");

    store.refetch().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Task rebased = shown();
    assertEquals(TOO_LONG, rebased.subtask("s2").getTitle(), "still pending on top");
    assertTrue(rebased.subtask("s1").isDone(), "still pending on top");
    assertEquals("Clean the flat and return the keys", rebased.subtask("s3").getTitle());
    answer.release();
    settledWithFailure(rename);
    mark.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Task t = shown();
    assertEquals(
        List.of(
            new ServerSubtask("s1", "Pack the books", true),
            new ServerSubtask("s2", "Book the movers", false),
            new ServerSubtask("s3", "Clean the flat and return the keys", false)),
        server.snapshot().get("t1").subtasks());
    assertEquals(
        server.snapshot().get("t1").subtasks(),
        t.getSubtasks().stream()
            .map(x -> new ServerSubtask(x.getId(), x.getTitle(), x.isDone()))
            .toList(),
        "client and server agree");
    assertEquals(List.of("s1", "s3"), expanded(t));
  }

  @Test
  void anElementAddedByIdAndRefusedDisappearsAndOneRemovedAndRefusedComesBackAtItsIndex()
      throws Exception {
    expand("s2");
    List<String> announced = new ArrayList<>();
    store.subscribe(
        c -> announced.add(c.cause() + " " + (c.after() == null ? null : ids(c.after()))));
    HeldResponse answer = server.holdNextWriteResponse(); // the add: refused (422), held
    server.failNextWrite(403); // the remove, sent once the add has settled

    Mutation<String, Task> add =
        tasks.update("t1", p -> p.editSubtasks(s -> s.add(0, new Subtask("s4", TOO_LONG, false))));
    Mutation<String, Task> remove = tasks.update("t1", p -> p.editSubtasks(s -> s.remove("s2")));
    answer.arrived().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    answer.release();
    assertEquals(422, settledWithFailure(add).status());
    assertEquals(403, settledWithFailure(remove).status());

    assertEquals(
        List.of(
            "OPTIMISTIC [s4, s1, s2, s3]",
            "OPTIMISTIC [s4, s1, s3]",
            "ROLLBACK [s1, s3]",
            "ROLLBACK [s1, s2, s3]"),
        announced);
    Task t = shown();
    assertEquals(List.of("s1", "s2", "s3"), ids(t));
    assertEquals(List.of("s2"), expanded(t), "s2 comes back as the user left it");
  }
}
