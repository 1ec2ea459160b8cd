package io.github.synced.runtime.http;

import static io.github.synced.runtime.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Page;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryState;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect.Paging;
import io.github.synced.runtime.json.Note;
import io.github.synced.runtime.json.NoteJson;
import io.github.synced.runtime.json.NoteType;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpRemote#pages}, the read path of queries, against a real HTTP server on loopback: the
 * query's parameters encoded apart from the write path, and each page's items and next page where
 * the {@link Dialect} says.
 */
class HttpQueryTest {

  private static LoopbackServer server;

  @BeforeAll
  static void start() {
    server = new LoopbackServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The parameters of a query of notes. */
  record Filter(String text, Integer priority, List<String> tags, Thread.State state) {}

  private static HttpRemote<String, Note> remote(Dialect dialect) {
    ObjectMapper mapper = new ObjectMapper();
    return HttpRemote.<String, Note>builder(server.uri(), "/notes", new NoteJson(mapper))
        .mapper(mapper)
        .dialect(dialect)
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static PageReader<Filter, Note> reader(Dialect dialect) {
    return remote(dialect)
        .pages(
            (Filter f) -> {
              Map<String, Object> q = new LinkedHashMap<>();
              q.put("text", f.text());
              q.put("priority", f.priority());
              q.put("tag", f.tags());
              q.put("state", f.state());
              return q;
            });
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static <X extends Throwable> X failure(CompletionStage<?> stage, Class<X> type)
      throws Exception {
    try {
      Object v = stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
      return fail("expected " + type.getSimpleName() + " but the stage completed with " + v);
    } catch (ExecutionException e) {
      return assertInstanceOf(type, e.getCause());
    }
  }

  private static String note(String id) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + id + "\",\"priority\":null,\"version\":1}";
  }

  private static String notes(String... ids) {
    return "[" + String.join(",", Arrays.stream(ids).map(HttpQueryTest::note).toList()) + "]";
  }

  private static List<String> ids(Page<Note> page) {
    return page.items().stream().map(r -> r.entity().orElseThrow().id()).toList();
  }

  private static String query(HttpExchange exchange) {
    String q = exchange.getRequestURI().getRawQuery();
    return q == null ? "" : q;
  }

  @Test
  void parametersAreEncodedInNameOrderAfterTheListQuery() throws Exception {
    server.answer(respond(200, notes("n1")));
    Dialect d = Dialect.plainJson().toBuilder().listQuery("sort=text").build();
    Filter f = new Filter("a b&c=d/é", null, List.of("x", "y"), Thread.State.NEW);

    Page<Note> page = value(reader(d).read(f, null));

    assertEquals(List.of("n1"), ids(page));
    assertTrue(page.next().isEmpty(), "plain JSON without paging: one page");
    LoopbackServer.Received r = server.next();
    assertEquals("GET", r.method());
    assertEquals("/notes", r.rawPath(), "the collection's path, as writes use it");
    assertEquals("sort=text&state=NEW&tag=x&tag=y&text=a%20b%26c%3Dd%2F%C3%A9", r.query());
  }

  @Test
  void theLinkHeadersNextPageIsTheToken() throws Exception {
    server.answer(
        exchange -> {
          boolean first = !query(exchange).contains("page=2");
          Map<String, String> link =
              first ? Map.of("Link", "</notes?text=a&page=2>; rel=\"next\"") : Map.of();
          respond(200, link, first ? notes("n1", "n2") : notes("n3")).answer(exchange);
        });
    PageReader<Filter, Note> reader =
        reader(Dialect.plainJson().toBuilder().paging(Paging.linkHeader()).build());
    Filter f = new Filter("a", null, null, null);

    Page<Note> one = value(reader.read(f, null));
    assertEquals(List.of("n1", "n2"), ids(one));
    String token = one.next().orElseThrow();
    assertEquals(server.uri() + "/notes?text=a&page=2", token);
    Page<Note> two = value(reader.read(f, token));
    assertEquals(List.of("n3"), ids(two));
    assertTrue(two.next().isEmpty());
  }

  @Test
  void numberedPagesGoOnUntilAShortPage() throws Exception {
    server.answer(
        exchange ->
            respond(200, query(exchange).contains("page=0") ? notes("n1", "n2") : notes("n3"))
                .answer(exchange));
    Dialect d =
        Dialect.plainJson().toBuilder().paging(Paging.pageNumbers("page", "size", 2, 0)).build();
    PageReader<Filter, Note> reader = reader(d);
    Filter f = new Filter("a", 2, null, null);

    Page<Note> one = value(reader.read(f, null));
    assertEquals("priority=2&text=a&page=0&size=2", server.next().query());
    Page<Note> two = value(reader.read(f, one.next().orElseThrow()));
    assertEquals("priority=2&text=a&page=1&size=2", server.next().query());
    assertEquals(List.of("n3"), ids(two));
    assertTrue(two.next().isEmpty(), "a short page is the last");
  }

  @Test
  void aCursorInTheBodyBecomesTheNextPagesParameter() throws Exception {
    server.answer(
        exchange -> {
          boolean first = !query(exchange).contains("after=");
          String body =
              "{\"data\":"
                  + (first ? notes("n1") : notes("n2"))
                  + ",\"meta\":{\"cursor\":"
                  + (first ? "\"c 1\"" : "null")
                  + "}}";
          respond(200, body).answer(exchange);
        });
    Dialect d =
        Dialect.plainJson().toBuilder()
            .items("/data")
            .paging(Paging.cursor("after", "/meta/cursor"))
            .build();
    PageReader<Filter, Note> reader = reader(d);
    Filter f = new Filter("a", null, null, null);

    Page<Note> one = value(reader.read(f, null));
    Page<Note> two = value(reader.read(f, one.next().orElseThrow()));

    assertEquals(List.of("n2"), ids(two));
    server.next();
    assertEquals("text=a&after=c+1", server.next().query().replace("%20", "+"));
    assertTrue(two.next().isEmpty());
  }

  @Test
  void aPageWithoutItsArrayOrWithABadItemIsBadServerData() throws Exception {
    Dialect d = Dialect.plainJson().toBuilder().items("/data").build();
    server.answer(respond(200, "{\"items\":[]}"));
    BadServerDataException missing =
        failure(
            reader(d).read(new Filter("a", null, null, null), null), BadServerDataException.class);
    assertTrue(
        missing.getMessage().contains("expected a JSON array at \"/data\""), missing.getMessage());

    server.answer(respond(200, "{\"data\":[" + note("n1") + ",42]}"));
    BadServerDataException item =
        failure(
            reader(d).read(new Filter("a", null, null, null), null), BadServerDataException.class);
    assertTrue(item.getMessage().contains("list item 1 is"), item.getMessage());

    server.answer(respond(200, "{\"data\":[{\"id\":\"n1\",\"text\":7,\"version\":1}]}"));
    failure(reader(d).read(new Filter("a", null, null, null), null), BadServerDataException.class);
  }

  @Test
  void aTokenOnAnotherOriginIsRefused() throws Exception {
    server.answer(respond(200, notes()));
    PageReader<Filter, Note> reader = reader(Dialect.plainJson());

    failure(
        reader.read(new Filter("a", null, null, null), "http://elsewhere.example/notes?page=2"),
        BadServerDataException.class);
    assertTrue(server.receivedSoFar().isEmpty(), "nothing was sent there, nor here");
  }

  @Test
  void aStoresPagedQueryReadsOverHttpAndKeepsTheWritePathApart() throws Exception {
    server.answer(
        exchange -> {
          boolean first = !query(exchange).contains("page=2");
          Map<String, String> link =
              first ? Map.of("Link", "</notes?text=a&page=2>; rel=\"next\"") : Map.of();
          respond(200, link, first ? notes("n1", "n2") : notes("n3")).answer(exchange);
        });
    HttpRemote<String, Note> remote =
        remote(Dialect.plainJson().toBuilder().paging(Paging.linkHeader()).build());
    SyncStore<String, Note> store =
        SyncStore.of(NoteType.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .scheduler(new VirtualScheduler())
            .build();
    QueryType<Filter, Note> byText =
        QueryType.builder("notes by text", remote.pages((Filter f) -> Map.of("text", f.text())))
            .build();
    Query<Filter, String, Note> q = store.query(byText, new Filter("a", null, null, null));

    value(q.refetch());
    assertTrue(q.state().hasMore());
    value(q.loadMore());

    QueryState<Note> s = q.state();
    assertEquals(QueryState.Status.READY, s.status());
    assertEquals(List.of("n1", "n2", "n3"), s.items().stream().map(Note::id).toList());
    assertEquals(3, store.all().size());
    List<LoopbackServer.Received> got = server.receivedSoFar();
    assertEquals(List.of("text=a", "text=a&page=2"), got.stream().map(r -> r.query()).toList());
    assertTrue(got.stream().allMatch(r -> r.rawPath().equals("/notes")));
  }

  @Test
  void aBadPageOverHttpLeavesTheQueryFailedWithItsListKept() throws Exception {
    HttpRemote<String, Note> remote =
        remote(Dialect.plainJson().toBuilder().items("/data").build());
    SyncStore<String, Note> store =
        SyncStore.of(NoteType.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .scheduler(new VirtualScheduler())
            .build();
    QueryType<Filter, Note> byText =
        QueryType.builder("notes by text", remote.pages((Filter f) -> Map.of("text", f.text())))
            .build();
    Query<Filter, String, Note> q = store.query(byText, new Filter("a", null, null, null));
    server.answer(respond(200, "{\"data\":" + notes("n1", "n2") + "}"));
    value(q.refetch());

    for (String bad :
        List.of(
            "{\"items\":" + notes("n3") + "}", // the array is not where the dialect says
            "{\"data\":[{\"id\":\"n3\",\"text\":[1],\"version\":1}]}", // a field of the wrong type
            "{\"data\":" + notes("n3") + ",\"data\":")) { // not JSON
      server.answer(respond(200, bad));
      BadServerDataException e = failure(q.refetch(), BadServerDataException.class);

      QueryState<Note> s = q.state();
      assertEquals(QueryState.Status.FAILED, s.status(), bad);
      assertEquals(e, s.error().orElseThrow());
      assertEquals(List.of("n1", "n2"), s.items().stream().map(Note::id).toList(), "kept");
      assertEquals(2, store.all().size(), "nothing of the bad page was taken");
    }
  }

  @Test
  void anOptionalParameterIsItsValueOrLeftOutAndAnArrayIsRefused() throws Exception {
    server.answer(respond(200, notes("n1")));
    HttpRemote<String, Note> remote = remote(Dialect.plainJson());
    PageReader<java.util.Optional<String>, Note> reader =
        remote.pages((java.util.Optional<String> text) -> Map.of("text", text, "sort", "id"));

    value(reader.read(java.util.Optional.of("a b"), null));
    assertEquals("sort=id&text=a%20b", server.next().query());
    value(reader.read(java.util.Optional.empty(), null));
    assertEquals("sort=id", server.next().query());

    PageReader<int[], Note> arrays = remote.pages((int[] ids) -> Map.of("id", ids));
    IllegalArgumentException e =
        failure(arrays.read(new int[] {1, 2}, null), IllegalArgumentException.class);
    assertTrue(e.getMessage().contains("query parameter \"id\" is int[]"), e.getMessage());
    assertTrue(server.receivedSoFar().isEmpty(), "nothing was sent");
  }

  @Test
  void aPageWhoseNextLinkIsRefusedIsKeptAndOnlyTheNextPageFails() throws Exception {
    server.answer(
        respond(
            200,
            "{\"results\":"
                + notes("n1", "n2")
                + ",\"next\":\"http://elsewhere.example/notes?page=2\"}"));
    HttpRemote<String, Note> remote =
        remote(
            Dialect.plainJson().toBuilder()
                .items("/results")
                .paging(Paging.nextLink("/next"))
                .build());
    SyncStore<String, Note> store =
        SyncStore.of(NoteType.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .scheduler(new VirtualScheduler())
            .build();
    Query<Filter, String, Note> q =
        store.query(
            QueryType.builder("notes", remote.pages((Filter f) -> Map.of("text", f.text())))
                .build(),
            new Filter("a", null, null, null));

    value(q.refetch());
    assertEquals(List.of("n1", "n2"), q.items().stream().map(Note::id).toList());
    assertTrue(q.state().hasMore());
    BadServerDataException e = failure(q.loadMore(), BadServerDataException.class);

    assertTrue(e.getMessage().contains("on another origin"), e.getMessage());
    assertEquals(QueryState.Status.FAILED, q.state().status());
    assertEquals(List.of("n1", "n2"), q.items().stream().map(Note::id).toList());
    assertEquals(1, server.receivedSoFar().size(), "nothing was sent elsewhere, or again here");
  }
}
