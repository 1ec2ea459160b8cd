package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeded random schedules against the reference server: random mutations, local edits, answers of
 * every class in any order, other writers with late and reordered pushes, refetches and time. Once
 * quiet the invariants of {@link Invariants} must hold. A failure names its seed; rerun one
 * schedule with {@code -Dsynced.seed=N}, change the count with {@code -Dsynced.schedules=N}.
 */
class RandomizedScheduleTest {

  private static final long FIRST_SEED = 20_261_128L;

  @Test
  void randomSchedulesConvergeToTheServersStateKeepingLocalOnlyValues() {
    String one = System.getProperty("synced.seed");
    if (one != null) {
      run(Long.parseLong(one));
      return;
    }
    int schedules = Integer.getInteger("synced.schedules", 1000);
    for (int i = 0; i < schedules; i++) {
      run(FIRST_SEED + i);
    }
  }

  private static void run(long seed) {
    Schedule schedule = new Schedule(seed);
    try {
      schedule.play();
    } catch (Throwable t) {
      schedule.printLog();
      throw new AssertionError(
          "schedule failed; reproduce with -Dsynced.seed=" + seed + ": " + t.getMessage(), t);
    }
  }

  private static final class Schedule {
    final SplittableRandom rnd;
    final Harness h;
    final List<Mutation<String, Card>> made = new ArrayList<>();
    final Map<String, Invariants.LocalWrite> locals = new HashMap<>();
    final List<Card> pushes = new ArrayList<>();
    int names;
    long seq;

    Schedule(long seed) {
      rnd = new SplittableRandom(seed);
      boolean parallel = rnd.nextBoolean();
      ConflictPolicy<Card> conflicts =
          switch (rnd.nextInt(3)) {
            case 0 -> ConflictPolicy.serverWins();
            case 1 -> ConflictPolicy.clientWins();
            default ->
                ConflictPolicy.resolveWith(
                    (base, mine, theirs) -> {
                      mine.title = theirs.title + "+" + mine.title;
                      return mine;
                    });
          };
      RetryPolicy retry =
          RetryPolicy.defaults()
              .withBackoff(Duration.ofMillis(50), 2, Duration.ofSeconds(1))
              .withJitter(0.3, new SplittableRandom(seed))
              .withMaxAttempts(1 + rnd.nextInt(5))
              .withUnknownOutcome(
                  rnd.nextBoolean()
                      ? RetryPolicy.UnknownOutcome.RETRY
                      : RetryPolicy.UnknownOutcome.REFETCH);
      h =
          new Harness(
              b -> {
                b.retry(retry).conflicts(conflicts);
                if (parallel) {
                  b.sendInParallel();
                }
              });
      for (String id : List.of("a", "b", "c")) {
        h.server.put(id, "title " + id, false);
      }
      h.store.load(h.server.all());
    }

    void play() throws Exception {
      int steps = 20 + rnd.nextInt(40);
      for (int i = 0; i < steps; i++) {
        step();
      }
      quiesce();
      Invariants.assertConverged(h, made, locals);
      Invariants.assertListenerSequencesConsistent(h, made);
      h.store.refetch().get(1, TimeUnit.SECONDS);
      assertEquals(
          h.server.all().stream().map(Invariants::show).sorted().toList(),
          h.store.all().stream().map(c -> Invariants.show(FakeServer.copy(c))).sorted().toList(),
          "after a final refetch the store holds exactly the server's collection");
      Invariants.assertListenerSequencesConsistent(h, made);
    }

    /** The failing schedule's event log, for whoever reproduces it. */
    void printLog() {
      synchronized (h.transitions) {
        h.transitions.forEach(
            t ->
                System.err.println(
                    t.at().toEpochMilli()
                        + "ms "
                        + t.id()
                        + " #"
                        + t.mutation().sequence()
                        + " "
                        + t.mutation().kind()
                        + " "
                        + t.from()
                        + " -> "
                        + t.to()
                        + " ("
                        + t.reason()
                        + ")"));
      }
      synchronized (h.changes) {
        h.changes.forEach(
            c ->
                System.err.println(
                    c.cause() + " " + c.id() + " " + c.before() + " -> " + c.after()));
      }
    }

