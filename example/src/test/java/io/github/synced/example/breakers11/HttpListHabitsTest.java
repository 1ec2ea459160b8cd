package io.github.synced.example.breakers11;

import static io.github.synced.runtime.QueryState.Status.FAILED;
import static io.github.synced.runtime.QueryState.Status.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Page;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries over real HTTP against servers with GitHub's, Stripe's and DRF's list habits. */
class HttpListHabitsTest {
  record ByState(String state) {}

  enum Sort {
    CREATED,
    UPDATED
  }

  record Filter(String state, List<String> labels, String assignee, Sort sort, String text) {}

  final VirtualScheduler clock = new VirtualScheduler();
  ListServer server;
  SyncStore<String, Issue> store;

  @BeforeEach
  void start() throws Exception {
    server = new ListServer();
    for (int i = 1; i <= 7; i++) {
      server.seed("i" + i, "issue " + i, i % 3 == 0 ? "closed" : "open");
    }
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpRemote<String, Issue> remote(String path, Dialect.Builder dialect) {
    return HttpRemote.<String, Issue>builder(server.uri(), path, new IssueJson())
        .dialect(dialect.deduplicatesByKey(false).build())
        .build();
  }

  SyncStore<String, Issue> store(HttpRemote<String, Issue> remote) {
    store = SyncStore.of(IssueSync.TYPE).remote(remote).scheduler(clock).build();
    return store;
  }

  static void await(CompletableFuture<?> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // the state says it
    }
  }

  static List<String> ids(Query<?, String, Issue> q) {
    return q.items().stream().map(Issue::getId).toList();
  }

  private List<String> gets() {
    return server.seen.stream().filter(s -> s.startsWith("GET")).toList();
  }

  @Test
  void githubLinkHeaderPagesKeepTheFilterAndReadPrevFirst() throws Exception {
    HttpRemote<String, Issue> remote =
        remote(
            "/issues",
            Dialect.plainJson().toBuilder()
                .listQuery("per_page=2")
                .paging(Dialect.Paging.linkHeader()));
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("gh", remote.pages((ByState p) -> Map.of("state", p.state()))).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    assertEquals(List.of("i1", "i2"), ids(open));
    assertTrue(open.state().hasMore());
    await(open.loadMore());
    await(open.loadMore());
    assertEquals(server.ids("open"), ids(open), gets().toString());
    assertFalse(open.state().hasMore());
    assertEquals(READY, open.state().status());
    assertTrue(gets().get(0).contains("state=open") && gets().get(0).contains("per_page=2"));
    assertTrue(gets().stream().allMatch(g -> g.contains("state=open")), gets().toString());
  }

  @Test
  void pageNumbersTrustTheRequestedSizeSoAServerCapTruncatesTheListSilently() throws Exception {
    server.maxPerPage = 2; // like GitHub's per_page cap of 100
    HttpRemote<String, Issue> remote =
        remote(
            "/issues",
            Dialect.plainJson().toBuilder()
                .paging(Dialect.Paging.pageNumbers("page", "per_page", 3, 1)));
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("gh", remote.pages((ByState p) -> Map.of("state", p.state()))).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    // documented: "the list ends on a page with fewer than size items" -- 5 open issues, 2 shown
    assertEquals(List.of("i1", "i2"), ids(open));
    assertFalse(open.state().hasMore(), "documented: a capped page looks like the last one");
  }

