package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 9's six steps against a Spring Data REST-like server, with only configuration. */
class SpringRestTest {
  private final SpringRestFake fake = new SpringRestFake(10);
  private final VirtualScheduler clock = new VirtualScheduler();
  private Wire wire;
  private SyncStore<Long, STask> store;
  private STaskMutations tasks;

  @BeforeEach
  void start() throws Exception {
    wire = new Wire(fake);
    fake.base = wire.uri().toString();
    for (int i = 1; i <= 25; i++) {
      fake.add("task " + i);
    }
    store =
        SyncStore.of(STaskSync.TYPE)
            .remote(
                HttpRemote.<Long, STask>builder(wire.uri(), "/tasks", new STaskJson())
                    .dialect(Dialect.springDataRest("tasks"))
                    .build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run)
            .build();
    tasks = new STaskMutations(store);
    Drive.until(clock, store.refetch(), "refetch");
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  @Test
  void step1RefetchReadsEveryPage() {
    assertEquals(25, store.all().size(), "25 tasks over 3 HAL pages");
    assertEquals("task 25", store.get(25L).orElseThrow().title);
  }

  @Test
  void step2UpdateIsConfirmedWithTheEtagVersion() {
    Mutation<Long, STask> m = tasks.update(1L, p -> p.title("renamed"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertEquals("renamed", fake.row(1L).title);
    STask t = store.get(1L).orElseThrow();
    assertEquals("renamed", t.title);
    assertEquals(fake.row(1L).version, t.version, "version from the answer's ETag");
  }

  @Test
  void step3StaleUpdateGets412MergesAndResends() {
    Mutation<Long, STask> first = tasks.update(1L, p -> p.title("renamed"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, first.state(), "error=" + first.error());
    fake.secondWriterSetsDone(1L); // behind our back: version 2
    Mutation<Long, STask> m = tasks.update(1L, p -> p.title("renamed again"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertTrue(
        wire.requests("PATCH").stream().anyMatch(r -> "\"1\"".equals(r.ifMatch())),
        "the stale If-Match was sent: " + wire.requests("PATCH"));
    assertEquals("renamed again", fake.row(1L).title);
    assertTrue(fake.row(1L).done, "second writer's field kept");
    STask t = store.get(1L).orElseThrow();
    assertEquals("renamed again", t.title);
    assertTrue(t.done);
    assertEquals(fake.row(1L).version, t.version);
  }

  @Test
  void step4CreateTakesTheIdFromLocation() {
    STask draft = new STask();
    draft.title = "new";
    Mutation<Long, STask> m = tasks.create(draft);
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertEquals(1, wire.requests("POST").size(), wire.requests("POST").toString());
    JsonNode body = wire.requests("POST").get(0).json();
    assertFalse(body.has("id") && !body.get("id").isNull(), "no temporary id sent: " + body);
    assertEquals("new", store.get(26L).orElseThrow().title);
    assertEquals(26, store.all().size());
  }

  @Test
  void step5Delete() {
    Mutation<Long, STask> m = tasks.delete(2L);
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertTrue(store.get(2L).isEmpty());
    assertEquals(null, fake.row(2L));
  }

  @Test
  void step6LocalOnlyKeptAcrossRefetch() {
    store.local(23L, t -> t.expanded = true);
    fake.secondWriterSetsTitle(23L, "changed on server");
    Drive.until(clock, store.refetch(), "refetch");
    STask t = store.get(23L).orElseThrow();
    assertEquals("changed on server", t.title);
    assertTrue(t.expanded);
    assertEquals(25, store.all().size());
  }

  @Test
  void droppedCreateIsDecidedByReadingNotByResending() {
    fake.dropPosts.set(1);
    STask draft = new STask();
    draft.title = "unique title";
    Mutation<Long, STask> m = tasks.create(draft);
    Drive.settled(clock, m);
    Drive.idle(clock, store);
    long copies = fake.rows.values().stream().filter(r -> "unique title".equals(r.title)).count();
    assertEquals(
        1,
        copies,
        "README: a create whose answer is lost is found in the server's list, never created"
            + " twice; POSTs="
            + wire.requests("POST"));
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertEquals(
        "unique title", store.get(26L).map(t -> t.title).orElse(null), store.all().toString());
  }

  @Test
  void updateThenImmediateSecondUpdateCarriesTheNewEtag() {
    Mutation<Long, STask> a = tasks.update(3L, p -> p.title("a"));
    Mutation<Long, STask> b = tasks.update(3L, p -> p.done(true));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, a.state(), "error=" + a.error());
    assertEquals(MutationState.CONFIRMED, b.state(), "error=" + b.error());
    assertEquals(2, fake.row(3L).version);
    assertEquals(2, store.get(3L).orElseThrow().version);
  }

  @Test
  void slowVersionlessListSentBeforeAConfirmedPatchDoesNotUndoIt() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    fake.readRelease = release;
    var slow = store.refetch();
    assertTrue(fake.readArrived.await(10, java.util.concurrent.TimeUnit.SECONDS));
    Mutation<Long, STask> m = tasks.update(4L, p -> p.title("confirmed"));
    Drive.settled(clock, m);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    release.countDown();
    Drive.until(clock, slow, "slow refetch");
    Drive.idle(clock, store);
    assertEquals(
        "confirmed",
        store.get(4L).orElseThrow().title,
        "issue 9: a versionless list item cannot be newer than a known version");
  }

  @Test
  void refetchAfterAConfirmedPatchSeesASecondWritersChange() {
    Mutation<Long, STask> m = tasks.update(5L, p -> p.title("mine"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    fake.secondWriterSetsTitle(5L, "theirs"); // version 2 on the server
    Drive.until(clock, store.refetch(), "refetch");
    Drive.idle(clock, store);
    assertEquals(
        "theirs",
        store.get(5L).orElseThrow().title,
        "a refetch sent after the write confirmed must show the server's newer title");
  }

  @Test
  void createLostBeforeCommitIsReportedAsTheServerHasIt() {
    fake.dropPostsUncommitted.set(1);
    STask draft = new STask();
    draft.title = "lost before commit";
    Mutation<Long, STask> m = tasks.create(draft);
    Drive.settled(clock, m);
    Drive.idle(clock, store);
    long copies =
        fake.rows.values().stream().filter(r -> "lost before commit".equals(r.title)).count();
    assertEquals(
        copies == 1 ? MutationState.CONFIRMED : MutationState.ROLLED_BACK,
        m.state(),
        "the report must match the server (copies=" + copies + "); error=" + m.error());

    assertEquals(
        copies,
        store.all().stream().filter(t -> "lost before commit".equals(t.title)).count(),
        "the view matches the server");
  }
}
