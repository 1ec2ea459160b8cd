package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Review 13, item 4: with {@code sendInParallel}, an older edit of a field that a later edit of
 * ours also sets, both on the wire, meets a 412 (another writer changed another field). {@code
 * Conflicts.merge} counts the field as superseded by the later edit because it is on the wire, and
 * confirms the older one "superseded by a later mutation the server has". The server then refuses
 * the later edit (422): neither value was written, yet the older edit stays CONFIRMED, its value in
 * neither the server nor the view (rule 3: CONFIRMED means the server took it; rule 4: only the
 * refused mutation's effect leaves).
 */
class Review13ParallelSupersededTest {

  private static String reasonOf(Harness h, Mutation<String, Card> m) {
    String reason = null;
    synchronized (h.transitions) {
      for (Transition<String, Card> t : h.transitions) {
        if (t.mutation() == m) {
          reason = t.reason();
        }
      }
    }
    return reason;
  }

  @Test
  void anOlderEditIsNotConfirmedAsSupersededByALaterOneStillOnTheWire() {
    Harness h = new Harness(SyncStore.Builder::sendInParallel).withCards("c1");
    Mutation<String, Card> older = h.store.update("c1", CardPatch.empty().title("older"));
    Mutation<String, Card> later = h.store.update("c1", CardPatch.empty().title("later"));
    FakeServer.Call olderCall = h.server.call(0);
    FakeServer.Call laterCall = h.server.call(1);

    h.server.edit("c1", c -> c.done = true); // another writer: version moves on
    olderCall.answerLikeServer(); // 412 with the server's state
    h.clock.advance(Duration.ofSeconds(1));
    laterCall.fail(SyncFailure.rejected(422, "title refused"));
    h.clock.advance(Duration.ofSeconds(1));
    while (h.server.waiting() > 0) {
      h.server.next().answerLikeServer();
      h.clock.advance(Duration.ofSeconds(1));
    }

    String title = h.server.get("c1").title;
    assertFalse(
        older.state() == MutationState.CONFIRMED && !"older".equals(title),
        "older: "
            + older.state()
            + " ("
            + reasonOf(h, older)
            + "), later: "
            + later.state()
            + ", the server's title '"
            + title
            + "', the view's '"
            + h.view("c1").title
            + "'");
  }
}
