package io.github.synced.example.breakers14;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A loopback API of boards with the habits of real public APIs: ETag / If-Match with 412
 * (GitHub-like), PATCH answered 204 (Jira/Linear-like), answers with only some fields, If-Match
 * ignored, map entries re-keyed by the server. Requests can be held until the test releases them.
 */
final class FakeApi implements AutoCloseable {

  enum Answer {
    ENTITY,
    NO_CONTENT,
    /** Only the properties the request sent, without the version. */
    PARTIAL,
    VERSION_ONLY
  }

  /** A held request: {@code arrived} completes when the server has it, it answers on release. */
  static final class Gate {
    final CompletableFuture<Void> arrived = new CompletableFuture<>();
    final CompletableFuture<Void> release = new CompletableFuture<>();

    /** For a write: apply it on arrival (true) or on release (false). For a read: snapshot when. */
    final boolean early;

    /** For a write: refused with this status when released, not applied; {@code null}: applied. */
    volatile Integer refuse;

    Gate(boolean early) {
      this.early = early;
    }

    void open() {
      release.complete(null);
    }
  }

  static final ObjectMapper M = new ObjectMapper();

  final Map<String, ObjectNode> rows = new LinkedHashMap<>();
  long counter = 100;
  volatile Answer answer = Answer.ENTITY;
  volatile boolean checkIfMatch = true;
  volatile boolean dedupe = false;
  volatile boolean rekeyLanes = false;
  volatile boolean mergePatchMaps = false;

  /**
   * Single-entity reads: called with the row (or null) under the lock; a non-null reply replaces
   * the normal answer.
   */
  volatile java.util.function.Function<ObjectNode, Reply> readOverride;

  /** Lists leave out the version property (a list without versions). */
  volatile boolean listWithoutVersion = false;

  /** The server normalizes board titles to upper case on write. */
  volatile boolean upperTitles = false;

  final java.util.concurrent.atomic.AtomicInteger singleReads =
      new java.util.concurrent.atomic.AtomicInteger();
  final java.util.concurrent.atomic.AtomicInteger writes =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Run once, under the lock, right after the next write is applied (another writer). */
  volatile Consumer<ObjectNode> afterNextWrite;

