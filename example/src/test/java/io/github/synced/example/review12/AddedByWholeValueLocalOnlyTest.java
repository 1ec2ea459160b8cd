package io.github.synced.example.review12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review of 10159c4 (Journal.derive no longer carries the view's nested local-only values into the
 * state). An element a pending mutation adds by setting the field's whole value (not through {@code
 * editSlots(..).add}) is marked {@code pinned} while that mutation is in flight: the state has no
 * such element, so {@code Edits.local} cannot put the value there, and the confirm's {@code
 * Insides.withAddedLocalOnly} does nothing for a patch that does not change inside a field. The
 * value then lives only in the view; once a later layer hides the element and goes (a refused
 * remove, a refused delete), the view is made from the state again and the user's value is lost.
 * Rules 1 and 4 (local-only edits made meanwhile stay), README: "a matching element keeps our
 * local-only fields", "survive ... its confirm, and a later remove that is refused".
 */
class AddedByWholeValueLocalOnlyTest {

  private static Crate crate(long version, Slot... slots) {
    Crate c = new Crate();
    c.id = "c1";
    c.name = "Spares";
    c.version = version;
    c.slots = new ArrayList<>(List.of(slots));
    return c;
  }

  private static Slot slot(Crate c, String id) {
    return c.slots.stream().filter(s -> s.getId().equals(id)).findFirst().orElse(null);
  }

  private record Fixture(SyncStore<String, Crate> store, HeldRemote<String, Crate> remote) {
    static Fixture confirmedAddOfPinnedSlot() {
      HeldRemote<String, Crate> remote = new HeldRemote<>();
      SyncStore<String, Crate> store =
          SyncStore.of(CrateSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
      store.load(List.of(crate(1, new Slot("s1", "Bolts"))));
      Mutation<String, Crate> add =
          store.update(
              "c1",
              CratePatch.empty().slots(List.of(new Slot("s1", "Bolts"), new Slot("s9", "Nuts"))));
      store.local("c1", c -> slot(c, "s9").setPinned(true));
      assertTrue(slot(store.get("c1").orElseThrow(), "s9").isPinned(), "the user pinned it");
      remote
          .answers
          .get(0)
          .complete(Reply.entity(crate(2, new Slot("s1", "Bolts"), new Slot("s9", "Nuts"))));
      assertEquals(MutationState.CONFIRMED, add.state());
      assertTrue(
          slot(store.get("c1").orElseThrow(), "s9").isPinned(), "kept through the add's confirm");
      return new Fixture(store, remote);
    }
  }

  @Test
  void aRefusedRemoveOfASlotAddedByAWholeValueBringsItBackPinned() {
    Fixture f = Fixture.confirmedAddOfPinnedSlot();
    Mutation<String, Crate> remove =
        f.store.update("c1", CratePatch.empty().editSlots(s -> s.remove("s9")));
    assertNull(slot(f.store.get("c1").orElseThrow(), "s9"), "hidden while the remove is pending");
    f.remote.answers.get(1).completeExceptionally(SyncFailure.rejected(422, "refused"));
    assertEquals(MutationState.ROLLED_BACK, remove.state());

    Slot back = slot(f.store.get("c1").orElseThrow(), "s9");
    assertEquals("Nuts", back.getTitle());
    assertTrue(back.isPinned(), "the remove was refused: s9 comes back with the user's pin");
  }

  @Test
  void aRefusedDeleteOfTheCrateBringsItsAddedSlotBackPinned() {
    Fixture f = Fixture.confirmedAddOfPinnedSlot();
    Mutation<String, Crate> delete = f.store.delete("c1");
    assertFalse(f.store.get("c1").isPresent(), "hidden while the delete is pending");
    f.remote.answers.get(1).completeExceptionally(SyncFailure.rejected(422, "refused"));
    assertEquals(MutationState.ROLLED_BACK, delete.state());

    Slot back = slot(f.store.get("c1").orElseThrow(), "s9");
    assertTrue(back.isPinned(), "a failed delete brings the entity back where it was (rule 10)");
  }

  /** The same with a custom optimistic updater ({@code modify}) that adds the slot. */
  @Test
  void aSlotAnUpdaterAddedKeepsItsPinAfterARefusedRemove() {
    HeldRemote<String, Crate> remote = new HeldRemote<>();
    SyncStore<String, Crate> store =
        SyncStore.of(CrateSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
    store.load(List.of(crate(1, new Slot("s1", "Bolts"))));
    store.modify("c1", c -> c.slots.add(new Slot("s9", "Nuts")));
    store.local("c1", c -> slot(c, "s9").setPinned(true));
    remote
        .answers
        .get(0)
        .complete(Reply.entity(crate(2, new Slot("s1", "Bolts"), new Slot("s9", "Nuts"))));
    assertTrue(slot(store.get("c1").orElseThrow(), "s9").isPinned(), "kept through the confirm");
    store.update("c1", CratePatch.empty().editSlots(s -> s.remove("s9")));
    remote.answers.get(1).completeExceptionally(SyncFailure.rejected(422, "refused"));

    assertTrue(
        slot(store.get("c1").orElseThrow(), "s9").isPinned(),
        "the remove was refused: s9 comes back with the user's pin");
  }
}
