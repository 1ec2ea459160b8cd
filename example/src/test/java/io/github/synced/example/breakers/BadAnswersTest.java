package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hostile answers: another id, wrong types, HTML, bad lists, 404s. */
class BadAnswersTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private static final String T1 =
      "{\"id\":\"t1\",\"title\":\"Buy milk\",\"done\":false,\"updatedAt\":1}";
  private static final String T2 =
      "{\"id\":\"t2\",\"title\":\"Walk dog\",\"done\":false,\"updatedAt\":1}";
  private static final String T1V2 =
      "{\"id\":\"t1\",\"title\":\"Oat\",\"done\":false,\"updatedAt\":2}";

  private SyncStore<String, BTask> store(Wire wire) {
    SyncStore<String, BTask> store =
        SyncStore.of(BTaskSync.TYPE)
            .remote(
                HttpRemote.<String, BTask>builder(wire.uri(), "/tasks", new BTaskJson()).build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run)
            .build();
    Drive.until(clock, store.refetch(), "refetch");
    return store;
  }

  /** A server whose first PATCH commits (t1 becomes T1V2) and answers {@code bad}. */
  private Wire server(String bad, AtomicInteger patches) throws Exception {
    return new Wire(
        (req, ex) -> {
          boolean written = patches.get() > 0;
          String t1 = written ? T1V2 : T1;
          if (req.method().equals("GET")) {
            Wire.send(
                ex,
                200,
                req.path().endsWith("/t1")
                    ? t1
                    : req.path().endsWith("/t2") ? T2 : "[" + t1 + "," + T2 + "]");
          } else if (patches.incrementAndGet() == 1) {
            if (bad.startsWith("<")) {
              byte[] b = bad.getBytes(java.nio.charset.StandardCharsets.UTF_8);
              ex.getResponseHeaders().add("Content-Type", "text/html");
              ex.sendResponseHeaders(200, b.length);
              ex.getResponseBody().write(b);
              ex.close();
            } else {
              Wire.send(ex, 200, bad);
            }
          } else {
            Wire.send(ex, 412, t1);
          }
        });
  }

  private void badAnswerToAnAppliedWrite(String bad, String field) throws Exception {
    AtomicInteger patches = new AtomicInteger();
    try (Wire wire = server(bad, patches)) {
      SyncStore<String, BTask> store = store(wire);
      List<String> badMessages = new CopyOnWriteArrayList<>();
      store.onTransition(
          t -> {
            if (t.error() != null && t.error().kind() == SyncFailure.Kind.BAD_RESPONSE) {
              badMessages.add(t.error().getMessage());
            }
          });
      Mutation<String, BTask> m = new BTaskMutations(store).update("t1", p -> p.title("Oat"));
      Drive.settled(clock, m);
      Drive.idle(clock, store);
      assertEquals("Walk dog", store.get("t2").orElseThrow().title, "t2 untouched");
      assertEquals(
          MutationState.CONFIRMED,
          m.state(),
          "the server applied it (its GET shows it): error=" + m.error() + " " + wire.requests());
      assertEquals("Oat", store.get("t1").orElseThrow().title);
      assertEquals(1, patches.get(), "not resent: " + wire.requests());
      if (field != null) {
        String all = String.join("\n", badMessages);
        assertTrue(
            all.contains("BTask") && all.contains("t1") && all.contains(field),
            "names entity, id and field: " + badMessages);
      }
    }
  }

  @Test
  void answerWithAnotherId() throws Exception {
    badAnswerToAnAppliedWrite(
        "{\"id\":\"t2\",\"title\":\"Oat\",\"done\":false,\"updatedAt\":2}", "id");
  }

  @Test
  void answerWithAWrongType() throws Exception {
    badAnswerToAnAppliedWrite(
        "{\"id\":\"t1\",\"title\":\"Oat\",\"done\":\"maybe\",\"updatedAt\":2}", "done");
  }

  @Test
  void answerThatIsHtml() throws Exception {
    badAnswerToAnAppliedWrite("<html><body>OK</body></html>", null);
  }

  @Test
  void answerThatIsTruncatedJson() throws Exception {
    badAnswerToAnAppliedWrite("{\"id\":\"t1\",\"title\":\"Oa", null);
  }

  private void badList(String bad, String what) throws Exception {
    AtomicInteger gets = new AtomicInteger();
    try (Wire wire =
        new Wire(
            (req, ex) ->
                Wire.send(
                    ex, 200, gets.incrementAndGet() == 1 ? "[" + T1 + "," + T2 + "]" : bad))) {
      SyncStore<String, BTask> store = store(wire);
      CompletableFuture<Void> r = store.refetch();
      Drive.until(clock, r, "refetch");
      assertEquals(2, store.all().size(), what + ": " + store.all());
      assertEquals(
          "Buy milk",
          store.get("t1").orElseThrow().title,
          "rule 14 (bad input: a clear exception, store unchanged) after " + what);
      assertTrue(
          r.isCompletedExceptionally(),
          "rule 14: " + what + " must fail the refetch with a clear BadServerDataException");
    }
  }

  /**
   * The tester expected a refusal (rule 14). Paged lists name an entity twice when it moves between
   * pages while they are read, so the store takes the newer of the two versions instead; this test
   * holds that decision.
   */
  @Test
  void listNamingOneIdTwiceAtTwoVersionsTakesTheNewer() throws Exception {
    AtomicInteger gets = new AtomicInteger();
    String twice = "[" + T1V2.replace("Oat", "dup") + "," + T1 + "," + T2 + "]";
    try (Wire wire =
        new Wire(
            (req, ex) ->
                Wire.send(
                    ex, 200, gets.incrementAndGet() == 1 ? "[" + T1 + "," + T2 + "]" : twice))) {
      SyncStore<String, BTask> store = store(wire);
      Drive.until(clock, store.refetch(), "refetch");
      CompletableFuture<Void> again = store.refetch();
      Drive.until(clock, again, "refetch naming t1 twice");
      assertFalse(again.isCompletedExceptionally(), again.toString());
      assertEquals("dup", store.get("t1").orElseThrow().title, "the newer version, listed first");
      assertEquals(2, store.all().size());
    }
  }

  @Test
  void listItemWithoutId() throws Exception {
    badList(
        "[" + T1 + "," + T2 + ",{\"title\":\"no id\",\"done\":false,\"updatedAt\":1}]",
        "a list item without id");
  }

  @Test
  void updateAnswered404RemovesTheEntityAndSettlesQueuedEdits() throws Exception {
    CountDownLatch bothMade = new CountDownLatch(1);
    try (Wire wire =
        new Wire(
            (req, ex) -> {
              if (req.method().equals("GET")
                  && req.query() == null
                  && req.path().equals("/tasks")) {
                Wire.send(ex, 200, "[" + T1 + "," + T2 + "]");
              } else {
                try {
                  // the 404 comes once the second edit is queued (a fast machine answered first)
                  bothMade.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                Wire.send(ex, 404, "{\"error\":\"not found\"}");
              }
            })) {
      SyncStore<String, BTask> store = store(wire);
      store.local("t1", t -> t.expanded = true);
      BTaskMutations tasks = new BTaskMutations(store);
      Mutation<String, BTask> a = tasks.update("t1", p -> p.title("a"));
      Mutation<String, BTask> b = tasks.update("t1", p -> p.done(true));
      bothMade.countDown();
      Drive.idle(clock, store);
      assertEquals(SyncFailure.Kind.NOT_FOUND, a.error().orElseThrow().kind());
      assertTrue(b.isSettled(), "queued edit settled: " + b);
      assertFalse(store.get("t1").isPresent(), "gone from the store: " + store.all());
      assertTrue(store.pending().isEmpty());
    }
  }

  @Test
  void deleteAnswered404DoesNotResurrectTheEntity() throws Exception {
    try (Wire wire =
        new Wire(
            (req, ex) -> {
              if (req.method().equals("GET") && req.path().equals("/tasks")) {
                Wire.send(ex, 200, "[" + T1 + "," + T2 + "]");
              } else {
                Wire.send(ex, 404, "{\"error\":\"not found\"}");
              }
            })) {
      SyncStore<String, BTask> store = store(wire);
      Mutation<String, BTask> d = new BTaskMutations(store).delete("t1");
      Drive.idle(clock, store);
      assertTrue(d.isSettled());
      assertFalse(
          store.get("t1").isPresent(),
          "the server has no t1: the view must not show it again; state=" + d + " " + d.error());
    }
  }
}
