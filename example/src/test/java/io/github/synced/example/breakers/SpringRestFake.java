package io.github.synced.example.breakers;

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
 * Spring Data REST habits: HAL lists with _links.next, no id or version in bodies, ETag versions,
 * strict If-Match (412 with an empty body and an ETag echoing the sent value), POST with an id →
 * 409, POST without → 201 + Location, Idempotency-Key ignored, DELETE → 204.
 */
final class SpringRestFake implements Wire.Handler {
  static final class Row {
    String title;
    boolean done;
    long version;
  }

  final Map<Long, Row> rows = new TreeMap<>();
  private long nextId = 1;
  volatile String base = "";
  final int pageSize;

  /** Drop the next n POSTs before committing them. */
  final AtomicInteger dropPostsUncommitted = new AtomicInteger();

  /** Commit the next n POSTs and drop their answers. */
  final AtomicInteger dropPosts = new AtomicInteger();

  /** When set, a list GET of page 0 captures all pages at arrival, signals, answers later. */
  volatile CountDownLatch readRelease;

  final CountDownLatch readArrived = new CountDownLatch(1);
  private List<ObjectNode> frozen;

  SpringRestFake(int pageSize) {
    this.pageSize = pageSize;
  }

  synchronized long add(String title) {
    Row r = new Row();
    r.title = title;
    rows.put(nextId, r);
    return nextId++;
  }

  synchronized Row row(long id) {
    return rows.get(id);
  }

  synchronized void secondWriterSetsDone(long id) {
    Row r = rows.get(id);
    r.done = true;
    r.version++;
  }

  synchronized void secondWriterSetsTitle(long id, String title) {
    Row r = rows.get(id);
    r.title = title;
    r.version++;
  }

  private ObjectNode item(long id, Row r) {
    ObjectNode n = Wire.JSON.createObjectNode();
    n.put("title", r.title);
    n.put("done", r.done);
    ObjectNode links = n.putObject("_links");
    links.putObject("self").put("href", base + "/tasks/" + id);
    links.putObject("task").put("href", base + "/tasks/" + id);
    return n;
  }

  @Override
  public void handle(Wire.Req req, HttpExchange ex) throws Exception {
    String[] parts = req.path().split("/");
    Long id = parts.length > 2 ? Long.valueOf(parts[2]) : null;
    switch (req.method()) {
      case "GET" -> {
        if (id == null) {
          list(req, ex);
          return;
        }
        Row r;
        String out;
        synchronized (this) {
          r = rows.get(id);
          out = r == null ? null : item(id, r).toString();
          if (r != null) {
            Wire.send(ex, 200, out, "ETag", "\"" + r.version + "\"");
            return;
          }
        }
        Wire.send(ex, 404, null);
      }
      case "POST" -> {
        if (FakeUtil.take(dropPostsUncommitted)) {
          Wire.drop(ex);
          return;
        }
        ObjectNode body = (ObjectNode) req.json();
        if (body.has("id") && !body.get("id").isNull()) {
          Wire.send(ex, 409, "{\"message\":\"Could not commit changes!\"}");
          return;
        }
        long newId;
        String out;
        long version;
        synchronized (this) {
          Row r = new Row();
          r.title = body.path("title").asText(null);
          r.done = body.path("done").asBoolean(false);
          r.version = body.has("version") ? body.get("version").asLong() : 0;
          newId = nextId++;
          rows.put(newId, r);
          out = item(newId, r).toString();
          version = r.version;
        }
        if (FakeUtil.take(dropPosts)) {
          Wire.drop(ex);
          return;
        }
        Wire.send(
            ex, 201, out, "Location", base + "/tasks/" + newId, "ETag", "\"" + version + "\"");
      }
      case "PATCH" -> {
        String out;
        long version;
        synchronized (this) {
          Row r = rows.get(id);
          if (r == null) {
            Wire.send(ex, 404, null);
            return;
          }
          if (req.ifMatch() != null && !req.ifMatch().equals("\"" + r.version + "\"")) {
            Wire.send(ex, 412, "", "ETag", req.ifMatch());
            return;
          }
          ObjectNode body = (ObjectNode) req.json();
          if (body.has("title")) {
            r.title = body.get("title").asText(null);
          }
          if (body.has("done")) {
            r.done = body.get("done").asBoolean();
          }
          r.version++;
          out = item(id, r).toString();
          version = r.version;
        }
        Wire.send(ex, 200, out, "ETag", "\"" + version + "\"");
      }
      case "DELETE" -> {
        boolean had;
        synchronized (this) {
          had = rows.remove(id) != null;
        }
        Wire.send(ex, had ? 204 : 404, null);
      }
      default -> Wire.send(ex, 405, null);
    }
  }

  private void list(Wire.Req req, HttpExchange ex) throws Exception {
    int page = 0;
    if (req.query() != null) {
      for (String kv : req.query().split("&")) {
        if (kv.startsWith("page=")) {
          page = Integer.parseInt(kv.substring(5));
        }
      }
    }
    ObjectNode out = Wire.JSON.createObjectNode();
    ArrayNode items = out.putObject("_embedded").putArray("tasks");
    List<ObjectNode> all = new ArrayList<>();
    synchronized (this) {
      if (page == 0 || frozen == null) {
        frozen = null;
        rows.forEach((id, r) -> all.add(item(id, r)));
      } else {
        all.addAll(frozen);
      }
    }
    CountDownLatch release = readRelease;
    if (page == 0 && release != null) {
      readRelease = null;
      synchronized (this) {
        frozen = all;
      }
      readArrived.countDown();
      if (!release.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    }
    int total = all.size();
    for (int i = page * pageSize; i < Math.min(total, (page + 1) * pageSize); i++) {
      items.add(all.get(i));
    }
    int pages = (total + pageSize - 1) / pageSize;
    ObjectNode links = out.putObject("_links");
    links.putObject("self").put("href", base + "/tasks?page=" + page + "&size=" + pageSize);
    if (page + 1 < pages) {
      links.putObject("next").put("href", base + "/tasks?page=" + (page + 1) + "&size=" + pageSize);
    }
    links.putObject("profile").put("href", base + "/profile/tasks");
    ObjectNode p = out.putObject("page");
    p.put("size", pageSize);
    p.put("totalElements", total);
    p.put("totalPages", pages);
    p.put("number", page);
    Wire.send(ex, 200, out.toString());
  }
}
