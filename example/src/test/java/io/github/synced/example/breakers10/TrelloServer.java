package io.github.synced.example.breakers10;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A Trello-like card API on loopback: GET /cards, GET/PATCH /cards/{id}. The version is the body's
 * "version"; with {@code versioned} a PATCH whose If-Match (or body version) is not the row's is
 * answered 412 with the row. It keeps only the fields it knows, and can answer whole, with only the
 * version, with some fields, or 204; it can sort items (incomplete first) and renumber items whose
 * id starts with "tmp-".
 */
final class TrelloServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CARD = Set.of("id", "name", "checkItems", "assignee", "version");
  private static final Set<String> ITEM = Set.of("id", "name", "state");
  private static final Set<String> MEMBER = Set.of("id", "fullName", "username");

  enum Answer {
    WHOLE,
    VERSION_ONLY,
    SOME_FIELDS,
    NO_CONTENT
  }

  record Req(String method, String path, String ifMatch, String body) {}

  final Map<String, ObjectNode> rows = new TreeMap<>();
  final List<Req> requests = new ArrayList<>();
  volatile boolean versioned = true;
  volatile Answer answer = Answer.WHOLE;
  volatile boolean sortItems;
  volatile boolean renumber;
  volatile Predicate<String> reject = b -> false;
  volatile String rawList; // when set, GET /cards answers this text once
  volatile java.util.concurrent.CompletableFuture<Void>
      holdNextPatch; // the next PATCH waits for it
  final java.util.concurrent.CompletableFuture<Void> patchHeld =
      new java.util.concurrent.CompletableFuture<>();
  volatile Set<String> leaveOutOfNestedAnswer =
      Set.of(); // left out of assignee and items in a WHOLE answer
  volatile boolean dropNextPatchAnswer; // commit, then close without an answer
  private int nextItem = 100;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  TrelloServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
    ObjectNode c = JSON.createObjectNode();
    c.put("id", "c1");
    c.put("name", "Launch");
    ArrayNode items = c.putArray("checkItems");
    items.add(item("ci1", "Write copy", "incomplete"));
    items.add(item("ci2", "Design banner", "incomplete"));
    items.add(item("ci3", "Ship", "incomplete"));
    ObjectNode a = c.putObject("assignee");
    a.put("id", "m1");
    a.put("fullName", "Ann Lee");
    a.put("username", "ann");
    c.put("version", 1);
    rows.put("c1", c);
  }

  static ObjectNode item(String id, String name, String state) {
    ObjectNode i = JSON.createObjectNode();
    i.put("id", id);
    i.put("name", name);
    i.put("state", state);
    return i;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  SyncStore<String, Card> store() {
    HttpRemote<String, Card> remote =
        HttpRemote.<String, Card>builder(uri(), "/cards", new CardJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
            .build();
    return SyncStore.of(CardSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
  }

  synchronized ObjectNode row() {
    return rows.get("c1").deepCopy();
  }

  /** Another writer, straight into the row (the version moves on). */
  synchronized void secondWriter(java.util.function.Consumer<ObjectNode> change) {
    ObjectNode c = rows.get("c1");
    change.accept(c);
    c.put("version", c.get("version").asLong() + 1);
  }

  synchronized List<Req> patches() {
    return requests.stream().filter(r -> r.method().equals("PATCH")).toList();
  }

  static List<String> ids(JsonNode card) {
    List<String> ids = new ArrayList<>();
    card.get("checkItems").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  static JsonNode item(JsonNode card, String id) {
    for (JsonNode i : card.get("checkItems")) {
      if (i.get("id").asText().equals(id)) {
        return i;
      }
    }
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      java.util.concurrent.CompletableFuture<Void> hold = holdNextPatch;
      if (method.equals("PATCH") && hold != null) {
        holdNextPatch = null;
        patchHeld.complete(null);
        hold.get(20, java.util.concurrent.TimeUnit.SECONDS);
      }
      String[] answer;
      synchronized (this) {
        requests.add(new Req(method, path, ex.getRequestHeaders().getFirst("If-Match"), body));
        answer = answer(method, path, ex.getRequestHeaders().getFirst("If-Match"), body);
      }
      if (method.equals("PATCH") && dropNextPatchAnswer) {
        dropNextPatchAnswer = false;
        ex.close();
        return;
      }
      send(ex, Integer.parseInt(answer[0]), answer[1]);
    } catch (Exception e) {
      e.printStackTrace();
      send(ex, 500, "{\"message\":\"" + e + "\"}");
    }
  }

  private String[] answer(String method, String path, String ifMatch, String body)
      throws IOException {
    String[] parts = path.split("/");
    String id = parts.length > 2 ? parts[2] : null;
    if (method.equals("GET")) {
      if (id == null) {
        if (rawList != null) {
          String raw = rawList;
          rawList = null;
          return new String[] {"200", raw};
        }
        ArrayNode all = JSON.createArrayNode();
        rows.values().forEach(all::add);
        return new String[] {"200", all.toString()};
      }
      ObjectNode row = rows.get(id);
      return row == null
          ? new String[] {"404", "{\"message\":\"not found\"}"}
          : new String[] {"200", row.toString()};
    }
    if (!method.equals("PATCH")) {
      return new String[] {"405", "{\"message\":\"no\"}"};
    }
    ObjectNode row = rows.get(id);
    if (row == null) {
      return new String[] {"404", "{\"message\":\"not found\"}"};
    }
    ObjectNode patch = (ObjectNode) JSON.readTree(body);
    if (versioned) {
      String expected = ifMatch;
      if (expected == null && patch.has("version")) {
        expected = patch.get("version").asText();
      }
      if (expected != null) {
        expected = expected.replace("W/", "").replace("\"", "");
        if (!expected.equals(row.get("version").asText())) {
          return new String[] {"412", row.toString()};
        }
      }
    }
    if (reject.test(body)) {
      return new String[] {"422", "{\"message\":\"invalid check item\"}"};
    }
    patch
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!CARD.contains(f) || f.equals("id") || f.equals("version")) {
                return;
              }
              JsonNode v = patch.get(f);
              if (f.equals("checkItems") && v.isArray()) {
                v = cleanItems((ArrayNode) v);
              } else if (f.equals("assignee") && v.isObject()) {
                v = keep((ObjectNode) v, MEMBER);
              }
              row.set(f, v);
            });
    row.put("version", row.get("version").asLong() + 1);
    return switch (answer) {
      case WHOLE -> new String[] {"200", stripNested(row.deepCopy()).toString()};
      case VERSION_ONLY ->
          new String[] {"200", "{\"id\":\"" + id + "\",\"version\":" + row.get("version") + "}"};
      case SOME_FIELDS ->
          new String[] {
            "200",
            "{\"id\":\""
                + id
                + "\",\"name\":"
                + row.get("name")
                + ",\"version\":"
                + row.get("version")
                + "}"
          };
      case NO_CONTENT -> new String[] {"204", null};
    };
  }

  private ObjectNode stripNested(ObjectNode card) {
    if (card.get("assignee") instanceof ObjectNode a) {
      a.remove(leaveOutOfNestedAnswer);
    }
    if (card.get("checkItems") instanceof ArrayNode items) {
      items.forEach(i -> ((ObjectNode) i).remove(leaveOutOfNestedAnswer));
    }
    return card;
  }

  private ArrayNode cleanItems(ArrayNode in) {
    List<ObjectNode> items = new ArrayList<>();
    for (JsonNode i : in) {
      ObjectNode k = keep((ObjectNode) i, ITEM);
      if (renumber && k.get("id").asText().startsWith("tmp-")) {
        k.put("id", "ci" + nextItem++);
      }
      items.add(k);
    }
    if (sortItems) {
      items.sort(Comparator.comparing(i -> i.path("state").asText().equals("complete") ? 1 : 0));
    }
    ArrayNode out = JSON.createArrayNode();
    items.forEach(out::add);
    return out;
  }

  private static ObjectNode keep(ObjectNode in, Set<String> known) {
    ObjectNode out = JSON.createObjectNode();
    in.fieldNames()
        .forEachRemaining(
            f -> {
              if (known.contains(f)) {
                out.set(f, in.get(f));
              }
            });
    return out;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    if (body == null) {
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
