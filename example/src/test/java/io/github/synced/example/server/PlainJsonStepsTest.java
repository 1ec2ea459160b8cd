package io.github.synced.example.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Note;
import io.github.synced.example.NoteJson;
import io.github.synced.example.NoteSync;
import io.github.synced.example.Task;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskPatch;
import io.github.synced.example.TaskSync;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.Dialect.Paging;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store over {@link HttpRemote} with {@link Dialect#plainJson()} (and, for pages, only the
 * dialect's list options) against the plain-JSON personalities: the six steps of issue 9 (a refetch
 * of several pages, an update, a stale update refused with 412 and merged, creates with ids the
 * server assigns and ids the client assigns, a delete, local-only state kept across a refetch) and
 * a 409 whose body is an error message.
 */
class PlainJsonStepsTest {

  private static final long WAIT_SECONDS = 10;

  private final ObjectMapper mapper = new ObjectMapper();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private RestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private void start(Personality p) {
    server = RestServer.start(p, 3L, Faults.none());
    server.onRequest(r -> requests.add(r.method() + " " + r.path() + " " + r.status()));
  }

  private List<String> requests() {
    synchronized (requests) {
      List<String> taken = List.copyOf(requests);
      requests.clear();
      return taken;
    }
  }

  /** The JSON the remotes read and write through: Jackson 2 with a plain mapper. */
  <K, E> HttpRemote.Builder<K, E> json(HttpRemote.Builder<K, E> remote) {
    return remote.mapper(mapper);
  }

  private SyncStore<String, Task> tasks(Dialect dialect) {
    HttpRemote<String, Task> remote =
        json(HttpRemote.<String, Task>builder(
                server.uri(), server.personality().path(), new TaskJson()))
            .dialect(dialect)
            .requestTimeout(Duration.ofSeconds(WAIT_SECONDS))
            .build();
    return SyncStore.of(TaskSync.TYPE).remote(remote).build();
  }

  private SyncStore.Builder<Long, Note> notes(Dialect dialect) {
    HttpRemote<Long, Note> remote =
        json(HttpRemote.<Long, Note>builder(server.uri(), "/notes", new NoteJson()))
            .dialect(dialect)
            .requestTimeout(Duration.ofSeconds(WAIT_SECONDS))
            .build();
    return SyncStore.of(NoteSync.TYPE).remote(remote);
  }

  /** json-server's pages: {@code _page} and {@code _limit}, the next one in a Link header. */
  private static Dialect jsonServerPages(int limit) {
    return Dialect.plainJson().toBuilder()
        .listQuery("_page=1&_limit=" + limit)
        .paging(Paging.linkHeader())
        .build();
  }

  private void addTasks(int n) {
    for (int i = 1; i <= n; i++) {
      server.add(mapper.createObjectNode().put("title", "task " + i));
    }
  }

  private void addNotes(int n) {
    for (int i = 1; i <= n; i++) {
      server.add(mapper.createObjectNode().put("text", "note " + i));
    }
  }

