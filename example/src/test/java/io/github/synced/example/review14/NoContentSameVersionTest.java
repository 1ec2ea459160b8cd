package io.github.synced.example.review14;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review of 9bd12d1 (Answers.confirmUpdate: a 204 after a read whose version equals the write's
 * If-Match puts the written values over the read).
 */
class NoContentSameVersionTest {

  private final Held14Server server = new Held14Server();
  private final List<Doc14> heard = new ArrayList<>();

  private SyncStore<String, Doc14> store(boolean parallel, boolean load) {
    SyncStore.Builder<String, Doc14> b =
        SyncStore.of(Doc14Sync.TYPE)
            .remote(server)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run);
    if (parallel) {
      b.sendInParallel();
    }
    SyncStore<String, Doc14> store = b.build();
    if (load) {
      store.load(List.of(server.row()));
    }
    store.subscribe("d1", change -> heard.add(change.after()));
    return store;
  }

  private static Item14 item(Doc14 d, String id) {
    return d.items.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
  }

  private static void refetch(SyncStore<String, Doc14> store) {
    assertTrue(store.refetch().toCompletableFuture().isDone(), "lists are answered at once");
  }

  /**
   * A list read without versions (Spring Data REST lists) keeps the base's old version with the
   * read's newer fields, so its version equals the write's If-Match although it was read after the
   * write applied and after another writer. The answer cannot tell which came first: the written
   * title stays, as the user saw it, until a read sent after the answer brings the newer one; it is
   * never kept over it.
   */
  @Test
  void aVersionlessListReadDuringTheWriteIsDecidedByAReadAfterTheAnswer() {
    SyncStore<String, Doc14> store = store(false, true);
    Mutation<String, Doc14> w = store.update("d1", Doc14Patch.empty().title("B"));
    assertEquals(1L, server.writes.get(0).baseVersion());
    assertTrue(server.apply(0, true)); // v2: title B, its answer still on its way
    server.theyChange(d -> d.title = "C"); // v3: another writer's title
    server.listWithoutVersion = true;
    server.holdReads = true;
    refetch(store); // sent after both: title C, listed without its version
    heard.clear();

    server.answerEmpty(0);

    assertEquals(MutationState.CONFIRMED, w.state());
    assertEquals("B", store.get("d1").orElseThrow().title, "the written title, until a read");
    server.answerReads();
    assertEquals("C", store.get("d1").orElseThrow().title, "the read after the answer decides");
    assertEquals(3, store.get("d1").orElseThrow().version);
    assertEquals(
        List.of("B", "C"),
        heard.stream().map(d -> d.title).toList(),
        "no flicker: the written title, then the newer one");
  }

  /**
   * A server that ignores If-Match: another writer moved the version on, the read of that version
   * came before the write applied; the old branch keeps the read, so the item the write added
   * leaves the view until the read-again, which brings it back unpinned.
   */
  @Test
  void anAddedItemKeepsItsPinnedWhenAReadOfALaterVersionCameBeforeTheWrite() {
    SyncStore<String, Doc14> store = store(false, true);
    store.update("d1", Doc14Patch.empty().editItems(s -> s.add(new Item14("i4", "Four"))));
    store.local("d1", d -> item(d, "i4").pinned = true);
    server.theyChange(d -> d.note = "theirs"); // v2, before the write applied
    refetch(store); // reads v2: no i4
    assertTrue(server.apply(0, false)); // applied over v2 whatever its If-Match: v3 with i4
    server.holdReads = true;
    heard.clear();

    server.answerEmpty(0);
    server.answerReads();

    Item14 i4 = item(store.get("d1").orElseThrow(), "i4");
    assertNotNull(i4, "the read-again brings i4 back");
    assertTrue(i4.pinned, "i4 keeps its pinned after the read-again");
    for (Doc14 d : heard) {
      assertNotNull(item(d, "i4"), "i4 never leaves the view");
      assertTrue(item(d, "i4").pinned, "i4 stays pinned in every change heard");
    }
  }

  /**
   * An entity first read from a list without versions: its writes carry no If-Match, so the new
   * branch never applies; a read that came before the write applied hides the item the write added
   * until the read-again, which brings it back unpinned.
   */
  @Test
  void anAddedItemKeepsItsPinnedWhenTheWriteWentWithoutIfMatch() {
    SyncStore<String, Doc14> store = store(false, false);
    server.listWithoutVersion = true;
    refetch(store); // first seen without a version
    store.update("d1", Doc14Patch.empty().editItems(s -> s.add(new Item14("i4", "Four"))));
    assertNull(server.writes.get(0).baseVersion(), "no If-Match without a known version");
    store.local("d1", d -> item(d, "i4").pinned = true);
    server.listWithoutVersion = false;
    refetch(store); // reads v1 with its version: no i4 yet
    assertTrue(server.apply(0, false)); // v2 with i4
    server.holdReads = true;
    heard.clear();

    server.answerEmpty(0);
    server.answerReads();

    Item14 i4 = item(store.get("d1").orElseThrow(), "i4");
    assertNotNull(i4, "the read-again brings i4 back");
    assertTrue(i4.pinned, "i4 keeps its pinned after the read-again");
    for (Doc14 d : heard) {
      assertNotNull(item(d, "i4"), "i4 never leaves the view");
      assertTrue(item(d, "i4").pinned, "i4 stays pinned in every change heard");
    }
  }

  /**
   * Parallel sends to a server that ignores If-Match, both answered 204: the first leaves the base
   * at the old version with its values (versionStale); the second's answer state has that same
   * version, which a stale base refuses (Journal.accepts wants a newer one), so the second's note
   * leaves the view until the read-again, though readBefore took its state as right.
   */
  @Test
  void theSecondOfTwoParallelNoContentAnswersKeepsItsValue() {
    SyncStore<String, Doc14> store = store(true, true);
    store.update("d1", Doc14Patch.empty().title("B"));
    Mutation<String, Doc14> second = store.update("d1", Doc14Patch.empty().note("X"));
    assertEquals(2, server.writes.size(), "both sent at once");
    assertTrue(server.apply(0, false));
    assertTrue(server.apply(1, false)); // v3: title B, note X
    server.holdReads = true;
    server.answerEmpty(0);
    heard.clear();

    server.answerEmpty(1);

    assertEquals(MutationState.CONFIRMED, second.state());
    assertEquals("X", store.get("d1").orElseThrow().note, "the answer says X was written");
    assertTrue(
        heard.stream().allMatch(d -> "X".equals(d.note)),
        "heard: " + heard.stream().map(d -> d.note).toList());
    server.answerReads();
    assertEquals("X", store.get("d1").orElseThrow().note);
    assertEquals("B", store.get("d1").orElseThrow().title);
  }
}
