package io.github.synced.example.breakers10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A GitHub-issue-task-list-like API without versions (numeric ids, last write wins, ignores
 * Idempotency-Key): GET /projects, GET/PATCH /projects/{id}. It sorts unchecked items first and
 * keeps only the fields it knows.
 */
class TaskListHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer http;
  private ExecutorService pool;
  private ObjectNode row;
  private final List<String> patches = new ArrayList<>();
  private volatile CompletableFuture<Void> holdNextPatch;
  private final CompletableFuture<Void> patchHeld = new CompletableFuture<>();
  private volatile boolean sortItems;
  private SyncStore<Long, Project> store;

  @BeforeEach
  void start() throws Exception {
    row = JSON.createObjectNode();
    row.put("id", 7);
    row.put("name", "Home");
    ArrayNode items = row.putArray("items");
    for (Object[] i : new Object[][] {{1, "Milk"}, {2, "Bread"}, {3, "Eggs"}}) {
      ObjectNode n = items.addObject();
      n.put("id", (Integer) i[0]);
      n.put("content", (String) i[1]);
      n.put("checked", false);
      n.put("url", "https://example.test/items/" + i[0]);
    }
    row.putArray("labels");
    pool = Executors.newFixedThreadPool(4);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", this::handle);
    http.setExecutor(pool);
    http.start();
    HttpRemote<Long, Project> remote =
        HttpRemote.<Long, Project>builder(
                URI.create("http://127.0.0.1:" + http.getAddress().getPort()),
                "/projects",
                new ProjectJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
            .build();
    store = SyncStore.of(ProjectSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
    store.refetch().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    http.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      CompletableFuture<Void> hold = holdNextPatch;
      if (method.equals("PATCH") && hold != null) {
        holdNextPatch = null;
        patchHeld.complete(null);
        hold.get(20, TimeUnit.SECONDS);
      }
      int status;
      String out;
      synchronized (this) {
        if (method.equals("GET")) {
          status = 200;
          out = path.equals("/projects") ? "[" + row + "]" : row.toString();
        } else if (body.contains("!!")) {
          patches.add(body);
          status = 422;
          out = "{\"message\":\"Validation Failed\",\"errors\":[{\"field\":\"content\"}]}";
        } else {
          patches.add(body);
          JsonNode patch = JSON.readTree(body);
          if (patch.has("name")) {
            row.set("name", patch.get("name"));
          }
          if (patch.has("items")) {
            List<ObjectNode> items = new ArrayList<>();
            for (JsonNode i : patch.get("items")) {
              ObjectNode k = JSON.createObjectNode();
              k.set("id", i.get("id"));
              k.set("content", i.get("content"));
              k.set("checked", i.get("checked"));
              k.put("url", "https://example.test/items/" + i.get("id"));
              items.add(k);
            }
            if (sortItems) {
              items.sort(Comparator.comparing(i -> i.get("checked").asBoolean()));
            }
            ArrayNode a = row.putArray("items");
            items.forEach(a::add);
          }
          status = 200;
          out = row.toString();
        }
      }
      byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(bytes);
      }
    } catch (Exception e) {
      e.printStackTrace();
      ex.close();
    }
  }

  private synchronized JsonNode serverRow() {
    return row.deepCopy();
  }

  private synchronized void secondWriter(java.util.function.Consumer<ObjectNode> change) {
    change.accept(row);
  }

  private static List<Long> serverIds(JsonNode r) {
    List<Long> ids = new ArrayList<>();
    r.get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }

  private Project view() {
    return store.get(7L).orElseThrow();
  }

  private static Item item(Project p, long id) {
    return p.items.stream().filter(i -> i.id == id).findFirst().orElse(null);
  }

  private static List<Long> ids(Project p) {
    return p.items.stream().map(i -> i.id).toList();
  }

  private static Throwable outcome(Mutation<Long, Project> m) throws Exception {
    try {
      m.result().copy().get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void twoItemEditsTheFirstRefused422TheSecondLandsWithoutIt() throws Exception {
    store.local(7L, p -> item(p, 3).expanded = true);
    Mutation<Long, Project> bad =
        store.update(
            7L, ProjectPatch.empty().editItems(s -> s.update(1L, x -> x.content("Milk!!"))));
    Mutation<Long, Project> good =
        store.update(7L, ProjectPatch.empty().editItems(s -> s.update(2L, x -> x.checked(true))));
    assertTrue(outcome(bad) != null);
    assertNull(outcome(good));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(2, patches.size());
    assertFalse(patches.get(1).contains("!!"), patches.get(1));
    assertEquals("Milk", view().items.iterator().next().content);
    assertTrue(item(view(), 2).checked);
    assertTrue(item(view(), 3).expanded);
    assertFalse(patches.get(1).contains("expanded"));
  }

  @Test
  void aRefetchSentWhileAnItemEditIsHeldCannotUndoItAndTheEndMatchesTheServer() throws Exception {
    store.local(7L, p -> item(p, 2).expanded = true);
    CompletableFuture<Void> release = new CompletableFuture<>();
    holdNextPatch = release;
    Mutation<Long, Project> m =
        store.update(7L, ProjectPatch.empty().editItems(s -> s.update(1L, x -> x.checked(true))));
    patchHeld.get(10, TimeUnit.SECONDS);
    store.refetch().get(10, TimeUnit.SECONDS); // answers the state before the write
    assertTrue(item(view(), 1).checked, "a read sent before the write confirmed cannot undo it");
    release.complete(null);
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(serverRow().get("items").get(0).get("checked").asBoolean());
    assertTrue(item(view(), 1).checked);
    assertTrue(item(view(), 2).expanded);
  }

  @Test
  void aServerThatSortsCheckedItemsLastGivesItsOrderToTheView() throws Exception {
    sortItems = true;
    store.local(7L, p -> item(p, 1).expanded = true);
    Mutation<Long, Project> m =
        store.update(
            7L,
            ProjectPatch.empty()
                .editItems(s -> s.update(1L, x -> x.checked(true)).add(new Item(4, "Jam"))));
    assertNull(outcome(m));
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(2L, 3L, 4L, 1L), serverIds(serverRow()));
    assertEquals(List.of(2L, 3L, 4L, 1L), ids(view()));
    assertTrue(item(view(), 1).expanded);
  }

  @Test
  void withoutVersionsOurWholeListTakesOverASecondWritersAddAndTheViewEndsAsTheServer()
      throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    holdNextPatch = release;
    Mutation<Long, Project> first =
        store.update(7L, ProjectPatch.empty().editItems(s -> s.update(1L, x -> x.checked(true))));
    Mutation<Long, Project> second =
        store.update(
            7L, ProjectPatch.empty().editItems(s -> s.update(3L, x -> x.content("Brown eggs"))));
    patchHeld.get(10, TimeUnit.SECONDS);
    secondWriter(
        x -> {
          ObjectNode n = ((ArrayNode) x.get("items")).addObject();
          n.put("id", 5);
          n.put("content", "Theirs");
          n.put("checked", false);
        });
    release.complete(null);
    assertNull(outcome(first));
    assertNull(outcome(second));
    store.idle().get(10, TimeUnit.SECONDS);
    JsonNode r = serverRow();
    assertEquals(List.of(1L, 2L, 3L), serverIds(r));
    assertTrue(
        r.get("items").get(0).get("checked").asBoolean(),
        "the first edit is not undone by the second's body");
    assertEquals("Brown eggs", r.get("items").get(2).get("content").asText());
    assertEquals(List.of(1L, 2L, 3L), ids(view()));
    assertTrue(item(view(), 1).checked);
    assertEquals(
        serverIds(serverRow()), ids(view()), "the README: the server takes the last whole value");
  }
}
