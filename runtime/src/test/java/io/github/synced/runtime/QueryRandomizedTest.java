package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Lister.ByDone;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations, answers (confirmed, refused, in any order), another writer's edits, and
 * query reads that are slow (answered later, out of order with writes) or paged, over four queries
 * (open and done, with and without a client-side predicate). After every step each query shows only
 * entities the store shows, each once and exactly as the store shows it, and a predicate query
 * shows no entity with a pending mutation that does not match; once everything is answered and each
 * query read again to its last page, each shows exactly the server's list. Rerun one seed with
 * {@code -Dsynced.seed=N}; change the count with {@code -Dsynced.schedules=N}.
 */
class QueryRandomizedTest {

  private static final long FIRST_SEED = 20_261_130L;
  private static final int STEPS = 60;

  @Test
  void queriesShowTheStoresEntitiesAndEndAsTheServerListsThem() {
    String one = System.getProperty("synced.seed");
    int count = Integer.getInteger("synced.schedules", 300);
    (one != null
            ? LongStream.of(Long.parseLong(one))
            : LongStream.range(FIRST_SEED, FIRST_SEED + count))
        .forEach(QueryRandomizedTest::run);
  }

  private record Watched(String name, Query<ByDone, String, Card> query, boolean client) {}

  private static void run(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    // Half the schedules deliver on a queue run only now and then, as a UI thread does: queries
    // then hear changes and read answers late, after the store moved on.
    List<Runnable> queue = new ArrayList<>();
    boolean late = rnd.nextBoolean();
    Harness h = late ? new Harness(b -> b.notifyOn(queue::add)) : new Harness();
    for (int i = 0; i < 2 + rnd.nextInt(6); i++) {
      h.server.put("c" + i, "t" + rnd.nextInt(6), rnd.nextBoolean());
    }
    h.store.load(h.server.all());
    Lister lister = new Lister(h.server);
    lister.size = 1 + rnd.nextInt(4);
    QueryType<ByDone, Card> client = lister.type(true).build();
    QueryType<ByDone, Card> server = lister.type(false).build();
    QueryType<ByDone, Card> unordered =
        QueryType.<ByDone, Card>builder("cards by done, moved in at the top", lister)
            .matches((p, c) -> c.done == p.done())
            .build();
    QueryType<ByDone, Card> creates = lister.type(false).createsAtTop().build();
    List<Watched> qs = new ArrayList<>();
    for (boolean done : new boolean[] {false, true}) {
      qs.add(new Watched("client " + done, h.store.query(client, new ByDone(done)), true));
      qs.add(new Watched("server " + done, h.store.query(server, new ByDone(done)), false));
      qs.add(new Watched("top " + done, h.store.query(unordered, new ByDone(done)), true));
      qs.add(new Watched("creates " + done, h.store.query(creates, new ByDone(done)), false));
    }
    List<CompletableFuture<Void>> reads = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    steps.add(late ? "late deliveries" : "deliveries at once");
    try {
      for (int i = 0; i < STEPS; i++) {
        String step = step(h, rnd, lister, qs, reads);
        steps.add(step);
        if (!late || rnd.nextInt(3) == 0) {
          drain(queue);
          check(h, qs, step);
        }
      }
      lister.hold = false;
      while (lister.held() > 0 || h.server.waiting() > 0) {
        if (lister.held() > 0) {
          lister.release();
        }
        if (h.server.waiting() > 0) {
          h.server.call(0).answerLikeServer();
        }
        drain(queue);
        check(h, qs, "answering what is left");
      }
      drain(queue);
      reads.forEach(r -> r.handle((x, f) -> null).join());
      for (Watched w : qs) {
        CompletableFuture<Void> read = w.query().refetch();
        drain(queue);
        read.join();
        while (w.query().state().hasMore()) {
          CompletableFuture<Void> more = w.query().loadMore();
          drain(queue);
          more.join();
        }
        boolean done = w.query().params().done();
        List<String> truth =
            h.server.all().stream()
                .filter(c -> c.done == done)
                .sorted(Lister.BY_TITLE)
                .map(c -> c.id)
                .toList();
        assertEquals(truth, ids(w.query().items()), w.name() + " once quiet and read again");
      }
    } catch (Throwable t) {
      throw new AssertionError(
          "reproduce with -Dsynced.seed=" + seed + "; steps: " + steps + ": " + t.getMessage(), t);
    }
  }

