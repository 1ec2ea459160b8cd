package io.github.synced.runtime.http;

import static io.github.synced.runtime.http.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.http.Dialect.ConflictBody;
import io.github.synced.runtime.http.Dialect.IdSource;
import io.github.synced.runtime.http.Dialect.IfMatch;
import io.github.synced.runtime.http.Dialect.Paging;
import io.github.synced.runtime.http.Dialect.VersionSource;
import io.github.synced.runtime.json.Note;
import io.github.synced.runtime.json.NoteField;
import io.github.synced.runtime.json.NoteJson;
import io.github.synced.runtime.json.NotePatch;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each piece of a {@link Dialect} against a real HTTP server on loopback that answers in that
 * piece's shape: lists and pages, ids from links and {@code Location}, versions from {@code ETag},
 * {@code If-Match} forms, conflict bodies, deduplication.
 */
class HttpDialectTest {

  private static LoopbackServer server;

  @BeforeAll
  static void start() {
    server = new LoopbackServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpRemote<String, Note> remote(Dialect dialect) {
    ObjectMapper mapper = new ObjectMapper();
    return HttpRemote.<String, Note>builder(server.uri(), "/notes", new NoteJson(mapper))
        .mapper(mapper)
        .dialect(dialect)
        .requestTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static Dialect.Builder plain() {
    return Dialect.plainJson().toBuilder();
  }

  private static final Write<String, Note> UPDATE =
      new Write<>(Write.Kind.UPDATE, "n1", null, NotePatch.empty().text("x"), 6L, "key-u", 1);

  private static final Write<String, Note> CREATE =
      new Write<>(
          Write.Kind.CREATE,
          null,
          new Note(null, "x", null, 0),
          NotePatch.empty().text("x"),
          null,
          "key-c",
          1);

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

  private static String note(String id, int version) {
    return "{\"id\":\""
        + id
        + "\",\"text\":\""
        + id
        + "\",\"priority\":null,\"version\":"
        + version
        + "}";
  }

  private static List<String> ids(List<Reply<Note>> list) {
    return list.stream().map(r -> r.entity().orElseThrow().id()).toList();
  }

  private static String query(HttpExchange exchange) {
    String q = exchange.getRequestURI().getRawQuery();
    return q == null ? "" : q;
  }

  private static void answer(HttpExchange exchange, Map<String, String> headers, String body)
      throws IOException {
    respond(200, headers, body).answer(exchange);
  }

  // ---------------------------------------------------------------- where the list is

  @Test
  void itemsAtAPointerAreReadFromTheirWrapper() throws Exception {
    server.answer(respond(200, "{\"data\":[" + note("n1", 1) + "," + note("n2", 2) + "]}"));

    List<Reply<Note>> list = value(remote(plain().items("/data").build()).list());

    assertEquals(List.of("n1", "n2"), ids(list));
    assertTrue(list.stream().allMatch(Reply::versionKnown));
  }

  @Test
  void aPageWithoutTheArrayWhereTheDialectSaysIsBadServerData() throws Exception {
    server.answer(respond(200, "{\"items\":[]}"));

    BadServerDataException e =
        failure(remote(plain().items("/data").build()).list(), BadServerDataException.class);

    assertTrue(e.getMessage().contains("expected a JSON array at \"/data\""), e.getMessage());
    assertTrue(e.getMessage().contains("Nothing was taken"), e.getMessage());
  }

  // ---------------------------------------------------------------- paging

  @Test
  void aNextLinkInTheBodyIsFollowedToTheLastPage() throws Exception {
    server.answer(
        exchange -> {
          String body =
              switch (query(exchange)) {
                case "" -> "{\"items\":[" + note("n1", 1) + "],\"next\":\"/notes?p=2\"}";
                case "p=2" ->
                    "{\"items\":["
                        + note("n2", 1)
                        + "],\"next\":\""
                        + server.uri()
                        + "/notes?p=3\"}";
                default -> "{\"items\":[" + note("n3", 1) + "],\"next\":null}";
              };
          answer(exchange, Map.of(), body);
        });
    Dialect d = plain().items("/items").paging(Paging.nextLink("/next")).build();

    List<Reply<Note>> list = value(remote(d).list());

    assertEquals(List.of("n1", "n2", "n3"), ids(list));
    assertEquals(
        List.of("/notes", "/notes?p=2", "/notes?p=3"),
        server.receivedSoFar().stream()
            .map(r -> r.rawPath() + (r.query() == null ? "" : "?" + r.query()))
            .toList());
  }

  @Test
  void theLinkHeadersNextIsFollowedFromTheListQuery() throws Exception {
    server.answer(
        exchange -> {
          String q = query(exchange);
          Map<String, String> links =
              q.equals("_page=1&_limit=1")
                  ? Map.of(
                      "Link",
                      "<"
                          + server.uri()
                          + "/notes?_page=1&_limit=1>; rel=\"first\", <"
                          + server.uri()
                          + "/notes?_page=2&_limit=1>; rel=\"next last\"")
                  : Map.of("Link", "</notes?_page=1&_limit=1>; rel=first");
          answer(exchange, links, "[" + note(q.equals("_page=1&_limit=1") ? "n1" : "n2", 1) + "]");
        });
    Dialect d = plain().listQuery("_page=1&_limit=1").paging(Paging.linkHeader()).build();

    assertEquals(List.of("n1", "n2"), ids(value(remote(d).list())));
  }

  @Test
  void linkHeadersAreParsedAsRfc8288Says() {
    assertEquals(
        "/b",
        ListRead.linkHeaderNext(
            List.of("</a>; rel=\"prev\"; title=\"x, y\"", "</b>;rel=next, </c>; rel=last")));
    assertEquals("/n", ListRead.linkHeaderNext(List.of("</n>; REL=\"last next\"")));
    assertNull(ListRead.linkHeaderNext(List.of("</a>; rel=\"nextpage\"")));
    assertNull(ListRead.linkHeaderNext(List.of()));
  }

  @Test
  void numberedPagesAreReadUntilAShortPage() throws Exception {
    server.answer(
        exchange -> {
          String body =
              switch (query(exchange)) {
                case "sort=id&page=0&size=2" -> "[" + note("n1", 1) + "," + note("n2", 1) + "]";
                case "sort=id&page=1&size=2" -> "[" + note("n3", 1) + "]";
                default -> "[" + note("wrong", 1) + "]";
              };
          answer(exchange, Map.of(), body);
        });
    Dialect d =
        plain().listQuery("sort=id").paging(Paging.pageNumbers("page", "size", 2, 0)).build();

    assertEquals(List.of("n1", "n2", "n3"), ids(value(remote(d).list())));
  }

  @Test
  void aCursorIsSentUntilThePageHasNone() throws Exception {
    server.answer(
        exchange -> {
          String body =
              switch (query(exchange)) {
                case "" -> "{\"items\":[" + note("n1", 1) + "],\"meta\":{\"next\":\"a b&c\"}}";
                case "after=a+b%26c" ->
                    "{\"items\":[" + note("n2", 1) + "],\"meta\":{\"next\":\"\"}}";
                default -> "{\"items\":[]}";
              };
          answer(exchange, Map.of(), body);
        });
    Dialect d = plain().items("/items").paging(Paging.cursor("after", "/meta/next")).build();

    assertEquals(List.of("n1", "n2"), ids(value(remote(d).list())));
  }

  @Test
  void aListThatDoesNotEndWithinMaxPagesFailsAndTakesNothing() throws Exception {
    AtomicInteger served = new AtomicInteger();
    server.answer(
        exchange ->
            answer(
                exchange,
                Map.of(),
                "{\"items\":["
                    + note("n" + served.incrementAndGet(), 1)
                    + "],\"next\":\"/notes?p="
                    + served.get()
                    + "\"}"));
    Dialect d = plain().items("/items").paging(Paging.nextLink("/next")).maxPages(5).build();

    BadServerDataException e = failure(remote(d).list(), BadServerDataException.class);

    assertEquals(5, served.get());
    assertTrue(e.getMessage().contains("did not end after 5 pages"), e.getMessage());
  }

  @Test
  void aNextLinkBackToAPageAlreadyReadIsALoop() throws Exception {
    server.answer(
        exchange -> {
          boolean first = query(exchange).isEmpty();
          answer(
              exchange,
              Map.of(),
              "{\"items\":["
                  + note(first ? "n1" : "n2", 1)
                  + "],\"next\":\"/notes"
                  + (first ? "?p=2" : "")
                  + "\"}");
        });
    Dialect d = plain().items("/items").paging(Paging.nextLink("/next")).build();

    BadServerDataException e = failure(remote(d).list(), BadServerDataException.class);

    assertTrue(e.getMessage().contains("the pages loop"), e.getMessage());
    assertEquals(2, server.receivedSoFar().size());
  }

  @Test
  void aNextLinkToAnotherOriginIsNotFollowed() throws Exception {
    server.answer(
        respond(200, "{\"items\":[],\"next\":\"http://elsewhere.example:8080/notes?p=2\"}"));
    Dialect d = plain().items("/items").paging(Paging.nextLink("/next")).build();

    BadServerDataException e = failure(remote(d).list(), BadServerDataException.class);

    assertTrue(e.getMessage().contains("on another origin"), e.getMessage());
  }

  @Test
  void pagesThatDoNotAddUpToTheirTotalAreReadAgain() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    server.answer(
        exchange -> {
          int n = requests.incrementAndGet();
          boolean first = query(exchange).isEmpty();
          // the first read: n2 moved from page 2 to page 1 after page 1 was read (n1 deleted)
          String body =
              n == 1
                  ? "{\"items\":[" + note("n1", 1) + "],\"next\":\"/notes?p=2\",\"total\":3}"
                  : n == 2
                      ? "{\"items\":[" + note("n3", 1) + "],\"total\":2}"
                      : first
                          ? "{\"items\":["
                              + note("n2", 1)
                              + "],\"next\":\"/notes?p=2\",\"total\":2}"
                          : "{\"items\":[" + note("n3", 1) + "],\"total\":2}";
          answer(exchange, Map.of(), body);
        });
    Dialect d = plain().items("/items").paging(Paging.nextLink("/next")).total("/total").build();

    assertEquals(List.of("n2", "n3"), ids(value(remote(d).list())));
    assertEquals(4, requests.get());
  }

  @Test
  void aCollectionThatKeepsChangingWhilePagedFailsAsTransient() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    server.answer(
        exchange ->
            answer(
                exchange,
                Map.of(),
                "{\"items\":["
                    + note("n1", 1)
                    + "],\"total\":"
                    + (requests.incrementAndGet() + 1)
                    + "}"));
    Dialect d = plain().items("/items").total("/total").build();

    SyncFailure f = failure(remote(d).list(), SyncFailure.class);

    assertEquals(SyncFailure.Kind.TRANSIENT, f.kind());
    assertEquals(ListRead.READS, requests.get());
    assertTrue(f.getMessage().contains("changed while its pages were read"), f.getMessage());
  }

