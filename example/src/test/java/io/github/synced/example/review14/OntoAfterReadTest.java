package io.github.synced.example.review14;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review of fd557c4 (Answers.confirmUpdate: after a read of another version, an answer without a
 * version puts Layer.onto, the mutation's own change, over the read, and reads again).
 */
class OntoAfterReadTest {

  private final Held14Server server = new Held14Server();
  private final List<Doc14> heard = new ArrayList<>();

  private SyncStore<String, Doc14> store() {
    SyncStore<String, Doc14> store =
        SyncStore.of(Doc14Sync.TYPE)
            .remote(server)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(server.row()));
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
   * A server that checks If-Match. The write of i1 applied (v2), another writer then retitled i1
   * (v3), and a read of v3 came before the 204. onto puts "X" over v3's "Y" and leaves the base at
   * version 3, whose state on the server holds "Y". The queued edit of the items goes at once with
   * If-Match 3 and the whole list built on that base: the server accepts it and the other writer's
   * change is lost, before the read sent with the answer can decide (rules 8, 9: If-Match on a base
   * that is not that version's state).
   */
  @Test
  void aQueuedSendDoesNotGoWithTheReadsVersionOverAStateTheServerNeverHadAtIt() {
    SyncStore<String, Doc14> store = store();
    Mutation<String, Doc14> first =
        store.update("d1", Doc14Patch.empty().editItems(s -> s.update("i1", p -> p.title("X"))));
    Mutation<String, Doc14> second =
        store.update("d1", Doc14Patch.empty().editItems(s -> s.add(new Item14("i4", "Four"))));
    assertEquals(1, server.writes.size(), "serial: the second waits");
    assertTrue(server.apply(0, true)); // v2: i1 X
    server.theyChange(d -> item(d, "i1").title = "Y"); // v3: another writer's i1
    server.holdReads = true;
    refetch(store); // reads v3: i1 Y

    server.answerEmpty(0);
    assertEquals(MutationState.CONFIRMED, first.state());
    String early =
        server.writes.size() > 1
            ? "sent before the read-again with If-Match " + server.writes.get(1).baseVersion()
            : "held";
    if (server.writes.size() > 1) {
      // sent before the read-again answered
      server.apply(1, true);
      server.answerEmpty(1);
    }
    server.answerReads();
    server.holdReads = false;
    if (server.writes.size() > 1 && second.state() != MutationState.CONFIRMED) {
      server.apply(1, true);
      server.answerEmpty(1);
    }
    assertEquals(
        "Y",
        item(server.row(), "i1").title,
        "the other writer's later title stays on the server; the second was " + early);
  }

  /**
   * The server normalizes the written title and names it in its answer, without a version, after a
   * read of a later version came: the answer's field must win (rule 3), but onto puts the sent
   * value, which the server never had, into the base until the read-again answers.
   */
  @Test
  void theFieldTheAnswerNamesWinsOverTheSentValue() {
    SyncStore<String, Doc14> store = store();
    Mutation<String, Doc14> w = store.update("d1", Doc14Patch.empty().title("b"));
    server.theyChange(d -> d.note = "theirs"); // v2
    refetch(store); // reads v2
    assertTrue(server.apply(0, false));
    server.holdReads = true;

    server.answerFields(0, Doc14Patch.empty().title("B")); // normalized, no version

    assertEquals(MutationState.CONFIRMED, w.state());
    assertEquals("B", store.get("d1").orElseThrow().title, "the answer's title wins");
    assertEquals("theirs", store.get("d1").orElseThrow().note);
  }
}
