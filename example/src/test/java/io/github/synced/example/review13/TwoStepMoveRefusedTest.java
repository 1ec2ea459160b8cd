package io.github.synced.example.review13;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review 13: the user moves bin {@code b1} from key {@code a} to key {@code c} in two edits, a
 * remove and then a put (the store takes the put: no other key holds {@code b1} in the view). The
 * server refuses the remove. Rule 4 rolls back only the remove, so {@code b1} comes back at {@code
 * a}, and the put stays: the view now holds {@code b1} at two keys, the state {@code update}
 * refuses to create ("it already has an element with id 'b1', at key 'a'"), and the put's body
 * sends it twice.
 */
class TwoStepMoveRefusedTest {

  @Test
  void aRefusedRemoveNeverLeavesOneElementAtTwoKeys() {
    Shelf13 s = new Shelf13();
    s.id = "h1";
    s.name = "Tools";
    s.version = 1;
    s.slots = new LinkedHashMap<>();
    s.slots.put("a", new Bin13("b1", "Bolts"));
    s.slots.put("b", new Bin13("b2", "Nuts"));
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    SyncStore<String, Shelf13> store =
        SyncStore.of(Shelf13Sync.TYPE)
            .remote(remote)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(s));

    Mutation<String, Shelf13> remove =
        store.update("h1", Shelf13Patch.empty().editSlots(c -> c.remove("a")));
    Bin13 moved = new Bin13("b1", "Bolts");
    Bin13 element = moved;
    store.update("h1", Shelf13Patch.empty().editSlots(c -> c.put("c", element)));
    assertEquals(List.of("b", "c"), List.copyOf(store.get("h1").orElseThrow().slots.keySet()));

    remote.answers.get(0).completeExceptionally(SyncFailure.rejected(422, "refused"));
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    Shelf13 view = store.get("h1").orElseThrow();
    List<String> ids = view.slots.values().stream().map(b -> b.id).toList();
    assertEquals(
        ids.stream().distinct().count(),
        ids.size(),
        "keys " + view.slots.keySet() + " hold ids " + ids);
  }
}
