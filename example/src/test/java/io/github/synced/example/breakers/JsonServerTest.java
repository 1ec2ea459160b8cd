package io.github.synced.example.breakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.testing.VirtualScheduler;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attacks against a json-server 0.17-like server (numeric ids, no versions). */
class JsonServerTest {
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

  private Dialect jsonServer() {
    return Dialect.plainJson().toBuilder().deduplicatesByKey(false).build();
  }

  private <K, E> SyncStore<K, E> store(
      EntityType<K, E> type, String path, JsonCodec<E> codec, Dialect dialect, boolean clientIds) {
    SyncStore.Builder<K, E> b =
        SyncStore.of(type)
            .remote(HttpRemote.<K, E>builder(wire.uri(), path, codec).dialect(dialect).build())
            .scheduler(clock)
            .retry(Drive.retry())
            .notifyOn(Runnable::run);
    if (clientIds) {
      b.clientAssignedIds();
    }
    return b.build();
  }

  private static void assertNoIdSent(List<Wire.Req> posts) {
    for (Wire.Req post : posts) {
      JsonNode id = post.json().get("id");
      assertTrue(
          id == null || id.isNull(),
          "a temporary id reached the wire (README: 'the temporary id is never sent'): " + post);
    }
  }

  @Test
  void longObjectIdsCreatedRepeatedlyNeverSendATemporaryId() {
    SyncStore<Long, BNote> store =
        store(BNoteSync.TYPE, "/notes", new BNoteJson(), jsonServer(), false);
    BNoteMutations notes = new BNoteMutations(store);
    for (String text : List.of("a", "b", "c")) {
      BNote n = new BNote();
      n.text = text;
      notes.create(n);
    }
    Drive.idle(clock, store);
    assertNoIdSent(wire.requests("POST"));
    assertEquals(3, fake.size(), "server rows: " + fake.rows);
    Set<Long> ids = new TreeSet<>();
    store.all().forEach(n -> ids.add(n.id));
    assertEquals(Set.of(1L, 2L, 3L), ids, "the store shows the server's ids only");
  }

