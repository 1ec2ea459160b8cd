package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Rig.await;

import io.github.synced.runtime.ConflictPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Seeded random schedules over real HTTP: answers in every shape, another writer, faults. */
class RandomizedHttpTest {

  private static final FakeApi.Answer[] ANSWERS = FakeApi.Answer.values();

  @Test
  void randomSchedulesConvergeAndKeepLocalOnly() {
    String asked = System.getProperty("b14.seed", "14");
    long seed = asked.equals("random") ? System.nanoTime() : Long.parseLong(asked);
    int schedules = Integer.getInteger("b14.schedules", 12);
    System.out.println("RandomizedHttpTest seed " + seed);
    Random seeds = new Random(seed);
    List<String> failures = new ArrayList<>();
    for (int s = 0; s < schedules; s++) {
      long one = seeds.nextLong();
      try {
        run(one);
      } catch (AssertionError | RuntimeException e) {
        failures.add("schedule seed " + one + ": " + e.getMessage());
        System.out.println("FAILED schedule seed " + one + ": " + e);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size()
              + " of "
              + schedules
              + " failed (seed "
              + seed
              + ")\n"
              + String.join("\n", failures));
    }
  }

  /**
   * One schedule again ({@code -Db14.one=<seed> -Db14.repeat=<n>}); by default the one that found a
   * 204 after a read of a later version flickering back.
   */
  @Test
  void oneSchedule() {
    long one = Long.getLong("b14.one", -8033829197031708464L);
    {
      int fails = 0;
      String last = null;
      for (int i = 0; i < Integer.getInteger("b14.repeat", 1); i++) {
        try {
          run(one);
        } catch (AssertionError e) {
          fails++;
          last = e.getMessage();
          System.out.println("REPEAT " + i + " failed: " + e.getMessage());
        }
      }
      if (last != null) {
        throw new AssertionError(fails + " runs failed; last: " + last);
      }
    }
  }

