package io.github.synced.example.breakers11;

import static io.github.synced.runtime.QueryState.Status.FAILED;
import static io.github.synced.runtime.QueryState.Status.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Page;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.Subscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Pages, optimistic membership and races of queries over scripted reads. Issue 11 tester. */
class QueryPagesAndMembershipTest extends ScriptedBase {

  @Test
  void loadMoreAppendsAndAnEntityThatMovedShowsOnce() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    var unused = q.refetch();
    reads.answer("p2", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertTrue(q.state().hasMore());
    CompletableFuture<Void> more = q.loadMore();
    assertTrue(q.state().loadingMore());
    assertEquals("p2", reads.last().token());
    reads.answer(null, issue("2", "b", "open", 1), issue("3", "c", "open", 1));
    assertTrue(more.isDone());
    assertEquals(List.of("1", "2", "3"), ids(q));
    assertFalse(q.state().hasMore());
    int before = reads.count();
    assertTrue(q.loadMore().isDone(), "no more pages: done at once");
    assertEquals(before, reads.count());
  }

  @Test
  void refetchReadsAsManyPagesAndReplacesOnlyAtTheEnd() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    var unused = q.refetch();
    reads.answer("p2", issue("1", "a", "open", 1));
    var unused2 = q.loadMore();
    reads.answer("p3", issue("2", "b", "open", 1));
    CompletableFuture<Void> f = q.refetch();
    assertEquals(null, reads.last().token(), "a refetch starts at the first page");
    reads.answer("p2'", issue("3", "c", "open", 1));
    assertEquals(List.of("1", "2"), ids(q), "the old list shows until the last page answered");
    assertEquals("p2'", reads.last().token(), "follows the server's fresh token");
    reads.answer("p3'", issue("1", "a", "open", 1));
    assertTrue(f.isDone(), "two pages were held, two are read");
    assertEquals(List.of("3", "1"), ids(q));
    assertTrue(q.state().hasMore());
  }

  @Test
  void aCursorLoopFailsWithTheListKept() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    var unused = q.refetch();
    reads.answer("c1", issue("1", "a", "open", 1));
    CompletableFuture<Void> more = q.loadMore();
    reads.answer("c1", issue("2", "b", "open", 1));
    assertEquals(FAILED, q.state().status(), "a cursor seen twice is a loop");
    assertTrue(more.isCompletedExceptionally());
    assertTrue(ids(q).contains("1"), "the list is kept: " + ids(q));
    int before = reads.count();
    var unused3 = q.loadMore();
    if (reads.count() > before) {
      assertEquals(
          "c1", reads.last().token(), "after a loop, loadMore may retry the failed page only");
      reads.answer("c1", issue("2", "b", "open", 1));
      assertEquals(FAILED, q.state().status(), "the loop is refused again");
      assertEquals(List.of("1"), ids(q).subList(0, 1));
    }
  }

  @Test
  void aLoopAcrossARefetchFails() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    var unused = q.refetch();
    reads.answer("A", issue("1", "a", "open", 1));
    var unused2 = q.loadMore();
    reads.answer("B", issue("2", "b", "open", 1));
    var unused3 = q.loadMore();
    reads.answer("A", issue("3", "c", "open", 1));
    assertEquals(FAILED, q.state().status(), "page B pointed back to A");
    assertEquals(List.of("1", "2"), ids(q).subList(0, 2));
  }

  @Test
  void maxPagesEndsARefetchThatNeverEnds() {
    QueryType<ByState, Issue> t = QueryType.builder("two pages max", reads).maxPages(2).build();
    Query<ByState, String, Issue> q = store.query(t, new ByState("open"));
    var unused = q.refetch();
    reads.answer("p2", issue("1", "a", "open", 1));
    var unused2 = q.loadMore();
    reads.answer("p3", issue("2", "b", "open", 1));
    CompletableFuture<Void> third = q.loadMore();
    if (reads.count() == 3) {
      reads.answer("p4", issue("3", "c", "open", 1));
    }
    assertTrue(third.isCompletedExceptionally(), "a third page is more than maxPages(2)");
    assertEquals(FAILED, q.state().status());
    assertEquals(List.of("1", "2"), ids(q));
  }

  @Test
  void twoQueriesOverOneEntityShowOneEdit() {
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    QueryType<ByState, Issue> all = QueryType.builder("all", reads).build();
    Query<ByState, String, Issue> everything = store.query(all, new ByState("any"));
    var unused = everything.refetch();
    reads.answer(null, issue("2", "b", "closed", 1), issue("1", "a", "open", 1));
    var unusedM = issues.update("1", p -> p.title("a2"));
    assertEquals("a2", open.items().get(0).getTitle());
    assertEquals("a2", everything.items().get(1).getTitle());
    issues.local("1", i -> i.setExpanded(true));
    assertTrue(open.items().get(0).isExpanded() && everything.items().get(1).isExpanded());
  }

  @Test
  void deleteLeavesEveryListAndComesBackAtItsIndex() {
    Query<ByState, String, Issue> open =
        ready(
            "open",
            issue("1", "a", "open", 1),
            issue("2", "b", "open", 1),
            issue("3", "c", "open", 1));
    QueryType<ByState, Issue> all = QueryType.builder("all", reads).build();
    Query<ByState, String, Issue> everything = store.query(all, new ByState("any"));
    var unused = everything.refetch();
    reads.answer(null, issue("2", "b", "open", 1), issue("9", "z", "closed", 1));
    Mutation<String, Issue> d = store.delete("2");
    assertEquals(List.of("1", "3"), ids(open));
    assertEquals(List.of("9"), ids(everything));
    reject(writes.last());
    assertTrue(d.result().isCompletedExceptionally());
    assertEquals(List.of("1", "2", "3"), ids(open), "back at its index");
    assertEquals(List.of("2", "9"), ids(everything));
  }

  @Test
  void aReadAnsweredWhileADeleteIsPendingDoesNotBringItBack() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    Mutation<String, Issue> d = store.delete("2");
    var unused = open.refetch();
    reads.answer(null, issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertEquals(List.of("1"), ids(open), "pending delete keeps it hidden");
    writes.last().answer().complete(io.github.synced.runtime.Reply.empty());
    assertTrue(d.result().isDone());
    assertEquals(List.of("1"), ids(open));
  }

  @Test
  void aReadSentBeforeAConfirmedDeleteCannotBringItBack() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    var unused = open.refetch(); // sent before the delete
    Mutation<String, Issue> d = store.delete("2");
    writes.last().answer().complete(io.github.synced.runtime.Reply.empty());
    assertTrue(d.result().isDone() && !d.result().isCompletedExceptionally());
    reads.answer(null, issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertEquals(List.of("1"), ids(open), "a stale page resurrected a confirmed delete");
    assertTrue(store.get("2").isEmpty(), "the store must not hold the deleted issue again");
  }

  @Test
  void markDoneMovesBetweenListsAndAFailedMarkMovesBack() {
    Query<ByState, String, Issue> open =
        ready(
            "open",
            issue("1", "a", "open", 1),
            issue("2", "b", "open", 1),
            issue("3", "c", "open", 1));
    Query<ByState, String, Issue> closed =
        ready("closed", issue("4", "a0", "closed", 1), issue("5", "z", "closed", 1));
    var unused = issues.update("2", p -> p.state("closed"));
    assertEquals(List.of("1", "3"), ids(open));
    assertEquals(List.of("4", "2", "5"), ids(closed), "moved in where order(title) puts it");
    reject(writes.last());
    assertEquals(List.of("1", "2", "3"), ids(open), "a failed mark moves back");
    assertEquals(List.of("4", "5"), ids(closed));
  }

  @Test
  void aRefetchWhileAMarkIsInFlightChangesNothingVisible() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    Query<ByState, String, Issue> closed = ready("closed", issue("4", "d", "closed", 1));
    Mutation<String, Issue> m = issues.update("2", p -> p.state("closed"));
    var unused = open.refetch();
    var unused2 = closed.refetch();
    // the server has not applied it yet
    reads
        .get(reads.count() - 2)
        .answer()
        .complete(Page.of(List.of(issue("1", "a", "open", 1), issue("2", "b", "open", 1)), null));
    reads.last().answer().complete(Page.of(List.of(issue("4", "d", "closed", 1)), null));
    assertEquals(
        List.of("1"),
        ids(open),
        "a read answered while the mark is pending moved it back into open");
    assertEquals(
        List.of("2", "4"),
        ids(closed),
        "a read answered while the mark is pending moved it out of closed");
    assertEquals("closed", store.get("2").orElseThrow().getState());
    confirm(writes.last(), issue("2", "b", "closed", 2));
    assertTrue(m.result().isDone());
    assertEquals(List.of("1"), ids(open), "after confirm, still out of open");
    assertEquals(List.of("2", "4"), ids(closed), "after confirm, still in closed");
  }

  @Test
  void aReadSentBeforeTheConfirmCannotUndoTheMarkAfterIt() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    Mutation<String, Issue> m = issues.update("2", p -> p.state("closed").title("b!"));
    var unused = open.refetch();
    confirm(writes.last(), issue("2", "b!", "closed", 2));
    assertTrue(m.result().isDone());
    reads.answer(null, issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    assertEquals("b!", store.get("2").orElseThrow().getTitle(), "stale page undid the title");
    assertEquals("closed", store.get("2").orElseThrow().getState());
    assertEquals(List.of("1"), ids(open), "stale page (sent before confirm) moved it back");
  }

  @Test
  void createAppearsWhereTheRuleSays() {
    Query<ByState, String, Issue> open =
        ready("open", issue("1", "aaa", "open", 1), issue("3", "ccc", "open", 1));
    Query<ByState, String, Issue> closed = ready("closed", issue("4", "x", "closed", 1));
    Issue draft = new Issue(null, "bbb", "open", 0);
    Mutation<String, Issue> c = store.create(draft);
    assertEquals(3, open.items().size(), "a matching create appears: " + open.items());
    assertEquals("bbb", open.items().get(1).getTitle(), "where order(title) puts it");
    assertEquals(List.of("4"), ids(closed), "not in a list it does not match");
    confirm(writes.last(), issue("2", "bbb", "open", 1));
    assertTrue(c.result().isDone());
    assertEquals(List.of("1", "2", "3"), ids(open), "one element, re-keyed");
  }

  @Test
  void createsAtTopUntilAReadSentAfterTheCreateDecides() {
    QueryType<ByState, Issue> mine = QueryType.builder("mine", reads).createsAtTop().build();
    Query<ByState, String, Issue> q = store.query(mine, new ByState("mine"));
    var unused = q.refetch();
    reads.answer(null, issue("1", "a", "open", 1));
    Mutation<String, Issue> c = store.create(new Issue(null, "new", "open", 0));
    assertEquals("new", q.items().get(0).getTitle(), "at the top at once");
    var unused2 = q.refetch(); // sent before the create confirmed
    confirm(writes.last(), issue("7", "new", "open", 1));
    assertTrue(c.result().isDone());
    reads.answer(null, issue("1", "a", "open", 1));
    assertEquals(List.of("7", "1"), ids(q), "a read sent before the confirm does not decide");
    var unused3 = q.refetch();
    reads.answer(null, issue("1", "a", "open", 1));
    assertEquals(List.of("1"), ids(q), "a read sent after decides: not listed");
  }

  @Test
  void localOnlyExpandedSurvivesEveryRead() {
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    issues.local("1", i -> i.setExpanded(true));
    var unused = open.refetch();
    reads.answer("p2", issue("1", "a2", "open", 2));
    var unused2 = open.loadMore();
    reads.answer(null, issue("1", "a3", "open", 3));
    assertTrue(open.items().get(0).isExpanded(), "expanded lost by a page read");
    assertTrue(store.get("1").orElseThrow().isExpanded());
    assertEquals("a3", store.get("1").orElseThrow().getTitle());
  }

  @Test
  void aPageReadRacingAnUpdateNeverRegresses() {
    Query<ByState, String, Issue> open = ready("open", issue("1", "a", "open", 1));
    var unused = open.refetch();
    Mutation<String, Issue> m = issues.update("1", p -> p.title("new"));
    confirm(writes.last(), issue("1", "new", "open", 2));
    assertTrue(m.result().isDone());
    reads.answer(null, issue("1", "old", "open", 1));
    assertEquals("new", open.items().get(0).getTitle());
    assertEquals(READY, open.state().status());
  }

  @Test
  void aMatchesThatThrowsDoesNotBreakTheStore() {
    QueryType<ByState, Issue> t =
        QueryType.builder("throws", reads)
            .matches(
                (p, i) -> {
                  if (i.getTitle().equals("boom")) {
                    throw new IllegalStateException("user predicate bug");
                  }
                  return true;
                })
            .build();
    Query<ByState, String, Issue> q = store.query(t, new ByState("x"));
    var unused = q.refetch();
    reads.answer(null, issue("1", "a", "open", 1), issue("2", "b", "open", 1));
    Mutation<String, Issue> m = issues.update("1", p -> p.title("boom"));
    var unusedM2 = issues.update("2", p -> p.title("b2"));
    assertEquals("b2", store.get("2").orElseThrow().getTitle());
    assertTrue(ids(q).contains("2"));
    confirm(writes.sent.get(0), issue("1", "boom", "open", 2));
    assertTrue(m.result().isDone());
  }

  @Test
  void twoSubscribersOneRead() {
    Query<ByState, String, Issue> q = store.query(byState, new ByState("open"));
    Subscription unusedA = q.subscribe(s -> {});
    Subscription unusedB = q.subscribe(s -> {});
    assertEquals(1, reads.count(), "the second subscriber joins the read on its way");
  }
}
