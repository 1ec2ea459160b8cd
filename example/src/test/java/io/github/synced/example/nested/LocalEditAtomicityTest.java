package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 12: a local edit of an entity that holds {@code @Synced} objects changes the state, the view
 * and the pending mutations that add an element; an entity setter that throws at any point of it
 * leaves all of them as they were, and the store working.
 */
class LocalEditAtomicityTest {

  /** A server that takes writes and answers them when told. */
  private static final class Waiting implements Remote<String, Shelf> {
    final List<CompletableFuture<Reply<Shelf>>> answers = new ArrayList<>();
    final List<Write<String, Shelf>> writes = new ArrayList<>();

    @Override
    public CompletionStage<Reply<Shelf>> send(Write<String, Shelf> write) {
      writes.add(write);
      CompletableFuture<Reply<Shelf>> answer = new CompletableFuture<>();
      answers.add(answer);
      return answer;
    }

    @Override
    public CompletionStage<Optional<Shelf>> fetch(String id) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<List<Shelf>> fetchAll() {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  @AfterEach
  void setterAcceptsAgain() {
    Part.PINNED_CALLS_LEFT.set(-1);
  }

  private static Shelf shelf() {
    Shelf s = new Shelf();
    s.id = "sh1";
    s.name = "Tools";
    s.version = 1;
    s.parts = new ArrayList<>(List.of(new Part("p1", "Hammer"), new Part("p2", "Saw")));
    return s;
  }

  /** A store with a pending add of {@code p9} and a pending remove of {@code p2}. */
  private record Fixture(
      SyncStore<String, Shelf> store,
      Waiting remote,
      Mutation<String, Shelf> add,
      Mutation<String, Shelf> remove) {

    static Fixture of() {
      Waiting remote = new Waiting();
      SyncStore<String, Shelf> store =
          SyncStore.of(ShelfSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
      store.load(List.of(shelf()));
      return new Fixture(
          store,
          remote,
          store.update("sh1", ShelfPatch.empty().editParts(p -> p.add(new Part("p9", "Level")))),
          store.update("sh1", ShelfPatch.empty().editParts(p -> p.remove("p2"))));
    }

    Shelf view() {
      return store.get("sh1").orElseThrow();
    }
  }

  private static Part part(Shelf s, String id) {
    return s.parts.stream().filter(p -> p.getId().equals(id)).findFirst().orElse(null);
  }

  private static String pins(Shelf s) {
    return s.parts.stream().map(p -> p.getId() + ":" + p.isPinned()).toList().toString();
  }

  @Test
  void aSetterThatThrowsAtAnyPointOfALocalEditLeavesTheStoreAsItWasOrRefusesOneMutation() {
    // Count the setter's calls in one whole edit, then make it throw at each of them in turn.
    Fixture whole = Fixture.of();
    Part.PINNED_CALLS_LEFT.set(1_000_000);
    whole.store.local("sh1", s -> part(s, "p9").setPinned(true));
    int calls = 1_000_000 - Part.PINNED_CALLS_LEFT.get();
    Part.PINNED_CALLS_LEFT.set(-1);
    assertTrue(calls > 2, "the edit, the state, the view and the pending add each set it");
    assertEquals("[p1:false, p9:true]", pins(whole.view()));

    int threw = 0;
    for (int k = 0; k < calls; k++) {
      Fixture f = Fixture.of();
      String before = pins(f.view());
      Part.PINNED_CALLS_LEFT.set(k);
      boolean thrown;
      try {
        f.store.local("sh1", s -> part(s, "p9").setPinned(true));
        thrown = false;
      } catch (IllegalStateException refused) {
        thrown = true;
      } finally {
        Part.PINNED_CALLS_LEFT.set(-1);
      }
      if (thrown) {
        threw++;
        assertEquals(before, pins(f.view()), "the view, after a throw at call " + k);
        assertEquals(List.of(f.add, f.remove), f.store.pending(), "call " + k);
      }
      // Otherwise it threw where the edit was taken: applying a pending mutation again on the
      // edited state (that mutation is refused, rule 12), or copying for a listener (reported).
      // Either way the store still works, and no value of a failed edit is carried: once the
      // server confirms the add and refuses the remove, every part is as the server and the user
      // have it.
      f.remote.answers.get(0).complete(Reply.entity(confirmed(f.remote.writes.get(0))));
      if (f.remote.answers.size() > 1) {
        f.remote.answers.get(1).completeExceptionally(SyncFailure.rejected(422, "refused"));
      }
      assertTrue(f.store.pending().isEmpty(), "call " + k);
      assertEquals(
          thrown ? "[p1:false, p2:false, p9:false]" : "[p1:false, p2:false, p9:true]",
          pins(f.view()),
          "after call " + k);
      f.store.local("sh1", s -> part(s, "p2").setPinned(true));
      assertTrue(part(f.view(), "p2").isPinned());
    }
    assertTrue(threw > 0, "some throws reach the caller");
  }

  /** The shelf a write leaves on the server: the loaded one with the write's change. */
  private static Shelf confirmed(Write<String, Shelf> write) {
    Shelf s = write.patch().applyTo(shelf());
    s.version = 2;
    return s;
  }
}
