package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random edits, answers, pushes, refetches and server deletions under several live views:
 * after every step each view equals {@code store.all()} filtered and sorted (ties in insertion
 * order), and its subscriber's last list equals it, each list it got differing from the one before.
 * Rerun one seed with {@code -Dsynced.seed=N}; change the count with {@code -Dsynced.schedules=N}.
 */
class LiveViewRandomizedTest {

  private static final long FIRST_SEED = 20_260_311L;
  private static final int STEPS = 80;
  private static final String[] OPS = {
    "title", "done", "expand", "select", "create", "delete", "answer", "answer", "refuse", "push"
  };

  /** Thrown on purpose by a view's filter. */
  static final class Injected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Injected() {
      super("injected", null, false, false);
    }
  }

  @Test
  void viewsEqualTheStoresEntitiesFilteredAndSortedAfterRandomSteps() {
    String one = System.getProperty("synced.seed");
    int count = Integer.getInteger("synced.schedules", 200);
    (one != null
            ? LongStream.of(Long.parseLong(one))
            : LongStream.range(FIRST_SEED, FIRST_SEED + count))
        .forEach(LiveViewRandomizedTest::run);
  }

  /** One view under test, what it should show, and what its subscriber heard. */
  private static final class Watched {
    final String name;
    final Predicate<Card> filter;
    final Comparator<Card> order;
    final LiveView<String, Card> view;
    List<String> last; // null until the subscriber got its first list
    boolean closed;

    Watched(String name, Harness h, Predicate<Card> filter, Comparator<Card> order) {
      this.name = name;
      this.filter = filter;
      this.order = order;
      this.view = h.store.view(filter, order);
      view.subscribe(
          list -> {
            List<String> now = shown(list);
            assertNotEquals(last, now, name + " announced a list that did not change");
            last = now;
          });
    }

    void check(Harness h, String step) {
      List<String> expected = new ArrayList<>();
      if (!closed) {
        List<Card> all = new ArrayList<>();
        for (Card c : h.store.all()) {
          if (safely(c)) {
            all.add(c);
          }
        }
        all.sort(order); // stable: ties stay in insertion order
        expected = shown(all);
      }
      assertEquals(expected, shown(view.items()), name + " after " + step);
      if (!closed) {
        assertEquals(expected, last, name + "'s subscriber after " + step);
      }
    }

    private boolean safely(Card c) {
      try {
        return filter.test(c);
      } catch (Injected e) {
        return false;
      }
    }
  }

  private static List<String> shown(List<Card> cards) {
    return cards.stream().map(Card::toString).toList();
  }

  private static void run(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Harness h = new Harness();
    for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
      h.server.put("c" + i, "t" + rnd.nextInt(5), rnd.nextBoolean());
    }
    h.store.load(h.server.all());
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler was = me.getUncaughtExceptionHandler();
    List<Throwable> unexpected = new ArrayList<>();
    me.setUncaughtExceptionHandler(
        (t, e) -> {
          if (!(e instanceof Injected)) {
            unexpected.add(e);
          }
        });
    List<String> steps = new ArrayList<>();
    try {
      List<Watched> views = new ArrayList<>();
      Comparator<Card> byTitle = Comparator.comparing((Card c) -> c.title);
      views.add(new Watched("open by title", h, c -> !c.done, byTitle));
      views.add(
          new Watched(
              "selected by done", h, c -> c.selected, Comparator.comparing((Card c) -> c.done)));
      views.add(
          new Watched(
              "all by expanded, done",
              h,
              c -> true,
              Comparator.comparing((Card c) -> c.expanded).thenComparing(c -> c.done)));
      views.add(
          new Watched(
              "throwing filter",
              h,
              c -> {
                if (c.title.equals("t4")) {
                  throw new Injected();
                }
                return c.done;
              },
              byTitle.reversed()));
      for (int i = 0; i < STEPS; i++) {
        if (i == STEPS / 3) {
          views.add(new Watched("opened later", h, c -> c.title.compareTo("t2") < 0, byTitle));
        }
        if (i == 2 * STEPS / 3) {
          views.get(0).view.close();
          views.get(0).closed = true;
        }
        String step = step(h, rnd);
        steps.add(step);
        for (Watched w : views) {
          w.check(h, step);
        }
      }
      while (h.server.waiting() > 0) {
        h.server.call(0).answerLikeServer();
        for (Watched w : views) {
          w.check(h, "answering what is left");
        }
      }
      assertEquals(List.of(), unexpected, "failures reported");
    } catch (Throwable t) {
      throw new AssertionError(
          "reproduce with -Dsynced.seed=" + seed + "; steps: " + steps + ": " + t.getMessage(), t);
    } finally {
      me.setUncaughtExceptionHandler(was);
    }
  }

  /** One random step; returns what it did. */
  private static String step(Harness h, SplittableRandom rnd) {
    List<Card> visible = h.store.all();
    String any = visible.isEmpty() ? "none" : visible.get(rnd.nextInt(visible.size())).id;
    String title = "t" + rnd.nextInt(5);
    List<Card> onServer = h.server.all();
    String served = onServer.isEmpty() ? "none" : onServer.get(rnd.nextInt(onServer.size())).id;
    int waiting = h.server.waiting();
    int op = rnd.nextInt(11);
    try {
      switch (op) {
        case 0 -> h.store.update(any, CardPatch.empty().title(title));
        case 1 -> h.store.update(any, CardPatch.empty().done(rnd.nextBoolean()));
        case 2 -> h.store.local(any, c -> c.expanded = !c.expanded);
        case 3 -> h.store.local(any, c -> c.selected = !c.selected);
        case 4 -> h.store.create(new Card(null, title, rnd.nextBoolean(), 0));
        case 5 -> h.store.delete(any);
        case 6, 7 -> {
          if (waiting > 0) {
            h.server.call(rnd.nextInt(waiting)).answerLikeServer();
          }
        }
        case 8 -> {
          if (waiting > 0) {
            h.server.call(rnd.nextInt(waiting)).fail(SyncFailure.rejected(422, "refused"));
          }
        }
        case 9 -> {
          if (!served.equals("none")) {
            h.store.receive(h.server.edit(served, c -> c.title = title));
          }
        }
        default -> {
          if (rnd.nextBoolean() && !served.equals("none")) {
            synchronized (h.server) {
              h.server.truth.remove(served);
            }
            h.store.receiveDeleted(served);
            return "server deleted " + served;
          }
          h.store.refetch().join();
          return "refetch";
        }
      }
    } catch (NoSuchElementException | IllegalArgumentException refused) {
      return "refused: " + refused.getMessage();
    }
    return OPS[op] + " " + any + " / " + served + " " + title;
  }
}