  // ---------------------------------------------------------------- ids

  @Test
  void idsComeFromTheSelfLinksLastSegment() throws Exception {
    server.answer(
        respond(
            200,
            "{\"_embedded\":{\"notes\":[{\"text\":\"a\",\"priority\":1,\"version\":3,"
                + "\"_links\":{\"self\":{\"href\":\"http://h/notes/a%20b\"}}}]}}"));
    Dialect d =
        plain().items("/_embedded/notes").idFrom(IdSource.link("/_links/self/href")).build();

    Note n = value(remote(d).list()).get(0).entity().orElseThrow();

    assertEquals("a b", n.id());
    assertEquals(3, n.version());
  }

  @Test
  void idFromSegmentMakesTheIdOfALinksSegment() throws Exception {
    server.answer(
        respond(
            200,
            "{\"text\":\"a\",\"priority\":1,\"version\":3,"
                + "\"_links\":{\"self\":{\"href\":\"/notes/note-n1{?projection}\"}}}"));
    ObjectMapper mapper = new ObjectMapper();
    HttpRemote<String, Note> remote =
        HttpRemote.<String, Note>builder(server.uri(), "/notes", new NoteJson(mapper))
            .dialect(plain().idFrom(IdSource.link("/_links/self/href")).build())
            .idSegment(id -> "note-" + id)
            .idFromSegment(segment -> segment.substring("note-".length()))
            .build();

    Note n = value(remote.fetch("n1")).orElseThrow();

    assertEquals("/notes/note-n1", server.next().rawPath());
    assertEquals("n1", n.id());
  }

