package io.github.synced.runtime;

import static io.github.synced.runtime.QueryTest.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Lister.ByDone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Optimistic membership: deletes leave every list at once, creates and edits move entities in and
 * out where the query has a client-side predicate, rollbacks move them back, and a read answered
 * while a mutation is pending (or sent before it settled) changes nothing it decides.
 */
class QueryMembershipTest {

  private static final ByDone OPEN = new ByDone(false);
  private static final ByDone DONE = new ByDone(true);

  /** Cards a–f: a, c, e open; b, d, f done; title order is id order. */
  private static Harness board() {
    Harness h = new Harness();
    for (char id = 'a'; id <= 'f'; id++) {
      h.server.put(String.valueOf(id), "card " + id, (id - 'a') % 2 == 1);
    }
    return h;
  }

  /** The open and done queries of one type, both read. */
  private static List<Query<ByDone, String, Card>> lists(Harness h, Lister lister, boolean client) {
    QueryType<ByDone, Card> type = lister.type(client).build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    Query<ByDone, String, Card> done = h.store.query(type, DONE);
    open.refetch().join();
    done.refetch().join();
    return List.of(open, done);
  }

  @Test
  void markingDoneMovesItBetweenListsAtOnceAndTheConfirmKeepsItThere() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), true);
    var open = qs.get(0);
    var done = qs.get(1);

    h.store.update("c", CardPatch.empty().done(true));
    assertEquals(List.of("a", "e"), ids(open), "out of the open list before any answer");
    assertEquals(List.of("b", "c", "d", "f"), ids(done), "into the done list at its sorted place");

    h.server.next().answerLikeServer();
    assertEquals(List.of("a", "e"), ids(open));
    assertEquals(List.of("b", "c", "d", "f"), ids(done));
    open.refetch().join();
    done.refetch().join();
    assertEquals(List.of("a", "e"), ids(open), "the next read agrees");
    assertEquals(List.of("b", "c", "d", "f"), ids(done));
  }

  @Test
  void aFailedMarkMovesItBackToItsIndex() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), true);

    h.store.update("c", CardPatch.empty().done(true));
    h.server.next().fail(SyncFailure.rejected(422, "refused"));

    assertEquals(List.of("a", "c", "e"), ids(qs.get(0)));
    assertEquals(List.of("b", "d", "f"), ids(qs.get(1)));
  }

  @Test
  void aRefetchWhileTheMutationIsInFlightChangesNothingTheUserSees() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    var qs = lists(h, lister, true);
    var open = qs.get(0);
    var done = qs.get(1);
    h.store.update("c", CardPatch.empty().done(true));
    List<List<String>> openLists = new ArrayList<>();
    open.subscribe(s -> openLists.add(ids(s.items())));

    open.refetch().join(); // the server has not applied it: it still lists c as open
    done.refetch().join();
    assertEquals(List.of("a", "e"), ids(open));
    assertEquals(List.of("b", "c", "d", "f"), ids(done));
    assertTrue(
        openLists.stream().allMatch(l -> !l.contains("c")), "never flickers back: " + openLists);

    h.server.next().answerLikeServer();
    assertEquals(List.of("a", "e"), ids(open));
  }

  @Test
  void aReadSentBeforeTheConfirmCannotMoveItBack() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    var qs = lists(h, lister, true);
    var open = qs.get(0);
    h.store.update("c", CardPatch.empty().done(true));
    lister.hold = true;
    var early = open.refetch(); // reads the server before it applied the write
    h.server.next().answerLikeServer();

    lister.release();
    assertTrue(early.isDone());
    assertEquals(List.of("a", "e"), ids(open), "a read sent before the confirm is older than it");
    assertTrue(h.view("c").done);
    lister.hold = false;
    open.refetch().join();
    assertEquals(List.of("a", "e"), ids(open));
  }

  @Test
  void theNextReadDecidesWhenTheServerDisagrees() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), true);
    var open = qs.get(0);
    h.store.update("c", CardPatch.empty().done(true));
    h.server.next().answerLikeServer();
    h.server.edit("c", c -> c.done = false); // another writer reopens it

    open.refetch().join();
    assertEquals(List.of("a", "c", "e"), ids(open));
    assertTrue(!h.view("c").done);
  }

  @Test
  void withoutAPredicateOnlyTheServersListsDecide() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), false);
    var open = qs.get(0);
    var done = qs.get(1);

    h.store.update("c", CardPatch.empty().done(true));
    assertEquals(List.of("a", "c", "e"), ids(open), "stays until a read says otherwise");
    assertTrue(open.items().get(1).done, "shown with its pending edit");
    h.server.next().answerLikeServer();
    open.refetch().join();
    done.refetch().join();
    assertEquals(List.of("a", "e"), ids(open));
    assertEquals(List.of("b", "c", "d", "f"), ids(done));
  }

  @Test
  void withoutAPredicateAReadWhileTheMutationIsPendingDoesNotDropItsEntity() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), false);
    var open = qs.get(0);
    h.store.update("c", CardPatch.empty().done(true));
    FakeServer.Call call = h.server.next();
    Reply<Card> answer = call.applyOnly(); // the server has it; its answer is still on its way

    open.refetch().join(); // the server no longer lists c as open
    assertEquals(List.of("a", "c", "e"), ids(open), "nothing the user sees changes while pending");
    call.answer(answer);
    assertEquals(List.of("a", "c", "e"), ids(open));

    open.refetch().join(); // sent after the confirm: the server decides
    assertEquals(List.of("a", "e"), ids(open));
  }

  @Test
  void aDeleteLeavesEveryListAtOnceAndAFailedOneComesBackAtItsIndex() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), false);
    QueryType<Boolean, Card> all =
        QueryType.<Boolean, Card>builder("all", PageReader.whole(p -> h.server.fetchAll())).build();
    Query<Boolean, String, Card> every = h.store.query(all, true);
    every.refetch().join();

    h.store.delete("c");
    assertEquals(List.of("a", "e"), ids(qs.get(0)));
    assertEquals(List.of("a", "b", "d", "e", "f"), ids(every));

    h.server.next().fail(SyncFailure.rejected(403, "not yours"));
    assertEquals(List.of("a", "c", "e"), ids(qs.get(0)));
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids(every));

    h.store.delete("e");
    h.server.next().answerLikeServer();
    qs.get(0).refetch().join();
    assertEquals(List.of("a", "c"), ids(qs.get(0)));
  }

  @Test
  void aCreateAppearsWhereThePredicateAndOrderSayAndLeavesIfRefused() {
    Harness h = board();
    var qs = lists(h, new Lister(h.server), true);
    var open = qs.get(0);
    var done = qs.get(1);

    Mutation<String, Card> m = h.store.create(new Card(null, "card d2", false, 0));
    String temp = m.id();
    assertEquals(List.of("a", "c", temp, "e"), ids(open));
    assertEquals(List.of("b", "d", "f"), ids(done));

    h.server.next().answerLikeServer();
    String real = m.id();
    assertEquals(List.of("a", "c", real, "e"), ids(open), "re-keyed in place");
    open.refetch().join();
    assertEquals(List.of("a", "c", real, "e"), ids(open), "and listed by the server");

    Mutation<String, Card> refused = h.store.create(new Card(null, "card b2", true, 0));
    assertEquals(List.of("b", refused.id(), "d", "f"), ids(done));
    h.server.next().fail(SyncFailure.rejected(422, "no"));
    assertEquals(List.of("b", "d", "f"), ids(done));
  }

  @Test
  void createsAtTopShowUntilAReadSentAfterTheirConfirmAnswers() {
    Harness h = board();
    Lister lister = new Lister(h.server);
    QueryType<ByDone, Card> type = lister.type(false).createsAtTop().build();
    Query<ByDone, String, Card> open = h.store.query(type, OPEN);
    open.refetch().join();

    Mutation<String, Card> m = h.store.create(new Card(null, "zzz", true, 0));
    assertEquals(List.of(m.id(), "a", "c", "e"), ids(open), "at the top, whatever it holds");
    h.server.next().answerLikeServer();
    assertEquals(List.of(m.id(), "a", "c", "e"), ids(open));

    open.refetch().join();
    assertEquals(List.of("a", "c", "e"), ids(open), "the server does not list it as open");
  }
}
