package io.github.synced.example.review13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncStore;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review 13: a pending update of a map entry ({@code editSlots(c -> c.update("a", ..))}) is bound
 * to the element {@code a} held ({@code b1}). Another writer moves {@code b1} to key {@code z} (a
 * push arrives while our edit waits behind another send). The element is still there, with its id;
 * the update now does nothing, the body sent carries nothing of it, and the mutation is CONFIRMED:
 * the user's edit is lost without a conflict, a rollback or any word (rule 8: "pending mutations
 * are re-applied on top: no flicker back, no lost edit"; rule 3: CONFIRMED means the server took
 * it). {@code ElementEdits} by id follows the element wherever it moves; {@code AsWritten} matches
 * a map's values by id whatever key; only the pending edit loses it.
 */
class MovedElementEditTest {

  private static Shelf13 shelf(long version) {
    Shelf13 s = new Shelf13();
    s.id = "h1";
    s.name = "Tools";
    s.version = version;
    s.slots = new LinkedHashMap<>();
    s.slots.put("a", new Bin13("b1", "Bolts"));
    s.slots.put("b", new Bin13("b2", "Nuts"));
    return s;
  }

  @Test
  void anUpdateOfAnElementAnotherWriterMovedToAnotherKeyIsNotConfirmedAsIfTaken() {
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    SyncStore<String, Shelf13> store =
        SyncStore.of(Shelf13Sync.TYPE)
            .remote(remote)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(shelf(1)));
    Mutation<String, Shelf13> rename = store.update("h1", Shelf13Patch.empty().name("Toolbox"));
    Mutation<String, Shelf13> edit =
        store.update(
            "h1", Shelf13Patch.empty().editSlots(c -> c.update("a", x -> x.title("Mine"))));
    assertEquals(1, remote.writes.size(), "the edit waits behind the rename");

    Shelf13 moved = shelf(2);
    moved.slots.remove("a");
    moved.slots.put("z", new Bin13("b1", "Bolts")); // another writer: b1 moves to key z
    store.receive(moved);

    Shelf13 renamed = shelf(3);
    renamed.slots = moved.slots;
    renamed.name = "Toolbox";
    remote.answers.get(0).complete(Reply.entity(renamed));
    assertEquals(MutationState.CONFIRMED, rename.state());
    assertEquals(2, remote.writes.size(), "the edit is sent now");
    Shelf13 sent = remote.writes.get(1).patch().applyTo(new Shelf13());
    Shelf13 server = shelf(4);
    server.name = "Toolbox";
    server.slots = sent.slots;
    remote.answers.get(1).complete(Reply.entity(server));

    Shelf13 view = store.get("h1").orElseThrow();
    String title = view.slots.get("z").title;
    assertFalse(
        edit.state() == MutationState.CONFIRMED && !"Mine".equals(title),
        "the edit is "
            + edit.state()
            + ", the body sent had "
            + sent.slots.keySet()
            + ", and b1 (at z) is titled '"
            + title
            + "'");
  }
}
