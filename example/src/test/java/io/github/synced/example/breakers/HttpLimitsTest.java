package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HTTP limits: trickled bodies, huge bodies, dot-segment and special ids. */
class HttpLimitsTest {
  private final VirtualScheduler clock = new VirtualScheduler();

  private static final String ROW =
      "{\"id\":\"t1\",\"title\":\"Buy milk\",\"done\":false,\"updatedAt\":1}";

  private static void trickle(HttpExchange ex, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        Thread.sleep(100); // the fault: one byte every 100 ms, far past the client's deadline
      }
    } catch (java.io.IOException gone) {
      // the client gave up: what we want
    }
  }

  private SyncStore<String, BTask> store(HttpRemote.Builder<String, BTask> b) {
    return SyncStore.of(BTaskSync.TYPE)
        .remote(b.build())
        .scheduler(clock)
        .retry(Drive.retry())
        .notifyOn(Runnable::run)
        .build();
  }

  @Test
  void trickledWriteAnswerCannotHoldAMutation() throws Exception {
    AtomicInteger patches = new AtomicInteger();
    try (Wire wire =
        new Wire(
            (req, ex) -> {
              String v2 = "{\"id\":\"t1\",\"title\":\"Oat\",\"done\":false,\"updatedAt\":2}";
              if (req.method().equals("GET")) {
                boolean written = patches.get() > 0;
                String row = written ? v2 : ROW;
                Wire.send(ex, 200, req.path().endsWith("/t1") ? row : "[" + row + "]");
              } else if (patches.incrementAndGet() == 1) {
                trickle(ex, v2); // committed, answer trickles
              } else {
                Wire.send(ex, 200, v2);
              }
            })) {
      SyncStore<String, BTask> store =
          store(
              HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson())
                  .requestTimeout(Duration.ofMillis(500)));
      Drive.until(clock, store.refetch(), "refetch");
      Mutation<String, BTask> m = new BTaskMutations(store).update("t1", p -> p.title("Oat"));
      Drive.settled(clock, m); // fails the test if the trickle holds it for ~12 s
      Drive.idle(clock, store);
      assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
      assertEquals("Oat", store.get("t1").orElseThrow().title);
    }
  }

  @Test
  void trickledListFailsTheRefetchClearly() throws Exception {
    try (Wire wire = new Wire((req, ex) -> trickle(ex, "[" + ROW + "]"))) {
      SyncStore<String, BTask> store =
          store(
              HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson())
                  .requestTimeout(Duration.ofMillis(500)));
      CompletableFuture<Void> r = store.refetch();
      Drive.until(clock, r, "trickled refetch");
      assertTrue(r.isCompletedExceptionally(), "a refetch past requestTimeout fails");
    }
  }

  @Test
  void hugeListPastMaxResponseBytesFailsClearlyAndLeavesTheStore() throws Exception {
    AtomicInteger gets = new AtomicInteger();
    try (Wire wire =
        new Wire(
            (req, ex) -> {
              if (gets.incrementAndGet() == 1) {
                Wire.send(ex, 200, "[" + ROW + "]");
                return;
              }
              StringBuilder big = new StringBuilder("[");
              for (int i = 0; i < 20_000; i++) {
                big.append("{\"id\":\"x")
                    .append(i)
                    .append("\",\"title\":\"")
                    .append("y".repeat(50));
                big.append("\",\"done\":false,\"updatedAt\":1},");
              }
              big.append(ROW).append(']');
              Wire.send(ex, 200, big.toString());
            })) {
      SyncStore<String, BTask> store =
          store(
              HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson())
                  .maxResponseBytes(64 * 1024));
      Drive.until(clock, store.refetch(), "refetch");
      CompletableFuture<Void> r = store.refetch();
      Drive.until(clock, r, "huge refetch");
      assertTrue(r.isCompletedExceptionally(), "a body past maxResponseBytes fails");
      try {
        r.get();
      } catch (ExecutionException e) {
        String msg = String.valueOf(e.getCause().getMessage());
        assertTrue(
            msg.contains("65536")
                || msg.toLowerCase(java.util.Locale.ROOT).contains("limit")
                || msg.contains("maxResponseBytes"),
            "a clear failure naming the limit: " + e.getCause());
      }
      assertEquals(1, store.all().size(), "the store is unchanged");
    }
  }

  @Test
  void dotSegmentIdsAreRefusedBeforeAnythingIsSent() throws Exception {
    try (Wire wire = new Wire((req, ex) -> Wire.send(ex, 200, "{}"))) {
      SyncStore<String, BTask> store =
          store(HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson()));
      List<Mutation<String, BTask>> ms = new ArrayList<>();
      for (String id : List.of(".", "..", "")) {
        BTask t = new BTask();
        t.id = id;
        t.title = "x";
        t.updatedAt = 1;
        store.receive(t);
        try {
          ms.add(new BTaskMutations(store).update(id, p -> p.title("y")));
        } catch (RuntimeException refusedAtOnce) {
          // acceptable: refused before anything is sent
        }
        try {
          ms.add(new BTaskMutations(store).delete(id));
        } catch (RuntimeException refusedAtOnce) {
          // acceptable
        }
      }
      Drive.idle(clock, store);
      for (Mutation<String, BTask> m : ms) {
        assertEquals(MutationState.ROLLED_BACK, m.state(), m.toString());
      }
      assertEquals(List.of(), wire.requests(), "nothing reached the wire");
    }
  }

  @Test
  void idsWithReservedCharactersArePercentEncoded() throws Exception {
    try (Wire wire =
        new Wire(
            (req, ex) ->
                Wire.send(
                    ex,
                    200,
                    "{\"id\":\""
                        + java.net.URLDecoder.decode(req.segment(), StandardCharsets.UTF_8)
                        + "\",\"title\":\"y\",\"done\":false,\"updatedAt\":2}"))) {
      SyncStore<String, BTask> store =
          store(HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson()));
      for (String id : List.of("a/b", "q?x=1", "h#1", "sp ace", "%2e%2e")) {
        BTask t = new BTask();
        t.id = id;
        t.title = "x";
        t.updatedAt = 1;
        store.receive(t);
        Mutation<String, BTask> m = new BTaskMutations(store).update(id, p -> p.title("y"));
        Drive.settled(clock, m);
      }
      Drive.idle(clock, store);
      List<String> paths = wire.requests().stream().map(r -> r.path() + "?" + r.query()).toList();
      assertEquals(
          List.of(
              "/tasks/a%2Fb?null",
              "/tasks/q%3Fx%3D1?null",
              "/tasks/h%231?null",
              "/tasks/sp%20ace?null",
              "/tasks/%252e%252e?null"),
          paths,
          "each id is one path segment");
    }
  }
}
