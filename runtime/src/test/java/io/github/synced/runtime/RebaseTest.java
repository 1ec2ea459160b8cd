package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server state arriving while mutations are pending (rules 7 and 8). */
class RebaseTest {

  @Test
  void refetchDuringFlightNeitherFlickersBackNorLosesTheEdit() throws Exception {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.edit("t1", c -> c.done = true); // another writer, version 2
    List<String> titlesSeen = new java.util.ArrayList<>();
    h.store.subscribe(c -> titlesSeen.add(c.after().title));

    h.store.refetch().get(1, TimeUnit.SECONDS);

    Card v = h.view("t1");
    assertEquals("mine", v.title, "the pending edit stays on top of the new base");
    assertTrue(v.done, "the other writer's field arrives");
    assertEquals(2, v.version);
    assertEquals(List.of("mine"), titlesSeen, "no change ever showed the old title");
    assertEquals(Change.Cause.REBASE, h.lastChange().cause());

    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
    assertTrue(h.view("t1").done);
  }

  @Test
  void slowRefetchOlderThanTheBaseIsIgnored() throws Exception {
    Harness h = new Harness().withCards("t1");
    h.server.holdFetches = true;
    var refetch = h.store.refetch(); // reads version 1 now, delivers later
    h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().succeed(); // version 2 confirmed

    h.server.releaseFetch();
    refetch.get(1, TimeUnit.SECONDS);

    assertEquals("mine", h.view("t1").title);
    assertEquals(2, h.view("t1").version);
    assertFalse(h.store.receive(new Card("t1", "stale push", false, 1)));
    assertEquals("mine", h.view("t1").title);
  }

  @Test
  void pushWithoutPendingMutationsIsAnExternalUpdate() {
    Harness h = new Harness().withCards("t1");
    assertTrue(h.store.receive(h.server.edit("t1", c -> c.title = "theirs")));
    assertEquals("theirs", h.view("t1").title);
    assertEquals(Change.Cause.EXTERNAL_UPDATE, h.lastChange().cause());
  }

  @Test
  void updaterIsRunAgainOnTopOfEveryNewBase() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m =
        h.store.modify("t1", c -> c.title = c.title + "!"); // "increment"-style effect
    assertEquals("title t1!", h.view("t1").title);

    h.store.receive(h.server.edit("t1", c -> c.title = "theirs"));
    assertEquals("theirs!", h.view("t1").title);

    h.server.next().conflict(); // the first send carried the old value; resend on the new base
    assertEquals("theirs!", h.server.next().write.patch().get(CardField.TITLE));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("theirs!", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void externalDeleteRemovesTheEntityAndRollsBackItsPendingMutations() {
    Harness h = new Harness().withCards("t1", "t2");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));

    h.store.receiveDeleted("t1");

    assertTrue(h.store.get("t1").isEmpty());
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals("Card 't1' was deleted on the server", m.error().orElseThrow().getMessage());
    assertEquals(Change.Cause.DELETED, h.lastChange().cause());
    h.server.next().succeed(); // a late answer changes nothing
    assertTrue(h.store.get("t1").isEmpty());
    assertEquals(MutationState.ROLLED_BACK, m.state());
  }

  @Test
  void refetchRemovesEntitiesTheServerNoLongerLists() throws Exception {
    Harness h = new Harness().withCards("t1", "t2");
    h.server.truth.remove("t1");

    h.store.refetch().get(1, TimeUnit.SECONDS);

    assertEquals(List.of("t2"), h.store.all().stream().map(c -> c.id).toList());
  }

  @Test
  void refetchOfOneEntityRebasesItsPendingMutations() throws Exception {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().done(true));
    h.server.edit("t1", c -> c.title = "theirs");

    h.store.refetch("t1").get(1, TimeUnit.SECONDS);

    assertEquals("theirs", h.view("t1").title);
    assertTrue(h.view("t1").done);
  }
}