    void step() throws Exception {
      List<Card> visible = h.store.all();
      String id = visible.isEmpty() ? null : visible.get(rnd.nextInt(visible.size())).id;
      int pick = rnd.nextInt(100);
      if (pick < 30 && h.server.waiting() > 0) {
        answer(h.server.call(rnd.nextInt(h.server.waiting())));
      } else if (pick < 45 && id != null) {
        CardPatch p = CardPatch.empty();
        if (rnd.nextBoolean()) {
          p = p.title("t" + rnd.nextInt(4));
        }
        if (p.isEmpty() || rnd.nextBoolean()) {
          p = p.done(rnd.nextBoolean());
        }
        made.add(h.store.update(id, p));
      } else if (pick < 50 && id != null) {
        made.add(h.store.modify(id, c -> c.title = c.title + "!"));
      } else if (pick < 60 && id != null) {
        boolean expanded = rnd.nextBoolean();
        boolean selected = rnd.nextBoolean();
        h.store.local(
            id,
            c -> {
              c.expanded = expanded;
              c.selected = selected;
            });
        locals.put(id, new Invariants.LocalWrite(expanded, selected, seq++));
      } else if (pick < 64) {
        Card draft = new Card(null, "new" + names++, rnd.nextBoolean(), 0);
        draft.expanded = rnd.nextBoolean();
        Mutation<String, Card> m = h.store.create(draft);
        made.add(m);
        locals.put(m.id(), new Invariants.LocalWrite(draft.expanded, false, seq++));
      } else if (pick < 67 && id != null) {
        made.add(h.store.delete(id));
      } else if (pick < 77 && !h.server.truth.isEmpty()) {
        List<String> ids = new ArrayList<>(h.server.truth.keySet());
        String target = ids.get(rnd.nextInt(ids.size()));
        String title = "o" + rnd.nextInt(4);
        boolean flip = rnd.nextBoolean();
        pushes.add(
            h.server.edit(
                target,
                c -> {
                  if (flip) {
                    c.done = !c.done;
                  } else {
                    c.title = title;
                  }
                }));
      } else if (pick < 85 && !pushes.isEmpty()) {
        h.store.receive(pushes.remove(rnd.nextInt(pushes.size())));
      } else if (pick < 88) {
        h.store.refetch().get(1, TimeUnit.SECONDS);
      } else {
        h.clock.advance(Duration.ofMillis(rnd.nextInt(300)));
      }
    }

    void answer(FakeServer.Call c) {
      if (c.alreadyApplied()) {
        c.answerLikeServer(); // a server that deduplicates by key answers as it did the first time
        return;
      }
      switch (rnd.nextInt(10)) {
        case 5 -> c.fail(SyncFailure.rejected(422, "refused"));
        case 6 ->
            c.fail(
                SyncFailure.transientFailure(
                    503, "busy", rnd.nextBoolean() ? Duration.ofMillis(80) : null, null));
        case 7 -> {
          if (c.acceptable()) {
            c.applyAndDrop();
          } else {
            c.answerLikeServer();
          }
        }
        case 8 -> c.fail(SyncFailure.outcomeUnknown("timed out", null));
        case 9 -> c.fail(new IllegalStateException("connection reset"));
        default -> c.answerLikeServer();
      }
    }

    void quiesce() {
      for (int i = 0; i < 10_000; i++) {
        if (h.server.waiting() > 0) {
          h.server.next().answerLikeServer();
        } else if (!pushes.isEmpty()) {
          h.store.receive(pushes.remove(rnd.nextInt(pushes.size())));
        } else if (!h.clock.runNext()) {
          return;
        }
      }
      throw new AssertionError("the store did not become quiet");
    }
  }
}
