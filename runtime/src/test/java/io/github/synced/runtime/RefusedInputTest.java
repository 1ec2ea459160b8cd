package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutations the store refuses up front: clear message, nothing applied, nothing sent. */
class RefusedInputTest {

  private static void assertUntouched(Harness h) {
    assertEquals("title t1", h.view("t1").title);
    assertTrue(h.changes.isEmpty());
    assertTrue(h.server.sent.isEmpty());
    assertTrue(h.store.pending().isEmpty());
  }

  @Test
  void patchThatSetsTheIdIsRefused() {
    Harness h = new Harness().withCards("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> h.store.update("t1", CardPatch.empty().id("t2").title("x")));
    assertEquals("Card 't1', field 'id': a patch cannot change the id", e.getMessage());
    assertUntouched(h);
  }

  @Test
  void updaterThatChangesTheIdIsRefused() {
    Harness h = new Harness().withCards("t1");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.store.modify("t1", c -> c.id = "t2"));
    assertEquals("Card 't1', field 'id': an updater cannot change the id", e.getMessage());
    assertUntouched(h);
  }

  @Test
  void updaterThatChangesNothingIsRefused() {
    Harness h = new Harness().withCards("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> h.store.modify("t1", c -> c.expanded = true));
    assertEquals("Card 't1': the updater changes no synced field", e.getMessage());
    assertUntouched(h);
  }

  @Test
  void updaterThatThrowsLeavesTheStoreUnchanged() {
    Harness h = new Harness().withCards("t1");
    assertThrows(
        ArithmeticException.class,
        () ->
            h.store.modifyWith(
                "t1",
                c -> {
                  throw new ArithmeticException("bug in user code");
                }));
    assertUntouched(h);
  }

  @Test
  void createUnderAnIdAlreadyInTheStoreIsRefused() {
    Harness h = new Harness(SyncStore.Builder::clientAssignedIds).withCards("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> h.store.create(new Card("t1", "dup", false, 0)));
    assertEquals("Card 't1', field 'id': the id is already in the store", e.getMessage());
    assertUntouched(h);
  }

  @Test
  void storeWithoutRemoteRefusesMutationsButHoldsStateAndLocalEdits() {
    SyncStore<String, Card> store = SyncStore.of(CardType.TYPE).build();
    store.load(List.of(new Card("t1", "title", false, 1)));
    store.local("t1", c -> c.selected = true);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.delete("t1"));
    assertEquals(
        "this Card store has no remote; give one with SyncStore.of(..).remote(..)", e.getMessage());
    assertTrue(store.get("t1").orElseThrow().selected);
  }

  @Test
  void functionRunUnderTheLockThatCallsTheStoreIsRefused() {
    Harness h = new Harness().withCards("t1");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                h.store.modify(
                    "t1",
                    c -> {
                      h.store.local("t1", x -> x.selected = true);
                      c.title = "x";
                    }));
    assertTrue(e.getMessage().startsWith("a function the store runs under its lock"));
    assertUntouched(h);
  }

  @Test
  void aPatchThatSetsTheVersionIsRefusedAndLeavesTheStoreAsItWas() {
    // Found by an outside tester: PATCH {"version":1} was sent and the view's version went back.
    Harness h = new Harness().withCards("t1");
    Card before = h.view("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> h.store.update("t1", CardPatch.empty().version(1).title("x")));
    assertTrue(e.getMessage().contains("Card 't1', field 'version'"), e.getMessage());
    assertEquals(before.toString(), h.view("t1").toString());
    assertEquals(0, h.server.waiting(), "nothing sent");
  }

  @Test
  void aValueTheEntityRefusesIsReportedWithTheEntityTheIdAndTheField() {
    // Found by an outside tester: the entity's own message named neither entity, id nor field.
    Harness h = new Harness().withCards("t1");
    Card before = h.view("t1");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> h.store.update("t1", CardPatch.empty().title(CardType.REFUSED)));
    assertTrue(e.getMessage().startsWith("Card 't1', field 'title': "), e.getMessage());
    assertTrue(e.getCause() != null, "the entity's own exception is the cause");
    assertEquals(before.toString(), h.view("t1").toString());
    assertEquals(0, h.server.waiting(), "nothing sent");
  }
}
