package io.github.synced.example.breakers11b;

import static io.github.synced.example.breakers11b.Fixtures.await;
import static io.github.synced.example.breakers11b.Fixtures.ids;
import static io.github.synced.example.breakers11b.Fixtures.serverIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.example.breakers11b.Fixtures.All;
import io.github.synced.example.breakers11b.Fixtures.ByDone;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queries over a json-server-like server, default notify executor, real clock. */
class JsonServerQueriesTest {
  final JsonServer server;
  final HttpRemote<Long, Note> remote;
  final SyncStore<Long, Note> store;
  final NoteMutations notes;

  JsonServerQueriesTest() throws Exception {
    server = new JsonServer();
    Fixtures.seed(server, 6); // ids 1..6, 3 and 6 done
    remote = Fixtures.notes(server, 2);
    store = SyncStore.of(NoteSync.TYPE).remote(remote).build();
    notes = new NoteMutations(store);
  }

  @AfterEach
  void close() {
    server.close();
  }

  QueryType<ByDone, Note> byDone() {
    return QueryType.builder("notes by done", remote.pages((ByDone p) -> Map.of("done", p.done())))
        .matches((p, n) -> n.isDone() == p.done())
        .build();
  }

  @Test
  void pagedFilteredListsMoveAnEntityAndEndAsTheServerListsThem() throws Exception {
    QueryType<ByDone, Note> byDone = byDone();
    Query<ByDone, Long, Note> open = store.query(byDone, new ByDone(false));
    Query<ByDone, Long, Note> done = store.query(byDone, new ByDone(true));
    open.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(1L, 2L), ids(open));
    assertTrue(open.state().hasMore(), "json-server's Link next => hasMore");
    open.loadMore().toCompletableFuture().get(10, TimeUnit.SECONDS);
    open.loadMore().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(1L, 2L, 4L, 5L), ids(open));
    assertFalse(open.state().hasMore());
    done.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(3L, 6L), ids(done));

    Mutation<Long, Note> m = notes.update(1L, p -> p.done(true)).invalidates(byDone);
    m.result().get(10, TimeUnit.SECONDS);
    open.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    done.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(serverIds(server, false), ids(open));
    assertEquals(serverIds(server, true).subList(0, 2), ids(done), "done holds one page");
  }

  @Test
  void createsAtTopShowsAServerNumberedCreateOnceWithItsRealId() throws Exception {
    QueryType<All, Note> all =
        QueryType.builder("all notes", remote.pages((All p) -> Map.<String, Object>of()))
            .createsAtTop()
            .build();
    Query<All, Long, Note> q = store.query(all, new All());
    q.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    Mutation<Long, Note> m = store.create(new Note(null, "fresh", false));
    await(5, () -> "fresh".equals(q.items().get(0).getText()), () -> "at the top: " + q.items());
    Note confirmed = m.result().get(10, TimeUnit.SECONDS);
    assertNotNull(confirmed.getId());
    await(
        5,
        () -> q.items().stream().filter(n -> "fresh".equals(n.getText())).count() == 1,
        () -> "fresh once: " + q.items());
    await(
        5,
        () -> confirmed.getId().equals(q.items().get(0).getId()),
        () -> "the top row gets the server's id: " + q.items());
    q.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of(1L, 2L), ids(q), "json-server lists it on its last page: the first page decides");
  }

  /**
   * Keeps the default notify thread busy (a slow store listener, as a busy UI thread would be) and
   * returns the latch that frees it.
   */
  CountDownLatch busyNotifyThread() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean armed = new AtomicBoolean(true);
    var unusedSub =
        store.subscribe(
            c -> {
              if (armed.getAndSet(false)) {
                entered.countDown();
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            });
    var unused = notes.update(1L, p -> p.text("keeps the notify thread busy"));
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    return release;
  }

  /**
   * README: "With matches(..), an edit that makes an entity match or stop matching moves it in or
   * out at once". Read on the caller's thread right after the call, with the default executor.
   */
  @Test
  void anEditLeavesAMatchingListOnTheNotifyExecutor() throws Exception {
    Query<ByDone, Long, Note> open = store.query(byDone(), new ByDone(false));
    open.refetch().get(10, TimeUnit.SECONDS);
    CountDownLatch release = busyNotifyThread();
    try {
      var unused = notes.update(1L, p -> p.done(true));
      assertTrue(store.get(1L).orElseThrow().isDone(), "the store shows it at once");
      List<Note> now = open.items();
      assertFalse(
          now.stream().anyMatch(Note::isDone), "the list never shows a half-taken change: " + now);
    } finally {
      release.countDown();
    }
    await(5, () -> !ids(open).contains(1L), () -> "it leaves the open list: " + ids(open));
  }

  /**
   * README (Queries): a query hears the store's changes on the notify executor. While that thread
   * is busy the list is the one it last took, nothing half done; the delete reaches it next, before
   * anything else the store does afterwards.
   */
  @Test
  void aDeleteLeavesTheListOnTheNotifyExecutorNextInLine() throws Exception {
    Query<ByDone, Long, Note> open = store.query(byDone(), new ByDone(false));
    open.refetch().get(10, TimeUnit.SECONDS);
    List<List<Long>> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    var unusedSub = open.subscribe(s -> heard.add(s.items().stream().map(Note::getId).toList()));
    await(5, () -> !heard.isEmpty(), () -> "the subscriber gets the list");
    CountDownLatch release = busyNotifyThread();
    try {
      var unused = store.delete(2L);
      assertTrue(store.get(2L).isEmpty(), "the store hides it at once");
      assertEquals(List.of(1L, 2L), ids(open), "the list the query last took, while it waits");
    } finally {
      release.countDown();
    }
    await(
        5, () -> ids(open).equals(List.of(1L)), () -> "the delete reaches the list: " + ids(open));
    assertEquals(List.of(1L), heard.get(heard.size() - 1), "and its subscriber: " + heard);
  }

  /** README: createsAtTop "shows new entities at the top", on the notify executor. */
  @Test
  void aCreateShowsAtTheTopOnTheNotifyExecutor() throws Exception {
    QueryType<All, Note> all =
        QueryType.builder("all notes", remote.pages((All p) -> Map.<String, Object>of()))
            .createsAtTop()
            .build();
    Query<All, Long, Note> q = store.query(all, new All());
    q.refetch().get(10, TimeUnit.SECONDS);
    CountDownLatch release = busyNotifyThread();
    try {
      var unused = store.create(new Note(null, "fresh", false));
      assertTrue(
          q.items().stream().noneMatch(n -> "fresh".equals(n.getText())),
          "not before the notify thread takes the change: " + q.items());
    } finally {
      release.countDown();
    }
    await(
        5,
        () -> "fresh".equals(q.items().get(0).getText()),
        () -> "a create shows at the top: " + q.items());
  }

  /**
   * README "Ids": the answer's id re-keys the entity (ID_REASSIGNED); the list takes the new id on
   * the notify executor, once that thread runs the change ({@code result()} may complete first).
   */
  @Test
  void aCreatesServerIdReachesTheListOnTheNotifyExecutor() throws Exception {
    QueryType<All, Note> all =
        QueryType.builder("all notes", remote.pages((All p) -> Map.<String, Object>of()))
            .createsAtTop()
            .build();
    Query<All, Long, Note> q = store.query(all, new All());
    q.refetch().get(10, TimeUnit.SECONDS);
    Mutation<Long, Note> m = store.create(new Note(null, "fresh", false));
    await(5, () -> "fresh".equals(q.items().get(0).getText()), () -> "at the top: " + q.items());
    CountDownLatch release = busyNotifyThread();
    Note confirmed;
    try {
      confirmed = m.result().get(10, TimeUnit.SECONDS);
      assertTrue(store.get(confirmed.getId()).isPresent(), "the store has it under its id");
    } finally {
      release.countDown();
    }
    Long id = confirmed.getId();
    await(5, () -> id.equals(q.items().get(0).getId()), () -> "re-keyed in the list: " + q.items());
    assertEquals(1, q.items().stream().filter(n -> "fresh".equals(n.getText())).count());
  }

  /**
   * README "Ids": a create whose answer is lost on a server that ignores Idempotency-Key is looked
   * for in the server's list, never created twice; lists read meanwhile end showing it once.
   */
  @Test
  void createWhoseAnswerIsLostWhileListsAreReadEndsOnceEverywhere() throws Exception {
    HttpRemote<Long, Note> remote = Fixtures.notes(server, 100);
    SyncStore<Long, Note> store = SyncStore.of(NoteSync.TYPE).remote(remote).build();
    QueryType<ByDone, Note> byDone =
        QueryType.builder("notes by done", remote.pages((ByDone p) -> Map.of("done", p.done())))
            .matches((p, n) -> n.isDone() == p.done())
            .build();
    QueryType<All, Note> all =
        QueryType.builder("all notes", remote.pages((All p) -> Map.<String, Object>of()))
            .createsAtTop()
            .build();
    Query<ByDone, Long, Note> open = store.query(byDone, new ByDone(false));
    Query<All, Long, Note> everything = store.query(all, new All());
    open.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    everything.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    server.loseNextPostAnswers.set(1);
    Mutation<Long, Note> m = store.create(new Note(null, "lost answer", false));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!m.result().isDone() && System.nanoTime() < end) {
      var unused1 = open.refetch();
      var unused2 = everything.refetch();
      Thread.sleep(50);
    }
    assertTrue(m.result().isDone(), "the create settles in 30 s: " + m.state());
    Note created = m.result().get(1, TimeUnit.SECONDS);
    assertEquals(
        1,
        server.rows("notes").stream()
            .filter(r -> r.get("text").asText().equals("lost answer"))
            .count(),
        "created once on the server");
    store.idle().get(20, TimeUnit.SECONDS);
    open.refetch().get(10, TimeUnit.SECONDS);
    everything.refetch().get(10, TimeUnit.SECONDS);
    await(
        10,
        () -> {
          return open.state().status() == QueryState.Status.READY
              && everything.state().status() == QueryState.Status.READY
              && ids(open).stream().filter(created.getId()::equals).count() == 1
              && ids(everything).stream().filter(created.getId()::equals).count() == 1
              && ids(everything).size() == server.rows("notes").size()
              && store.all().stream().filter(n -> "lost answer".equals(n.getText())).count() == 1;
        },
        () -> "open=" + open.items() + " all=" + everything.items() + " store=" + store.all());
  }

  record Search(
      String q, Note.Kind kind, List<String> tags, Optional<String> owner, Optional<String> none) {}

  @Test
  void trickyParameterValuesRoundTripThroughTheReadPath() throws Exception {
    QueryType<Search, Note> search =
        QueryType.builder(
                "search",
                remote.pages(
                    (Search s) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("q", s.q());
                      m.put("kind", s.kind());
                      m.put("tag", s.tags());
                      m.put("owner", s.owner());
                      m.put("none", s.none());
                      return m;
                    }))
            .build();
    String tricky = "a&b=c+d e 100% ü 🎉 /?#[]";
    Search p =
        new Search(
            tricky,
            Note.Kind.HOME,
            List.of("x y", "a&b", "+"),
            Optional.of("ä=ö"),
            Optional.empty());
    store.query(search, p).refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    Map<String, List<String>> got = server.listQueries.get(server.listQueries.size() - 1);
    String raw = server.seen.stream().filter(s -> s.startsWith("GET")).reduce((a, b) -> b).get();
    assertEquals(List.of(tricky), got.get("q"), raw);
    assertEquals(List.of("HOME"), got.get("kind"), raw);
    assertEquals(List.of("x y", "a&b", "+"), got.get("tag"), raw);
    assertEquals(List.of("ä=ö"), got.get("owner"), raw);
    assertFalse(got.containsKey("none"), "an empty Optional is left out: " + raw);
    assertEquals(List.of("1"), got.get("_page"), raw);
    assertEquals(List.of("2"), got.get("_limit"), raw);
  }

  record Tags(List<String> tags) {}

  @Test
  void equalParameterRecordsAreOneQueryAndAClosedOneIsNotHandedOutAgain() {
    QueryType<Tags, Note> t =
        QueryType.builder("by tags", remote.pages((Tags p) -> Map.of("tag", p.tags()))).build();
    Query<Tags, Long, Note> a = store.query(t, new Tags(List.of("a", "b")));
    Query<Tags, Long, Note> b = store.query(t, new Tags(new ArrayList<>(List.of("a", "b"))));
    assertSame(a, b, "equal parameters (List.of vs ArrayList) are one query");
    a.close();
    Query<Tags, Long, Note> c = store.query(t, new Tags(List.of("a", "b")));
    var sub = c.subscribe(s -> {}); // throws IllegalStateException if the closed one came back
    sub.cancel();
  }

  @Test
  void uuidIdsAndVersionsWithClientAssignedIds() throws Exception {
    HttpRemote<UUID, Card> cards =
        HttpRemote.<UUID, Card>builder(server.uri(), "/cards", new CardJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
            .build();
    SyncStore<UUID, Card> cs =
        SyncStore.of(CardSync.TYPE).remote(cards).clientAssignedIds().build();
    for (int i = 0; i < 3; i++) {
      ObjectNode row = JsonServer.JSON.createObjectNode();
      row.put("id", UUID.randomUUID().toString()).put("title", "c" + i).put("done", i == 1);
      row.put("updatedAt", 0);
      server.put("cards", row);
    }
    QueryType<ByDone, Card> byDone =
        QueryType.builder("cards by done", cards.pages((ByDone p) -> Map.of("done", p.done())))
            .matches((p, c) -> c.isDone() == p.done())
            .build();
    Query<ByDone, UUID, Card> open = cs.query(byDone, new ByDone(false));
    open.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(2, open.items().size(), "" + open.items());
    UUID id = UUID.randomUUID();
    Mutation<UUID, Card> m = cs.create(new Card(id, "new", false, 0));
    await(
        5,
        () -> open.items().stream().anyMatch(c -> c.getId().equals(id)),
        () -> "matches => shows: " + open.items());
    m.result().get(10, TimeUnit.SECONDS);
    open.refetch().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(
        1, open.items().stream().filter(c -> c.getId().equals(id)).count(), "" + open.items());
  }
}