  static void run(long seed) {
    Random r = new Random(seed);
    ConflictPolicy<Board> policy =
        r.nextBoolean() ? ConflictPolicy.serverWins() : ConflictPolicy.clientWins();
    boolean dedupe = r.nextBoolean();
    try (Rig rig = new Rig(FakeApi.Answer.ENTITY, dedupe, policy)) {
      rig.api.checkIfMatch = r.nextInt(3) > 0;
      rig.api.rekeyLanes = r.nextInt(3) == 0;
      Map<String, Boolean> expected = new HashMap<>();
      for (String id : List.of("c1", "c2", "c3", "l1", "l2")) {
        expected.put(id, true);
      }
      int next = 10;
      List<String> trace = new ArrayList<>();
      for (int step = 0; step < 30; step++) {
        int op = r.nextInt(15);
        Board view = rig.b1();
        List<String> cards = view.cards.stream().map(c -> c.id).toList();
        List<String> keys = new ArrayList<>(view.lanes.keySet());
        String card = cards.isEmpty() ? null : cards.get(r.nextInt(cards.size()));
        String key = keys.isEmpty() ? null : keys.get(r.nextInt(keys.size()));
        trace.add(op + (card == null ? "" : ":" + card) + (key == null ? "" : ":" + key));
        try {
          switch (op) {
            case 0 -> {
              rig.api.answer = ANSWERS[r.nextInt(ANSWERS.length)];
              trace.add("answer=" + rig.api.answer);
            }
            case 1 -> {
              if (card != null) {
                String t = "t" + step;
                rig.boards.update("b1", p -> p.editCards(c -> c.update(card, x -> x.title(t))));
              }
            }
            case 2 -> {
              String id = "c" + next++;
              int at = r.nextInt(cards.size() + 1);
              rig.boards.update("b1", p -> p.editCards(c -> c.add(at, new Card(id, "n" + id))));
              if (local(rig, id, true)) {
                expected.put(id, true);
              }
            }
            case 3 -> {
              if (card != null) {
                rig.boards.update("b1", p -> p.editCards(c -> c.remove(card)));
              }
            }
            case 4 -> {
              String id = "l" + next++;
              rig.boards.update(
                  "b1", p -> p.editLanes(l -> l.put("key" + id, new Card(id, "n" + id))));
              if (local(rig, id, true)) {
                expected.put(id, true);
              }
            }
            case 5 -> {
              if (key != null) {
                String t = "lt" + step;
                rig.boards.update("b1", p -> p.editLanes(l -> l.update(key, x -> x.title(t))));
              }
            }
            case 6 -> {
              if (key != null) {
                rig.boards.update("b1", p -> p.editLanes(l -> l.remove(key)));
              }
            }
            case 7 -> {
              String n = "name" + step;
              rig.boards.update("b1", p -> p.editOwner(o -> o.name(n)));
            }
            case 8 -> {
              int w = r.nextInt(4);
              String id = "c" + next++;
              rig.api.edit(
                  "b1",
                  o -> {
                    var arr = (com.fasterxml.jackson.databind.node.ArrayNode) o.get("cards");
                    if (w == 0 && arr.size() > 0) {
                      ((com.fasterxml.jackson.databind.node.ObjectNode) arr.get(0))
                          .put("title", "other" + id);
                    } else if (w == 1 && arr.size() > 0) {
                      arr.remove(arr.size() - 1);
                    } else if (w == 2) {
                      arr.addObject().put("id", id).put("title", "theirs").put("done", false);
                    } else {
                      o.put("title", "board" + id);
                    }
                  });
              if (w == 2) {
                expected.put(id, false);
              }
            }
            case 9 -> {
              var unused = rig.store.refetch();
            }
            case 10 -> rig.api.failNextWrite(r.nextBoolean() ? 422 : 503);
            case 11 -> rig.api.dropNextWrite();
            case 12 -> {
              if (card != null) {
                boolean v = r.nextBoolean();
                if (local(rig, card, v)) {
                  expected.put(card, v);
                }
              }
            }
            case 13 -> await(rig.store.idle());
            default -> {
              if (card != null) {
                rig.boards.update("b1", p -> p.editCards(c -> c.update(card, x -> x.done(true))));
              }
            }
          }
        } catch (IllegalArgumentException | IllegalStateException e) {
          trace.add("refused: " + e.getMessage());
        }
      }
      trace.add(
          "ifMatch="
              + rig.api.checkIfMatch
              + " rekey="
              + rig.api.rekeyLanes
              + " dedupe="
              + dedupe
              + " policy="
              + policy);
      try {
        rig.converge();
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + " TRACE " + trace, e);
      }
      Board b = rig.b1();
      List<String> lost = new ArrayList<>();
      for (Card c : b.cards) {
        Boolean want = expected.get(c.id);
        if (want != null && want != c.expanded) {
          lost.add(c.id + " expanded=" + c.expanded + " want " + want);
        }
      }
      for (Card c : b.lanes.values()) {
        Boolean want = expected.get(c.id);
        if (want != null && want != c.expanded) {
          lost.add(c.id + " expanded=" + c.expanded + " want " + want);
        }
      }
      if (!b.expanded || !b.owner.expanded) {
        lost.add("board/owner expanded lost");
      }
      for (String line : new ArrayList<>(rig.api.log)) {
        if (line.contains("expanded")) {
          lost.add("local-only sent: " + line);
        }
      }
      if (!lost.isEmpty()) {
        throw new AssertionError(
            "local-only wrong: "
                + lost
                + " in "
                + b
                + " TRACE "
                + trace
                + " LOG "
                + rig.api.log
                + " EVENTS\n"
                + String.join("\n", rig.events));
      }
    }
  }

  /** Sets a card's or lane's expanded if it is visible; whether it was. */
  private static boolean local(Rig rig, String id, boolean v) {
    AtomicBoolean done = new AtomicBoolean();
    rig.store.local(
        "b1",
        b -> {
          Card c = b.card(id) != null ? b.card(id) : b.laneById(id);
          if (c != null) {
            c.expanded = v;
            done.set(true);
          }
        });
    return done.get();
  }
}
