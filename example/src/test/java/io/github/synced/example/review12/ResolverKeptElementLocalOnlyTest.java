package io.github.synced.example.review12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The second reviewer's case for an element the resolver keeps after another writer removed it. The
 * resolver returns {@code mine}, whose {@code s1} is pinned; the README says such an element comes
 * back as a new element, as if the resolver had added it, so its local-only values start as a new
 * instance's: once our own pending remove of it is refused, {@code s1} is there, with the
 * resolver's title, unpinned. (The reviewer's first version expected the resolver's pin, after an
 * earlier README wording; the element the store knew is gone from the server, and the resolver's
 * copy of it is as old as the send.)
 */
class ResolverKeptElementLocalOnlyTest {

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

  @Test
  void anElementTheResolverKeepsAfterTheyRemovedItComesBackAsANewElement() {
    HeldRemote<String, Crate> remote = new HeldRemote<>();
    AtomicReference<Crate> mine = new AtomicReference<>();
    SyncStore<String, Crate> store =
        SyncStore.of(CrateSync.TYPE)
            .remote(remote)
            .conflicts(
                ConflictPolicy.resolveWithPaths(
                    (base, m, theirs, paths) -> {
                      mine.set(m);
                      return m;
                    }))
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(crate(1, new Slot("s1", "Bolts"), new Slot("s2", "Washers"))));
    store.local("c1", c -> slot(c, "s1").setPinned(true));
    Mutation<String, Crate> rename =
        store.update(
            "c1", CratePatch.empty().editSlots(s -> s.update("s1", x -> x.title("Big bolts"))));
    Mutation<String, Crate> remove =
        store.update("c1", CratePatch.empty().editSlots(s -> s.remove("s1")));
    assertNull(slot(store.get("c1").orElseThrow(), "s1"), "hidden by our pending remove");

    // Another writer removed s1 meanwhile: 412, the resolver keeps ours.
    remote
        .answers
        .get(0)
        .completeExceptionally(
            SyncFailure.conflict(412, "version moved on", crate(2, new Slot("s2", "Washers"))));
    assertNotNull(mine.get(), "the resolver was asked");
    assertTrue(slot(mine.get(), "s1").isPinned(), "the resolver's state has s1 pinned");
    assertEquals(2, remote.answers.size(), "the rename is sent again on the new base");
    remote
        .answers
        .get(1)
        .complete(Reply.entity(crate(3, new Slot("s2", "Washers"), new Slot("s1", "Big bolts"))));
    assertEquals(MutationState.CONFIRMED, rename.state());
    assertEquals(3, remote.answers.size(), "then our remove of s1 is sent");
    remote.answers.get(2).completeExceptionally(SyncFailure.rejected(422, "refused"));
    assertEquals(MutationState.ROLLED_BACK, remove.state());

    Slot back = slot(store.get("c1").orElseThrow(), "s1");
    assertEquals("Big bolts", back.getTitle());
    assertFalse(back.isPinned(), "a new element: its local-only values start as a new instance's");
  }
}
