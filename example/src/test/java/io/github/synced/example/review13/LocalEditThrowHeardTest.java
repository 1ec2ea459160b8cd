package io.github.synced.example.review13;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Review 13, on {@code Core.transition} now delivering what a throwing store call staged and {@code
 * Edits.local} deriving the view again without a mutation it refused: a local edit whose entity
 * code throws twice refuses the queued add of {@code s9} (ROLLED_BACK, heard by transition
 * listeners) and throws to the caller. The view changes (the add's {@code s9} leaves it), so the
 * store's change listeners must hear it (rule 4: "listeners hear the rollback as a change with its
 * cause"; rule 1: what user code sees is the derived view): the last change they heard must show
 * the entity as {@code store.get} gives it.
 */
class LocalEditThrowHeardTest {

  @AfterEach
  void setterAcceptsAgain() {
    Slot13.THROW_AT.clear();
  }

  private static Crate13 crate() {
    Crate13 c = new Crate13();
    c.id = "c1";
    c.name = "Spares";
    c.version = 1;
    c.slots = new ArrayList<>(List.of(new Slot13("s1", "Bolts"), new Slot13("s2", "Washers")));
    return c;
  }

  private static Slot13 slot(Crate13 c, String id) {
    return c.slots.stream().filter(s -> s.getId().equals(id)).findFirst().orElse(null);
  }

  private static List<String> ids(Crate13 c) {
    return c.slots.stream().map(Slot13::getId).toList();
  }

  @Test
  void aRollbackALocalEditCausesBeforeItThrowsIsHeardAsAChange() {
    int calls;
    {
      SyncStore<String, Crate13> store = store(new HeldRemote<>());
      store.update("c1", Crate13Patch.empty().name("Spare parts"));
      store.update("c1", Crate13Patch.empty().editSlots(s -> s.add(new Slot13("s9", "Nuts"))));
      Slot13.CALLS.set(0);
      store.local("c1", c -> slot(c, "s9").setPinned(true));
      calls = Slot13.CALLS.get();
    }
    List<String> broken = new ArrayList<>();
    int cases = 0;
    for (int a = 0; a < calls; a++) {
      for (int b = a + 1; b < calls + 4; b++) {
        SyncStore<String, Crate13> store = store(new HeldRemote<>());
        store.update("c1", Crate13Patch.empty().name("Spare parts"));
        Mutation<String, Crate13> add =
            store.update(
                "c1", Crate13Patch.empty().editSlots(s -> s.add(new Slot13("s9", "Nuts"))));
        List<Change<String, Crate13>> heard = new ArrayList<>();
        store.subscribe(heard::add);
        Slot13.CALLS.set(0);
        Slot13.THROW_AT.addAll(List.of(a, b));
        boolean thrown = false;
        boolean copyForListenersThrew = false;
        Thread self = Thread.currentThread();
        Thread.UncaughtExceptionHandler handler = self.getUncaughtExceptionHandler();
        List<Throwable> reported = new ArrayList<>();
        self.setUncaughtExceptionHandler((t, ex) -> reported.add(ex));
        try {
          store.local("c1", c -> slot(c, "s9").setPinned(true));
        } catch (IllegalStateException refused) {
          thrown = true;
          // The second throw came while the store copied the view for the listeners (when it
          // announced, or when it delivered): there is no copy to tell them with, though the view
          // itself is right; the caller or the thread's handler has that throw.
          copyForListenersThrew = refused.getSuppressed().length > 0 || !reported.isEmpty();
        } finally {
          Slot13.THROW_AT.clear();
          self.setUncaughtExceptionHandler(handler);
        }
        if (!thrown || add.state() != MutationState.ROLLED_BACK || copyForListenersThrew) {
          continue;
        }
        cases++;
        List<String> now = ids(store.get("c1").orElseThrow());
        List<String> last = heard.isEmpty() ? null : ids(heard.get(heard.size() - 1).after());
        if (!now.equals(last)) {
          broken.add(
              "throws at calls "
                  + a
                  + " and "
                  + b
                  + ": the view is "
                  + now
                  + ", listeners last heard "
                  + (heard.isEmpty()
                      ? "nothing"
                      : last + " (" + heard.get(heard.size() - 1).cause() + ")"));
        }
      }
    }
    System.out.println("review13: cases where the edit threw and the add was refused: " + cases);
    assertEquals(List.of(), broken);
  }

  private static SyncStore<String, Crate13> store(HeldRemote<String, Crate13> remote) {
    SyncStore<String, Crate13> store =
        SyncStore.of(Crate13Sync.TYPE).remote(remote).notifyOn(Runnable::run).build();
    store.load(List.of(crate()));
    return store;
  }
}
