package io.github.synced.example.breakers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A versioned task server (version in the body field updatedAt, If-Match honoured strictly, 412
 * answers the current entity). Writes can be answered whole, with only the version, or with 204;
 * Stripe mode honours Idempotency-Key and refuses a key reused with a different body (422).
 */
final class VersionedFake implements Wire.Handler {
  enum Shape {
    WHOLE,
    VERSION_ONLY,
    NO_CONTENT
  }

  enum Fault {
    DROP_AFTER_COMMIT,
    UNAVAILABLE,
    REJECT
  }

  final Map<String, ObjectNode> rows = new TreeMap<>();
  private long clock = 1;
  private int nextId = 1;
  volatile Shape shape = Shape.WHOLE;
  volatile boolean stripe;
  final List<String> refusedKeys = new ArrayList<>();
  private final Map<String, String[]> keys = new TreeMap<>(); // key -> {body, status, answer}
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<String> applied = new ArrayList<>();

  /** When set, a list GET captures the state at arrival, signals, and answers after release. */
  volatile java.util.concurrent.CountDownLatch readRelease;

  final java.util.concurrent.CountDownLatch readArrived =
      new java.util.concurrent.CountDownLatch(1);

  /** Chooses a fault for a write when the queue is empty (deterministic in the request). */
  volatile java.util.function.Function<Wire.Req, Fault> faultFor = r -> null;

  /** Answers (after commit) matching this are held until it returns false. */
  volatile Predicate<Wire.Req> holdAnswer = r -> false;

  /** Runs after a write was committed and before its connection is dropped (another writer). */
  volatile Runnable beforeDrop = () -> {};

  /** Told of every write answer sent. */
  volatile java.util.function.BiConsumer<Wire.Req, Integer> answered = (r, s) -> {};

  /** Writes matching this are held until it returns true for them (set by a test). */
  volatile Predicate<Wire.Req> hold = r -> false;

  synchronized void fault(Fault... f) {
    faults.addAll(List.of(f));
  }

  synchronized ObjectNode put(String id, String title, boolean done) {
    ObjectNode row = Wire.JSON.createObjectNode();
    row.put("id", id);
    row.put("title", title);
    row.put("done", done);
    row.put("updatedAt", clock++);
    rows.put(id, row);
    return row;
  }

  /** A second writer changes a field behind the client's back. */
  synchronized void secondWriter(String id, String field, boolean value) {
    ObjectNode row = rows.get(id);
    row.put(field, value);
    row.put("updatedAt", clock++);
  }

  synchronized ObjectNode row(String id) {
    return rows.get(id).deepCopy();
  }

  synchronized List<String> applied() {
    return List.copyOf(applied);
  }

  @Override
  public void handle(Wire.Req req, HttpExchange ex) throws Exception {
    String[] parts = req.path().split("/");
    String id = parts.length > 2 ? parts[2] : null;
    if (req.method().equals("GET")) {
      String out;
      int status = 200;
      synchronized (this) {
        if (id == null) {
          ArrayNode all = Wire.JSON.createArrayNode();
          rows.values().forEach(all::add);
          out = all.toString();
        } else {
          ObjectNode row = rows.get(id);
          status = row == null ? 404 : 200;
          out = row == null ? "{\"error\":\"not found\"}" : row.toString();
        }
      }
      java.util.concurrent.CountDownLatch release = readRelease;
      if (id == null && release != null) {
        readRelease = null;
        readArrived.countDown();
        if (!release.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      }
      Wire.send(ex, status, out);
      return;
    }
    while (hold.test(req)) {
      Thread.sleep(5); // server-side ordering only: released by the test's predicate
    }
    Fault fault;
    synchronized (this) {
      fault = faults.poll();
    }
    if (fault == null) {
      fault = faultFor.apply(req);
    }
    if (fault == Fault.UNAVAILABLE) {
      Wire.send(ex, 503, "{\"error\":\"unavailable\"}", "Retry-After", "1");
      return;
    }
    if (fault == Fault.REJECT) {
      Wire.send(ex, 422, "{\"message\":\"refused by validation\"}");
      return;
    }
    String[] replay = null;
    synchronized (this) {
      if (stripe && req.key() != null && keys.containsKey(req.key())) {
        replay = keys.get(req.key());
        if (!replay[0].equals(req.body())) {
          refusedKeys.add(req.key());
          replay =
              new String[] {
                req.body(),
                "422",
                "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent"
                    + " requests can only be used with the same parameters they were first used"
                    + " with.\"}}"
              };
        }
      }
    }
    if (replay != null) {
      Wire.send(ex, Integer.parseInt(replay[1]), replay[2].isEmpty() ? null : replay[2]);
      return;
    }
    int status;
    String out;
    synchronized (this) {
      String[] answer = write(req, id);
      status = Integer.parseInt(answer[0]);
      out = answer[1];
      if (stripe && req.key() != null) {
        keys.put(req.key(), new String[] {req.body(), answer[0], out == null ? "" : out});
      }
    }
    if (fault == Fault.DROP_AFTER_COMMIT) {
      beforeDrop.run();
      Wire.drop(ex);
      return;
    }
    while (holdAnswer.test(req)) {
      Thread.sleep(5); // server-side ordering only: the answer waits for the test's predicate
    }
    Wire.send(ex, status, out);
    answered.accept(req, status);
  }

  private String[] write(Wire.Req req, String id) {
    switch (req.method()) {
      case "POST" -> {
        ObjectNode body = (ObjectNode) req.json();
        JsonNode sent = body.get("id");
        String newId = sent == null || sent.isNull() ? "s" + nextId++ : sent.asText();
        body.put("id", newId);
        body.put("updatedAt", clock++);
        rows.put(newId, body);
        applied.add("POST " + newId + " " + req.body());
        return new String[] {shape == Shape.NO_CONTENT ? "204" : "201", answer(body)};
      }
      case "PATCH" -> {
        ObjectNode row = rows.get(id);
        if (row == null) {
          return new String[] {"404", "{\"error\":\"not found\"}"};
        }
        ObjectNode body = (ObjectNode) req.json();
        String expected = req.ifMatch();
        if (expected == null && body.has("updatedAt")) {
          expected = body.get("updatedAt").asText();
        }
        if (expected != null) {
          expected = expected.replace("W/", "").replace("\"", "");
          if (!expected.equals(row.get("updatedAt").asText())) {
            return new String[] {"412", row.toString()};
          }
        }
        body.remove("id");
        body.remove("updatedAt");
        row.setAll(body);
        row.put("updatedAt", clock++);
        applied.add("PATCH " + id + " " + req.body());
        return new String[] {shape == Shape.NO_CONTENT ? "204" : "200", answer(row)};
      }
      case "DELETE" -> {
        if (rows.remove(id) == null) {
          return new String[] {"404", "{\"error\":\"not found\"}"};
        }
        applied.add("DELETE " + id);
        return new String[] {"204", null};
      }
      default -> {
        return new String[] {"405", "{}"};
      }
    }
  }

  private String answer(ObjectNode row) {
    return switch (shape) {
      case WHOLE -> row.toString();
      case VERSION_ONLY -> "{\"updatedAt\":" + row.get("updatedAt").asLong() + "}";
      case NO_CONTENT -> null;
    };
  }
}
