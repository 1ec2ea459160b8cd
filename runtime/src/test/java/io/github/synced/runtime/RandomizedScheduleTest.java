package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seeded random schedules against the reference server, in every shape real servers and users give:
 * answers that are the whole entity, some fields with the version, only the version, or empty;
 * server-assigned and client-kept ids; servers with and without versions, that deduplicate by key
 * or not, that list items without their version; slow reads answered in any order; serial and
 * parallel sends with conflicts and updaters; remotes, listeners and updaters that throw; values
 * the entity refuses; pushes, refetches and time. Once quiet the invariants of {@link Invariants}
 * must hold, no write the server applied may be reported rolled back (but for a conflict or a
 * deletion), none applied twice, and the store must have reported no failure of its own. A failure
 * names its seed and its configuration; rerun one schedule with {@code -Dsynced.seed=N}, change the
 * count with {@code -Dsynced.schedules=N}.
 */
class RandomizedScheduleTest {

  private static final long FIRST_SEED = 20_261_128L;

  /** Thrown by user code the schedule makes fail on purpose. */
  static final class Injected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Injected(String what) {
      super("injected: " + what, null, false, false);
    }
  }

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
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler was = me.getUncaughtExceptionHandler();
    me.setUncaughtExceptionHandler((t, e) -> schedule.reported(e));
    try {
      schedule.play();
    } catch (Throwable t) {
      schedule.printLog();
      throw new AssertionError(
          "schedule failed; reproduce with -Dsynced.seed="
              + seed
              + " ("
              + schedule.config
              + "): "
              + t.getMessage(),
          t);
    } finally {
      me.setUncaughtExceptionHandler(was);
    }
  }

  /** The shape of one schedule, drawn from its seed. */
  record Config(
      boolean versioned,
      boolean parallel,
      String conflicts,
      int attempts,
      RetryPolicy.UnknownOutcome unknown,
      boolean clientIds,
      List<FakeServer.Shape> shapes,
      boolean deduplicates,
      boolean listsWithoutVersions,
      boolean slowReads,
      boolean throwingRemote,
      boolean throwingListener) {}

  private static final class Schedule {
    final SplittableRandom rnd;
    final Config config;
    final CardType type;
    final Harness h;
    final List<Mutation<String, Card>> made = new ArrayList<>();

    /** The title each plain update set, and the entities another writer or an updater touched. */
    final Map<Mutation<String, Card>, String> titles = new HashMap<>();

    final Set<String> touchedElsewhere = new HashSet<>();

    final List<Mutation<String, Card>> updaters = new ArrayList<>();
    final Map<Mutation<String, Card>, Set<String>> keys = new HashMap<>();
    final Map<String, Invariants.LocalWrite> locals = new HashMap<>();
    final List<Object> pushes = new ArrayList<>(); // a Card, or the id of a deleted one
    final List<Throwable> bugs = Collections.synchronizedList(new ArrayList<>());
    int names;
    long seq;
    int sends;

    Schedule(long seed) {
      rnd = new SplittableRandom(seed);
      List<FakeServer.Shape> shapes = new ArrayList<>(List.of(FakeServer.Shape.WHOLE));
      for (FakeServer.Shape s : List.of(FakeServer.Shape.values()).subList(1, 4)) {
        if (rnd.nextBoolean()) {
          shapes.add(s);
        }
      }
      boolean versioned = rnd.nextInt(4) > 0;
      config =
          new Config(
              versioned,
              rnd.nextBoolean(),
              List.of("server wins", "client wins", "resolver").get(rnd.nextInt(3)),
              1 + rnd.nextInt(5),
              rnd.nextBoolean()
                  ? RetryPolicy.UnknownOutcome.RETRY
                  : RetryPolicy.UnknownOutcome.REFETCH,
              rnd.nextInt(4) == 0,
              List.copyOf(shapes),
              rnd.nextInt(5) > 0,
              versioned && rnd.nextInt(5) == 0,
              rnd.nextInt(3) == 0,
              rnd.nextInt(5) == 0,
              rnd.nextInt(3) == 0);
      type = versioned ? CardType.TYPE : CardType.UNVERSIONED;
      ConflictPolicy<Card> conflicts =
          switch (config.conflicts()) {
            case "server wins" -> ConflictPolicy.serverWins();
            case "client wins" -> ConflictPolicy.clientWins();
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
              .withJitter(0.3, new SplittableRandom(seed)::nextDouble)
              .withMaxAttempts(config.attempts())
              .withUnknownOutcome(config.unknown());
      h =
          new Harness(
              type,
              b -> {
                b.retry(retry).conflicts(conflicts);
                if (config.parallel()) {
                  b.sendInParallel();
                }
                if (config.clientIds()) {
                  b.clientAssignedIds();
                }
                if (config.throwingRemote()) {
                  b.remote(throwingSometimes());
                }
              });
      h.server.versioned = versioned;
      h.server.deduplicates = config.deduplicates();
      h.server.listWithoutVersions = config.listsWithoutVersions();
      h.store.onTransition(
          t -> {
            if (t.to() == MutationState.SENDING) {
              keys.computeIfAbsent(t.mutation(), m -> new LinkedHashSet<>())
                  .add(t.mutation().idempotencyKey());
            }
          });
      if (config.throwingListener()) {
        h.store.subscribe(
            c -> {
              if (rnd.nextInt(10) == 0) {
                throw new Injected("listener");
              }
            });
      }
      for (String id : List.of("a", "b", "c")) {
        h.server.put(id, "title " + id, false);
      }
      h.store.load(h.server.all());
      if (System.getProperty("synced.trace") != null) {
        EventLog<String, Card> log = EventLog.attach(h.store);
        log.subscribe(e -> System.err.println("TRACE " + log.format(e, java.time.Instant.EPOCH)));
      }
    }

    /** The reference server, but one send in twenty throws instead of answering. */
    private Remote<String, Card> throwingSometimes() {
      return new Remote<>() {
        @Override
        public java.util.concurrent.CompletionStage<Reply<Card>> send(Write<String, Card> write) {
          if (++sends % 20 == 0) {
            throw new Injected("remote");
          }
          return h.server.send(write);
        }

        @Override
        public java.util.concurrent.CompletionStage<java.util.Optional<Card>> fetch(String id) {
          return h.server.fetch(id);
        }

        @Override
        public java.util.concurrent.CompletionStage<List<Card>> fetchAll() {
          return h.server.fetchAll();
        }

        @Override
        public java.util.concurrent.CompletionStage<List<Reply<Card>>> list() {
          return h.server.list();
        }

        @Override
        public boolean deduplicatesByKey() {
          return h.server.deduplicatesByKey();
        }
      };
    }

    void reported(Throwable t) {
      if (!(t instanceof Injected)) {
        bugs.add(t);
      }
    }

    void play() throws Exception {
      h.server.holdFetches = config.slowReads();
      int steps = 20 + rnd.nextInt(40);
      for (int i = 0; i < steps; i++) {
        step();
        assertPendingIsEveryUnsettledMutationInOrder();
      }
      quiesce();
      assertEquals(List.of(), bugs, "failures the store reported of its own");
      Invariants.assertConverged(h, type, made, locals);
      Invariants.assertListenerSequencesConsistent(h, made);
      assertNoAppliedWriteReportedFailedOrAppliedTwice();
      assertTheLastConfirmedTitleIsTheServers();
      h.server.holdFetches = false;
      h.store.refetch().get(1, TimeUnit.SECONDS);
      assertEquals(
          h.server.all().stream().map(c -> Invariants.show(type, c)).sorted().toList(),
          h.store.all().stream().map(c -> Invariants.show(type, c)).sorted().toList(),
          "after a final refetch the store holds exactly the server's collection");
      Invariants.assertListenerSequencesConsistent(h, made);
    }

    /**
     * No older edit of ours ends up over a newer confirmed one: where only this client wrote a
     * title with plain updates (no other writer, no updater, no resolver choosing its own value),
     * the server's title is the one the last confirmed of them set.
     */
    private void assertTheLastConfirmedTitleIsTheServers() {
      if (config.conflicts().equals("resolver") || config.parallel()) {
        // A resolver may choose a value of its own. Parallel sends do not hold it in every
        // schedule yet: -Dsynced.seed=20412960 resends an earlier title over a later one whose
        // answer was lost after it applied, when the later one set the base's value back.
        return;
      }
      Set<String> skip = new HashSet<>(touchedElsewhere);
      updaters.forEach(u -> skip.add(u.id()));
      Map<String, Mutation<String, Card>> last = new HashMap<>();
      Set<Mutation<String, Card>> ambiguous = new HashSet<>(); // rule 6: maybe applied
      synchronized (h.transitions) {
        for (Transition<String, Card> t : h.transitions) {
          if (t.reason() != null && t.reason().startsWith("outcome unknown")) {
            ambiguous.add(t.mutation());
          }
        }
      }
      for (Mutation<String, Card> m : made) { // in the order made
        if (titles.containsKey(m) && m.state() == MutationState.CONFIRMED) {
          last.put(m.id(), m);
        }
      }
      for (Map.Entry<String, Mutation<String, Card>> e : last.entrySet()) {
        Card onServer = h.server.get(e.getKey());
        if (onServer != null && !skip.contains(e.getKey()) && !ambiguous.contains(e.getValue())) {
          assertEquals(
              titles.get(e.getValue()),
              onServer.title,
              e.getKey() + ": the last confirmed title edit, " + e.getValue() + ", was lost");
        }
      }
    }

    private void assertPendingIsEveryUnsettledMutationInOrder() {
      List<Mutation<String, Card>> unsettled = new ArrayList<>();
      for (Mutation<String, Card> m : made) {
        if (!m.isSettled()) {
          unsettled.add(m);
        }
      }
      unsettled.sort(java.util.Comparator.comparingLong(Mutation::sequence));
      assertEquals(unsettled, h.store.pending(), "pending(): every unsettled one, in order made");
    }

    private void assertNoAppliedWriteReportedFailedOrAppliedTwice() {
      for (Mutation<String, Card> m : made) {
        int applied = 0;
        for (String key : keys.getOrDefault(m, Set.of())) {
          int times = h.server.applications.getOrDefault(key, 0);
          assertTrue(
              times <= 1, m + ": the write under key " + key + " applied " + times + " times");
          applied += times;
        }
        if (m.state() == MutationState.ROLLED_BACK) {
          SyncFailure.Kind why = m.error().orElseThrow().kind();
          if (why != SyncFailure.Kind.CONFLICT && why != SyncFailure.Kind.NOT_FOUND) {
            assertEquals(0, applied, m + " was rolled back (" + m.error().get() + ") but applied");
          }
        }
        if (m.kind() == Write.Kind.CREATE) {
          assertTrue(applied <= 1, m + " created " + applied + " entities");
        }
      }
    }

    /** The failing schedule's event log, for whoever reproduces it. */
    void printLog() {
      synchronized (h.server) {
        h.server.log.forEach(line -> System.err.println("server " + line));
      }
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
                        + ")"
                        + (t.error() == null ? "" : " " + t.error().getMessage())));
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
      } else if (pick < 43 && id != null) {
        update(id);
      } else if (pick < 48 && id != null) {
        boolean picky = rnd.nextInt(3) == 0;
        int pending = h.store.pending(id).size();
        try {
          Mutation<String, Card> m =
              h.store.modify(
                  id,
                  c -> {
                    if (picky && c.title.startsWith("o")) {
                      throw new Injected("updater"); // refuses other writers' titles
                    }
                    c.title = c.title + "!";
                  });
          made.add(m);
          updaters.add(m); // its value is relative: no last title to compare on its entity
        } catch (Injected refusedNow) {
          assertEquals(pending, h.store.pending(id).size(), "a refused change leaves nothing");
        }
      } else if (pick < 56 && id != null) {
        boolean expanded = rnd.nextBoolean();
        boolean selected = rnd.nextBoolean();
        h.store.local(
            id,
            c -> {
              c.expanded = expanded;
              c.selected = selected;
            });
        locals.put(id, new Invariants.LocalWrite(expanded, selected, seq++));
      } else if (pick < 60) {
        Card draft =
            new Card(
                config.clientIds() ? "c" + names : null, "new" + names++, rnd.nextBoolean(), 0);
        draft.expanded = rnd.nextBoolean();
        Mutation<String, Card> m = h.store.create(draft);
        made.add(m);
        locals.put(m.id(), new Invariants.LocalWrite(draft.expanded, false, seq++));
      } else if (pick < 63 && id != null) {
        made.add(h.store.delete(id));
      } else if (pick < 72 && !h.server.truth.isEmpty()) {
        List<String> ids = new ArrayList<>(h.server.truth.keySet());
        String target = ids.get(rnd.nextInt(ids.size()));
        String title = "o" + rnd.nextInt(4);
        boolean flip = rnd.nextBoolean();
        touchedElsewhere.add(target);
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
        if (!config.versioned()) {
          deliver(pushes.size() - 1); // without versions a push is taken as the newest state
        }
      } else if (pick < 73 && !h.server.truth.isEmpty()) {
        List<String> ids = new ArrayList<>(h.server.truth.keySet());
        String target = ids.get(rnd.nextInt(ids.size()));
        touchedElsewhere.add(target);
        synchronized (h.server) {
          h.server.truth.remove(target); // another writer deletes it
        }
        pushes.add(target);
        if (!config.versioned()) {
          deliver(pushes.size() - 1);
        }
      } else if (pick < 81 && !pushes.isEmpty()) {
        deliver(rnd.nextInt(pushes.size())); // late and reordered: versions tell which is newer
      } else if (pick < 84) {
        var unused = h.store.refetch(); // may be held: a slow read
      } else if (pick < 86 && id != null && !id.startsWith("tmp-")) {
        var unused = h.store.refetch(id);
      } else if (pick < 89 && !h.server.heldFetches.isEmpty()) {
        h.server.heldFetches.remove(rnd.nextInt(h.server.heldFetches.size())).complete(null);
      } else {
        h.clock.advance(Duration.ofMillis(rnd.nextInt(300)));
      }
    }

    private void update(String id) {
      if (rnd.nextInt(20) == 0) {
        Card before = h.view(id);
        try {
          h.store.update(id, CardPatch.empty().title(CardType.REFUSED));
          throw new AssertionError("the entity accepted a title it refuses");
        } catch (IllegalArgumentException refused) {
          assertEquals(Invariants.show(type, before), Invariants.show(type, h.view(id)));
          return; // nothing left behind
        }
      }
      CardPatch p = CardPatch.empty();
      String title = rnd.nextBoolean() ? "t" + rnd.nextInt(4) : null;
      if (title != null) {
        p = p.title(title);
      }
      if (p.isEmpty() || rnd.nextBoolean()) {
        p = p.done(rnd.nextBoolean());
      }
      Mutation<String, Card> m = h.store.update(id, p);
      made.add(m);
      if (title != null) {
        titles.put(m, title);
      }
    }

    private void deliver(int index) {
      Object push = pushes.remove(index);
      if (push instanceof Card c) {
        boolean taken = h.store.receive(c);
        if (System.getProperty("synced.trace") != null) {
          System.err.println(
              "TRACE push " + c + (taken ? " taken" : " ignored") + " → " + h.store.get(c.id));
        }
      } else {
        h.store.receiveDeleted((String) push);
      }
    }

    private FakeServer.Shape shape() {
      return config.shapes().get(rnd.nextInt(config.shapes().size()));
    }

    void answer(FakeServer.Call c) {
      if (c.alreadyApplied()) {
        // a server that deduplicates by key replays the first answer, in its habitual shape (an
        // empty or version-only replay says nothing of what others wrote since)
        c.succeed(shape());
        return;
      }
      switch (rnd.nextInt(10)) {
        case 0, 1, 2 -> {
          if (c.acceptable()) {
            c.succeed(shape());
          } else {
            c.answerLikeServer();
          }
        }
        case 3 -> c.fail(SyncFailure.rejected(422, "refused"));
        case 4 ->
            c.fail(
                SyncFailure.transientFailure(
                    503, "busy", rnd.nextBoolean() ? Duration.ofMillis(80) : null, null));
        case 5 -> {
          if (c.acceptable()) {
            c.applyAndDrop();
          } else {
            c.answerLikeServer();
          }
        }
        case 6 -> c.fail(SyncFailure.outcomeUnknown("timed out", null));
        case 7 -> c.fail(new IllegalStateException("connection reset"));
        default -> c.answerLikeServer();
      }
    }

    void quiesce() {
      for (int i = 0; i < 20_000; i++) {
        if (h.server.waiting() > 0) {
          FakeServer.Call c = h.server.next();
          if (!c.alreadyApplied() && c.acceptable() && rnd.nextBoolean()) {
            c.succeed(shape());
          } else {
            c.answerLikeServer();
          }
        } else if (!h.server.heldFetches.isEmpty()) {
          h.server.heldFetches.remove(0).complete(null);
        } else if (!pushes.isEmpty()) {
          deliver(rnd.nextInt(pushes.size()));
        } else if (!h.clock.runNext()) {
          return;
        }
      }
      throw new AssertionError("the store did not become quiet; pending " + h.store.pending());
    }
  }

  /** Ids the schedule made, for readers of a failure. */
  static Set<String> ids(Harness h) {
    Set<String> ids = new HashSet<>();
    h.store.all().forEach(c -> ids.add(c.id));
    return ids;
  }
}