  @Test
  void primitiveLongIdsCreatedRepeatedly() {
    SyncStore<Long, BItem> store =
        store(BItemSync.TYPE, "/items", new BItemJson(), jsonServer(), false);
    BItemMutations items = new BItemMutations(store);
    for (int i = 0; i < 3; i++) {
      BItem it = new BItem();
      it.name = "n" + i;
      items.create(it);
      Drive.idle(clock, store);
    }
    BItem extra = new BItem();
    extra.name = "queued";
    items.create(extra);
    BItem extra2 = new BItem();
    extra2.name = "queued2";
    items.create(extra2);
    Drive.idle(clock, store);
    assertNoIdSent(wire.requests("POST"));
    assertEquals(5, fake.size(), "server rows: " + fake.rows);
    Set<Long> ids = new TreeSet<>();
    store.all().forEach(n -> ids.add(n.id));
    assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), ids);
  }

  @Test
  void primitiveIntIdsCreatedRepeatedly() {
    SyncStore<Integer, BCount> store =
        store(BCountSync.TYPE, "/counts", new BCountJson(), jsonServer(), false);
    BCountMutations counts = new BCountMutations(store);
    for (int i = 0; i < 4; i++) {
      BCount c = new BCount();
      c.label = "c" + i;
      counts.create(c);
    }
    Drive.idle(clock, store);
    assertNoIdSent(wire.requests("POST"));
    Set<Integer> ids = new TreeSet<>();
    store.all().forEach(n -> ids.add(n.id));
    assertEquals(Set.of(1, 2, 3, 4), ids);
    // edit a freshly created one, then delete it: the paths use the real id
    counts.update(2, p -> p.label("two"));
    counts.delete(3);
    Drive.idle(clock, store);
    assertEquals("two", fake.rows.get(2L).get("label").asText());
    assertEquals(3, fake.size());
  }

  @Test
  void pagedRefetchKeepsLaterPagesAndLocalOnlyValues() {
    for (long i = 1; i <= 25; i++) {
      fake.put(i, "text", "note " + i);
    }
    Dialect paged =
        jsonServer().toBuilder()
            .listQuery("_page=1&_limit=10")
            .paging(Dialect.Paging.linkHeader())
            .build();
    SyncStore<Long, BNote> store = store(BNoteSync.TYPE, "/notes", new BNoteJson(), paged, false);
    Drive.until(clock, store.refetch(), "refetch");
    assertEquals(25, store.all().size(), "entities on pages 2 and 3 must not be dropped");
    store.local(23L, n -> n.pinned = true);
    fake.put(23L, "text", "changed behind our back");
    synchronized (fake) {
      fake.rows.remove(5L);
    }
    Drive.until(clock, store.refetch(), "refetch 2");
    assertEquals(24, store.all().size());
    BNote n23 = store.get(23L).orElseThrow();
    assertEquals("changed behind our back", n23.text);
    assertTrue(n23.pinned, "local-only value kept across a paged refetch");
    assertTrue(store.get(5L).isEmpty(), "deleted on the server");
  }

  @Test
  void slowReadSentBeforeAConfirmedWriteDoesNotUndoIt() throws Exception {
    fake.put(1, "text", "old");
    fake.put(2, "text", "two");
    SyncStore<Long, BNote> store =
        store(BNoteSync.TYPE, "/notes", new BNoteJson(), jsonServer(), false);
    Drive.until(clock, store.refetch(), "first refetch");
    CountDownLatch release = new CountDownLatch(1);
    fake.readRelease = release;
    var slow = store.refetch();
    assertTrue(fake.readArrived.await(10, java.util.concurrent.TimeUnit.SECONDS));
    fake.put(2, "text", "two by another writer"); // after capture: the slow read lacks it
    Mutation<Long, BNote> m = new BNoteMutations(store).update(1L, p -> p.text("new"));
    Drive.settled(clock, m);
    assertEquals(MutationState.CONFIRMED, m.state());
    release.countDown();
    Drive.until(clock, slow, "slow refetch");
    Drive.idle(clock, store);
    assertEquals(
        "new",
        store.get(1L).orElseThrow().text,
        "a read sent before the write was confirmed must not undo it (README: servers without"
            + " versions)");
    assertEquals("new", fake.rows.get(1L).get("text").asText());
  }

  @Test
  void droppedCreateThenUnavailableIsNotDuplicatedNorFailed() {
    SyncStore<Long, BNote> store =
        store(BNoteSync.TYPE, "/notes", new BNoteJson(), jsonServer(), false);
    fake.dropPosts.set(1);
    fake.unavailableWrites.set(20);
    BNote draft = new BNote();
    draft.text = "only once";
    Mutation<Long, BNote> m = new BNoteMutations(store).create(draft);
    Drive.settled(clock, m);
    Drive.idle(clock, store);
    assertEquals(1, fake.size(), "never created twice; server rows: " + fake.rows);
    assertEquals(
        MutationState.CONFIRMED,
        m.state(),
        "the server has the create: it must not be reported failed (rule 6); error=" + m.error());
    assertEquals(List.of(1L), store.all().stream().map(n -> n.id).toList());
  }

  @Test
  void droppedPatchThenUnavailableIsConfirmedByTheServersState() {
    fake.put(1, "text", "old");
    SyncStore<Long, BNote> store =
        store(BNoteSync.TYPE, "/notes", new BNoteJson(), jsonServer(), false);
    Drive.until(clock, store.refetch(), "refetch");
    fake.dropPatches.set(1);
    fake.unavailableWrites.set(20);
    Mutation<Long, BNote> m = new BNoteMutations(store).update(1L, p -> p.text("new"));
    Drive.settled(clock, m);
    Drive.idle(clock, store);
    assertEquals(
        MutationState.CONFIRMED,
        m.state(),
        "the server applied the write; error=" + m.error() + " requests=" + wire.requests());
    assertEquals("new", store.get(1L).orElseThrow().text);
  }

  @Test
  void createAfterDeleteOfTheSameClientId() {
    SyncStore<Long, BNote> store =
        store(BNoteSync.TYPE, "/notes", new BNoteJson(), jsonServer(), true);
    BNoteMutations notes = new BNoteMutations(store);
    BNote a = new BNote();
    a.id = 7L;
    a.text = "first";
    notes.create(a);
    Drive.idle(clock, store);
    notes.delete(7L);
    Drive.idle(clock, store);
    BNote b = new BNote();
    b.id = 7L;
    b.text = "second";
    Mutation<Long, BNote> m = notes.create(b);
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("second", store.get(7L).map(n -> n.text).orElse(null), "the new 7 is shown");
    BNote push = new BNote();
    push.id = 7L;
    push.text = "pushed";
    store.receive(push);
    assertEquals("pushed", store.get(7L).map(n -> n.text).orElse(null), "pushes of 7 apply");
    assertEquals(7L, wire.requests("POST").get(1).json().get("id").asLong());
  }

  @Test
  void deleteAnsweredWithEmptyObjectConfirms() {
    fake.put(1, "text", "x");
    SyncStore<Long, BNote> store =
        store(BNoteSync.TYPE, "/notes", new BNoteJson(), jsonServer(), false);
    Drive.until(clock, store.refetch(), "refetch");
    Mutation<Long, BNote> m = new BNoteMutations(store).delete(1L);
    Drive.idle(clock, store);
    assertEquals(MutationState.CONFIRMED, m.state(), "error=" + m.error());
    assertTrue(store.get(1L).isEmpty());
  }
}
