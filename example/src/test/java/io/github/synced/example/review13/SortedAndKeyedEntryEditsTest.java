package io.github.synced.example.review13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Review 13: {@code editX} on a map of {@code @Synced} values ({@code EntryEdits}) through a real
 * store: a sorted map with its own comparator, a put of a key that holds the same element (by id),
 * and a put the resolver keeps after another writer put something else at that key.
 */
class SortedAndKeyedEntryEditsTest {

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

  private static SyncStore<String, Shelf13> store(
      HeldRemote<String, Shelf13> remote, ConflictPolicy<Shelf13> policy, Shelf13 loaded) {
    SyncStore<String, Shelf13> store =
        SyncStore.of(Shelf13Sync.TYPE)
            .remote(remote)
            .conflicts(policy)
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(loaded));
    return store;
  }

  private static Shelf13 view(SyncStore<String, Shelf13> store) {
    return store.get("h1").orElseThrow();
  }

  /**
   * The store keeps a sorted map's comparator (its copies are made with {@code comparator()}), so
   * the view of a reverse-ordered map iterates c, b, a. An update of one entry by key must not
   * change the map's order: README "a new key goes ... in key order in a TreeMap" (its key order),
   * rule 1 (base ⊕ pending: the pending change is one entry's title).
   */
  @Test
  void anEntryEditKeepsTheSortedMapsComparator() {
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    Shelf13 loaded = shelf(1);
    loaded.bins = new TreeMap<>(Comparator.<String>reverseOrder());
    loaded.bins.put("a", new Bin13("x1", "A"));
    loaded.bins.put("b", new Bin13("x2", "B"));
    loaded.bins.put("c", new Bin13("x3", "C"));
    SyncStore<String, Shelf13> store = store(remote, ConflictPolicy.serverWins(), loaded);
    assertEquals(List.of("c", "b", "a"), List.copyOf(view(store).bins.keySet()), "as loaded");

    store.update("h1", Shelf13Patch.empty().editBins(b -> b.update("b", x -> x.title("Bee"))));
    Shelf13 after = view(store);
    assertEquals("Bee", after.bins.get("b").title);
    assertEquals(
        List.of("c", "b", "a"),
        List.copyOf(after.bins.keySet()),
        "one entry's title changed; the map's order must not");
  }

  /**
   * A case-insensitive sorted map holds {@code Todo}; {@code view.bins.get("todo")} finds it, so an
   * update of key {@code todo} addresses an entry the map the user sees has. The store refuses it
   * ("it has no element at key 'todo'"), and had it been taken, the applied map would have lost the
   * comparator.
   */
  @Test
  void anUpdateOfAKeyTheSortedMapFindsIsNotRefused() {
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    Shelf13 loaded = shelf(1);
    loaded.bins = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    loaded.bins.put("Todo", new Bin13("x1", "Plan"));
    SyncStore<String, Shelf13> store = store(remote, ConflictPolicy.serverWins(), loaded);
    assertNotNull(view(store).bins.get("todo"), "the user's map finds key todo");

    Mutation<String, Shelf13> m =
        store.update("h1", Shelf13Patch.empty().editBins(b -> b.update("todo", x -> x.title("P"))));
    assertEquals("P", view(store).bins.get("Todo").title);
    assertEquals(MutationState.SENDING, m.state());
  }

  /**
   * A put of key {@code a} with the element {@code a} already holds (same id {@code b1}, a new
   * title): the element is replaced in place, and its local-only {@code expanded} is the element's
   * (README: maps of @Synced values merged by id, keeping each element's local-only state; rule 3:
   * local-only values never lost) while pending and after the confirm.
   */
  @Test
  void aPutOfTheSameElementAtItsKeyKeepsItsLocalOnlyValue() {
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    SyncStore<String, Shelf13> store = store(remote, ConflictPolicy.serverWins(), shelf(1));
    store.local("h1", s -> s.slots.get("a").expanded = true);

    Mutation<String, Shelf13> m =
        store.update(
            "h1", Shelf13Patch.empty().editSlots(c -> c.put("a", new Bin13("b1", "Bolt"))));
    assertEquals("Bolt", view(store).slots.get("a").title);
    assertTrue(view(store).slots.get("a").expanded, "while pending: the same element, b1");

    Shelf13 server = shelf(2);
    server.slots.get("a").title = "Bolt";
    remote.answers.get(0).complete(Reply.entity(server));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(view(store).slots.get("a").expanded, "after the confirm");
  }

  /**
   * We put a new element {@code b9} at new key {@code c} and expand it; another writer put {@code
   * b8} at {@code c} meanwhile (412). The resolver keeps ours ({@code mine}): {@code b9} at {@code
   * c} is an element only our pending mutation ever held, so its local-only value lives in that
   * mutation and survives (README: "The local-only values of an element only a pending mutation
   * holds ... survive rebases, its confirm").
   */
  @Test
  void aPutTheResolverKeepsKeepsItsLocalOnlyValue() {
    HeldRemote<String, Shelf13> remote = new HeldRemote<>();
    SyncStore<String, Shelf13> store =
        store(
            remote, ConflictPolicy.resolveWithPaths((base, mine, theirs, paths) -> mine), shelf(1));
    Mutation<String, Shelf13> m =
        store.update(
            "h1", Shelf13Patch.empty().editSlots(c -> c.put("c", new Bin13("b9", "Ours"))));
    store.local("h1", s -> s.slots.get("c").expanded = true);
    assertTrue(view(store).slots.get("c").expanded);

    Shelf13 theirs = shelf(2);
    theirs.slots.put("c", new Bin13("b8", "Theirs"));
    remote.answers.get(0).completeExceptionally(SyncFailure.conflict(412, "moved on", theirs));
    Shelf13 resolvedView = view(store);
    assertEquals("b9", resolvedView.slots.get("c").id, "the resolver kept ours");
    assertTrue(resolvedView.slots.get("c").expanded, "with its local-only value, after the 412");

    assertEquals(2, remote.writes.size(), "resent on the new base");
    Shelf13 server = shelf(3);
    server.slots.put("c", new Bin13("b9", "Ours"));
    remote.answers.get(1).complete(Reply.entity(server));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(view(store).slots.get("c").expanded, "and after the confirm");
  }
}
