package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The seed scenario: snapshot, optimistic apply, 500 → rollback, 200 → server version merged. */
class SeedScenarioTest {

  @Test
  void optimisticEffectIsVisibleAndAnnouncedBeforeAnyIo() {
    Harness h = new Harness().withCards("t1");
    List<Integer> sentWhenAnnounced = new ArrayList<>();
    h.store.subscribe(c -> sentWhenAnnounced.add(h.server.sent.size()));

    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("Buy oat milk"));

    assertEquals("Buy oat milk", h.view("t1").title);
    assertEquals(List.of(0), sentWhenAnnounced, "announced before the write was sent");
    assertEquals(1, h.server.sent.size());
    assertEquals(MutationState.SENDING, m.state());
    assertEquals(Change.Cause.OPTIMISTIC, h.lastChange().cause());
    assertEquals("title t1", h.lastChange().before().title);
    assertEquals("Buy oat milk", h.lastChange().after().title);
  }

  @Test
  void serverErrorRollsBackToServerTruthAndKeepsLocalOnlyValues() {
    Harness h = new Harness(b -> b.retry(Harness.exactRetry().withMaxAttempts(1))).withCards("t1");
    h.store.local("t1", c -> c.expanded = true);
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("x").done(true));
    h.store.local("t1", c -> c.selected = true);

    SyncFailure error = SyncFailure.transientFailure(500, "boom", null, null);
    h.server.next().fail(error);

    Card v = h.view("t1");
    assertEquals("title t1", v.title);
    assertFalse(v.done);
    assertEquals(1, v.version);
    assertTrue(v.expanded);
    assertTrue(v.selected);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertSame(error, m.error().orElseThrow());
    assertEquals(Change.Cause.ROLLBACK, h.lastChange().cause());
    assertSame(error, h.lastChange().error());
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> m.result().get());
    assertSame(error, thrown.getCause());
  }

  @Test
  void successMergesServerVersionAndKeepsLocalOnlyValues() throws Exception {
    Harness h = new Harness().withCards("t1");
    h.store.local("t1", c -> c.expanded = true);
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("Buy oat milk"));
    h.store.local("t1", c -> c.selected = true);
    h.server.edit("t1", c -> {}); // the server's clock moves on: the answer carries version 3

    h.server.next().succeed();

    Card v = h.view("t1");
    assertEquals("Buy oat milk", v.title);
    assertEquals(3, v.version);
    assertTrue(v.expanded);
    assertTrue(v.selected);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(m.error().isEmpty());
    assertEquals(3, m.result().get().version);
    assertEquals(Change.Cause.CONFIRM, h.lastChange().cause());
    assertTrue(h.store.pending("t1").isEmpty());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void readsHandOutCopiesThatTheStoreNeverChanges() {
    Harness h = new Harness().withCards("t1");
    Card seen = h.view("t1");
    seen.title = "scribbled on by user code";

    h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().succeed();

    assertEquals("scribbled on by user code", seen.title);
    assertEquals(1, seen.version);
    assertEquals("mine", h.view("t1").title);
  }

  @Test
  void unknownEntityIsRefusedByName() {
    Harness h = new Harness().withCards("t1");
    var e =
        assertThrows(
            java.util.NoSuchElementException.class,
            () -> h.store.update("nope", CardPatch.empty().title("x")));
    assertEquals("Card 'nope' is not in the store", e.getMessage());
    assertNull(h.store.get("nope").orElse(null));
    assertTrue(h.server.sent.isEmpty());
  }
}
