package io.github.synced.example.review13;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/**
 * Review 13, item 4 (superseded fields): a later edit of ours confirmed on a created entity's early
 * copy supersedes, in an older edit made on the temporary id, every field the later one sent. With
 * {@code editX} a field is sent whole though the edit changed one entry: the later edit of entry
 * {@code b} marks the older edit of entry {@code a} as superseded. The older edit's change then
 * leaves the view, and on the 412 that follows it is confirmed "superseded by a later mutation the
 * server has", though no mutation ever wrote entry {@code a}: a lost edit reported CONFIRMED (rules
 * 3, 8, 9: disjoint changes merge and are resent).
 */
class EarlyCopyInsideSupersedeTest {

  private static Shelf13 shelf(String id, long version) {
    Shelf13 s = new Shelf13();
    s.id = id;
    s.name = "Tools";
    s.version = version;
    s.slots = new LinkedHashMap<>();
    s.slots.put("a", new Bin13("b1", "Bolts"));
    s.slots.put("b", new Bin13("b2", "Nuts"));
    return s;
  }

  @Test
  void aLaterEditOfAnotherEntryDoesNotSupersedeAnOlderEditOfTheCreatedEntity() {
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    SyncStore<String, Shelf13> store =
        SyncStore.of(Shelf13Sync.TYPE)
            .remote(remote)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    java.util.List<String> reasons = new java.util.ArrayList<>();
    store.onTransition(t -> reasons.add(t.mutation().id() + "#" + t.to() + ": " + t.reason()));
    Mutation<String, Shelf13> create = store.create(shelf(null, 0));
    String temp = create.id();
    Mutation<String, Shelf13> older =
        store.update(
            temp, Shelf13Patch.empty().editSlots(c -> c.update("a", x -> x.title("older"))));

    store.receive(shelf("h1", 1)); // the server's copy arrives before the create's answer
    Mutation<String, Shelf13> later =
        store.update(
            "h1", Shelf13Patch.empty().editSlots(c -> c.update("b", x -> x.title("later"))));
    assertEquals(2, remote.writes.size(), "the create and the later edit are out");

    remote.answers.get(0).complete(Reply.entity(shelf("h1", 1))); // the two become one
    assertEquals(MutationState.CONFIRMED, create.state());
    Shelf13 v2 = shelf("h1", 2);
    v2.slots.get("b").title = "later";
    remote.answers.get(1).complete(Reply.entity(v2)); // the later edit is applied
    assertEquals(MutationState.CONFIRMED, later.state());

    Shelf13 view = store.get("h1").orElseThrow();
    assertEquals("later", view.slots.get("b").title);
    String whilePending = view.slots.get("a").title; // the older edit of entry a is still ours

    // The older edit's send (on version 1) meets version 2: 412, theirs = v2.
    int olderWrite = remote.writes.size() - 1;
    assertEquals(3, remote.writes.size(), "the older edit went out");
    remote
        .answers
        .get(olderWrite)
        .completeExceptionally(SyncFailure.conflict(412, "version moved on", v2));
    if (remote.writes.size() > 3) { // merged and resent
      Shelf13 v3 = shelf("h1", 3);
      v3.slots.get("b").title = "later";
      v3.slots.get("a").title = "older";
      remote.answers.get(3).complete(Reply.entity(v3));
    }
    view = store.get("h1").orElseThrow();
    assertEquals(
        "older/older",
        whilePending + "/" + view.slots.get("a").title,
        "entry a's title while the older edit waits / at the end; the older edit is "
            + older.state()
            + " after "
            + remote.writes.size()
            + " sends; transitions "
            + reasons);
  }
}
