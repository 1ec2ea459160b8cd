package io.github.synced.example.breakers10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 3 at every level, over real HTTP: an answer to a write that leaves a property out of a
 * nested {@code @Synced} object (a map's value, an element two levels down, the answer to a create)
 * takes it as written, found by the object's id; a property the answer gives as {@code null} is
 * {@code null}, and an object the write did not have, or one of another id, is read as it is.
 */
class NestedAnswersAsWrittenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private final List<JsonNode> written = new ArrayList<>();

  /** What the server answers to the body a write sent (its id and version are set after). */
  private volatile UnaryOperator<ObjectNode> answer = body -> body;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody().readAllBytes());
          synchronized (written) {
            written.add(body.deepCopy());
          }
          ObjectNode out = answer.apply(body);
          String[] path = exchange.getRequestURI().getPath().split("/");
          out.put("id", exchange.getRequestMethod().equals("POST") ? "b2" : path[path.length - 1]);
          out.put("version", 2);
          byte[] bytes = JSON.writeValueAsBytes(out);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, 0);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private SyncStore<String, Board> boards(boolean jackson3) {
    HttpRemote.Builder<String, Board> remote =
        HttpRemote.<String, Board>builder(uri(), "/boards", new BoardJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build());
    if (jackson3) {
      remote.jackson3(new tools.jackson.databind.ObjectMapper());
    }
    return SyncStore.of(BoardSync.TYPE).remote(remote.build()).notifyOn(Runnable::run).build();
  }

  private SyncStore<String, BoardCard> cards() {
    HttpRemote<String, BoardCard> remote =
        HttpRemote.<String, BoardCard>builder(uri(), "/cards", new BoardCardJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
            .build();
    return SyncStore.of(BoardCardSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
  }

  private static Board board(String id) {
    Board b = new Board();
    b.id = id;
    b.name = "Sprint";
    b.version = 1;
    b.columns = new LinkedHashMap<>();
    b.columns.put("todo", new Column("c1", "To do"));
    b.columns.put("done", new Column("c2", "Done"));
    return b;
  }

  private static <K, E> MutationState settled(SyncStore<K, E> store, Mutation<K, E> m)
      throws Exception {
    store.idle().get(10, TimeUnit.SECONDS);
    return m.state();
  }

  /** Removes {@code name} from every object of {@code field} of the answer (an object of them). */
  private static ObjectNode leaveOutOfValues(ObjectNode body, String field, String name) {
    body.get(field).forEach(v -> ((ObjectNode) v).remove(name));
    return body;
  }

  @Test
  void aMapValueTheAnswerLeavesATitleOutOfKeepsTheTitleWritten() throws Exception {
    for (boolean jackson3 : new boolean[] {false, true}) {
      SyncStore<String, Board> store = boards(jackson3);
      store.receive(board("b1"));
      store.local("b1", b -> b.columns.get("todo").collapsed = true);
      answer = body -> leaveOutOfValues(body, "columns", "title");
      Map<String, Column> columns = new LinkedHashMap<>(board("b1").columns);
      columns.put("todo", new Column("c1", "Backlog"));
      Mutation<String, Board> m = store.update("b1", BoardPatch.empty().columns(columns));

      assertEquals(MutationState.CONFIRMED, settled(store, m), "Jackson 3: " + jackson3);
      Board b = store.get("b1").orElseThrow();
      assertEquals("Backlog", b.columns.get("todo").title, "absent is not null, in a map too");
      assertEquals("Done", b.columns.get("done").title);
      assertTrue(b.columns.get("todo").collapsed, "and its local-only value is the user's");
    }
  }

  @Test
  void aValueOfAnotherIdOrOneTheWriteDidNotHaveIsReadAsItIs() throws Exception {
    SyncStore<String, Board> store = boards(false);
    store.receive(board("b1"));
    answer =
        body -> {
          ObjectNode columns = (ObjectNode) body.get("columns");
          columns.putObject("done").put("id", "c9"); // another column now holds the key
          columns.putObject("later").put("id", "c3"); // a column the write did not have
          ((ObjectNode) columns.get("todo")).putNull("title"); // said to be null: it is
          return body;
        };
    Map<String, Column> columns = new LinkedHashMap<>(board("b1").columns);
    columns.put("todo", new Column("c1", "Backlog"));
    Mutation<String, Board> m = store.update("b1", BoardPatch.empty().columns(columns));

    assertEquals(MutationState.CONFIRMED, settled(store, m));
    Board b = store.get("b1").orElseThrow();
    assertNull(b.columns.get("todo").title, "a property the answer gives as null is null");
    assertEquals("c9", b.columns.get("done").id);
    assertNull(b.columns.get("done").title, "never taken from another column");
    assertNull(b.columns.get("later").title);
    assertEquals(List.of("todo", "done", "later"), List.copyOf(b.columns.keySet()));
  }

  @Test
  void theAnswerToACreateThatLeavesOutATitleTakesTheTitleWritten() throws Exception {
    SyncStore<String, Board> store = boards(false);
    answer = body -> leaveOutOfValues(body, "columns", "title");
    Board draft = board(null);
    draft.version = 0;
    Mutation<String, Board> m = store.create(draft);

    assertEquals(MutationState.CONFIRMED, settled(store, m));
    Board b = store.get("b2").orElseThrow();
    assertEquals("To do", b.columns.get("todo").title);
    assertEquals("Done", b.columns.get("done").title);
  }

  @Test
  void anElementTwoLevelsDownTheAnswerLeavesOutOfKeepsWhatWasWrittenAtBothLevels()
      throws Exception {
    SyncStore<String, BoardCard> store = cards();
    BoardCard card = new BoardCard();
    card.id = "k1";
    card.name = "Launch";
    card.version = 1;
    card.checklists =
        List.of(
            new Checklist("l1", "Before", List.of(new CheckItem("i1", "Draft"))),
            new Checklist("l2", "After", List.of(new CheckItem("i2", "Tweet"))));
    store.receive(card);
    store.local("k1", c -> c.checklists.get(0).checkItems.get(0).expanded = true);
    answer =
        body -> {
          for (JsonNode list : body.get("checklists")) {
            ((ObjectNode) list).remove("name");
            list.get("checkItems").forEach(i -> ((ObjectNode) i).remove("state"));
          }
          return body;
        };
    Mutation<String, BoardCard> m =
        store.update(
            "k1",
            BoardCardPatch.empty()
                .editChecklists(
                    s ->
                        s.update(
                            "l1",
                            x -> x.editCheckItems(i -> i.update("i1", y -> y.state("complete"))))));

    assertEquals(MutationState.CONFIRMED, settled(store, m));
    BoardCard c = store.get("k1").orElseThrow();
    assertEquals("Before", c.checklists.get(0).name);
    assertEquals("complete", c.checklists.get(0).checkItems.get(0).state, "as written");
    assertEquals("incomplete", c.checklists.get(1).checkItems.get(0).state);
    assertTrue(c.checklists.get(0).checkItems.get(0).expanded);
    synchronized (written) {
      assertFalse(written.isEmpty());
    }
  }
}
