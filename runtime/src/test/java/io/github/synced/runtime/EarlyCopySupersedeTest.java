package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An edit made on a created entity's copy that the server pushed before the create's answer, and
 * confirmed, replaces the values of an older edit made on the create's temporary id: once the two
 * join, the older one is never sent over it. Where the older one was already out and its outcome is
 * then decided, it is confirmed as superseded, and says so: the server never had its values (a soak
 * under load found it reported "the server's state shows it applied").
 */
class EarlyCopySupersedeTest {

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
  void anOlderEditOfUnknownOutcomeThatALaterOneReplacedIsConfirmedAsSuperseded() {
    Harness h = new Harness();
    older(h, call -> call.fail(SyncFailure.outcomeUnknown("response dropped", null)));
  }

  @Test
  void anOlderEditRefusedForAConflictThatALaterOneReplacedIsConfirmedAsSuperseded() {
    // The conflict is with our own later edit: no policy is asked, nothing is rolled back.
    Harness h = new Harness();
    older(h, FakeServer.Call::conflict);
  }

  /** The scenario; {@code ends} answers the older edit, which the server never applies. */
  private static void older(Harness h, java.util.function.Consumer<FakeServer.Call> ends) {
    Mutation<String, Card> create = h.store.create(new Card(null, "draft", false, 0));
    String temp = create.id();
    Mutation<String, Card> older = h.store.update(temp, CardPatch.empty().title("older"));
    Reply<Card> created = h.server.call(0).applyOnly(); // the server has srv-1; no answer yet
    h.store.receive(h.server.get("srv-1")); // its copy arrives first
    Mutation<String, Card> later = h.store.update("srv-1", CardPatch.empty().title("later"));
    FakeServer.Call laterCall = h.server.call(1); // out, on the copy

    h.server.call(0).answer(created); // the create's answer: the two become one entity
    assertEquals(MutationState.CONFIRMED, create.state());
    assertEquals(2, h.server.waiting(), "the older edit went out beside the later one");
    laterCall.succeed(); // the later one is applied and confirmed first
    assertEquals(MutationState.CONFIRMED, later.state());
    ends.accept(h.server.next());
    h.clock.advance(Duration.ofSeconds(1));

    assertEquals(MutationState.CONFIRMED, older.state());
    assertEquals("superseded by a later mutation the server has", reasonOf(h, older));
    assertEquals(0, h.server.waiting(), "nothing is sent again");
    assertEquals("later", h.server.get("srv-1").title, "the older value was never written over");
    assertEquals("later", h.view("srv-1").title);
    h.assertSyncedWithServer("srv-1");
  }
}
