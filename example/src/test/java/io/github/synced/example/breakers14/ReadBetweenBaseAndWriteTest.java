package io.github.synced.example.breakers14;

import static io.github.synced.example.breakers14.Rig.await;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal form of RandomizedHttpTest seed -8033829197031708464. The server ignores If-Match (the
 * README names this habit). Another writer moved the board to v102; our write is sent with If-Match
 * 101 and held; a refetch answers v102 (without our write); then the server applies our write
 * (v103) and answers without a version (partial body, or 204). The read is newer than our write's
 * base but older than our write.
 */
class ReadBetweenBaseAndWriteTest {

  enum Edit {
    OWNER_NAME,
    ADD_CARD,
    PUT_LANE,
    CARD_TITLE
  }

  @Test
  void versionlessAnswerAfterReadNewerThanBaseButOlderThanWrite() {
    List<String> failures = new ArrayList<>();
    for (FakeApi.Answer a :
        new FakeApi.Answer[] {FakeApi.Answer.PARTIAL, FakeApi.Answer.NO_CONTENT}) {
      for (Edit e : Edit.values()) {
        try {
          run(a, e);
        } catch (AssertionError err) {
          failures.add(a + " " + e + ": " + err.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " of 8 variants failed:\n" + String.join("\n", failures));
    }
  }

  /** Controls: answers that carry the version. */
  @Test
  void versionedAnswerAfterReadNewerThanBaseButOlderThanWrite() {
    List<String> failures = new ArrayList<>();
    for (FakeApi.Answer a :
        new FakeApi.Answer[] {FakeApi.Answer.ENTITY, FakeApi.Answer.VERSION_ONLY}) {
      for (Edit e : Edit.values()) {
        try {
          run(a, e);
        } catch (AssertionError err) {
          failures.add(a + " " + e + ": " + err.getMessage());
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size() + " of 8 variants failed:\n" + String.join("\n", failures));
    }
  }

  private static String probe(Board b, Edit e) {
    return switch (e) {
      case OWNER_NAME -> b.owner.name;
      case ADD_CARD -> b.card("c9") == null ? "absent" : b.card("c9").expanded ? "EXP" : "col";
      case PUT_LANE ->
          b.laneById("l9") == null ? "absent" : b.laneById("l9").expanded ? "EXP" : "col";
      case CARD_TITLE -> b.card("c1").title;
    };
  }

  private static void run(FakeApi.Answer a, Edit e) {
    try (Rig rig = new Rig(a)) {
      rig.api.checkIfMatch = false;
      String want =
          switch (e) {
            case OWNER_NAME -> "Bob";
            case ADD_CARD, PUT_LANE -> "EXP";
            case CARD_TITLE -> "ONE";
          };
      List<String> shown = Collections.synchronizedList(new ArrayList<>()); // listener's thread
      var unused =
          rig.store.subscribe(
              "b1",
              (Change<String, Board> c) -> {
                if (c.after() != null) {
                  shown.add(c.cause() + ":" + probe(c.after(), e));
                }
              });
      rig.api.edit("b1", o -> o.put("title", "Other")); // v102, unknown to the store
      FakeApi.Gate g = rig.api.holdWrite(false);
      Mutation<String, Board> m =
          switch (e) {
            case OWNER_NAME -> rig.boards.update("b1", p -> p.editOwner(o -> o.name("Bob")));
            case ADD_CARD ->
                rig.boards.update("b1", p -> p.editCards(c -> c.add(new Card("c9", "nine"))));
            case PUT_LANE ->
                rig.boards.update("b1", p -> p.editLanes(l -> l.put("new", new Card("l9", "n"))));
            case CARD_TITLE ->
                rig.boards.update("b1", p -> p.editCards(c -> c.update("c1", x -> x.title("ONE"))));
          };
      if (e == Edit.ADD_CARD) {
        rig.store.local("b1", b -> b.card("c9").expanded = true);
      } else if (e == Edit.PUT_LANE) {
        rig.store.local("b1", b -> b.laneById("l9").expanded = true);
      }
      await(g.arrived);
      await(rig.store.refetch()); // v102: Other, without our write
      g.open(); // applied now: v103
      await(m.result());
      rig.settle();
      String now = probe(rig.b1(), e);
      boolean seen = false;
      String flicker = null;
      List<String> heard;
      synchronized (shown) {
        heard = List.copyOf(shown);
      }
      for (String s : heard) {
        if (s.endsWith(":" + want)) {
          seen = true;
        } else if (seen && flicker == null) {
          flicker = s;
        }
      }
      if (!want.equals(now) || flicker != null || m.state() != MutationState.CONFIRMED) {
        throw new AssertionError(
            "state "
                + m.state()
                + ", now "
                + now
                + (flicker == null ? "" : ", flickered to " + flicker)
                + "; shown "
                + shown
                + "; server "
                + Jsonish.of(rig.api.row("b1")));
      }
      rig.converge();
      Checks.allExpanded(rig.b1());
    }
  }
}
