package io.github.synced.example.breakers13;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Notion-like page API on loopback: GET /pages, GET /pages/{id}, PATCH /pages/{id} (JSON merge
 * patch, If-Match checked when sent: 412 with the current page), a block whose text is over 40
 * characters or contains "FORBIDDEN" is refused with 422. Idempotency-Key honoured.
 */
final class PageServer implements AutoCloseable {
  enum Answer {
    FULL,
    /** The page with every block's text left out. */
    OMIT_TEXT,
    /** The page with every block's text given as null. */
    NULL_TEXT,
    /** The page without its blocks property. */
    OMIT_BLOCKS,
    /** 204 with no body. */
    NO_CONTENT,
    /** Applies, then closes the connection without answering. */
    DROP
  }

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Map<String, ObjectNode> pages = new LinkedHashMap<>();
  private final Map<String, String> replays = new HashMap<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Deque<CompletableFuture<Void>> holds = new ArrayDeque<>();
  final List<String> patchBodies = new ArrayList<>();
  final List<String> appliedBodies = new ArrayList<>();

  /** When true the server stores (and answers) blocks keyed by their id, whatever key was sent. */
  volatile boolean keyById;

  PageServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.setExecutor(pool);
    http.createContext("/pages", this::handle);
    http.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  synchronized void put(String id, String title, long version, String... blocks) {
    ObjectNode page = MAPPER.createObjectNode();
    page.put("id", id);
    page.put("title", title);
    ObjectNode bs = page.putObject("blocks");
    for (int i = 0; i + 2 < blocks.length; i += 3) {
      // key, id, text
      ObjectNode b = bs.putObject(blocks[i]);
      b.put("id", blocks[i + 1]);
      b.put("type", "paragraph");
      b.put("text", blocks[i + 2]);
    }
    page.put("version", version);
    pages.put(id, page);
  }

  /** Stores page {@code id} as this raw JSON (for bad server data). */
  synchronized void putRaw(String id, String json) throws IOException {
    pages.put(id, (ObjectNode) MAPPER.readTree(json));
  }

  /** Another writer changes page {@code id}; the version goes up. */
  synchronized void otherWriter(String id, Consumer<ObjectNode> change) {
    ObjectNode page = pages.get(id);
    change.accept(page);
    page.put("version", page.get("version").asLong() + 1);
  }

  synchronized ObjectNode page(String id) {
    return pages.get(id).deepCopy();
  }

  synchronized void answerNext(Answer... answers) {
    script.addAll(List.of(answers));
  }

  /** The next PATCH waits (before it is looked at) until the returned future is completed. */
  synchronized CompletableFuture<Void> holdNext() {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    holds.add(gate);
    return gate;
  }

  private final Deque<Integer> failures = new ArrayDeque<>();

  /** The next PATCH (after If-Match passes) is refused with {@code status}. */
  synchronized void failNext(int status) {
    failures.add(status);
  }

  synchronized List<String> applied() {
    return List.copyOf(appliedBodies);
  }

  synchronized int patches() {
    return patchBodies.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String rest = path.substring("/pages".length());
      if (method.equals("GET") && (rest.isEmpty() || rest.equals("/"))) {
        synchronized (this) {
          ArrayNode all = MAPPER.createArrayNode();
          pages.values().forEach(all::add);
          send(ex, 200, MAPPER.writeValueAsString(all));
        }
        return;
      }
      String id = rest.substring(1);
      if (method.equals("GET")) {
        synchronized (this) {
          ObjectNode p = pages.get(id);
          if (p == null) {
            send(ex, 404, "{\"error\":\"no page\"}");
          } else {
            send(ex, 200, MAPPER.writeValueAsString(p));
          }
        }
        return;
      }
      if (!method.equals("PATCH")) {
        send(ex, 405, "{}");
        return;
      }
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      CompletableFuture<Void> gate;
      synchronized (this) {
        gate = holds.poll();
      }
      if (gate != null) {
        gate.get(10, TimeUnit.SECONDS);
      }
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
      int status;
      String out;
      Answer answer;
      synchronized (this) {
        patchBodies.add(body);
        if (key != null && replays.containsKey(key)) {
          String replay = replays.get(key);
          int cut = replay.indexOf(' ');
          send(ex, Integer.parseInt(replay.substring(0, cut)), replay.substring(cut + 1));
          return;
        }
        ObjectNode page = pages.get(id);
        if (page == null) {
          send(ex, 404, "{\"error\":\"no page " + id + "\"}");
          return;
        }
        if (ifMatch != null) {
          String v = ifMatch.replace("W/", "").replace("\"", "").trim();
          if (!v.equals(page.get("version").asText())) {
            send(ex, 412, MAPPER.writeValueAsString(page));
            return;
          }
        }
        JsonNode patch = MAPPER.readTree(body);
        String refusal = refusal(patch);
        if (refusal == null && !failures.isEmpty()) {
          int forced = failures.poll();
          send(ex, forced, "{\"error\":\"refused by policy\"}");
          return;
        }
        if (refusal != null) {
          status = 422;
          out = "{\"error\":\"" + refusal + "\"}";
          if (key != null) {
            replays.put(key, status + " " + out);
          }
          send(ex, status, out);
          return;
        }
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
          if (e.getKey().equals("id") || e.getKey().equals("version")) {
            continue;
          }
          if (e.getKey().equals("blocks") && keyById && e.getValue().isObject()) {
            ObjectNode byId = MAPPER.createObjectNode();
            e.getValue()
                .properties()
                .forEach(b -> byId.set(b.getValue().get("id").asText(), b.getValue()));
            page.set("blocks", byId);
          } else {
            page.set(e.getKey(), e.getValue());
          }
        }
        page.put("version", page.get("version").asLong() + 1);
        appliedBodies.add(body);
        answer = script.isEmpty() ? Answer.FULL : script.poll();
        ObjectNode shown = page.deepCopy();
        if (answer == Answer.OMIT_TEXT) {
          shown.get("blocks").forEach(b -> ((ObjectNode) b).remove("text"));
        } else if (answer == Answer.NULL_TEXT) {
          shown.get("blocks").forEach(b -> ((ObjectNode) b).putNull("text"));
        } else if (answer == Answer.OMIT_BLOCKS) {
          shown.remove("blocks");
        }
        status = answer == Answer.NO_CONTENT ? 204 : 200;
        out = answer == Answer.NO_CONTENT ? "" : MAPPER.writeValueAsString(shown);
        if (key != null) {
          replays.put(key, status + " " + MAPPER.writeValueAsString(page));
        }
      }
      if (answer == Answer.DROP) {
        throw new IOException("dropped after applying");
      }
      send(ex, status, out);
    } catch (Exception e) {
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException(e);
    }
  }

  private static String refusal(JsonNode patch) {
    JsonNode blocks = patch.get("blocks");
    if (blocks == null || !blocks.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : blocks.properties()) {
      JsonNode text = e.getValue().get("text");
      if (text != null && text.isTextual()) {
        String t = text.asText();
        if (t.length() > 40 || t.contains("FORBIDDEN")) {
          return "block " + e.getKey() + ": text refused";
        }
      }
      if (e.getValue().has("collapsed")) {
        return "block " + e.getKey() + ": unknown property collapsed";
      }
    }
    return null;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    if (status == 204 || body.isEmpty()) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      holds.forEach(h -> h.complete(null));
    }
    http.stop(0);
    pool.shutdownNow();
  }
}