  @Test
  void aCreateAnsweredWithoutABodyTakesItsIdFromLocation() throws Exception {
    server.answer(respond(201, Map.of("Location", server.uri() + "/notes/n42"), ""));

    Reply<Note> reply = value(remote(Dialect.plainJson()).send(CREATE));

    assertEquals(Set.of(NoteField.ID), reply.fields().orElseThrow().fields());
    assertEquals("n42", reply.fields().orElseThrow().get(NoteField.ID));
  }

  @Test
  void withoutLocationIdsACreateAnsweredWithoutABodyIsAnEmptyReply() throws Exception {
    server.answer(respond(201, Map.of("Location", "/notes/n42"), ""));

    Reply<Note> reply = value(remote(plain().createdIdFromLocation(false).build()).send(CREATE));

    assertTrue(reply.entity().isEmpty() && reply.fields().isEmpty(), reply.toString());
  }

  // ---------------------------------------------------------------- versions

  @ParameterizedTest
  @ValueSource(strings = {"\"8\"", "W/\"8\"", "8"})
  void theETagOfAFetchIsTheVersionWeakOrStrongQuotedOrNot(String etag) throws Exception {
    server.answer(
        respond(200, Map.of("ETag", etag), "{\"id\":\"n1\",\"text\":\"t\",\"priority\":null}"));

    Note n =
        value(remote(plain().versionFrom(VersionSource.ETAG).build()).fetch("n1")).orElseThrow();

    assertEquals(8, n.version());
  }

