package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** json-server edges: lost creates found by values, paging under a second writer, maxPages. */
class JsonServerEdgesTest {
  private final JsonServerFake fake = new JsonServerFake();
  private final VirtualScheduler clock = new VirtualScheduler();
  private Wire wire;

  @BeforeEach
  void start() throws Exception {
    wire = new Wire(fake);
    fake.base = wire.uri().toString();
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private SyncStore<Long, BNote> store(Dialect.Builder dialect) {
    return SyncStore.of(BNoteSync.TYPE)
        .remote(
            HttpRemote.<Long, BNote>builder(wire.uri(), "/notes", new BNoteJson())
                .dialect(dialect.deduplicatesByKey(false).build())
                .build())
        .scheduler(clock)
        .retry(Drive.retry())
        .notifyOn(Runnable::run)
        .build();
  }

  private static BNote draft(String text) {
    BNote n = new BNote();
    n.text = text;
    return n;
  }

  @Test
  void editQueuedBehindALostCreateFollowsItsRealIdAndNeverUsesTheTemporaryOne() {
    SyncStore<Long, BNote> store = store(Dialect.plainJson().toBuilder());
    BNoteMutations notes = new BNoteMutations(store);
    fake.dropPosts.set(1);
    Mutation<Long, BNote> c = notes.create(draft("x"));
    Long temp = c.id();
    Mutation<Long, BNote> u = notes.update(temp, p -> p.text("y"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, c.state(), "error=" + c.error());
    assertEquals(MutationState.CONFIRMED, u.state(), "error=" + u.error());
    for (Wire.Req r : wire.requests()) {
      assertTrue(
          !r.path().equals("/notes/" + temp) && !r.body().contains(String.valueOf(temp)),
          "a temporary id reached the wire: " + r);
    }
    assertEquals(1, fake.size(), "server: " + fake.rows);
    assertEquals("y", fake.rows.get(1L).get("text").asText());
    assertEquals("y", store.get(1L).orElseThrow().text);
  }

  @Test
  void twoIdenticalLostCreatesMapToTwoRows() {
    SyncStore<Long, BNote> store = store(Dialect.plainJson().toBuilder());
    BNoteMutations notes = new BNoteMutations(store);
    fake.dropPosts.set(2);
    Mutation<Long, BNote> a = notes.create(draft("same"));
    Mutation<Long, BNote> b = notes.create(draft("same"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, a.state(), "a error=" + a.error());
    assertEquals(MutationState.CONFIRMED, b.state(), "b error=" + b.error());
    assertEquals(2, fake.size(), "created each once: " + fake.rows);
    Set<Long> ids = new TreeSet<>();
    store.all().forEach(n -> ids.add(n.id));
    assertEquals(Set.of(1L, 2L), ids, "each create owns one server row: " + store.all());
    assertNotEquals(a.id(), b.id());
  }

  /**
   * The limit the README states for servers that ignore Idempotency-Key: a create whose answer was
   * lost is looked for in the collection by its values, among rows the store did not know, so
   * another writer's identical row made meanwhile is taken for it. The tester found this; it holds
   * the documented behaviour (the user's row exists once on the server, and the store shows it).
   */
  @Test
  void withoutKeysALostCreateIsMatchedByItsValuesSoALookalikeRowIsTakenForIt() {
    SyncStore<Long, BNote> store = store(Dialect.plainJson().toBuilder());
    Drive.until(clock, store.refetch(), "refetch");
    fake.put(1, "text", "milk"); // a second writer's row, unknown to this client
    fake.dropPostsUncommitted.set(1); // our POST never reaches the database
    Mutation<Long, BNote> c = new BNoteMutations(store).create(draft("milk"));
    Drive.idle(clock, store);

    assertEquals(MutationState.CONFIRMED, c.state());
    assertEquals(1, fake.size(), "one row with our values, as the user asked");
    assertEquals(1L, c.id());
    assertEquals(List.of(1L), store.all().stream().map(n -> n.id).toList());
  }

  @Test
  void pagedRefetchWhileASecondWriterDeletesOnPageOneKeepsTheShiftedEntity() {
    for (long i = 1; i <= 25; i++) {
      fake.put(i, "text", "note " + i);
    }
    SyncStore<Long, BNote> store =
        store(
            Dialect.plainJson().toBuilder()
                .listQuery("_page=1&_limit=10")
                .paging(Dialect.Paging.linkHeader()));
    Drive.until(clock, store.refetch(), "refetch");
    assertEquals(25, store.all().size());
    fake.afterPage1 =
        () -> {
          synchronized (fake) {
            fake.rows.remove(3L); // note 11 shifts from page 2 to page 1, read already
          }
        };
    Drive.until(clock, store.refetch(), "refetch under a second writer");
    Drive.idle(clock, store);
    assertTrue(
        store.get(11L).isPresent(),
        "README: 'A refetch reads every page before it decides what was deleted'; note 11 was"
            + " never deleted on the server but left the store: ids="
            + store.all().stream().map(n -> n.id).toList());
  }

  @Test
  void refetchPastMaxPagesNeverDeletesUnlistedEntities() {
    for (long i = 1; i <= 25; i++) {
      fake.put(i, "text", "note " + i);
    }
    SyncStore<Long, BNote> full = store(Dialect.plainJson().toBuilder());
    Drive.until(clock, full.refetch(), "full");
    SyncStore<Long, BNote> store =
        store(
            Dialect.plainJson().toBuilder()
                .listQuery("_page=1&_limit=10")
                .paging(Dialect.Paging.linkHeader())
                .maxPages(2));
    store.load(full.all());
    var r = store.refetch();
    Drive.until(clock, r, "capped refetch");
    Drive.idle(clock, store);
    assertEquals(
        25,
        store.all().size(),
        "README: when it cannot read every page it never treats an unlisted entity as deleted");
  }

  @Test
  void slowSingleFetchSentBeforeAConfirmedWriteDoesNotUndoIt() throws Exception {
    fake.put(1, "text", "old");
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    wire.close();
    wire =
        new Wire(
            (req, ex) -> {
              if (req.method().equals("GET") && req.path().equals("/notes/1")) {
                String captured;
                synchronized (fake) {
                  captured = fake.rows.get(1L).toString();
                }
                arrived.countDown();
                assertTrue(release.await(20, TimeUnit.SECONDS));
                Wire.send(ex, 200, captured);
                return;
              }
              fake.handle(req, ex);
            });
    SyncStore<Long, BNote> store = store(Dialect.plainJson().toBuilder());
    Drive.until(clock, store.refetch(), "refetch");
    var slow = store.refetch(1L);
    assertTrue(arrived.await(10, TimeUnit.SECONDS));
    Mutation<Long, BNote> m = new BNoteMutations(store).update(1L, p -> p.text("new"));
    Drive.settled(clock, m);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    release.countDown();
    Drive.until(clock, slow, "slow fetch");
    Drive.idle(clock, store);
    assertEquals("new", store.get(1L).orElseThrow().text);
  }

  @Test
  void unversionedSendsOfOneEntityStaySerialEvenInParallelMode() throws Exception {
    fake.put(1, "text", "old");
    CountDownLatch second = new CountDownLatch(2);
    List<Integer> overlaps = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger inFlight =
        new java.util.concurrent.atomic.AtomicInteger();
    wire.close();
    wire =
        new Wire(
            (req, ex) -> {
              if (req.method().equals("PATCH")) {
                overlaps.add(inFlight.incrementAndGet());
                second.countDown();
                second.await(1, TimeUnit.SECONDS); // detects a second PATCH arriving meanwhile
                inFlight.decrementAndGet();
              }
              fake.handle(req, ex);
            });
    SyncStore<Long, BNote> store =
        SyncStore.of(BNoteSync.TYPE)
            .remote(
                HttpRemote.<Long, BNote>builder(wire.uri(), "/notes", new BNoteJson())
                    .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
                    .build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run)
            .sendInParallel()
            .build();
    Drive.until(clock, store.refetch(), "refetch");
    BNoteMutations notes = new BNoteMutations(store);
    notes.update(1L, p -> p.text("a"));
    notes.update(1L, p -> p.text("b"));
    Drive.idle(clock, store);
    assertEquals(
        List.of(1, 1), overlaps, "README: without a version, sends of one entity stay serial");
    assertEquals("b", fake.rows.get(1L).get("text").asText());
    assertEquals("b", store.get(1L).orElseThrow().text);
  }

  @Test
  void slowReadSentBeforeACreateAndADeleteConfirmedNeitherDropsNorResurrects() throws Exception {
    fake.put(1, "text", "doomed");
    fake.put(2, "text", "stays");
    SyncStore<Long, BNote> store = store(Dialect.plainJson().toBuilder());
    Drive.until(clock, store.refetch(), "refetch");
    CountDownLatch release = new CountDownLatch(1);
    fake.readRelease = release;
    var slow = store.refetch(); // captures {1, 2}
    assertTrue(fake.readArrived.await(10, TimeUnit.SECONDS));
    BNoteMutations notes = new BNoteMutations(store);
    Mutation<Long, BNote> c = notes.create(draft("fresh"));
    Mutation<Long, BNote> d = notes.delete(1L);
    Drive.settled(clock, c);
    Drive.settled(clock, d);
    assertEquals(MutationState.CONFIRMED, c.state(), "error=" + c.error());
    assertEquals(MutationState.CONFIRMED, d.state(), "error=" + d.error());
    release.countDown();
    Drive.until(clock, slow, "slow refetch");
    Drive.idle(clock, store);
    List<Long> ids = store.all().stream().map(n -> n.id).sorted().toList();
    assertEquals(
        List.of(2L, 3L),
        ids,
        "a read sent before the create (3) and the delete (1) were confirmed must neither drop"
            + " the new entity nor bring back the deleted one");
  }
}
