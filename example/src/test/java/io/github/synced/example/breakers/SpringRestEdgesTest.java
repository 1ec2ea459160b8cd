package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.testing.VirtualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spring Data REST edges: parallel sends with 412s, overlapping conflicts, edits of a create. */
class SpringRestEdgesTest {
  private final SpringRestFake fake = new SpringRestFake(10);
  private final VirtualScheduler clock = new VirtualScheduler();
  private Wire wire;

  @BeforeEach
  void start() throws Exception {
    wire = new Wire(fake);
    fake.base = wire.uri().toString();
    for (int i = 1; i <= 5; i++) {
      fake.add("task " + i);
    }
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private SyncStore<Long, STask> store(boolean parallel) {
    SyncStore.Builder<Long, STask> b =
        SyncStore.of(STaskSync.TYPE)
            .remote(
                HttpRemote.<Long, STask>builder(wire.uri(), "/tasks", new STaskJson())
                    .dialect(Dialect.springDataRest("tasks"))
                    .build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run);
    if (parallel) {
      b.sendInParallel();
    }
    SyncStore<Long, STask> store = b.build();
    Drive.until(clock, store.refetch(), "refetch");
    // learn version 0 of task 1 from a single read (the list has no versions)
    Drive.until(clock, store.refetch(1L), "refetch 1");
    return store;
  }

  @Test
  void parallelDisjointUpdatesBothLandDespiteThe412() {
    SyncStore<Long, STask> store = store(true);
    STaskMutations tasks = new STaskMutations(store);
    Mutation<Long, STask> m1 = tasks.update(1L, p -> p.title("t"));
    Mutation<Long, STask> m2 = tasks.update(1L, p -> p.done(true));
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m1.state(), "m1 error=" + m1.error());
    assertEquals(MutationState.CONFIRMED, m2.state(), "m2 error=" + m2.error());
    assertEquals("t", fake.row(1L).title);
    assertTrue(fake.row(1L).done);
    STask t = store.get(1L).orElseThrow();
    assertEquals("t", t.title);
    assertTrue(t.done);
    assertEquals(fake.row(1L).version, t.version);
  }

  @Test
  void overlappingConflictFailsWithAMessageNamingEntityAndId() {
    SyncStore<Long, STask> store = store(false);
    fake.secondWriterSetsTitle(1L, "theirs");
    Mutation<Long, STask> m = new STaskMutations(store).update(1L, p -> p.title("mine"));
    Drive.idle(clock, store);
    if (m.state() == MutationState.CONFIRMED) {
      assertEquals(fake.row(1L).title, store.get(1L).orElseThrow().title);
      return;
    }
    SyncFailure f = m.error().orElseThrow();
    assertEquals(SyncFailure.Kind.CONFLICT, f.kind(), f.toString());
    assertTrue(
        f.getMessage().contains("STask") && f.getMessage().contains("title"),
        "README Failures: the message names the entity, the id and what the server said; issue"
            + " 9: the handle's error names the real cause, not only the last status: "
            + f.getMessage());
    assertEquals("theirs", store.get(1L).orElseThrow().title, "the server's value is shown");
  }

  @Test
  void editsAndDeleteQueuedBehindACreateUseTheLocationId() {
    SyncStore<Long, STask> store = store(false);
    STaskMutations tasks = new STaskMutations(store);
    STask draft = new STask();
    draft.title = "fresh";
    Mutation<Long, STask> c = tasks.create(draft);
    Long temp = c.id(); // the temporary id, unless a fast server answered already
    Mutation<Long, STask> u = tasks.update(temp, p -> p.done(true));
    STask draft2 = new STask();
    draft2.title = "gone soon";
    Mutation<Long, STask> c2 = tasks.create(draft2);
    Mutation<Long, STask> d2 = tasks.delete(c2.id());
    Drive.idle(clock, store);
    for (Mutation<Long, STask> m : java.util.List.of(c, u, c2, d2)) {
      assertEquals(MutationState.CONFIRMED, m.state(), m + " error=" + m.error());
    }
    long fresh = c.id(); // re-keyed to the id from Location
    assertTrue(fake.row(fresh).done, "the queued edit reached the created row " + fresh);
    assertEquals(6, fake.rows.size(), "the second create was deleted: " + fake.rows.keySet());
    assertTrue(store.get(fresh).orElseThrow().done);
    assertEquals(6, store.all().size());
    for (Wire.Req r : wire.requests()) {
      assertTrue(temp == fresh || !r.path().endsWith("/" + temp), "temporary id on the wire: " + r);
      assertTrue(!r.path().contains("/-"), "a temporary (negative) id on the wire: " + r);
    }
  }
}
