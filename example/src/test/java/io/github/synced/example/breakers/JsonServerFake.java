package io.github.synced.example.breakers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * json-server 0.17 habits: numeric ids assigned on POST (a sent id is kept), no versions, PATCH
 * answers the whole entity, DELETE answers {}, _page/_limit with a Link header, Idempotency-Key
 * ignored.
 */
final class JsonServerFake implements Wire.Handler {
  final Map<Long, ObjectNode> rows = new TreeMap<>();
  private long nextId = 1;
  volatile String base = "";

  /** Commit the next n POSTs and drop their answers. */
  final AtomicInteger dropPosts = new AtomicInteger();

  /** Commit the next n PATCHes and drop their answers. */
  final AtomicInteger dropPatches = new AtomicInteger();

  /** After a drop, answer this many writes with 503 Retry-After: 1. */
  final AtomicInteger unavailableWrites = new AtomicInteger();

  /** When set, a list GET captures the state at arrival, signals, and answers after release. */
  volatile CountDownLatch readRelease;

  final CountDownLatch readArrived = new CountDownLatch(1);

  /** Runs once after page 1 of a paged list has been answered (a second writer). */
  volatile Runnable afterPage1;

  /** Commit the next n DELETEs and drop their answers. */
  final AtomicInteger dropDeletes = new AtomicInteger();

  /** Drop the next n POSTs before committing them. */
  final AtomicInteger dropPostsUncommitted = new AtomicInteger();

  synchronized ObjectNode put(long id, String field, String value) {
    ObjectNode row = Wire.JSON.createObjectNode();
    row.put("id", id);
    row.put(field, value);
    rows.put(id, row);
    nextId = Math.max(nextId, id + 1);
    return row;
  }

  synchronized int size() {
    return rows.size();
  }

  static boolean take(AtomicInteger n) {
    return n.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
  }

  @Override
  public void handle(Wire.Req req, HttpExchange ex) throws Exception {
    String[] parts = req.path().split("/");
    Long id = parts.length > 2 ? Long.valueOf(parts[2]) : null;
    switch (req.method()) {
      case "GET" -> get(req, ex, id);
      case "POST" -> {
        if (take(dropPostsUncommitted)) {
          Wire.drop(ex);
          return;
        }
        if (dropPosts.get() == 0 && take(unavailableWrites)) {
          Wire.send(ex, 503, "{\"error\":\"unavailable\"}", "Retry-After", "1");
          return;
        }
        String out;
        synchronized (this) {
          ObjectNode body = (ObjectNode) req.json();
          JsonNode sent = body.get("id");
          long newId = sent == null || sent.isNull() ? nextId++ : Long.parseLong(sent.asText());
          if (rows.containsKey(newId)) {
            out = null;
          } else {
            nextId = Math.max(nextId, newId + 1);
            body.put("id", newId);
            rows.put(newId, body);
            out = body.toString();
          }
        }
        if (out == null) {
          Wire.send(ex, 500, "{\"error\":\"Insert failed, duplicate id\"}");
          return;
        }
        if (take(dropPosts)) {
          Wire.drop(ex);
          return;
        }
        Wire.send(ex, 201, out);
      }
      case "PATCH", "PUT" -> {
        if (dropPatches.get() == 0 && take(unavailableWrites)) {
          Wire.send(ex, 503, "{\"error\":\"unavailable\"}", "Retry-After", "1");
          return;
        }
        String out;
        synchronized (this) {
          ObjectNode row = rows.get(id);
          if (row == null) {
            Wire.send(ex, 404, "{}");
            return;
          }
          ObjectNode body = (ObjectNode) req.json();
          body.remove("id");
          row.setAll(body);
          out = row.toString();
        }
        if (take(dropPatches)) {
          Wire.drop(ex);
          return;
        }
        Wire.send(ex, 200, out);
      }
      case "DELETE" -> {
        boolean had;
        synchronized (this) {
          had = rows.remove(id) != null;
        }
        if (had && take(dropDeletes)) {
          Wire.drop(ex);
          return;
        }
        Wire.send(ex, had ? 200 : 404, "{}");
      }
      default -> Wire.send(ex, 405, "{}");
    }
  }

  private void get(Wire.Req req, HttpExchange ex, Long id) throws Exception {
    if (id != null) {
      String out;
      synchronized (this) {
        ObjectNode row = rows.get(id);
        out = row == null ? null : row.toString();
      }
      Wire.send(ex, out == null ? 404 : 200, out == null ? "{}" : out);
      return;
    }
    List<ObjectNode> all;
    synchronized (this) {
      all = new ArrayList<>();
      rows.values().forEach(r -> all.add(r.deepCopy()));
    }
    CountDownLatch release = readRelease;
    if (release != null) {
      readRelease = null;
      readArrived.countDown();
      if (!release.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("slow read never released");
      }
    }
    Map<String, String> q = new TreeMap<>();
    if (req.query() != null) {
      for (String kv : req.query().split("&")) {
        String[] p = kv.split("=", 2);
        q.put(p[0], p.length > 1 ? p[1] : "");
      }
    }
    ArrayNode out = Wire.JSON.createArrayNode();
    if (!q.containsKey("_page")) {
      all.forEach(out::add);
      Wire.send(ex, 200, out.toString());
      return;
    }
    int page = Integer.parseInt(q.get("_page"));
    int limit = Integer.parseInt(q.getOrDefault("_limit", "10"));
    int last = Math.max(1, (all.size() + limit - 1) / limit);
    for (int i = (page - 1) * limit; i < Math.min(all.size(), page * limit); i++) {
      out.add(all.get(i));
    }
    String self = base + req.path() + "?_page=";
    StringBuilder link = new StringBuilder();
    link.append('<').append(self).append("1&_limit=").append(limit).append(">; rel=\"first\"");
    if (page > 1) {
      link.append(", <").append(self).append(page - 1).append("&_limit=").append(limit);
      link.append(">; rel=\"prev\"");
    }
    if (page < last) {
      link.append(", <").append(self).append(page + 1).append("&_limit=").append(limit);
      link.append(">; rel=\"next\"");
    }
    link.append(", <").append(self).append(last).append("&_limit=").append(limit);
    link.append(">; rel=\"last\"");
    Wire.send(ex, 200, out.toString(), "Link", link.toString(), "X-Total-Count", "" + all.size());
  }
}
