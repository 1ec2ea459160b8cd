package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failing user code must settle mutations and leave a working store. */
class UserCodeTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final MemRemote remote = new MemRemote();

  private SyncStore<String, BTask> store() {
    remote.put("t1", "Buy milk");
    SyncStore<String, BTask> store =
        SyncStore.of(BTaskSync.TYPE)
            .remote(remote)
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run)
            .build();
    Drive.until(clock, store.refetch(), "refetch");
    return store;
  }

  @Test
  void listenerThrowingAnErrorDoesNotStrandTheMutation() {
    SyncStore<String, BTask> store = store();
    AtomicInteger calls = new AtomicInteger();
    store.subscribe(
        (Change<String, BTask> c) -> {
          if (calls.incrementAndGet() == 1) {
            throw new AssertionError("listener bug");
          }
        });
    Mutation<String, BTask> m;
    try {
      m = new BTaskMutations(store).update("t1", p -> p.title("a"));
    } catch (AssertionError e) {
      throw new AssertionError(
          "issue 7.7: update() threw a listener's Error although it was made", e);
    }
    Drive.settled(clock, m);
    assertTrue(m.isSettled());
    Mutation<String, BTask> next = new BTaskMutations(store).update("t1", p -> p.title("b"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, next.state(), "error=" + next.error());
    assertEquals("b", remote.rows.get("t1").title);
  }

  @Test
  void remoteThrowingAnErrorSettlesAsUserCodeAndTheStoreKeepsWorking() {
    SyncStore<String, BTask> store = store();
    AtomicInteger sends = new AtomicInteger();
    remote.beforeSend =
        w -> {
          if (sends.incrementAndGet() == 1) {
            throw new AssertionError("remote bug");
          }
        };
    Mutation<String, BTask> m = new BTaskMutations(store).update("t1", p -> p.title("a"));
    Drive.settled(clock, m);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.USER_CODE, m.error().orElseThrow().kind());
    assertEquals("Buy milk", store.get("t1").orElseThrow().title);
    Mutation<String, BTask> next = new BTaskMutations(store).update("t1", p -> p.title("b"));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, next.state(), "error=" + next.error());
  }

  @Test
  void updaterThrowingAnErrorOnRebaseSettles() {
    SyncStore<String, BTask> store = store();
    AtomicInteger runs = new AtomicInteger();
    java.util.concurrent.CountDownLatch inSend = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    remote.beforeSend =
        w -> {
          inSend.countDown();
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Thread sender =
        new Thread(
            () ->
                store.modifyWith(
                    "t1",
                    t -> {
                      if (runs.incrementAndGet() > 1) {
                        throw new AssertionError("updater bug on rebase");
                      }
                      t.title = t.title + "!";
                      return t;
                    }));
    sender.start();
    try {
      assertTrue(inSend.await(10, java.util.concurrent.TimeUnit.SECONDS));
      store.receive(
          remote.secondWriter(
              "t1", "pushed", 1000)); // rebases the pending updater, which now throws
      go.countDown();
      sender.join(10_000);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    Drive.idle(clock, store);
    assertTrue(store.pending().isEmpty(), "every mutation settled: " + store.pending());
    remote.beforeSend = w -> {};
    Mutation<String, BTask> next = new BTaskMutations(store).update("t1", p -> p.done(true));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, next.state(), "error=" + next.error());
  }

  @Test
  void refusedLocalValueFailsFastAndLeavesNothingBehind() throws Exception {
    try (Wire wire =
        new Wire(
            (req, ex) -> {
              if (req.method().equals("GET")) {
                Wire.send(ex, 200, "[{\"id\":\"v1\",\"title\":\"ok\",\"updatedAt\":1}]");
              } else {
                Wire.send(ex, 200, "{\"id\":\"v1\",\"title\":\"fine\",\"updatedAt\":2}");
              }
            })) {
      SyncStore<String, VTask> store =
          SyncStore.of(VTaskSync.TYPE)
              .remote(HttpRemote.<String, VTask>builder(wire.uri(), "/v", new VTaskJson()).build())
              .scheduler(clock)
              .notifyOn(Runnable::run)
              .build();
      Drive.until(clock, store.refetch(), "refetch");
      VTaskMutations tasks = new VTaskMutations(store);
      assertThrows(IllegalArgumentException.class, () -> tasks.update("v1", p -> p.title(" ")));
      assertTrue(store.pending().isEmpty(), "nothing left behind: " + store.pending());
      Mutation<String, VTask> m = tasks.update("v1", p -> p.title("fine"));
      Drive.idle(clock, store);
      assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
      assertEquals("fine", store.get("v1").orElseThrow().getTitle());
    }
  }

  @Test
  void refusedServerValueIsBadServerDataNamingEntityIdAndField() throws Exception {
    AtomicInteger patches = new AtomicInteger();
    try (Wire wire =
        new Wire(
            (req, ex) -> {
              if (req.method().equals("GET")) {
                String title = patches.get() == 0 ? "ok" : "fine";
                long v = patches.get() == 0 ? 1 : 2;
                String row = "{\"id\":\"v1\",\"title\":\"" + title + "\",\"updatedAt\":" + v + "}";
                Wire.send(ex, 200, req.path().endsWith("/v1") ? row : "[" + row + "]");
              } else {
                patches.incrementAndGet();
                Wire.send(ex, 200, "{\"id\":\"v1\",\"title\":\"\",\"updatedAt\":2}");
              }
            })) {
      SyncStore<String, VTask> store =
          SyncStore.of(VTaskSync.TYPE)
              .remote(HttpRemote.<String, VTask>builder(wire.uri(), "/v", new VTaskJson()).build())
              .scheduler(clock)
              .retry(Drive.retry())
              .notifyOn(Runnable::run)
              .build();
      Drive.until(clock, store.refetch(), "refetch");
      AtomicInteger bad = new AtomicInteger();
      StringBuilder messages = new StringBuilder();
      store.onTransition(
          t -> {
            if (t.error() != null && t.error().kind() == SyncFailure.Kind.BAD_RESPONSE) {
              bad.incrementAndGet();
              messages.append(t.error().getMessage()).append('\n');
            }
          });
      Mutation<String, VTask> m = new VTaskMutations(store).update("v1", p -> p.title("fine"));
      Drive.settled(clock, m);
      Drive.idle(clock, store);
      assertTrue(bad.get() > 0, "the refused value was reported as BAD_RESPONSE: " + m);
      String msg = messages.toString();
      assertTrue(
          msg.contains("VTask") && msg.contains("v1") && msg.contains("title"),
          "names entity, id and field: " + msg);
      assertEquals(
          MutationState.CONFIRMED,
          m.state(),
          "the server's state (GET) has the write: error=" + m.error());
      assertEquals("fine", store.get("v1").orElseThrow().getTitle());
      assertEquals(1, patches.get(), "a bad answer is not a reason to resend");
    }
  }
}
