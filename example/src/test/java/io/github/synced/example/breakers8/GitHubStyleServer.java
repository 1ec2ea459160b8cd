package io.github.synced.example.breakers8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.synced.example.breakers.Wire;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server in the habits of GitHub's REST API, on the breakers' loopback {@link Wire}: numeric ids
 * assigned by the server, {@code ETag} on every entity answer, {@code If-Match} on PATCH/DELETE
 * answered 412 with GitHub's error body (not the entity), 422 "Validation Failed" with an {@code
 * errors} array, 201 + Location on create, 204 on delete, a {@code version} in the body too. It
 * does NOT honour Idempotency-Key (GitHub does not). One-shot rules inject faults. From the outside
 * tester of issue 8.
 */
final class GitHubStyleServer implements Wire.Handler, AutoCloseable {
  /** What a one-shot rule does to the request it matches. */
  sealed interface Action {}

  /** Answer with this status, body and headers (name, value, ...) without applying the request. */
  record Fail(int status, String body, List<String> headers) implements Action {
    Fail(int status, String body) {
      this(status, body, List.of());
    }
  }

  /** Handle the request (apply or refuse it), then break the connection mid-body. */
  record DropAfterCommit() implements Action {}

  /** Say it arrived ({@code reached}), then wait for {@code release} before handling it at all. */
  record HoldBefore(CompletableFuture<Void> reached, CountDownLatch release) implements Action {
    HoldBefore() {
      this(new CompletableFuture<>(), new CountDownLatch(1));
    }
  }

  /** Apply the request, say so ({@code reached}), wait for {@code release}, then answer late. */
  record HoldAnswer(CompletableFuture<Void> reached, CountDownLatch release) implements Action {
    HoldAnswer() {
      this(new CompletableFuture<>(), new CountDownLatch(1));
    }
  }

  private record Rule(Predicate<Wire.Req> when, Action action) {}

  private record Answer(int status, String body, List<String> headers) {
    Answer(int status, String body) {
      this(status, body, List.of());
    }
  }

  private final Wire wire;
  private final TreeMap<Long, ObjectNode> rows = new TreeMap<>();
  private final List<Rule> rules = new ArrayList<>();
  private long nextId = 1;
  private long nextVersion = 1;

  GitHubStyleServer() throws IOException {
    wire = new Wire(this);
  }

  URI uri() {
    return wire.uri();
  }

  List<Wire.Req> requests() {
    return wire.requests();
  }

  /** One-shot: the first request that matches gets the action. */
  synchronized <A extends Action> A once(Predicate<Wire.Req> when, A action) {
    rules.add(new Rule(when, action));
    return action;
  }

  synchronized void seed(String name, String description, int stars) {
    ObjectNode row = Wire.JSON.createObjectNode();
    long id = nextId++;
    row.put("id", id);
    row.put("name", name);
    row.put("description", description);
    row.put("stars", stars);
    row.put("archived", false);
    row.put("version", nextVersion++);
    rows.put(id, row);
  }

  /** A second writer (another browser tab) changes one field. */
  synchronized void editBehindTheClient(long id, String field, Object value) {
    ObjectNode row = rows.get(id);
    row.set(field, Wire.JSON.valueToTree(value));
    row.put("version", nextVersion++);
  }

  synchronized Map<Long, ObjectNode> rows() {
    Map<Long, ObjectNode> copy = new TreeMap<>();
    rows.forEach((k, v) -> copy.put(k, v.deepCopy()));
    return copy;
  }

  private synchronized Action take(Wire.Req req) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.when().test(req)) {
        it.remove();
        return r.action();
      }
    }
    return null;
  }

  @Override
  public void handle(Wire.Req req, HttpExchange ex) throws IOException {
    Action action = take(req);
    if (action instanceof HoldBefore h) {
      h.reached().complete(null);
      await(h.release());
    }
    if (action instanceof Fail f) {
      Wire.send(ex, f.status(), f.body(), f.headers().toArray(String[]::new));
      return;
    }
    Answer answer;
    synchronized (this) {
      answer = apply(req);
    }
    if (action instanceof DropAfterCommit) {
      ex.sendResponseHeaders(answer.status(), 10_000);
      OutputStream out = ex.getResponseBody();
      out.write("{\"id\":".getBytes(StandardCharsets.UTF_8));
      out.flush();
      Wire.drop(ex); // a truncated body: the client cannot tell what happened
      return;
    }
    if (action instanceof HoldAnswer h) {
      h.reached().complete(null);
      await(h.release());
    }
    Wire.send(ex, answer.status(), answer.body(), answer.headers().toArray(String[]::new));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Answer error(int status, String message) {
    return new Answer(
        status,
        "{\"message\":\"" + message + "\",\"documentation_url\":\"https://docs.github.com/rest\"}");
  }

  private static Answer entity(int status, ObjectNode row, String... more) {
    List<String> headers = new ArrayList<>(List.of("ETag", etag(row)));
    headers.addAll(List.of(more));
    return new Answer(status, row.toString(), headers);
  }

  private static String etag(ObjectNode row) {
    return "\"" + row.get("version").asLong() + "\"";
  }

  private Answer apply(Wire.Req req) throws IOException {
    String[] parts = req.path().split("/", -1); // "", "repos", [id]
    if (parts.length == 2) {
      return switch (req.method()) {
        case "GET" -> {
          ArrayNode all = Wire.JSON.createArrayNode();
          rows.values().forEach(all::add);
          yield new Answer(200, all.toString());
        }
        case "POST" -> create(req.json());
        default -> error(405, "Method Not Allowed");
      };
    }
    ObjectNode row;
    try {
      row = rows.get(Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      row = null;
    }
    if (row == null) {
      return error(404, "Not Found");
    }
    String ifMatch = req.ifMatch();
    if (!req.method().equals("GET")
        && ifMatch != null
        && !ifMatch.equals(etag(row))
        && !ifMatch.equals("*")) {
      return error(412, "Precondition Failed");
    }
    return switch (req.method()) {
      case "GET" -> entity(200, row);
      case "PATCH" -> patch(row, req.json());
      case "DELETE" -> {
        rows.remove(row.get("id").asLong());
        yield new Answer(204, null);
      }
      default -> error(405, "Method Not Allowed");
    };
  }

  private Answer create(JsonNode in) {
    if (in.has("id") && in.get("id").asLong() != 0) {
      return error(422, "Validation Failed: id is read-only");
    }
    ObjectNode row = Wire.JSON.createObjectNode();
    long id = nextId++;
    row.put("id", id);
    row.put("name", in.path("name").asText());
    row.put("description", in.path("description").asText(null));
    row.put("stars", in.path("stars").asInt());
    row.put("archived", in.path("archived").asBoolean());
    row.put("version", nextVersion++);
    rows.put(id, row);
    return entity(201, row, "Location", "/repos/" + id);
  }

  private Answer patch(ObjectNode row, JsonNode patch) {
    for (Map.Entry<String, JsonNode> f : patch.properties()) {
      if (f.getKey().equals("name") && f.getValue().asText("").length() > 100) {
        return new Answer(
            422,
            "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Repository\","
                + "\"field\":\"name\",\"code\":\"too_long\"}]}");
      }
    }
    for (Map.Entry<String, JsonNode> f : patch.properties()) {
      if (!f.getKey().equals("id") && !f.getKey().equals("version")) {
        row.set(f.getKey(), f.getValue());
      }
    }
    row.put("version", nextVersion++);
    return entity(200, row);
  }

  @Override
  public void close() {
    wire.close();
  }
}