  @Test
  void stripeCursorByLastIdWithAReaderOfOurOwn() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    PageReader<ByState, Issue> stripe =
        (p, token) -> {
          String q =
              "limit=2&state=" + p.state() + (token == null ? "" : "&starting_after=" + token);
          HttpRequest req =
              HttpRequest.newBuilder(URI.create(server.uri() + "/v1/issues?" + q)).build();
          return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
              .thenApply(
                  r -> {
                    try {
                      JsonNode body = ListServer.JSON.readTree(r.body());
                      List<Issue> items = new ArrayList<>();
                      for (JsonNode n : body.get("data")) {
                        items.add(ListServer.JSON.treeToValue(n, Issue.class));
                      }
                      String next =
                          body.get("has_more").asBoolean() && !items.isEmpty()
                              ? items.get(items.size() - 1).getId()
                              : null;
                      return Page.of(items, next);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
        };
    store(remote("/issues", Dialect.plainJson().toBuilder()));
    QueryType<ByState, Issue> t = QueryType.builder("stripe", stripe).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    while (open.state().hasMore()) {
      await(open.loadMore());
    }
    assertEquals(server.ids("open"), ids(open));
    await(open.refetch());
    assertEquals(server.ids("open"), ids(open), "a refetch reads all 3 pages again");
  }

  HttpRemote<String, Issue> drf() {
    return remote(
        "/drf/issues",
        Dialect.plainJson().toBuilder().items("/results").paging(Dialect.Paging.nextLink("/next")));
  }

  @Test
  void drfNextLinkInTheBody() throws Exception {
    HttpRemote<String, Issue> remote = drf();
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("drf", remote.pages((ByState p) -> Map.of("state", p.state()))).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    await(open.loadMore());
    await(open.loadMore());
    assertEquals(server.ids("open"), ids(open), gets().toString());
    assertFalse(open.state().hasMore());
  }

  @Test
  void drfNextOnAnotherHostNameIsRefusedWithTheListKept() throws Exception {
    HttpRemote<String, Issue> remote = drf();
    store(remote);
    server.drfHost = "http://localhost:" + server.uri().getPort(); // a proxy's host name
    QueryType<ByState, Issue> t =
        QueryType.builder("drf", remote.pages((ByState p) -> Map.of("state", p.state()))).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    assertEquals(
        List.of("i1", "i2"),
        ids(open),
        "page 1 is fine; only its next link is on another origin, but the first page's items"
            + " were thrown away too: "
            + open.state().status()
            + " "
            + open.state().error().map(Throwable::getMessage).orElse(""));
    int before = gets().size();
    await(open.loadMore());
    assertEquals(FAILED, open.state().status(), "a next link on another origin is refused");
    assertEquals(List.of("i1", "i2"), ids(open));
    assertEquals(before, gets().size(), "nothing was requested from the other origin");
  }

  @Test
  void okWithAnErrorBodyFailsWithTheDataKept() throws Exception {
    HttpRemote<String, Issue> remote = drf();
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("drf", remote.pages((ByState p) -> Map.of("state", p.state()))).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    server.mangle = body -> "{\"error\":{\"message\":\"rate limited\",\"code\":429}}";
    CompletableFuture<Void> f = open.refetch();
    await(f);
    assertTrue(f.isCompletedExceptionally());
    assertEquals(FAILED, open.state().status());
    assertTrue(open.state().error().isPresent());
    assertEquals(List.of("i1", "i2"), ids(open));
  }

  @Test
  void wrongTypesFailWithTheDataKeptAndTheStoreUnchanged() throws Exception {
    HttpRemote<String, Issue> remote = drf();
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("drf", remote.pages((ByState p) -> Map.of("state", p.state()))).build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    await(open.refetch());
    server.mangle =
        body ->
            body.replaceFirst("\"title\":\"issue 1\"", "\"title\":\"renamed\"")
                .replaceFirst("\"updatedAt\":2", "\"updatedAt\":\"yesterday\"");
    await(open.refetch());
    assertEquals(FAILED, open.state().status());
    assertEquals(List.of("i1", "i2"), ids(open));
    assertEquals("issue 1", store.get("i1").orElseThrow().getTitle(), "store unchanged");
    server.mangle =
        body -> body.replace("\"results\":[", "\"results\":{\"x\":[").replace("]}", "]}}");
    await(open.refetch());
    assertEquals(FAILED, open.state().status(), "results as an object, not an array");
    assertEquals(List.of("i1", "i2"), ids(open));
  }

  @Test
  void parametersAreEncodedAsDocumented() throws Exception {
    HttpRemote<String, Issue> remote = remote("/issues", Dialect.plainJson().toBuilder());
    store(remote);
    QueryType<Filter, Issue> t =
        QueryType.builder(
                "filtered",
                remote.pages(
                    (Filter f) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("state", f.state());
                      m.put("labels", f.labels());
                      m.put("assignee", f.assignee());
                      m.put("sort", f.sort());
                      m.put("q", f.text());
                      return m;
                    }))
            .build();
    Filter f = new Filter("open", List.of("bug", "help wanted"), null, Sort.UPDATED, "a&b=c ü+%");
    await(store.query(t, f).refetch());
    String get = gets().get(gets().size() - 1);
    Map<String, List<String>> q = ListServer.parse(get.substring(get.indexOf('?') + 1));
    assertEquals(List.of("open"), q.get("state"), get);
    assertEquals(List.of("bug", "help wanted"), q.get("labels"), get);
    assertFalse(q.containsKey("assignee"), "null left out: " + get);
    assertEquals(List.of("UPDATED"), q.get("sort"), get);
    assertEquals(List.of("a&b=c ü+%"), q.get("q"), "round-trips: " + get);
    // README: "names in order" -- it turns out to mean sorted by name, not the map's order
    assertEquals(List.of("labels", "q", "sort", "state"), List.copyOf(q.keySet()), get);
  }

  @Test
  void readmeStyleMapOfCannotLeaveANullOut() {
    HttpRemote<String, Issue> remote = remote("/issues", Dialect.plainJson().toBuilder());
    // The README shows Map.of(..) and says "null left out"; Map.of refuses a null value itself.
    assertThrows(NullPointerException.class, () -> Map.of("assignee", (Object) null));
    assertTrue(remote.pages((Filter f) -> Map.of("state", f.state())) != null);
  }

  @Test
  void aCloseRacingAHeldReadOfTheOpenListOverHttp() throws Exception {
    HttpRemote<String, Issue> remote =
        remote(
            "/issues",
            Dialect.plainJson().toBuilder()
                .listQuery("per_page=50")
                .paging(Dialect.Paging.linkHeader()));
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("gh", remote.pages((ByState p) -> Map.of("state", p.state())))
            .matches((p, i) -> p.state().equals(i.getState()))
            .build();
    Query<ByState, String, Issue> open = store.query(t, new ByState("open"));
    Query<ByState, String, Issue> closed = store.query(t, new ByState("closed"));
    await(open.refetch());
    await(closed.refetch());
    store.local("i2", i -> i.setExpanded(true));
    server.listComputed = new CountDownLatch(1);
    server.holdLists = new CountDownLatch(1);
    CompletableFuture<Void> slow = open.refetch();
    assertTrue(server.listComputed.await(10, TimeUnit.SECONDS), "the read reached the server");
    Mutation<String, Issue> m =
        new IssueMutations(store).update("i2", p -> p.state("closed")).invalidates(t);
    // The store's default notify executor is a thread of its own: the lists hear the optimistic
    // change there, a moment after update returns.
    until(() -> !ids(open).contains("i2") && ids(closed).contains("i2"), "i2 moves to closed");
    await(m.result());
    assertFalse(m.result().isCompletedExceptionally(), "the PATCH confirmed");
    CountDownLatch held = server.holdLists;
    server.holdLists = null;
    held.countDown();
    await(slow);
    assertFalse(
        ids(open).contains("i2"), "the held read (computed before the PATCH) moved i2 back");
    // invalidation re-reads open after the slow one; wait for the store to settle
    for (int i = 0;
        i < 100
            && (open.state().status() != READY || server.ids("open").size() != ids(open).size());
        i++) {
      await(open.refetch());
    }
    assertEquals(server.ids("open"), ids(open));
    assertTrue(ids(closed).contains("i2"));
    assertTrue(store.get("i2").orElseThrow().isExpanded(), "expanded survives the reads");
  }

  @Test
  void severalThreadsQueryRefetchAndEditAtOnce() throws Exception {
    HttpRemote<String, Issue> remote =
        remote(
            "/issues",
            Dialect.plainJson().toBuilder()
                .listQuery("per_page=3")
                .paging(Dialect.Paging.linkHeader()));
    store(remote);
    QueryType<ByState, Issue> t =
        QueryType.builder("gh", remote.pages((ByState p) -> Map.of("state", p.state())))
            .matches((p, i) -> p.state().equals(i.getState()))
            .build();
    Set<Query<ByState, String, Issue>> seen = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<?>> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int n = 0; n < 4; n++) {
      int k = n;
      threads.add(
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 15; i++) {
                  Query<ByState, String, Issue> q = store.query(t, new ByState("open"));
                  seen.add(q);
                  all.add(i % 2 == 0 ? q.refetch() : q.loadMore());
                  String id = "i" + (1 + (k * 15 + i) % 7);
                  String title = "t" + k + "-" + i;
                  all.add(new IssueMutations(store).update(id, p -> p.title(title)).result());
                }
              }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread th : threads) {
      th.join(TimeUnit.SECONDS.toMillis(20));
    }
    for (CompletableFuture<?> f : all) {
      try {
        f.get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // failures show below
      } catch (TimeoutException e) {
        throw new AssertionError("a future never completed", e);
      }
    }
    assertEquals(1, seen.size(), "one query for equal params across threads");
    Query<ByState, String, Issue> q = seen.iterator().next();
    await(q.refetch());
    while (q.state().hasMore()) {
      await(q.loadMore());
    }
    await(store.idle());
    await(q.refetch());
    assertEquals(server.ids("open"), ids(q));
    assertSame(READY, q.state().status(), String.valueOf(q.state().error()));
  }

  /** Waits up to ten seconds for {@code condition}, which the notify thread makes true. */
  private static void until(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(1);
    }
  }
}
