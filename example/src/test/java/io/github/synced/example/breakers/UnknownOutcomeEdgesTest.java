package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unknown outcomes whose resend meets the write's own effect (404 after delete, duplicate id). */
class UnknownOutcomeEdgesTest {
  private final JsonServerFake fake = new JsonServerFake();
  private final VirtualScheduler clock = new VirtualScheduler();
  private Wire wire;

  @BeforeEach
  void start() throws Exception {
    wire = new Wire(fake);
    fake.base = wire.uri().toString();
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private SyncStore<Long, BNote> store(boolean dedupe, boolean clientIds) {
    SyncStore.Builder<Long, BNote> b =
        SyncStore.of(BNoteSync.TYPE)
            .remote(
                HttpRemote.<Long, BNote>builder(wire.uri(), "/notes", new BNoteJson())
                    .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(dedupe).build())
                    .build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run);
    if (clientIds) {
      b.clientAssignedIds();
    }
    SyncStore<Long, BNote> store = b.build();
    Drive.until(clock, store.refetch(), "refetch");
    return store;
  }

  private void deleteWhoseAnswerIsLost(boolean dedupe) {
    fake.put(1, "text", "x");
    fake.put(2, "text", "y");
    SyncStore<Long, BNote> store = store(dedupe, false);
    fake.dropDeletes.set(1);
    Mutation<Long, BNote> d = new BNoteMutations(store).delete(1L);
    Drive.settled(clock, d);
    Drive.idle(clock, store);
    assertEquals(
        MutationState.CONFIRMED,
        d.state(),
        "the server deleted it: a resend's 404 means done, not failed; error="
            + d.error()
            + " requests="
            + wire.requests());
    assertTrue(store.get(1L).isEmpty(), "not restored: " + store.all());
    assertEquals(1, fake.size());
  }

  @Test
  void deleteWhoseAnswerIsLostKeyIgnoringServer() {
    deleteWhoseAnswerIsLost(false);
  }

  @Test
  void deleteWhoseAnswerIsLostDialectSaysKeysHonoured() {
    deleteWhoseAnswerIsLost(true);
  }

  @Test
  void clientIdCreateWhoseAnswerIsLostThenDuplicateIdErrorIsConfirmed() {
    SyncStore<Long, BNote> store = store(false, true);
    fake.dropPosts.set(1);
    BNote n = new BNote();
    n.id = 42L;
    n.text = "mine";
    Mutation<Long, BNote> c = new BNoteMutations(store).create(n);
    Drive.settled(clock, c);
    Drive.idle(clock, store);
    assertEquals(
        MutationState.CONFIRMED,
        c.state(),
        "the server has 42 with our values; error=" + c.error() + " requests=" + wire.requests());
    assertEquals("mine", store.get(42L).orElseThrow().text);
    assertEquals(1, fake.size());
  }

  @Test
  void lostPatchAnswerOnAKeyIgnoringServerIsConfirmed() {
    fake.put(1, "text", "x");
    SyncStore<Long, BNote> store = store(false, false);
    fake.dropPatches.set(1);
    Mutation<Long, BNote> u = new BNoteMutations(store).update(1L, p -> p.text("new"));
    Drive.settled(clock, u);
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, u.state(), "error=" + u.error());
    assertEquals("new", store.get(1L).orElseThrow().text);
  }
}
