package io.github.synced.example.breakers11;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A loopback issue tracker with the list habits of real APIs: GitHub ({@code /issues?state=open
 * &page=2&per_page=30}, a {@code Link} header with prev/next/last and every filter kept, {@code
 * per_page} capped by the server), Stripe ({@code /v1/issues?limit=2&starting_after=id}, {@code
 * {"object":"list","data":[..],"has_more":true}}), Django REST framework ({@code
 * /drf/issues?page=2}, {@code {"count":..,"next":"http://..","results":[..]}}). PATCH/DELETE on
 * {@code /issues/{id}} bump the version. From the outside tester of issue 11.
 */
final class ListServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The raw request lines the server saw: "GET /issues?state=open&page=1". */
  final List<String> seen = new CopyOnWriteArrayList<>();

  /** Rewrites a list body before it is sent (bad answers), or null. */
  volatile UnaryOperator<String> mangle;

  /** A host name put in DRF's next links instead of the request's (a proxy's). */
  volatile String drfHost;

  /** Holds list answers (computed before waiting) until released. */
  volatile CountDownLatch holdLists;

  /** Signalled when a held list answer has been computed. */
  volatile CountDownLatch listComputed;

  /** GitHub's cap on per_page. */
  volatile int maxPerPage = 100;

  private final Map<String, ObjectNode> rows = new LinkedHashMap<>();
  private long version = 1;
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  ListServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized void seed(String id, String title, String state) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id).put("title", title).put("state", state).put("updatedAt", version++);
    rows.put(id, n);
  }

  synchronized List<String> ids(String state) {
    List<String> out = new ArrayList<>();
    rows.values()
        .forEach(
            n -> {
              if (state == null || n.get("state").asText().equals(state)) {
                out.add(n.get("id").asText());
              }
            });
    return out;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      String rawQuery = ex.getRequestURI().getRawQuery();
      String method = ex.getRequestMethod();
      seen.add(method + " " + path + (rawQuery == null ? "" : "?" + rawQuery));
      Map<String, List<String>> q = parse(rawQuery);
      if (method.equals("GET") && (path.equals("/issues") || path.equals("/issues/"))) {
        github(ex, q);
      } else if (method.equals("GET") && path.equals("/v1/issues")) {
        stripe(ex, q);
      } else if (method.equals("GET") && path.equals("/drf/issues")) {
        drf(ex, q);
      } else if (method.equals("PATCH") && path.startsWith("/issues/")) {
        patch(ex, path.substring("/issues/".length()));
      } else if (method.equals("DELETE") && path.startsWith("/issues/")) {
        String id = path.substring("/issues/".length());
        synchronized (this) {
          rows.remove(id);
        }
        send(ex, 204, "", null);
      } else {
        send(ex, 404, "{\"message\":\"Not Found\"}", null);
      }
    } catch (Exception e) {
      send(ex, 500, "{\"message\":\"" + e + "\"}", null);
    } finally {
      ex.close();
    }
  }

  private List<ObjectNode> filtered(Map<String, List<String>> q) {
    String state = first(q, "state");
    List<ObjectNode> out = new ArrayList<>();
    synchronized (this) {
      for (ObjectNode n : rows.values()) {
        if (state == null || state.equals("all") || n.get("state").asText().equals(state)) {
          out.add(n.deepCopy());
        }
      }
    }
    return out;
  }

  private void github(HttpExchange ex, Map<String, List<String>> q) throws Exception {
    List<ObjectNode> all = filtered(q);
    int page = Integer.parseInt(orElse(first(q, "page"), "1"));
    int per = Math.min(maxPerPage, Integer.parseInt(orElse(first(q, "per_page"), "30")));
    ArrayNode body = JSON.createArrayNode();
    int from = (page - 1) * per;
    for (int i = from; i < Math.min(all.size(), from + per); i++) {
      body.add(all.get(i));
    }
    int last = Math.max(1, (all.size() + per - 1) / per);
    List<String> links = new ArrayList<>();
    String base = uri() + "/issues?" + keep(q, "page", "per_page") + "per_page=" + per + "&page=";
    if (page > 1) {
      links.add("<" + base + (page - 1) + ">; rel=\"prev\"");
    }
    if (page < last) {
      links.add("<" + base + (page + 1) + ">; rel=\"next\"");
      links.add("<" + base + last + ">; rel=\"last\"");
    }
    links.add("<" + base + "1>; rel=\"first\"");
    listAnswer(ex, body.toString(), String.join(", ", links));
  }

  private void stripe(HttpExchange ex, Map<String, List<String>> q) throws Exception {
    List<ObjectNode> all = filtered(q);
    int limit = Integer.parseInt(orElse(first(q, "limit"), "10"));
    String after = first(q, "starting_after");
    int from = 0;
    if (after != null) {
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).get("id").asText().equals(after)) {
          from = i + 1;
        }
      }
    }
    ObjectNode body = JSON.createObjectNode().put("object", "list").put("url", "/v1/issues");
    ArrayNode data = body.putArray("data");
    for (int i = from; i < Math.min(all.size(), from + limit); i++) {
      data.add(all.get(i));
    }
    body.put("has_more", from + limit < all.size());
    listAnswer(ex, body.toString(), null);
  }

  private void drf(HttpExchange ex, Map<String, List<String>> q) throws Exception {
    List<ObjectNode> all = filtered(q);
    int page = Integer.parseInt(orElse(first(q, "page"), "1"));
    int per = 2; // DRF: PAGE_SIZE in settings, the client cannot choose
    ObjectNode body = JSON.createObjectNode().put("count", all.size());
    String host = drfHost == null ? uri().toString() : drfHost;
    String base = host + "/drf/issues?" + keep(q, "page") + "page=";
    int from = (page - 1) * per;
    if (from + per < all.size()) {
      body.put("next", base + (page + 1));
    } else {
      body.putNull("next");
    }
    if (page > 1) {
      body.put("previous", base + (page - 1));
    } else {
      body.putNull("previous");
    }
    ArrayNode results = body.putArray("results");
    for (int i = from; i < Math.min(all.size(), from + per); i++) {
      results.add(all.get(i));
    }
    listAnswer(ex, body.toString(), null);
  }

  private void listAnswer(HttpExchange ex, String body, String link) throws Exception {
    CountDownLatch hold = holdLists;
    if (hold != null) {
      CountDownLatch computed = listComputed;
      if (computed != null) {
        computed.countDown();
      }
      if (!hold.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("held list never released");
      }
    }
    UnaryOperator<String> m = mangle;
    send(ex, 200, m == null ? body : m.apply(body), link);
  }

  private void patch(HttpExchange ex, String id) throws IOException {
    ObjectNode change =
        (ObjectNode) JSON.readTree(new String(ex.getRequestBody().readAllBytes(), UTF8));
    String out;
    synchronized (this) {
      ObjectNode row = rows.get(id);
      if (row == null) {
        send(ex, 404, "{\"message\":\"Not Found\"}", null);
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
      row.put("updatedAt", version++);
      out = row.toString();
    }
    send(ex, 200, out, null);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static void send(HttpExchange ex, int status, String body, String link)
      throws IOException {
    byte[] bytes = body.getBytes(UTF8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (link != null && !link.isEmpty()) {
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

  private static String keep(Map<String, List<String>> q, String... drop) {
    StringBuilder b = new StringBuilder();
    q.forEach(
        (k, vs) -> {
          if (!List.of(drop).contains(k)) {
            vs.forEach(
                v ->
                    b.append(java.net.URLEncoder.encode(k, UTF8))
                        .append('=')
                        .append(java.net.URLEncoder.encode(v, UTF8))
                        .append('&'));
          }
        });
    return b.toString();
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
    CountDownLatch hold = holdLists;
    if (hold != null) {
      hold.countDown();
    }
    server.stop(0);
    pool.shutdownNow();
  }
}