  private static <T> T settled(Mutation<?, T> m) throws Exception {
    return m.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void await(CompletableFuture<Void> read) throws Exception {
    read.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  // ---------------------------------------------------------------- 1. refetch of several pages

  @Test
  void aRefetchFollowsJsonServersLinkHeaderThroughEveryPageBeforeItTakesDeletions()
      throws Exception {
    start(Personality.jsonServer());
    addNotes(8);
    SyncStore<Long, Note> store = notes(jsonServerPages(3)).build();
    await(store.refetch());
    List<String> firstRead = requests();
    server.removeBehindClientsBack("2");

    await(store.refetch());

    assertEquals(
        List.of(
            "GET /notes?_page=1&_limit=3 200",
            "GET /notes?_page=2&_limit=3 200",
            "GET /notes?_page=3&_limit=3 200"),
        firstRead);
    assertEquals(
        List.of(1L, 3L, 4L, 5L, 6L, 7L, 8L), store.all().stream().map(Note::getId).toList());
  }

  @Test
  void aRefetchReadsNumberedPagesInAWrapperUntilAShortPage() throws Exception {
    start(Personality.tasks().withListing("paged-tasks", Personality.Listing.PAGES, 20));
    addTasks(7);
    Dialect pages =
        Dialect.plainJson().toBuilder()
            .items("/items")
            .paging(Paging.pageNumbers("page", "size", 3, 0))
            .total("/total")
            .build();
    SyncStore<String, Task> store = tasks(pages);

    await(store.refetch());

    assertEquals(7, store.all().size());
    assertEquals(
        List.of(
            "GET /tasks?page=0&size=3 200",
            "GET /tasks?page=1&size=3 200",
            "GET /tasks?page=2&size=3 200"),
        requests());
  }

  @Test
  void aRefetchFollowsACursorUntilThereIsNone() throws Exception {
    start(Personality.tasks().withListing("cursor-tasks", Personality.Listing.CURSOR, 3));
    addTasks(7);
    Dialect cursor =
        Dialect.plainJson().toBuilder()
            .items("/items")
            .paging(Paging.cursor("after", "/next"))
            .build();
    SyncStore<String, Task> store = tasks(cursor);

    await(store.refetch());

    assertEquals(
        List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7"),
        store.all().stream().map(Task::getId).toList());
    assertEquals(
        List.of("GET /tasks 200", "GET /tasks?after=3 200", "GET /tasks?after=6 200"), requests());
  }

  // ---------------------------------------------------------------- 2. update

  @Test
  void anUpdateIsConfirmedAtTheVersionInTheAnswersBody() throws Exception {
    start(Personality.tasks());
    addTasks(1);
    SyncStore<String, Task> store = tasks(Dialect.plainJson());
    await(store.refetch());

    Task confirmed = settled(store.update("t1", TaskPatch.empty().done(true)));

    assertTrue(confirmed.isDone());
    assertEquals(server.sequence(), confirmed.getUpdatedAt());
    assertTrue(server.snapshot().get("t1").get("done").booleanValue());
  }

  // ---------------------------------------------------------------- 3. stale update

  @Test
  void aStaleUpdateIsRefusedWith412MergedWithTheEntityInItsBodyAndSentAgain() throws Exception {
    start(Personality.strictIfMatch());
    addTasks(1);
    SyncStore<String, Task> store = tasks(Dialect.plainJson());
    await(store.refetch());
    server.editBehindClientsBack("t1", "theirs");
    requests();

    Mutation<String, Task> m = store.update("t1", TaskPatch.empty().done(true));
    Task confirmed = settled(m);

    assertEquals(2, m.attempts());
    assertEquals("theirs", confirmed.getTitle());
    assertTrue(confirmed.isDone());
    assertEquals(List.of("PATCH /tasks/t1 412", "PATCH /tasks/t1 200"), requests());
  }

  // ---------------------------------------------------------------- 4. create

  @Test
  void aCreateIsReKeyedToTheIdTheServerAssigned() throws Exception {
    start(Personality.tasks());
    addTasks(2);
    SyncStore<String, Task> store = tasks(Dialect.plainJson());

    Mutation<String, Task> m = store.create(new Task(null, "Walk", false, 0));
    Task created = settled(m);

    assertEquals("t3", created.getId());
    assertEquals("t3", m.id());
    assertEquals(server.sequence(), created.getUpdatedAt());
  }

  @Test
  void aCreateIsReKeyedToTheNumericIdJsonServerAssigned() throws Exception {
    start(Personality.jsonServer());
    addNotes(2);
    SyncStore<Long, Note> store = notes(Dialect.plainJson()).build();

    Note created = settled(store.create(new Note(0, "third", 1)));

    assertEquals(3L, created.getId());
    assertEquals("third", server.snapshot().get("3").get("text").textValue());
  }

  @Test
  void aCreateWithAClientAssignedIdKeepsIt() throws Exception {
    start(Personality.jsonServer());
    SyncStore<Long, Note> store = notes(Dialect.plainJson()).clientAssignedIds().build();

    Note created = settled(store.create(new Note(1000, "mine", 0)));

    assertEquals(1000L, created.getId());
    assertEquals("mine", server.snapshot().get("1000").get("text").textValue());
  }

  // ---------------------------------------------------------------- 5. delete

  @Test
  void aDeleteAnsweredWithAnEmptyObjectIsConfirmed() throws Exception {
    start(Personality.jsonServer());
    addNotes(2);
    SyncStore<Long, Note> store = notes(Dialect.plainJson()).build();
    await(store.refetch());
    requests();

    settled(store.delete(1L));

    assertTrue(store.get(1L).isEmpty());
    assertEquals(List.of("2"), List.copyOf(server.snapshot().keySet()));
    assertEquals(List.of("DELETE /notes/1 200"), requests());
  }

  @Test
  void aDeleteAnswered204WithItsPreconditionIsConfirmed() throws Exception {
    start(Personality.strictIfMatch());
    addTasks(2);
    SyncStore<String, Task> store = tasks(Dialect.plainJson());
    await(store.refetch());
    requests();

    settled(store.delete("t2"));

    assertTrue(store.get("t2").isEmpty());
    assertEquals(List.of("t1"), List.copyOf(server.snapshot().keySet()));
    assertEquals(List.of("DELETE /tasks/t2 204"), requests());
  }

  // ---------------------------------------------------------------- 6. local-only

  @Test
  void localOnlyStateSurvivesAPagedRefetchThatBringsAnotherWritersChange() throws Exception {
    start(Personality.jsonServer());
    addNotes(5);
    SyncStore<Long, Note> store = notes(jsonServerPages(2)).build();
    await(store.refetch());
    store.local(5L, n -> n.setPinned(true));
    server.editBehindClientsBack("5", "edited elsewhere");

    await(store.refetch());

    Note shown = store.get(5L).orElseThrow();
    assertEquals("edited elsewhere", shown.getText());
    assertTrue(shown.isPinned());
  }

  // ---------------------------------------------------------------- a 409 with an error body

  @Test
  void aCreateRefusedWith409AndAnErrorMessageIsRolledBackAfterOneSend() throws Exception {
    start(Personality.jsonServer());
    addNotes(1);
    SyncStore<Long, Note> store = notes(Dialect.plainJson()).clientAssignedIds().build();
    requests();

    Mutation<Long, Note> m = store.create(new Note(1, "again", 0));
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> m.result().get(WAIT_SECONDS, TimeUnit.SECONDS));

    assertEquals(MutationState.ROLLED_BACK, m.state());
    SyncFailure f = assertInstanceOf(SyncFailure.class, e.getCause());
    assertEquals(409, f.status());
    assertTrue(f.getMessage().contains("POST /notes answered 409: duplicate id 1"), f.getMessage());
    assertEquals(List.of("POST /notes 409"), requests());
    assertEquals("note 1", server.snapshot().get("1").get("text").textValue());
    assertTrue(store.all().isEmpty());
  }
}
