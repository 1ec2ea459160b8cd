package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A store's live filtered and sorted view, kept up to date from its changes. */
class LiveViewTest {

  private static final Comparator<Card> BY_TITLE = Comparator.comparing((Card c) -> c.title);

  /** A harness with cards a…e titled so that title order is e, d, c, b, a. */
  private static Harness board() {
    Harness h = new Harness();
    String[] titles = {"5", "4", "3", "2", "1"};
    for (int i = 0; i < titles.length; i++) {
      h.server.put(String.valueOf((char) ('a' + i)), titles[i], i % 2 == 0);
    }
    h.store.load(h.server.all());
    h.changes.clear();
    return h;
  }

  private static List<String> ids(List<Card> cards) {
    return cards.stream().map(c -> c.id).toList();
  }

  private static List<String> ids(LiveView<String, Card> view) {
    return ids(view.items());
  }

  /** Every list the view hands out, as ids. */
  private static List<List<String>> heard(LiveView<String, Card> view) {
    List<List<String>> lists = new ArrayList<>();
    view.subscribe(list -> lists.add(ids(list)));
    return lists;
  }

  @Test
  void showsTheMatchingEntitiesInTheComparatorsOrder() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    LiveView<String, Card> all = h.store.view(c -> true);

    assertEquals(List.of("d", "b"), ids(open));
    assertEquals(2, open.size());
    assertEquals(List.of("a", "b", "c", "d", "e"), ids(all), "insertion order by default");
  }

  @Test
  void tiesFollowInsertionOrderAndTheStoresOrderIsTheDefault() {
    Harness h = new Harness(b -> b.order(Comparator.comparing((Card c) -> c.done))).withCards();
    for (String id : List.of("c", "a", "b")) {
      h.server.put(id, "same", id.equals("a"));
    }
    h.store.load(h.server.all());

    assertEquals(List.of("c", "b", "a"), ids(h.store.view(c -> true)));
    assertEquals(List.of("c", "a", "b"), ids(h.store.view(c -> true, BY_TITLE)));
  }

  @Test
  void optimisticUpdateMovesAnEntityInAndOutAtOnce() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    List<List<String>> lists = heard(open);

    h.store.update("c", CardPatch.empty().done(false));
    assertEquals(List.of("d", "c", "b"), ids(open), "in, at its sorted place, before any answer");
    h.store.update("d", CardPatch.empty().done(true));
    assertEquals(List.of("c", "b"), ids(open));
    h.store.update("b", CardPatch.empty().title("9"));
    assertEquals(List.of("c", "b"), ids(open), "a new sort key moves it");
    h.store.update("c", CardPatch.empty().title("99"));

    assertEquals(
        List.of(
            List.of("d", "b"),
            List.of("d", "c", "b"),
            List.of("c", "b"),
            List.of("c", "b"),
            List.of("b", "c")),
        lists);
  }

  @Test
  void failedUpdateMovesTheEntityBack() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    h.store.update("b", CardPatch.empty().done(true));
    h.store.update("a", CardPatch.empty().done(false));
    assertEquals(List.of("d", "a"), ids(open));

    h.server.take().fail(SyncFailure.rejected(422, "no"));
    h.server.take().fail(SyncFailure.rejected(422, "no"));

    assertEquals(List.of("d", "b"), ids(open));
  }

  @Test
  void deleteHidesTheEntityAndAFailedDeleteBringsItBackAtItsPlace() {
    Harness h = board();
    LiveView<String, Card> sorted = h.store.view(c -> true, BY_TITLE);
    List<List<String>> lists = heard(sorted);

    h.store.delete("c");
    assertEquals(List.of("e", "d", "b", "a"), ids(sorted));
    h.store.update("d", CardPatch.empty().title("0")); // moves while c is hidden
    h.server.take().fail(SyncFailure.rejected(403, "forbidden"));

    assertEquals(List.of("d", "e", "c", "b", "a"), ids(sorted));
    assertEquals(List.of("d", "e", "c", "b", "a"), lists.get(lists.size() - 1));
    h.server.take().succeed();
    assertEquals(List.of("d", "e", "c", "b", "a"), ids(sorted));
  }

  @Test
  void aCreatedEntityStaysOneElementWhenItGetsItsRealId() {
    Harness h = board();
    LiveView<String, Card> all = h.store.view(c -> true);
    List<List<String>> lists = heard(all);

    h.store.create(new Card(null, "0", false, 0));
    h.store.update("tmp-1", CardPatch.empty().done(true));
    h.store.create(new Card(null, "00", false, 0));
    assertEquals(List.of("a", "b", "c", "d", "e", "tmp-1", "tmp-2"), ids(all));
    h.server.take().succeed();

    assertEquals(List.of("a", "b", "c", "d", "e", "srv-1", "tmp-2"), ids(all));
    assertEquals(ids(h.store.all()), ids(all));
    assertEquals(List.of("a", "b", "c", "d", "e", "srv-1", "tmp-2"), lists.get(lists.size() - 1));
    assertTrue(all.items().get(5).done, "the edit made on the temporary id is there");
  }

  @Test
  void aFailedCreateLeavesTheView() {
    Harness h = board();
    LiveView<String, Card> sorted = h.store.view(c -> true, BY_TITLE);
    h.store.create(new Card(null, "0", false, 0));
    assertEquals(List.of("tmp-1", "e", "d", "c", "b", "a"), ids(sorted));

    h.server.take().fail(SyncFailure.rejected(422, "title taken"));

    assertEquals(List.of("e", "d", "c", "b", "a"), ids(sorted));
  }

  @Test
  void serverStateFromAPushOrARefetchMovesTheEntityToItsNewPlace() {
    Harness h = board();
    LiveView<String, Card> sorted = h.store.view(c -> true, BY_TITLE);
    h.store.update("c", CardPatch.empty().done(false)); // pending: a rebase keeps it

    h.store.receive(h.server.edit("a", c -> c.title = "35"));
    assertEquals(List.of("e", "d", "c", "a", "b"), ids(sorted));
    h.server.edit("e", c -> c.title = "6");
    h.server.edit("c", c -> c.title = "0");
    h.store.refetch().join();

    assertEquals(List.of("c", "d", "a", "b", "e"), ids(sorted));
    assertFalse(sorted.items().get(0).done, "the pending edit is re-applied on the new base");
  }

  @Test
  void localOnlyValuesFilterAndSortTheView() {
    Harness h = board();
    LiveView<String, Card> selected =
        h.store.view(c -> c.selected, Comparator.comparing((Card c) -> !c.expanded));
    List<List<String>> lists = heard(selected);

    h.store.local("d", c -> c.selected = true);
    h.store.local("b", c -> c.selected = true);
    h.store.local("b", c -> c.expanded = true);
    h.store.update("b", CardPatch.empty().title("x"));
    h.server.take().succeed();

    assertEquals(List.of("b", "d"), ids(selected));
    assertTrue(selected.items().get(0).expanded);
    assertEquals(
        List.of(
            List.of(),
            List.of("d"),
            List.of("b", "d"),
            List.of("b", "d"),
            List.of("b", "d"),
            List.of("b", "d")),
        lists,
        "ties in insertion order; the local edit, the update and its new version are announced");
  }

  @Test
  void changesOfEntitiesThatNeitherMatchedNorMatchAreNotAnnounced() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    List<List<String>> lists = heard(open);

    h.store.update("a", CardPatch.empty().title("x"));
    h.store.local("c", c -> c.expanded = true);
    h.store.delete("e");
    h.store.update("b", CardPatch.empty().title("4")); // shows nothing new
    h.server.take().succeed();
    h.server.take().succeed();

    assertEquals(List.of(List.of("d", "b")), lists);
  }

  @Test
  void subscribersRunOutsideTheLockAndMayCallBackIntoTheStore() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    List<List<String>> lists = new ArrayList<>();
    open.subscribe(
        list -> {
          lists.add(ids(list));
          if (list.size() == 3) { // made while the view delivers: it hears it next
            h.store.update(list.get(0).id, CardPatch.empty().done(true));
          }
        });

    h.store.update("a", CardPatch.empty().done(false));

    assertEquals(List.of(List.of("d", "b"), List.of("d", "b", "a"), List.of("b", "a")), lists);
    assertTrue(h.view("d").done);
  }

  @Test
  void theViewChangesAndAnnouncesOnTheNotifyExecutorInOrder() {
    List<Runnable> tasks = new ArrayList<>();
    Harness h = new Harness(b -> b.notifyOn(tasks::add));
    h.server.put("a", "1", false);
    h.server.put("b", "2", true);
    h.store.load(h.server.all());
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);

    h.store.update("b", CardPatch.empty().done(false));
    List<List<String>> lists = heard(open); // its first list is queued behind the change

    assertEquals(List.of(), lists, "nothing is handed out until the executor runs");
    assertEquals(List.of("a"), ids(open), "the view takes the change on the executor too");
    for (int i = 0; i < tasks.size(); i++) {
      tasks.get(i).run();
    }
    assertEquals(List.of(List.of("a", "b")), lists, "once, as of when it ran");
  }

  @Test
  void subscribersGetCopiesTheyOwn() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    List<List<Card>> lists = new ArrayList<>();
    open.subscribe(lists::add);
    open.subscribe(lists::add);

    Card mine = lists.get(0).get(0);
    assertSame(mine, lists.get(0).get(0), "one copy per element and list");
    assertNotSame(mine, lists.get(1).get(0));
    mine.title = "changed by its owner";
    assertThrows(UnsupportedOperationException.class, () -> lists.get(0).remove(0));

    assertEquals("2", lists.get(1).get(0).title);
    assertEquals("2", open.items().get(0).title);
    assertEquals("2", h.view("d").title);
  }

  @Test
  void aFilterOrComparatorThatThrowsLeavesItsEntityOutAndIsReported() {
    Harness h = board();
    List<Throwable> reported = new ArrayList<>();
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler was = me.getUncaughtExceptionHandler();
    me.setUncaughtExceptionHandler((t, e) -> reported.add(e));
    try {
      LiveView<String, Card> picky =
          h.store.view(
              c -> {
                if (c.title.equals("boom")) {
                  throw new IllegalStateException("filter of " + c.id);
                }
                return true;
              },
              Comparator.comparing((Card c) -> c.title.length()));
      List<List<String>> lists = heard(picky);

      h.store.update("b", CardPatch.empty().title("boom"));
      h.store.update("c", CardPatch.empty().title(null));
      assertEquals(List.of("a", "d", "e"), ids(picky));
      h.store.update("b", CardPatch.empty().title("fine"));

      assertEquals(List.of("a", "d", "e", "b"), ids(picky));
      assertEquals(List.of("a", "d", "e", "b"), lists.get(lists.size() - 1));
      assertEquals(2, reported.size());
      assertEquals("filter of b", reported.get(0).getMessage());
      assertTrue(reported.get(1) instanceof NullPointerException);
      assertEquals(5, h.store.all().size(), "the store carries on");
      assertEquals(Change.Cause.OPTIMISTIC, h.lastChange().cause(), "other listeners still hear");
    } finally {
      me.setUncaughtExceptionHandler(was);
    }
  }

  @Test
  void closeDetachesTheView() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    List<List<String>> lists = heard(open);

    open.close();
    h.store.update("a", CardPatch.empty().done(false));

    assertEquals(List.of(List.of("d", "b")), lists);
    assertEquals(0, open.size());
    assertEquals(List.of(), open.items());
    assertThrows(IllegalStateException.class, () -> open.subscribe(list -> {}));
    open.close(); // twice is fine
  }

  @Test
  void aCancelledSubscriberHearsNoMore() {
    Harness h = board();
    LiveView<String, Card> open = h.store.view(c -> !c.done, BY_TITLE);
    List<List<String>> lists = new ArrayList<>();
    Subscription s = open.subscribe(list -> lists.add(ids(list)));

    s.cancel();
    h.store.update("a", CardPatch.empty().done(false));

    assertEquals(List.of(List.of("d", "b")), lists);
    assertEquals(List.of("d", "b", "a"), ids(open));
  }
}
