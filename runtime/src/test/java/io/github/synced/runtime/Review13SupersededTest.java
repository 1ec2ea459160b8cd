package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Review 13: {@code Conflicts.merge} now confirms an older edit whose fields a later edit of ours
 * replaced ("superseded by a later mutation the server has") on a 409/412, in every mode. It does
 * so before the later edit is answered: when the server then refuses the later one, neither value
 * was ever written, yet the older edit reports CONFIRMED with a reason that says the server has its
 * replacement.
 */
class Review13SupersededTest {

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
  void anOlderEditIsNotConfirmedAsSupersededByALaterOneTheServerThenRefuses() {
    Harness h = new Harness();
    Mutation<String, Card> create = h.store.create(new Card(null, "draft", false, 0));
    String temp = create.id();
    Mutation<String, Card> older = h.store.update(temp, CardPatch.empty().title("older"));
    Reply<Card> created = h.server.call(0).applyOnly(); // the server has srv-1; no answer yet
    h.store.receive(h.server.get("srv-1")); // its copy arrives first
    Mutation<String, Card> later = h.store.update("srv-1", CardPatch.empty().title("later"));
    FakeServer.Call laterCall = h.server.call(1); // out, on the copy

    h.server.call(0).answer(created); // the two become one entity
    assertEquals(MutationState.CONFIRMED, create.state());
    assertEquals(2, h.server.waiting(), "the older edit went out beside the later one");
    FakeServer.Call olderCall = h.server.call(1);
    assertEquals("older", olderCall.write.patch().applyTo(new Card()).title);

    h.server.edit("srv-1", c -> c.done = true); // another writer: the older edit meets a 409
    olderCall.conflict();
    h.clock.advance(Duration.ofSeconds(1));
    laterCall.fail(SyncFailure.rejected(422, "title refused")); // the server never has "later"
    h.clock.advance(Duration.ofSeconds(1));
    while (h.server.waiting() > 0) {
      h.server.next().answerLikeServer();
      h.clock.advance(Duration.ofSeconds(1));
    }

    assertEquals(MutationState.ROLLED_BACK, later.state());
    String title = h.server.get("srv-1").title;
    assertFalse(
        older.state() == MutationState.CONFIRMED
            && "superseded by a later mutation the server has".equals(reasonOf(h, older))
            && !"older".equals(title),
        "older: "
            + older.state()
            + " ("
            + reasonOf(h, older)
            + ") while the server has title '"
            + title
            + "' and the later edit was refused");
    h.assertSyncedWithServer("srv-1");
  }
}
