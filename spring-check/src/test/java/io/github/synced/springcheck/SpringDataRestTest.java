package io.github.synced.springcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.springcheck.server.DocRepository;
import io.github.synced.springcheck.server.RequestLog;
import io.github.synced.springcheck.server.RestApp;
import io.github.synced.springcheck.server.TagRepository;
import io.github.synced.springcheck.server.TagRow;
import io.github.synced.springcheck.server.TaskRepository;
import io.github.synced.springcheck.server.TaskRow;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The store over {@link HttpRemote} with {@link Dialect#springDataRest(String)} and nothing else
 * configured, against a stock Spring Boot 4 server (Spring Data REST over JPA repositories, H2,
 * {@code @Version}) on loopback: the six steps of issue 9 for a {@code Long} id the server assigns,
 * plus creates with a {@code UUID} the server assigns and one the client assigns, and a 409 whose
 * body is an error message. One server for the whole class; each test starts from empty tables.
 */
class SpringDataRestTest {

  private static final long WAIT_SECONDS = 20;

  private static ConfigurableApplicationContext app;
  private static URI uri;
  private static RequestLog log;
  private static TaskRepository taskRows;
  private static DocRepository docRows;
  private static TagRepository tagRows;

  private final ObjectMapper mapper = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = RestApp.start();
    uri = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    log = app.getBean(RequestLog.class);
    taskRows = app.getBean(TaskRepository.class);
    docRows = app.getBean(DocRepository.class);
    tagRows = app.getBean(TagRepository.class);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void emptyTables() throws InterruptedException {
    log.awaitQuiet(WAIT_SECONDS * 1000); // an answer an earlier test held back
    taskRows.deleteAll();
    docRows.deleteAll();
    tagRows.deleteAll();
    log.take();
  }

  private <K, E> HttpRemote<K, E> remote(String path, JsonCodec<E> codec) {
    return HttpRemote.<K, E>builder(uri, path, codec)
        .mapper(mapper)
        .dialect(Dialect.springDataRest(path.substring(1)))
        .requestTimeout(Duration.ofSeconds(WAIT_SECONDS))
        .build();
  }

  private SyncStore<Long, Task> tasks() {
    return SyncStore.of(TaskSync.TYPE).remote(remote("/tasks", new TaskJson())).build();
  }

  private static TaskRow row(String title) {
    TaskRow row = new TaskRow();
    row.setTitle(title);
    return taskRows.save(row);
  }

  /** A second writer: changes the row's title on the server, as another user would. */
  private static void renameBehindTheClientsBack(long id, String title) {
    TaskRow row = taskRows.findById(id).orElseThrow();
    row.setTitle(title);
    taskRows.save(row);
  }

  private static <T> T settled(Mutation<?, T> m) throws Exception {
    return m.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static void await(java.util.concurrent.CompletableFuture<Void> read) throws Exception {
    read.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  // ---------------------------------------------------------------- 1. refetch

  @Test
  void aRefetchReadsEveryPageAndOnlyThenTakesWhatIsMissingForDeleted() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= 45; i++) {
      ids.add(row("task " + i).getId());
    }
    SyncStore<Long, Task> store = tasks();

    await(store.refetch());
    List<String> firstRead = log.take();
    taskRows.deleteById(ids.get(2));
    taskRows.deleteById(ids.get(43));
    await(store.refetch());

    assertEquals(
        List.of("GET /tasks 200", "GET /tasks?page=1&size=20 200", "GET /tasks?page=2&size=20 200"),
        firstRead,
        "three pages, and no GET per item");
    assertEquals(43, store.all().size());
    assertTrue(store.get(ids.get(2)).isEmpty());
    assertTrue(store.get(ids.get(43)).isEmpty());
    assertEquals("task 45", store.get(ids.get(44)).orElseThrow().title, "page 3 is not deleted");
    assertEquals("task 21", store.get(ids.get(20)).orElseThrow().title);
  }

  // ---------------------------------------------------------------- 2. update

  @Test
  void anUpdateIsConfirmedAtTheVersionOfTheAnswersETag() throws Exception {
    long id = row("Buy milk").getId();
    SyncStore<Long, Task> store = tasks();
    await(store.refetch(id));

    Task confirmed = settled(store.update(id, TaskPatch.empty().done(true)));

    assertEquals(1L, confirmed.version);
    assertTrue(confirmed.done);
    assertEquals(
        List.of("GET /tasks/" + id + " 200", "PATCH /tasks/" + id + " If-Match:\"0\" 200"),
        log.take());
    TaskRow server = taskRows.findById(id).orElseThrow();
    assertTrue(server.isDone());
    assertEquals(1L, server.getVersion());
  }

  @Test
  void anEntityListedWithoutItsVersionIsWrittenWithoutPreconditionThenWithTheETagsVersion()
      throws Exception {
    long id = row("Buy milk").getId();
    SyncStore<Long, Task> store = tasks();
    await(store.refetch());
    log.take();

    Task first = settled(store.update(id, TaskPatch.empty().done(true)));
    Task second = settled(store.update(id, TaskPatch.empty().title("Buy oat milk")));

    assertEquals(1L, first.version);
    assertEquals(2L, second.version);
    assertEquals(
        List.of("PATCH /tasks/" + id + " 200", "PATCH /tasks/" + id + " If-Match:\"1\" 200"),
        log.take());
  }

  // ---------------------------------------------------------------- 3. stale update

  @Test
  void aStaleUpdateIsRefusedWith412ThenMergedWithTheServersStateAndSentAgain() throws Exception {
    long id = row("Call mom").getId();
    SyncStore<Long, Task> store = tasks();
    await(store.refetch(id));
    renameBehindTheClientsBack(id, "Call mom tonight");
    log.take();

    Mutation<Long, Task> m = store.update(id, TaskPatch.empty().done(true));
    Task confirmed = settled(m);

    assertEquals(2, m.attempts());
    assertEquals("Call mom tonight", confirmed.title);
    assertTrue(confirmed.done);
    assertEquals(2L, confirmed.version);
    assertEquals(
        List.of(
            "PATCH /tasks/" + id + " If-Match:\"0\" 412",
            "GET /tasks/" + id + " 200",
            "PATCH /tasks/" + id + " If-Match:\"1\" 200"),
        log.take());
    TaskRow server = taskRows.findById(id).orElseThrow();
    assertEquals("Call mom tonight", server.getTitle());
    assertTrue(server.isDone());
  }

  // ---------------------------------------------------------------- 4. create

  @Test
  void aCreateIsReKeyedToTheLongIdTheServerAssigned() throws Exception {
    SyncStore<Long, Task> store = tasks();

    Mutation<Long, Task> m = store.create(new Task("Water plants", false));
    Task created = settled(m);

    TaskRow server = taskRows.findAll().get(0);
    assertEquals(server.getId(), created.id);
    assertEquals(server.getId(), m.id());
    assertEquals(0L, created.version);
    assertEquals("Water plants", store.get(server.getId()).orElseThrow().title);
    assertEquals(List.of("POST /tasks 201"), log.take());
  }

  @Test
  void aCreateIsReKeyedToTheUuidTheServerAssigned() throws Exception {
    SyncStore<UUID, Doc> store =
        SyncStore.of(DocSync.TYPE).remote(remote("/docs", new DocJson())).build();

    Mutation<UUID, Doc> m = store.create(new Doc("Spec", 12));
    Doc created = settled(m);

    UUID assigned = docRows.findAll().get(0).getId();
    assertEquals(assigned, created.id);
    assertEquals(12, store.get(assigned).orElseThrow().pages);
    assertEquals(List.of("POST /docs 201"), log.take());
  }

  @Test
  void aCreateWithAClientAssignedUuidKeepsIt() throws Exception {
    SyncStore<UUID, Tag> store =
        SyncStore.of(TagSync.TYPE)
            .remote(remote("/tags", new TagJson()))
            .clientAssignedIds()
            .build();
    UUID id = UUID.randomUUID();

    Tag created = settled(store.create(new Tag(id, "urgent")));

    assertEquals(id, created.id);
    assertEquals(0L, created.version);
    TagRow server = tagRows.findById(id).orElseThrow();
    assertEquals("urgent", server.getLabel());
    await(store.refetch());
    assertEquals(List.of(id), store.all().stream().map(t -> t.id).toList());
  }

  @Test
  void aCreateWhoseAnswerIsLostIsFoundInTheCollectionInsteadOfBeingSentAgain() throws Exception {
    HttpRemote<Long, Task> remote =
        HttpRemote.<Long, Task>builder(uri, "/tasks", new TaskJson())
            .mapper(mapper)
            .dialect(Dialect.springDataRest("tasks"))
            .requestTimeout(Duration.ofMillis(700))
            .build();
    SyncStore<Long, Task> store = SyncStore.of(TaskSync.TYPE).remote(remote).build();
    log.holdNextAnswer("POST", 1500);

    Mutation<Long, Task> m = store.create(new Task("Pay rent", false));
    Task created = settled(m);

    TaskRow server = taskRows.findAll().get(0);
    assertEquals(1, taskRows.count(), "Spring Data REST ignores Idempotency-Key: one POST only");
    assertEquals(server.getId(), created.id);
    assertEquals(0L, created.version);
    log.awaitQuiet(WAIT_SECONDS * 1000);
    assertEquals(
        List.of("GET /tasks 200", "GET /tasks/" + server.getId() + " 200"),
        log.take().stream().filter(r -> r.startsWith("GET")).toList(),
        "the list, and the version of the one item that matches");
  }

  // ---------------------------------------------------------------- 5. delete

  @Test
  void aDeleteIsConfirmedAndTheRowIsGone() throws Exception {
    long id = row("Old").getId();
    SyncStore<Long, Task> store = tasks();
    await(store.refetch(id));
    log.take();

    settled(store.delete(id));

    assertTrue(store.get(id).isEmpty());
    assertFalse(taskRows.existsById(id));
    assertEquals(List.of("DELETE /tasks/" + id + " If-Match:\"0\" 200"), log.take());
  }

  // ---------------------------------------------------------------- 6. local-only

  @Test
  void localOnlyStateSurvivesARefetchThatBringsAnotherWritersChange() throws Exception {
    long id = row("Plan trip").getId();
    SyncStore<Long, Task> store = tasks();
    await(store.refetch());
    store.local(id, t -> t.expanded = true);
    renameBehindTheClientsBack(id, "Plan trip to Rome");

    await(store.refetch());

    Task shown = store.get(id).orElseThrow();
    assertEquals("Plan trip to Rome", shown.title);
    assertTrue(shown.expanded);
  }

  // ---------------------------------------------------------------- a 409 with an error body

  @Test
  void aCreateRefusedWith409AndAnErrorMessageIsRolledBackAfterOneSendNamingTheMessage()
      throws Exception {
    row("Unique title");
    SyncStore<Long, Task> store = tasks();
    log.take();

    Mutation<Long, Task> m = store.create(new Task("Unique title", false));
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> m.result().get(WAIT_SECONDS, TimeUnit.SECONDS));

    assertEquals(MutationState.ROLLED_BACK, m.state());
    SyncFailure f = assertInstanceOf(SyncFailure.class, e.getCause());
    assertEquals(409, f.status());
    assertTrue(f.getMessage().contains("Could not commit changes!"), f.getMessage());
    assertEquals(List.of("POST /tasks 409"), log.take(), "sent once, never read as the entity");
    assertEquals(1, taskRows.count());
    assertTrue(store.all().isEmpty());
    assertNotNull(f.getMessage());
  }
}