  @Test
  void theETagWinsOverAVersionInTheBody() throws Exception {
    server.answer(respond(200, Map.of("ETag", "\"9\""), note("n1", 2)));

    Note n =
        value(remote(plain().versionFrom(VersionSource.ETAG).build()).fetch("n1")).orElseThrow();

    assertEquals(9, n.version());
  }

  @Test
  void aBodyDialectIgnoresETags() throws Exception {
    server.answer(respond(200, Map.of("ETag", "\"9\""), note("n1", 2)));

    assertEquals(2, value(remote(Dialect.plainJson()).fetch("n1")).orElseThrow().version());
  }

  @Test
  void anUpdateAnsweredWith204AndAnETagConfirmsTheNewVersion() throws Exception {
    server.answer(respond(204, Map.of("ETag", "\"7\""), ""));

    Reply<Note> reply = value(remote(plain().versionFrom(VersionSource.ETAG).build()).send(UPDATE));

    assertEquals(Set.of(NoteField.VERSION), reply.fields().orElseThrow().fields());
    assertEquals(7L, reply.fields().orElseThrow().get(NoteField.VERSION));
  }

  @Test
  void anUpdateAnsweredWithTheBodyAndAnETagIsTheWholeEntity() throws Exception {
    server.answer(
        respond(
            200,
            Map.of("ETag", "\"7\""),
            "{\"text\":\"x\",\"priority\":null,\"_links\":{\"self\":{\"href\":\"/notes/n1\"}}}"));
    Dialect d =
        plain().idFrom(IdSource.link("/_links/self/href")).versionFrom(VersionSource.ETAG).build();

    Note n = value(remote(d).send(UPDATE)).entity().orElseThrow();

    assertEquals("n1", n.id());
    assertEquals(7, n.version());
  }

  @Test
  void aPreconditionFailuresETagIsNeverTheVersion() throws Exception {
    // Spring Data REST's 412 repeats the If-Match sent in its ETag; a body without its own version
    // is no server state the store could merge with
    server.answer(
        respond(412, Map.of("ETag", "\"6\""), "{\"id\":\"n1\",\"text\":\"s\",\"priority\":null}"));

    SyncFailure f =
        failure(
            remote(plain().versionFrom(VersionSource.ETAG).build()).send(UPDATE),
            SyncFailure.class);

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertTrue(f.serverState().isEmpty());
    assertTrue(f.getMessage().contains("answered 412 to If-Match: \"6\""), f.getMessage());
  }

  @Test
  void listItemsWithoutTheirVersionAreReadWithoutOne() throws Exception {
    server.answer(
        respond(200, "[{\"id\":\"n1\",\"text\":\"a\",\"priority\":null}," + note("n2", 5) + "]"));

    List<Reply<Note>> list = value(remote(Dialect.plainJson()).list());

    assertFalse(list.get(0).versionKnown());
    assertEquals("a", list.get(0).entity().orElseThrow().text());
    assertTrue(list.get(1).versionKnown());
    assertEquals(5, list.get(1).entity().orElseThrow().version());
  }

  @Test
  void fetchAllFetchesTheVersionOfEachItemTheListGaveWithoutOne() throws Exception {
    server.answer(
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          if (path.equals("/notes")) {
            answer(
                exchange,
                Map.of(),
                "[{\"id\":\"n1\",\"text\":\"a\",\"priority\":null},"
                    + "{\"id\":\"gone\",\"text\":\"b\",\"priority\":null},"
                    + note("n3", 5)
                    + "]");
          } else if (path.equals("/notes/n1")) {
            answer(
                exchange,
                Map.of("ETag", "\"4\""),
                "{\"id\":\"n1\",\"text\":\"a\",\"priority\":null}");
          } else {
            respond(404, "").answer(exchange);
          }
        });

    List<Note> all = value(remote(plain().versionFrom(VersionSource.ETAG).build()).fetchAll());

