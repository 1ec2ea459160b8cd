package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Local-only values: immediate, never sent, never overwritten by a server path. */
class LocalOnlyTest {

  @Test
  void localEditDuringFlightSurvivesConfirm() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("mine"));
    h.store.local("t1", c -> c.expanded = true);

    h.server.next().succeed();

    assertTrue(h.view("t1").expanded);
    assertEquals("mine", h.view("t1").title);
  }

  @Test
  void localEditDuringFlightSurvivesRollback() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("mine"));
    h.store.local("t1", c -> c.selected = true);

    h.server.next().fail(SyncFailure.rejected(400, "no"));

    assertTrue(h.view("t1").selected);
    assertEquals("title t1", h.view("t1").title);
  }

  @Test
  void localEditDuringFlightSurvivesRebase() {
    Harness h = new Harness().withCards("t1");
    h.store.update("t1", CardPatch.empty().title("mine"));
    h.store.local("t1", c -> c.expanded = true);
    Card push = h.server.edit("t1", c -> c.done = true);
    push.expanded = false; // whatever a server object carries in local-only fields is ignored

    h.store.receive(push);

    assertTrue(h.view("t1").expanded);
    assertTrue(h.view("t1").done);
    assertEquals("mine", h.view("t1").title);
  }

  @Test
  void localEditIsImmediateAnnouncedAndNeverSent() {
    Harness h = new Harness().withCards("t1");
    Card after = h.store.local("t1", c -> c.expanded = true);

    assertTrue(after.expanded);
    assertTrue(h.view("t1").expanded);
    assertEquals(Change.Cause.LOCAL_EDIT, h.lastChange().cause());
    assertTrue(h.server.sent.isEmpty());
    assertTrue(h.store.pending("t1").isEmpty());
  }

  @Test
  void localEditThatChangesASyncedFieldIsRefusedAndLeavesTheStoreUnchanged() {
    Harness h = new Harness().withCards("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                h.store.local(
                    "t1",
                    c -> {
                      c.expanded = true;
                      c.title = "sneaky";
                    }));

    assertTrue(
        e.getMessage().startsWith("Card 't1', field 'title': a local edit may change only"),
        e.getMessage());
    assertEquals("title t1", h.view("t1").title);
    assertFalse(h.view("t1").expanded);
    assertTrue(h.changes.isEmpty());
  }

  @Test
  void functionalLocalEditReplacesTheLocalOnlyValues() {
    Harness h = new Harness().withCards("t1");
    h.store.localWith(
        "t1",
        c -> {
          Card n = CardType.TYPE.copy(c);
          n.selected = true;
          return n;
        });
    assertTrue(h.view("t1").selected);
  }

  @Test
  void writesHandedToTheRemoteCarryNoLocalOnlyValues() {
    Harness h = new Harness().withCards("t1", "t2");
    h.store.local("t1", c -> c.expanded = true);
    h.store.local("t2", c -> c.selected = true);
    Card draft = new Card(null, "new", false, 0);
    draft.expanded = true;

    h.store.update("t1", CardPatch.empty().title("mine"));
    h.store.delete("t2");
    h.store.create(draft);

    assertEquals(3, h.server.sent.size());
    for (Write<String, Card> w : h.server.sent) {
      assertFalse(w.entity().expanded, w.kind() + " carried expanded");
      assertFalse(w.entity().selected, w.kind() + " carried selected");
    }
    assertEquals("mine", h.server.sent.get(0).entity().title, "the synced state is whole");
    assertTrue(h.view("t1").expanded, "the store keeps its local-only value");
  }
}