  final Deque<Gate> writeGates = new ArrayDeque<>();
  final Deque<Gate> readGates = new ArrayDeque<>();
  final Deque<Integer> failNext = new ArrayDeque<>();
  final Deque<Boolean> dropNext = new ArrayDeque<>();
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, byte[]> replays = new HashMap<>();
  private final HttpServer http;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fakeapi");
            t.setDaemon(true);
            return t;
          });

  FakeApi() {
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.setExecutor(pool);
    http.createContext("/", this::handle);
    http.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }

  // ---- the test's side ----

  synchronized ObjectNode put(String json) {
    try {
      ObjectNode o = (ObjectNode) M.readTree(json);
      o.put("version", ++counter);
      rows.put(o.get("id").asText(), o);
      return o.deepCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another writer edits a row; the version moves on. */
  synchronized ObjectNode edit(String id, Consumer<ObjectNode> edit) {
    ObjectNode o = rows.get(id);
    edit.accept(o);
    o.put("version", ++counter);
    return o.deepCopy();
  }

  synchronized void delete(String id) {
    rows.remove(id);
  }

  synchronized ObjectNode row(String id) {
    return rows.get(id).deepCopy();
  }

  synchronized Gate holdWrite(boolean applyFirst) {
    Gate g = new Gate(applyFirst);
    writeGates.add(g);
    return g;
  }

  synchronized Gate holdRead(boolean snapshotFirst) {
    Gate g = new Gate(snapshotFirst);
    readGates.add(g);
    return g;
  }

  synchronized void failNextWrite(int status) {
    failNext.add(status);
  }

  synchronized void dropNextWrite() {
    dropNext.add(true);
  }

  static ObjectNode cardNode(ObjectNode row, String cid) {
    for (JsonNode c : row.get("cards")) {
      if (c.get("id").asText().equals(cid)) {
        return (ObjectNode) c;
      }
    }
    return null;
  }

  static void removeCard(ObjectNode row, String cid) {
    Iterator<JsonNode> it = row.get("cards").iterator();
    while (it.hasNext()) {
      if (it.next().get("id").asText().equals(cid)) {
        it.remove();
      }
    }
  }

  // ---- HTTP ----

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    byte[] body = ex.getRequestBody().readAllBytes();
    String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
    String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
    log.add(
        ex.getRequestHeaders().getFirst("Content-Type")
            + " "
            + method
            + " "
            + path
            + " If-Match="
            + ifMatch
            + " "
            + new String(body, StandardCharsets.UTF_8));
    String id = path.startsWith("/boards/") ? path.substring("/boards/".length()) : null;
    if (method.equals("GET")) {
      Gate g;
      synchronized (this) {
        g = readGates.poll();
      }
      if (g == null) {
        send(ex, read(id));
        return;
      }
      Reply early = g.early ? read(id) : null;
      g.arrived.complete(null);
      var unused = g.release.thenRunAsync(() -> send(ex, early != null ? early : read(id)), pool);
      return;
    }
    Gate g;
    Integer fail;
    boolean drop;
    synchronized (this) {
      g = writeGates.poll();
      fail = failNext.poll();
      drop = dropNext.poll() != null;
    }
    if (fail != null) {
      send(ex, new Reply(fail, "{\"error\":\"refused " + fail + "\"}"));
      return;
    }
    if (g == null) {
      Reply r = write(method, id, ifMatch, key, body);
      if (drop) {
        ex.close();
      } else {
        send(ex, r);
      }
      return;
    }
    if (g.refuse != null) {
      Reply refused = new Reply(g.refuse, "{\"error\":\"refused " + g.refuse + "\"}");
      g.arrived.complete(null);
      var unused = g.release.thenRunAsync(() -> send(ex, refused), pool);
      return;
    }
    Reply early = g.early ? write(method, id, ifMatch, key, body) : null;
    g.arrived.complete(null);
    var unused =
        g.release.thenRunAsync(
            () -> {
              Reply r = early != null ? early : write(method, id, ifMatch, key, body);
              if (drop) {
                ex.close();
              } else {
                send(ex, r);
              }
            },
            pool);
  }

  record Reply(int status, String body, String etag) {
    Reply(int status, String body) {
      this(status, body, null);
    }
  }

  private synchronized Reply read(String id) {
    if (id == null) {
      ArrayNode a = M.createArrayNode();
      rows.values()
          .forEach(
              r -> {
                ObjectNode c = r.deepCopy();
                if (listWithoutVersion) {
                  c.remove("version");
                }
                a.add(c);
              });
      return new Reply(200, a.toString());
    }
    singleReads.incrementAndGet();
    ObjectNode o = rows.get(id);
    var ov = readOverride;
    if (ov != null) {
      Reply r = ov.apply(o == null ? null : o.deepCopy());
      if (r != null) {
        return r;
      }
    }
    if (o == null) {
      return new Reply(404, "{\"error\":\"no board\"}");
    }
    return new Reply(200, o.toString(), "\"" + o.get("version").asText() + "\"");
  }

  private synchronized Reply write(
      String method, String id, String ifMatch, String key, byte[] body) {
    writes.incrementAndGet();
    if (dedupe && key != null && replays.containsKey(key)) {
      return new Reply(200, new String(replays.get(key), StandardCharsets.UTF_8));
    }
    if (!method.equals("PATCH") || id == null) {
      return new Reply(405, "{\"error\":\"only PATCH\"}");
    }
    ObjectNode row = rows.get(id);
    if (row == null) {
      return new Reply(404, "{\"error\":\"no board\"}");
    }
    if (checkIfMatch && ifMatch != null) {
      String v = ifMatch.replace("W/", "").replace("\"", "").strip();
      if (!v.equals("*") && !v.equals(row.get("version").asText())) {
        return new Reply(412, row.toString(), "\"" + row.get("version").asText() + "\"");
      }
    }
    ObjectNode patch;
    try {
      patch = (ObjectNode) M.readTree(body);
    } catch (IOException e) {
      return new Reply(400, "{\"error\":\"bad json\"}");
    }
    for (Map.Entry<String, JsonNode> p : patch.properties()) {
      String name = p.getKey();
      if (name.equals("id") || name.equals("version")) {
        continue;
      }
      JsonNode v = p.getValue();
      if (name.equals("lanes") && mergePatchMaps && v.isObject() && row.get("lanes").isObject()) {
        ObjectNode lanes = (ObjectNode) row.get("lanes");
        for (Map.Entry<String, JsonNode> e : v.properties()) {
          if (e.getValue().isNull()) {
            lanes.remove(e.getKey());
          } else {
            lanes.set(e.getKey(), e.getValue());
          }
        }
      } else {
        row.set(name, v);
      }
      if (name.equals("lanes") && rekeyLanes && row.get("lanes").isObject()) {
        ObjectNode re = M.createObjectNode();
        for (Map.Entry<String, JsonNode> e : row.get("lanes").properties()) {
          re.set("k-" + e.getValue().get("id").asText(), e.getValue());
        }
        row.set("lanes", re);
      }
    }
    if (upperTitles && row.get("title") != null && row.get("title").isTextual()) {
      row.put("title", row.get("title").asText().toUpperCase(java.util.Locale.ROOT));
    }
    row.put("version", ++counter);
    Consumer<ObjectNode> after = afterNextWrite;
    afterNextWrite = null;
    String etag = "\"" + counter + "\"";
    Reply r =
        switch (answer) {
          case ENTITY -> new Reply(200, row.toString(), etag);
          case NO_CONTENT -> new Reply(204, "", etag);
          case PARTIAL -> {
            ObjectNode part = M.createObjectNode();
            for (Map.Entry<String, JsonNode> p : patch.properties()) {
              if (!p.getKey().equals("version") && row.has(p.getKey())) {
                part.set(p.getKey(), row.get(p.getKey()));
              }
            }
            yield new Reply(200, part.toString());
          }
          case VERSION_ONLY -> new Reply(200, "{\"version\":" + counter + "}", etag);
        };
    if (key != null && r.status() == 200) {
      replays.put(key, r.body().getBytes(StandardCharsets.UTF_8));
    }
    if (after != null) {
      after.accept(row);
      row.put("version", ++counter);
    }
    return r;
  }

  private void send(HttpExchange ex, Reply r) {
    try {
      if (r.etag() != null) {
        ex.getResponseHeaders().set("ETag", r.etag());
      }
      if (r.status() == 204) {
        ex.sendResponseHeaders(204, -1);
      } else {
        byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(r.status(), b.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(b);
        }
      }
    } catch (IOException e) {
      log.add("send failed: " + e);
    } finally {
      ex.close();
    }
  }
}