    assertEquals(List.of("n1", "n3"), all.stream().map(Note::id).toList());
    assertEquals(List.of(4L, 5L), all.stream().map(Note::version).toList());
  }

  @Test
  void aFetchWithoutVersionSaysWhereTheVersionWasLookedFor() throws Exception {
    server.answer(respond(200, "{\"id\":\"n1\",\"text\":\"t\",\"priority\":null}"));

    BadServerDataException etag =
        failure(
            remote(plain().versionFrom(VersionSource.ETAG).build()).fetch("n1"),
            BadServerDataException.class);
    server.answer(respond(200, Map.of("ETag", "\"3\""), "{\"id\":\"n1\",\"text\":\"t\"}"));
    BadServerDataException body =
        failure(remote(Dialect.plainJson()).fetch("n1"), BadServerDataException.class);

    assertEquals("version", etag.field());
    assertTrue(etag.getMessage().contains("no ETag header"), etag.getMessage());
    assertTrue(body.getMessage().contains("VersionSource.ETAG"), body.getMessage());
  }

  // ---------------------------------------------------------------- If-Match

  @ParameterizedTest
  @ValueSource(strings = {"QUOTED", "WEAK", "BARE", "NONE"})
  void theBaseVersionIsSentInTheDialectsIfMatchForm(String form) throws Exception {
    server.answer(respond(204, ""));

    var unused = value(remote(plain().ifMatch(IfMatch.valueOf(form)).build()).send(UPDATE));

    String expected =
        switch (IfMatch.valueOf(form)) {
          case QUOTED -> "\"6\"";
          case WEAK -> "W/\"6\"";
          case BARE -> "6";
          case NONE -> null;
        };
    assertEquals(expected, server.next().header("If-Match"));
  }

  // ---------------------------------------------------------------- error bodies

  @Test
  void aConflictWhoseBodyIsAMessageCarriesNoStateAndSaysTheMessage() throws Exception {
    server.answer(respond(409, "{\"message\":\"Could not commit changes!\"}"));

    SyncFailure f = failure(remote(Dialect.plainJson()).send(CREATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertTrue(f.serverState().isEmpty());
    assertTrue(
        f.getMessage().startsWith("Note: POST /notes answered 409: Could not commit changes!"),
        f.getMessage());
    assertTrue(f.getMessage().contains("not the entity"), f.getMessage());
  }

  @Test
  void aMessageDialectNeverTakesAConflictBodyForTheEntity() throws Exception {
    server.answer(respond(412, note("n1", 7)));

    SyncFailure f =
        failure(
            remote(plain().conflictBody(ConflictBody.MESSAGE).build()).send(UPDATE),
            SyncFailure.class);

    assertTrue(f.serverState().isEmpty());
  }

  @Test
  void anErrorsMessageIsQuotedFromItsJsonBody() throws Exception {
    server.answer(respond(400, "{\"message\":\"Could not read payload\",\"cause\":null}"));

    SyncFailure f = failure(remote(Dialect.plainJson()).send(UPDATE), SyncFailure.class);

    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    assertEquals("Note 'n1': PATCH /notes/n1 answered 400: Could not read payload", f.getMessage());
  }

  // ---------------------------------------------------------------- the presets

  @Test
  void thePresetsSayWhetherTheServerDeduplicatesByKey() {
    assertTrue(remote(Dialect.plainJson()).deduplicatesByKey());
    assertFalse(remote(Dialect.springDataRest("notes")).deduplicatesByKey());
    assertFalse(remote(plain().deduplicatesByKey(false).build()).deduplicatesByKey());
  }

  @Test
  void springDataRestIsHalWithETagsAndNoDeduplication() {
    Dialect d = Dialect.springDataRest("notes");

    assertEquals(
        "Dialect[items=\"/_embedded/notes\", paging=Paging.nextLink(\"/_links/next/href\"),"
            + " maxPages=1000, total=\"/page/totalElements\","
            + " idFrom=IdSource.link(\"/_links/self/href\"), versionFrom=ETAG, ifMatch=QUOTED,"
            + " conflictBody=MESSAGE, deduplicatesByKey=false]",
        d.toString());
    assertEquals(
        "Dialect[items=\"\", paging=Paging.none(), maxPages=1000, idFrom=IdSource.body(),"
            + " versionFrom=BODY, ifMatch=QUOTED, conflictBody=ENTITY_IF_IDENTIFIED,"
            + " deduplicatesByKey=true]",
        Dialect.plainJson().toString());
  }

  @Test
  void aPointerThatIsNotOneIsRefusedWithTheForm() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> plain().items("_embedded.tasks"));

    assertTrue(e.getMessage().contains("\"/_embedded/tasks\""), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Paging.pageNumbers("p", "s", 0, 0));
    assertThrows(IllegalArgumentException.class, () -> plain().maxPages(0));
  }
}
