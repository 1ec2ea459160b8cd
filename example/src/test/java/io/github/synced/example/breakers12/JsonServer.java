package io.github.synced.example.breakers12;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A small REST server of one collection of JSON documents, with the habits of real public APIs
 * switchable per test: answers that leave properties out, reorder nested arrays or add server-made
 * elements; If-Match checked (412 with the current document) or ignored; validation with 422;
 * answers dropped after applying; 204 answers; a gate that holds writes.
 */
final class JsonServer implements AutoCloseable {
  final ObjectMapper mapper = new ObjectMapper();
  private final HttpServer http;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final String collection;
  private final boolean versioned;
  private final boolean numericIds;
  private final Map<String, ObjectNode> rows = new LinkedHashMap<>();
  private long nextId;

  /** Shapes a write's answer (a copy of the stored document) before it is sent. */
  volatile UnaryOperator<ObjectNode> answerShape = UnaryOperator.identity();

  /** Run on every stored document after a write (server-made elements, renumbering). */
  volatile Consumer<ObjectNode> normalizer = n -> {};

  /** A refusal text for a document as a write would leave it (422), or null. */
  volatile Function<ObjectNode, String> validator = n -> null;

  /** Whether If-Match is checked on PATCH. */
  volatile boolean checkIfMatch = true;

  /** How many of the next writes are answered 503 without being applied. */
  volatile int unavailable;

  /** DELETEs refused with 403. */
  volatile boolean refuseDeletes;

  /** Writes answered 204 with no body. */
  volatile boolean emptyAnswers;

  /** How many of the next writes are applied and then answered with a broken connection. */
  volatile int dropAfterApplying;

  /** Run (under the server's lock) right after a write was applied, before it is answered. */
  volatile Runnable afterApply = () -> {};

  /** When set, each write waits for it before it is handled. */
  volatile CountDownLatch gate;

  /** Every request: "METHOD path If-Match body". */
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  JsonServer(String collection, boolean versioned, boolean numericIds, long firstId) {
    this.collection = collection;
    this.versioned = versioned;
    this.numericIds = numericIds;
    this.nextId = firstId;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    http.setExecutor(pool);
    http.createContext(collection, this::handle);
    http.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  synchronized void put(String json) {
    try {
      ObjectNode node = (ObjectNode) mapper.readTree(json);
      rows.put(node.get("id").asText(), node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Another writer changes a document (its version moves on). */
  synchronized void otherWriter(String id, Consumer<ObjectNode> change) {
    ObjectNode node = rows.get(id);
    change.accept(node);
    bump(node);
  }

  synchronized ObjectNode row(String id) {
    ObjectNode node = rows.get(id);
    return node == null ? null : node.deepCopy();
  }

  synchronized int size() {
    return rows.size();
  }

  private void bump(ObjectNode node) {
    if (versioned) {
      node.put("version", node.path("version").asLong() + 1);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String ifMatch = ex.getRequestHeaders().getFirst("If-Match");
      requests.add(method + " " + path + " " + ifMatch + " " + body);
      String id =
          path.length() > collection.length() + 1 ? path.substring(collection.length() + 1) : null;
      boolean write = !method.equals("GET");
      CountDownLatch g = gate;
      if (write && g != null && !g.await(10, TimeUnit.SECONDS)) {
        send(ex, 503, "{\"error\":\"gate never opened\"}");
        return;
      }
      if (write && unavailable > 0) {
        synchronized (this) {
          unavailable--;
        }
        afterApply.run();
        send(ex, 503, "{\"error\":\"try again\"}");
        return;
      }
      Answer answer;
      synchronized (this) {
        answer = answer(method, id, body, ifMatch);
        if (write && answer.status < 300) {
          afterApply.run();
        }
      }
      if (write && answer.status < 300 && dropAfterApplying > 0) {
        synchronized (this) {
          dropAfterApplying--;
        }
        ex.sendResponseHeaders(200, 1000);
        ex.getResponseBody().write('{');
        ex.getResponseBody().flush();
        ex.close();
        return;
      }
      send(ex, answer.status, answer.body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(ex, 500, "{}");
    } catch (RuntimeException e) {
      send(ex, 500, mapper.createObjectNode().put("error", e.toString()).toString());
    }
  }

  private record Answer(int status, String body) {}

  private Answer answer(String method, String id, String body, String ifMatch) throws IOException {
    switch (method) {
      case "GET" -> {
        if (id == null) {
          ArrayNode all = mapper.createArrayNode();
          rows.values().forEach(all::add);
          return new Answer(200, all.toString());
        }
        ObjectNode node = rows.get(id);
        return node == null
            ? new Answer(404, "{\"error\":\"not found\"}")
            : new Answer(200, node.toString());
      }
      case "PATCH" -> {
        ObjectNode node = rows.get(id);
        if (node == null) {
          return new Answer(404, "{\"error\":\"not found\"}");
        }
        if (versioned && checkIfMatch && ifMatch != null && !matches(ifMatch, node)) {
          return new Answer(412, node.toString());
        }
        ObjectNode next = node.deepCopy();
        ObjectNode patch = (ObjectNode) mapper.readTree(body);
        for (Map.Entry<String, JsonNode> f : patch.properties()) {
          if (!f.getKey().equals("id") && !f.getKey().equals("version")) {
            next.set(f.getKey(), f.getValue());
          }
        }
        normalizer.accept(next);
        String refusal = validator.apply(next);
        if (refusal != null) {
          return new Answer(422, mapper.createObjectNode().put("error", refusal).toString());
        }
        bump(next);
        rows.put(id, next);
        return written(next, 200);
      }
      case "POST" -> {
        ObjectNode next = (ObjectNode) mapper.readTree(body);
        if (!next.hasNonNull("id")) {
          long made = nextId++;
          if (numericIds) {
            next.put("id", made);
          } else {
            next.put("id", "n" + made);
          }
        }
        if (versioned) {
          next.put("version", 1);
        }
        normalizer.accept(next);
        String refusal = validator.apply(next);
        if (refusal != null) {
          return new Answer(422, mapper.createObjectNode().put("error", refusal).toString());
        }
        rows.put(next.get("id").asText(), next);
        return written(next, 201);
      }
      case "DELETE" -> {
        if (refuseDeletes) {
          return new Answer(403, "{\"error\":\"an issue with sub-issues cannot be deleted\"}");
        }
        return rows.remove(id) == null ? new Answer(404, "{}") : new Answer(204, "");
      }
      default -> {
        return new Answer(405, "{}");
      }
    }
  }

  /** Assigns numeric ids from the server's counter to the elements of {@code array} without one. */
  synchronized void assignIds(ArrayNode array) {
    for (JsonNode e : array) {
      if (!e.hasNonNull("id")) {
        ((ObjectNode) e).put("id", nextId++);
      }
    }
  }

  private Answer written(ObjectNode stored, int status) {
    if (emptyAnswers) {
      return new Answer(204, "");
    }
    return new Answer(status, answerShape.apply(stored.deepCopy()).toString());
  }

  private static boolean matches(String ifMatch, ObjectNode node) {
    String v = node.path("version").asText();
    for (String part : ifMatch.split(",")) {
      String p = part.trim();
      if (p.equals("*")) {
        return true;
      }
      if (p.startsWith("W/")) {
        p = p.substring(2);
      }
      p = p.replace("\"", "");
      if (p.equals(v)) {
        return true;
      }
    }
    return false;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (status == 204 || bytes.length == 0) {
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }
}