  private static QueryRows<?, ?, ?> rows(Query<?, ?, ?> q) {
    try {
      java.lang.reflect.Field engine = Query.class.getDeclaredField("engine");
      engine.setAccessible(true);
      java.lang.reflect.Field rows = QueryEngine.class.getDeclaredField("rows");
      rows.setAccessible(true);
      return (QueryRows<?, ?, ?>) rows.get(engine.get(q));
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("the query's rows moved", e);
    }
  }

  /** Runs what was delivered to the queue, and what that delivers in turn. */
  private static void drain(List<Runnable> queue) {
    while (!queue.isEmpty()) {
      queue.remove(0).run();
    }
  }

  private static List<String> ids(List<Card> cards) {
    return cards.stream().map(c -> c.id).toList();
  }

  /**
   * Every query shows only what the store shows, once, as the store shows it; and the list a query
   * keeps up one change at a time is the list it would build from scratch.
   */
  private static void check(Harness h, List<Watched> qs, String step) {
    for (Watched w : qs) {
      QueryRows<?, ?, ?> rows = rows(w.query());
      assertEquals(rows.rebuilt(), rows.shownIds(), w.name() + " kept up after " + step);
    }
    Map<String, String> visible =
        h.store.all().stream().collect(Collectors.toMap(c -> c.id, Card::toString));
    for (Watched w : qs) {
      List<Card> items = w.query().items();
      assertEquals(
          items.size(), new HashSet<>(ids(items)).size(), w.name() + " repeats after " + step);
      for (Card c : items) {
        assertEquals(
            visible.get(c.id),
            c.toString(),
            w.name() + " shows " + c.id + " wrongly after " + step);
        boolean pending = !h.store.pending(c.id).isEmpty();
        if (w.client() && pending) {
          assertTrue(
              c.done == w.query().params().done(),
              w.name() + " shows " + c + ", pending and not matching, after " + step);
        }
      }
    }
  }

  /** One random step; returns what it did. */
  private static String step(
      Harness h,
      SplittableRandom rnd,
      Lister lister,
      List<Watched> qs,
      List<CompletableFuture<Void>> reads) {
    List<Card> visible = h.store.all();
    Optional<String> any =
        visible.isEmpty()
            ? Optional.empty()
            : Optional.of(visible.get(rnd.nextInt(visible.size())).id);
    String title = "t" + rnd.nextInt(6);
    int waiting = h.server.waiting();
    Watched q = qs.get(rnd.nextInt(qs.size()));
    int op = rnd.nextInt(13);
    String what = op + " " + any.orElse("-") + " " + q.name();
    switch (op) {
      case 0 -> any.ifPresent(id -> h.store.update(id, CardPatch.empty().done(rnd.nextBoolean())));
      case 1 -> any.ifPresent(id -> h.store.update(id, CardPatch.empty().title(title)));
      case 2 -> h.store.create(new Card(null, title, rnd.nextBoolean(), 0));
      case 3 -> any.ifPresent(h.store::delete);
      case 4 -> any.ifPresent(id -> h.store.local(id, c -> c.expanded = !c.expanded));
      case 5, 6 -> {
        if (waiting > 0) {
          h.server.call(rnd.nextInt(waiting)).answerLikeServer();
        }
      }
      case 7 -> {
        if (waiting > 0) {
          h.server.call(rnd.nextInt(waiting)).fail(SyncFailure.rejected(422, "refused"));
        }
      }
      case 8 -> {
        List<Card> served = h.server.all();
        if (!served.isEmpty()) {
          String id = served.get(rnd.nextInt(served.size())).id;
          h.server.edit(id, c -> c.done = !c.done); // another writer; the store hears it by reading
        }
      }
      case 9 -> {
        lister.hold = rnd.nextBoolean();
        reads.add(q.query().refetch());
      }
      case 10 -> {
        lister.hold = rnd.nextBoolean();
        reads.add(q.query().loadMore());
      }
      case 11 -> {
        if (lister.held() > 0) {
          lister.release();
        }
      }
      default -> q.query().invalidate();
    }
    return what;
  }
}
