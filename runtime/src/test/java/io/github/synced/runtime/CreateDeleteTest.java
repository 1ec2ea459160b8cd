package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Create under a temporary id, re-key, delete and restore (rule 10). */
class CreateDeleteTest {

  private static List<String> ids(Harness h) {
    return h.store.all().stream().map(c -> c.id).toList();
  }

  @Test
  void createAppearsAtOnceThenIsReKeyedAndItsQueuedUpdateGoesToTheRealId() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> create = h.store.create(new Card(null, "new", false, 0));
    assertEquals("tmp-1", create.id());
    assertEquals("new", h.view("tmp-1").title);
    assertEquals(List.of("t1", "tmp-1"), ids(h));
    Mutation<String, Card> update = h.store.update("tmp-1", CardPatch.empty().done(true));
    assertEquals(1, h.server.waiting(), "the update waits for the create");
    assertEquals(Write.Kind.CREATE, h.server.next().write.kind());

    h.server.next().succeed();

    assertEquals("srv-1", create.id());
    assertEquals("srv-1", update.id());
    assertEquals(List.of("t1", "srv-1"), ids(h), "keeps its place");
    assertTrue(h.view("srv-1").done);
    assertEquals("srv-1", h.view("tmp-1").id, "the temporary id still finds it");
    assertTrue(h.causes().contains(Change.Cause.ID_REASSIGNED));
    Change<String, Card> rekey =
        h.changes.stream().filter(c -> c.cause() == Change.Cause.ID_REASSIGNED).findFirst().get();
    assertEquals("tmp-1", rekey.before().id);
    assertEquals("srv-1", rekey.after().id);
    Write<String, Card> sent = h.server.next().write;
    assertEquals("srv-1", sent.id());
    assertEquals(Write.Kind.UPDATE, sent.kind());
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, update.state());
    h.assertSyncedWithServer("srv-1");
  }

  @Test
  void failedCreateRemovesTheEntityAndFailsItsQueuedMutationsWithAClearCause() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> create = h.store.create(new Card(null, "new", false, 0));
    Mutation<String, Card> update = h.store.update("tmp-1", CardPatch.empty().done(true));
    SyncFailure refused = SyncFailure.rejected(422, "title taken");

    h.server.next().fail(refused);

    assertTrue(h.store.get("tmp-1").isEmpty());
    assertEquals(List.of("t1"), ids(h));
    assertEquals(MutationState.ROLLED_BACK, create.state());
    assertSame(refused, create.error().orElseThrow());
    assertEquals(MutationState.ROLLED_BACK, update.state());
    Throwable why = update.error().orElseThrow();
    assertEquals(
        "Card 'tmp-1' was never created: the create failed (title taken)", why.getMessage());
    assertSame(refused, why.getCause());
    assertEquals(Change.Cause.ROLLBACK, h.lastChange().cause());
    assertNull(h.lastChange().after());
    assertEquals(0, h.server.waiting(), "nothing is sent for an entity that never existed");
  }

  @Test
  void deleteHidesAtOnceAndFailedDeleteRestoresTheEntityAtItsPosition() {
    Harness h = new Harness().withCards("a", "b", "c");
    Mutation<String, Card> m = h.store.delete("b");
    assertEquals(List.of("a", "c"), ids(h));
    assertEquals(Change.Cause.DELETED, h.lastChange().cause());
    assertThrows(
        java.util.NoSuchElementException.class,
        () -> h.store.update("b", CardPatch.empty().done(true)));

    h.server.next().fail(SyncFailure.rejected(403, "forbidden"));

    assertEquals(List.of("a", "b", "c"), ids(h));
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(Change.Cause.RESTORED, h.lastChange().cause());
    assertEquals("b", h.lastChange().after().id);
  }

  @Test
  void confirmedDeleteRemovesTheEntityForGood() throws Exception {
    Harness h = new Harness().withCards("a", "b");
    Mutation<String, Card> m = h.store.delete("a");

    h.server.next().succeed();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertNull(m.result().get());
    assertEquals(List.of("b"), ids(h));
    assertTrue(h.server.get("a") == null);
  }

  @Test
  void collectionOrderFollowsTheComparator() {
    Harness h =
        new Harness(b -> b.order(Comparator.comparing((Card c) -> c.title).reversed()))
            .withCards("a", "b", "c");
    assertEquals(List.of("c", "b", "a"), ids(h));
  }

  @Test
  void serverAssignedIdsAreTheDefaultAndADraftWithAnIdIsRefused() {
    FakeServer server = new FakeServer();
    SyncStore<String, Card> store = SyncStore.of(CardType.TYPE).remote(server).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> store.create(new Card("own", "x", false, 0)));
    assertEquals(
        "Card 'own', field 'id': the draft has an id, but the server assigns ids; leave the id"
            + " unset, or build the store with clientAssignedIds() if the server keeps ids the"
            + " client makes",
        e.getMessage());
    assertTrue(store.all().isEmpty());
    Mutation<String, Card> m = store.create(new Card(null, "x", false, 0));
    assertTrue(m.id().startsWith("tmp-"), m.id());

    SyncStore<String, Card> clientIds =
        SyncStore.of(CardType.TYPE).remote(server).clientAssignedIds().build();
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> clientIds.create(new Card(null, "x", false, 0)));
    assertEquals(
        "Card (no id), field 'id': the draft has no id, and this store's ids are client-assigned;"
            + " give the draft its id",
        none.getMessage());
    assertEquals("own", clientIds.create(new Card("own", "x", false, 0)).id());
  }

  @Test
  void deletedAndTemporaryIdsAreRememberedOnlyUpToABound() {
    Harness h = new Harness();
    int n = Entities.REMEMBERED + 50;
    for (int i = 0; i < n; i++) {
      String id = "c" + i;
      h.store.receive(h.server.put(id, "x", false));
      h.store.receiveDeleted(id); // a tombstone each
      Mutation<String, Card> created = h.store.create(new Card(null, "new", false, 0));
      h.server.next().succeed(); // a temporary id re-keyed: an alias each
      assertEquals(MutationState.CONFIRMED, created.state());
    }
    assertEquals(2 * Entities.REMEMBERED, h.store.remembered());
    assertTrue(
        h.store.get("tmp-" + n).isPresent(), "the latest temporary id still finds its entity");
  }

  @Test
  void deleteAnsweredNotFoundIsConfirmedAndTheEntityStaysGone() {
    Harness h = new Harness().withCards("t1", "t2");
    Mutation<String, Card> m = h.store.delete("t1");

    h.server.next().fail(SyncFailure.notFound(404, "no such task")); // someone deleted it first

    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(h.store.get("t1").isEmpty());
    assertTrue(h.changes.stream().noneMatch(c -> c.cause() == Change.Cause.RESTORED));
  }

  @Test
  void updateAnsweredGoneRemovesTheEntityAndRollsBackItsMutations() {
    Harness h = new Harness().withCards("t1", "t2");
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().done(true));

    h.server.next().fail(SyncFailure.notFound(410, "gone"));

    assertEquals(MutationState.ROLLED_BACK, first.state());
    assertEquals(MutationState.ROLLED_BACK, second.state());
    assertEquals(SyncFailure.Kind.NOT_FOUND, second.error().orElseThrow().kind());
    assertTrue(h.store.get("t1").isEmpty(), "no ghost left until the next refetch");
    assertEquals(Change.Cause.DELETED, h.lastChange().cause());
    assertEquals(0, h.server.waiting(), "nothing more was sent");
  }

  @Test
  void otherRefusalsOfADeleteStillRestoreTheEntity() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.delete("t1");

    h.server.next().fail(SyncFailure.rejected(403, "forbidden"));

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertTrue(h.store.get("t1").isPresent());
  }
}
