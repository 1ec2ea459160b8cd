package io.github.synced.runtime;

import static io.github.synced.runtime.QueryTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Lister.ByDone;
import io.github.synced.runtime.QueryState.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Paged queries: load more, refetch every page, bad pages, and page reads racing mutations. */
class QueryPagesTest {

  private static final ByDone OPEN = new ByDone(false);

  /** Seven open cards a–g on the server, two to a page. */
  private static Harness board() {
    Harness h = new Harness();
    for (char id = 'a'; id <= 'g'; id++) {
      h.server.put(String.valueOf(id), "card " + id, false);
    }
    return h;
  }

  private static Lister lister(Harness h) {
    Lister l = new Lister(h.server);
    l.size = 2;
    return l;
  }

  @Test
  void loadMoreAppendsTheNextPageUntilTheLast() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);

    open.loadMore().join(); // never read: the first page
    assertEquals(List.of("a", "b"), ids(open));
    assertTrue(open.state().hasMore());
    open.loadMore().join();
    open.loadMore().join();
    open.loadMore().join();
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), ids(open));
    assertFalse(open.state().hasMore());

    open.loadMore().join();
    assertEquals(List.of("false/p1", "false/p2", "false/p3", "false/p4"), lister.reads);
  }

  @Test
  void aRefetchReadsAsManyPagesAsTheListHoldsAndReplacesIt() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    open.loadMore().join();
    h.server.edit("b", c -> c.done = true); // leaves the open list on the server

    lister.reads.clear();
    open.refetch().join();

    assertEquals(List.of("false/p1", "false/p2"), lister.reads);
    assertEquals(List.of("a", "c", "d", "e"), ids(open));
    assertFalse(
        h.view("b").done,
        "a page is server truth for its range only: b, unlisted, stays as it was");
    assertTrue(h.store.get("b").isPresent(), "and in the store");
  }

  @Test
  void anEntityThatMovedOntoTheNextPageShowsOnce() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    h.server.put("0", "card 0", false); // sorts first: b moves onto page 2

    open.loadMore().join();

    assertEquals(List.of("a", "b", "c"), ids(open));
  }

  @Test
  void aPageReadRacingAMutationCannotUndoItsConfirmedWrite() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    h.store.load(h.server.all());
    lister.hold = true;
    CompletableFuture<Void> more = open.loadMore(); // reads c and d as they are now
    h.store.update("c", CardPatch.empty().title("card c, renamed"));
    h.server.next().answerLikeServer();

    lister.release();
    assertTrue(more.isDone());
    assertEquals("card c, renamed", h.view("c").title);
    assertEquals("card c, renamed", open.items().get(2).title);
    h.assertSyncedWithServer("c");
  }

  @Test
  void withoutVersionsAPageReadSentBeforeAConfirmedWriteCannotUndoIt() {
    Harness h = new Harness(CardType.UNVERSIONED, b -> {});
    h.server.versioned = false;
    for (char id = 'a'; id <= 'd'; id++) {
      h.server.put(String.valueOf(id), "card " + id, false);
    }
    h.store.load(h.server.all());
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    lister.hold = true;
    CompletableFuture<Void> read = open.refetch(); // reads a and b as they are now
    h.store.update("a", CardPatch.empty().title("card a, renamed"));
    h.server.next().answerLikeServer();

    lister.release();
    assertTrue(read.isDone());
    assertEquals("card a, renamed", h.view("a").title, "send order decides without versions");
    assertEquals("card a, renamed", open.items().get(0).title);
  }

  @Test
  void aCursorLoopFailsTheReadAndKeepsTheData() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    open.loadMore().join();
    lister.answer =
        (page, honest) ->
            CompletableFuture.completedFuture(
                Page.ofReplies(honest.items(), "p2")); // page 3 points back at page 2

    CompletableFuture<Void> looped = open.loadMore();
    CompletionException e = assertThrows(CompletionException.class, looped::join);

    assertInstanceOf(BadServerDataException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("\"p2\""), e.getCause().getMessage());
    assertEquals(Status.FAILED, open.state().status());
    assertEquals(List.of("a", "b", "c", "d"), ids(open));
  }

  @Test
  void aRefetchWhosePagesNeverEndStopsAtMaxPages() {
    Harness h = board();
    Lister lister = lister(h);
    int[] n = {0};
    lister.answer =
        (page, honest) -> {
          int index = page == null ? 1 : Integer.parseInt(page.substring(1));
          n[0]++;
          return CompletableFuture.completedFuture(
              Page.ofReplies(honest.items(), "p" + (index + 1))); // always one more
        };
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).maxPages(3).build(), OPEN);
    open.refetch().join();
    open.loadMore().join();
    open.loadMore().join();

    CompletionException e = assertThrows(CompletionException.class, () -> open.loadMore().join());
    assertTrue(e.getCause().getMessage().contains("maxPages"), e.getCause().getMessage());
    assertEquals(Status.FAILED, open.state().status());
    assertEquals(6, open.items().size(), "the three pages are kept");
    assertEquals(3, n[0]);
  }

  @Test
  void loadMoreWaitsForARefetchOnItsWay() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    lister.hold = true;

    CompletableFuture<Void> refetch = open.refetch();
    CompletableFuture<Void> more = open.loadMore();
    assertEquals(1, lister.held());
    lister.release();
    assertTrue(refetch.isDone());
    assertEquals(1, lister.held(), "then the next page");
    assertTrue(open.state().loadingMore());
    lister.release();
    assertTrue(more.isDone());
    assertEquals(List.of("a", "b", "c", "d"), ids(open));
    assertFalse(open.state().loadingMore());
  }

  @Test
  void aBadLaterPageOfARefetchKeepsTheListAndTheEarlierPagesEntities() {
    Harness h = board();
    Lister lister = lister(h);
    Query<ByDone, String, Card> open = h.store.query(lister.type(false).build(), OPEN);
    open.refetch().join();
    open.loadMore().join();
    h.server.edit("a", c -> c.title = "card a, new");
    lister.answer =
        (page, honest) ->
            page == null
                ? CompletableFuture.completedFuture(honest)
                : CompletableFuture.failedFuture(
                    SyncFailure.transientFailure(503, "busy", null, null));

    assertThrows(CompletionException.class, () -> open.refetch().join());

    assertEquals(Status.FAILED, open.state().status());
    assertEquals(List.of("a", "b", "c", "d"), ids(open));
    assertEquals("card a, new", h.view("a").title, "page 1 is server truth and was taken");
  }
}
