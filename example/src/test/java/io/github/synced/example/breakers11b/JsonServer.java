package io.github.synced.example.breakers11b;

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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A json-server-like loopback server: any collection path, numeric ids it assigns on POST (or the
 * body's id), {@code _page}/{@code _limit} with a {@code Link: rel="next"}, field filters ({@code
 * done=false}, a repeated name is OR, an array field matches any element), no versions unless the
 * body has {@code updatedAt} (then bumped), ignores Idempotency-Key.
 */
final class JsonServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Raw request lines: "GET /notes?_page=1&_limit=2&done=false". */
  final List<String> seen = new CopyOnWriteArrayList<>();

  /** The decoded query of every list GET. */
  final List<Map<String, List<String>>> listQueries = new CopyOnWriteArrayList<>();

  /** How many next POSTs apply and then answer only after {@link #lostDelayMs} (a lost answer). */
  final AtomicInteger loseNextPostAnswers = new AtomicInteger();

  volatile long lostDelayMs = 1500;

  /** Delay of every list GET. */
  volatile long listDelayMs;

  final AtomicInteger listsInFlight = new AtomicInteger();
  final AtomicInteger maxListsInFlight = new AtomicInteger();

  private final Map<String, LinkedHashMap<String, ObjectNode>> rows = new LinkedHashMap<>();
  private long nextId = 1;
  private long version = 1;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  JsonServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized ObjectNode put(String collection, ObjectNode row) {
    if (!row.hasNonNull("id")) {
      row.put("id", nextId++);
    }
    if (row.has("updatedAt")) {
      row.put("updatedAt", version++);
    }
    rows.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(row.get("id").asText(), row);
    return row.deepCopy();
  }

  synchronized List<ObjectNode> rows(String collection) {
    List<ObjectNode> out = new ArrayList<>();
    rows.getOrDefault(collection, new LinkedHashMap<>())
        .values()
        .forEach(r -> out.add(r.deepCopy()));
    return out;
  }

  synchronized List<ObjectNode> list(String collection, Map<String, List<String>> q) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode r : rows.getOrDefault(collection, new LinkedHashMap<>()).values()) {
      boolean ok = true;
      for (Map.Entry<String, List<String>> e : q.entrySet()) {
        if (e.getKey().startsWith("_")) {
          continue;
        }
        JsonNode v = r.get(e.getKey());
        boolean any = false;
        for (String want : e.getValue()) {
          if (v != null && v.isArray()) {
            for (JsonNode el : v) {
              any |= el.asText().equals(want);
            }
          } else if (v != null && v.asText().equals(want)) {
            any = true;
          }
        }
        ok &= any;
      }
      if (ok) {
        out.add(r.deepCopy());
      }
    }
    return out;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      String raw = ex.getRequestURI().getRawQuery();
      String method = ex.getRequestMethod();
      seen.add(method + " " + path + (raw == null ? "" : "?" + raw));
      String[] parts = path.substring(1).split("/", 2);
      String coll = parts[0];
      String id = parts.length > 1 ? URLDecoder.decode(parts[1], UTF8) : null;
      if (method.equals("GET") && id == null) {
        int now = listsInFlight.incrementAndGet();
        maxListsInFlight.accumulateAndGet(now, Math::max);
        Map<String, List<String>> q;
        try {
          q = parse(raw);
          listQueries.add(q);
          if (listDelayMs > 0) {
            Thread.sleep(listDelayMs);
          }
        } finally {
          // Done before the answer is written: once the client has it, it may send the next read
          // before this thread would get here after writing it.
          listsInFlight.decrementAndGet();
        }
        listAnswer(ex, coll, q);
      } else if (method.equals("GET")) {
        ObjectNode r;
        synchronized (this) {
          r = rows.getOrDefault(coll, new LinkedHashMap<>()).get(id);
          r = r == null ? null : r.deepCopy();
        }
        send(ex, r == null ? 404 : 200, r == null ? "{}" : r.toString(), null);
      } else if (method.equals("POST")) {
        ObjectNode body = (ObjectNode) JSON.readTree(ex.getRequestBody().readAllBytes());
        ObjectNode saved = put(coll, body);
        if (loseNextPostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          Thread.sleep(lostDelayMs);
        }
        send(ex, 201, saved.toString(), null);
      } else if (method.equals("PATCH") || method.equals("PUT")) {
        ObjectNode change = (ObjectNode) JSON.readTree(ex.getRequestBody().readAllBytes());
        String out;
        synchronized (this) {
          ObjectNode row = rows.getOrDefault(coll, new LinkedHashMap<>()).get(id);
          if (row == null) {
            send(ex, 404, "{}", null);
            return;
          }
          change
              .fieldNames()
              .forEachRemaining(
                  f -> {
                    if (!f.equals("id") && !f.equals("updatedAt")) {
                      row.set(f, change.get(f));
                    }
                  });
          if (row.has("updatedAt")) {
            row.put("updatedAt", version++);
          }
          out = row.toString();
        }
        send(ex, 200, out, null);
      } else if (method.equals("DELETE")) {
        synchronized (this) {
          rows.getOrDefault(coll, new LinkedHashMap<>()).remove(id);
        }
        send(ex, 200, "{}", null);
      } else {
        send(ex, 404, "{}", null);
      }
    } catch (Exception e) {
      send(ex, 500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}", null);
    } finally {
      ex.close();
    }
  }

  private void listAnswer(HttpExchange ex, String coll, Map<String, List<String>> q)
      throws IOException {
    List<ObjectNode> all = list(coll, q);
    String pageParam = first(q, "_page");
    if (pageParam == null) {
      ArrayNode body = JSON.createArrayNode();
      all.forEach(body::add);
      send(ex, 200, body.toString(), null);
      return;
    }
    int page = Integer.parseInt(pageParam);
    int limit = Integer.parseInt(orElse(first(q, "_limit"), "10"));
    ArrayNode body = JSON.createArrayNode();
    int from = (page - 1) * limit;
    for (int i = from; i < Math.min(all.size(), from + limit); i++) {
      body.add(all.get(i));
    }
    String link = null;
    if (from + limit < all.size()) {
      StringBuilder b = new StringBuilder(uri() + "/" + coll + "?");
      q.forEach(
          (k, vs) -> {
            if (!k.equals("_page")) {
              vs.forEach(
                  v ->
                      b.append(URLEncoder.encode(k, UTF8))
                          .append('=')
                          .append(URLEncoder.encode(v, UTF8))
                          .append('&'));
            }
          });
      b.append("_page=").append(page + 1);
      link = "<" + b + ">; rel=\"next\"";
    }
    send(ex, 200, body.toString(), link);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static void send(HttpExchange ex, int status, String body, String link)
      throws IOException {
    byte[] bytes = body.getBytes(UTF8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (link != null) {
      ex.getResponseHeaders().set("Link", link);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
  }

  static Map<String, List<String>> parse(String raw) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF8);
      q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return q;
  }

  private static String first(Map<String, List<String>> q, String k) {
    List<String> v = q.get(k);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static String orElse(String v, String d) {
    return v == null ? d : v;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
