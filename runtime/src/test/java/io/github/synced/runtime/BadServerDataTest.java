package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad server data: a clear error naming entity, id and field; store unchanged (rule 14). */
class BadServerDataTest {

  private static BadServerDataException refusedAnswer(Harness h, Reply<Card> reply) {
    h.store.local("t1", c -> c.expanded = true);
    long version = h.view("t1").version;
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().answer(reply);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals("title t1", h.view("t1").title, "rolled back to the unchanged base");
    assertEquals(version, h.view("t1").version);
    assertTrue(h.view("t1").expanded);
    assertEquals(Change.Cause.ROLLBACK, h.lastChange().cause());
    return assertInstanceOf(BadServerDataException.class, m.error().orElseThrow());
  }

  @Test
  void answerForAnotherIdIsRefused() {
    Harness h = new Harness().withCards("t1");
    BadServerDataException e = refusedAnswer(h, Reply.entity(new Card("t9", "x", false, 5)));
    assertEquals("Card 't1', field 'id': the answer is for id 't9'", e.getMessage());
    assertEquals("Card", e.entity());
    assertEquals("t1", e.id());
    assertEquals("id", e.field());
  }

  /**
   * Rule 3: an answer to a write means it was accepted. Without the new version (an empty 2xx, or
   * fields without the version) the written values are confirmed and the version is fetched before
   * the entity's next send, so that send carries the server's version.
   */
  private static void answerWithoutVersionConfirmsAndLearnsTheVersion(Reply<Card> reply) {
    Harness h = new Harness().withCards("t1");
    h.store.local("t1", c -> c.expanded = true);
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> next = h.store.update("t1", CardPatch.empty().done(true));
    FakeServer.Call call = h.server.next();
    call.applyOnly();
    int fetches = h.server.fetches;

    call.answer(reply);

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(fetches + 1, h.server.fetches, "the version was fetched");
    Write<String, Card> sent = h.server.next().write;
    assertEquals(next.idempotencyKey(), sent.idempotencyKey());
    assertEquals(h.server.get("t1").version, sent.baseVersion(), "sent with the learned version");
    assertEquals("mine", h.view("t1").title);
    assertTrue(h.view("t1").expanded);
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, next.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void partialAnswerWithoutVersionConfirmsTheWrittenValues() {
    answerWithoutVersionConfirmsAndLearnsTheVersion(Reply.partial(CardPatch.empty().title("mine")));
  }

  @Test
  void emptyAnswerToAnUpdateConfirmsTheWrittenValues() {
    answerWithoutVersionConfirmsAndLearnsTheVersion(Reply.empty());
  }

  @Test
  void answerWithAVersionOlderThanTheWritesBaseIsRefused() {
    Harness h = new Harness().withCards("t1");
    h.server.edit("t1", c -> {});
    h.store.receive(h.server.get("t1")); // base version 2
    BadServerDataException e = refusedAnswer(h, Reply.entity(new Card("t1", "mine", false, 1)));
    assertEquals(
        "Card 't1', field 'version': the answer's version 1 is older than the version 2 the write"
            + " was made against",
        e.getMessage());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void mistypedAnswerIsRefused() {
    Harness h = new Harness().withCards("t1");
    Reply<Card> wrong = (Reply) Reply.entity("not a card");
    BadServerDataException e = refusedAnswer(h, wrong);
    assertEquals("Card 't1': the answer is a java.lang.String, not a Card", e.getMessage());
  }

  @Test
  void partialAnswerWithVersionIsReconciledFieldByField() {
    Harness h = new Harness().withCards("t1");
    h.store.local("t1", c -> c.selected = true);
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().answer(Reply.partial(CardPatch.empty().title("Mine!").version(7)));
    assertEquals(MutationState.CONFIRMED, m.state());
    Card v = h.view("t1");
    assertEquals("Mine!", v.title);
    assertEquals(7, v.version);
    assertTrue(v.selected);
  }

  @Test
  void loadWithABadStateChangesNothing() {
    Harness h = new Harness();
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () ->
                h.store.load(
                    List.of(new Card("t1", "ok", false, 1), new Card(null, "no id", false, 1))));
    assertEquals("Card (id unknown), field 'id': the server state has no id", e.getMessage());
    assertTrue(h.store.all().isEmpty());
    assertTrue(h.changes.isEmpty());
  }
}
