package io.github.synced.example.review12;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The second reviewer's case for a local edit whose entity code throws twice: where the derivation
 * refuses a queued mutation's layer on the edited state, that mutation is rolled back and it is
 * heard (its result completes, transition listeners hear it) even though the edit's own exception
 * reaches the caller: the work a failing store call staged is delivered, not dropped.
 */
class LocalEditTwoThrowsTest {

  @AfterEach
  void setterAcceptsAgain() {
    Slot.THROW_AT.clear();
  }

  private static Crate crate() {
    Crate c = new Crate();
    c.id = "c1";
    c.name = "Spares";
    c.version = 1;
    c.slots = new ArrayList<>(List.of(new Slot("s1", "Bolts"), new Slot("s2", "Washers")));
    return c;
  }

  private static Slot slot(Crate c, String id) {
    return c.slots.stream().filter(s -> s.getId().equals(id)).findFirst().orElse(null);
  }

  /** A rename in flight, and a queued add of {@code s9} behind it. */
  private record Fixture(SyncStore<String, Crate> store, Mutation<String, Crate> add) {
    static Fixture of() {
      HeldRemote<String, Crate> remote = new HeldRemote<>();
      SyncStore<String, Crate> store =
          SyncStore.of(CrateSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
      store.load(List.of(crate()));
      store.update("c1", CratePatch.empty().name("Spare parts"));
      Mutation<String, Crate> add =
          store.update("c1", CratePatch.empty().editSlots(s -> s.add(new Slot("s9", "Nuts"))));
      return new Fixture(store, add);
    }
  }

  /**
   * Two throws in one local edit: the mutation the derivation refused is ROLLED_BACK, but the
   * store's op discards the transition's staged work on the throw ({@code AfterLock.discard}), so
   * its {@code result()} never completes and no transition listener hears it (rules 2 and 4: the
   * state is observable, the error reaches the handle). A caller that waits for the add waits
   * forever.
   */
  @Test
  void aMutationALocalEditRefusesIsSettledAndHeardEvenWhenTheEditThrows() {
    Fixture whole = Fixture.of();
    Slot.CALLS.set(0);
    whole.store.local("c1", c -> slot(c, "s9").setPinned(true));
    int calls = Slot.CALLS.get();

    List<String> broken = new ArrayList<>();
    for (int a = 0; a < calls; a++) {
      for (int b = a + 1; b < calls + 4; b++) {
        Fixture f = Fixture.of();
        List<MutationState> heard = new ArrayList<>();
        f.store.onTransition(
            t -> {
              if (t.mutation() == f.add) {
                heard.add(t.to());
              }
            });
        Slot.CALLS.set(0);
        Slot.THROW_AT.addAll(List.of(a, b));
        try {
          f.store.local("c1", c -> slot(c, "s9").setPinned(true));
        } catch (IllegalStateException refused) {
          // the caller may get the entity's exception
        } finally {
          Slot.THROW_AT.clear();
        }
        if (f.add.state() == MutationState.ROLLED_BACK
            && (!f.add.result().isDone() || !heard.contains(MutationState.ROLLED_BACK))) {
          broken.add(
              "throws at calls "
                  + a
                  + " and "
                  + b
                  + ": the add is ROLLED_BACK, its result "
                  + (f.add.result().isDone() ? "is done" : "never completes")
                  + ", listeners heard "
                  + heard);
        }
      }
    }
    assertEquals(List.of(), broken);
  }
}
