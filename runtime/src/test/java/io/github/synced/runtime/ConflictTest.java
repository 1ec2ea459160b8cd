package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conflicts are merged three-way against the mutation's base (rule 9). */
class ConflictTest {

  @Test
  void disjointFieldsMergeSilentlyAndTheMutationIsResentOnTheNewBase() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.edit("t1", c -> c.done = true);

    h.server.next().conflict();

    assertEquals("mine", h.view("t1").title);
    assertTrue(h.view("t1").done, "their field arrives silently");
    Write<String, Card> resend = h.server.next().write;
    assertEquals(2L, resend.baseVersion());
    assertEquals(m.idempotencyKey(), resend.idempotencyKey());
    assertEquals("mine", resend.patch().get(CardField.TITLE));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(h.server.get("t1").done);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void overlappingFieldGoesToTheServerByDefault() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict();

    assertEquals("theirs", h.view("t1").title);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.CONFLICT, m.error().orElseThrow().kind());
    assertEquals(0, h.server.waiting(), "nothing left to send");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void serverWinsDropsOnlyTheOverlapAndResendsTheRest() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine").done(true));
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict();

    assertEquals("theirs", h.view("t1").title);
    assertTrue(h.view("t1").done);
    assertEquals(List.of(CardField.DONE), List.copyOf(h.server.next().write.patch().fields()));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void clientWinsResendsMineOnTopOfTheirsWithTheNewVersion() {
    Harness h = new Harness(b -> b.conflicts(ConflictPolicy.clientWins())).withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict();

    assertEquals("mine", h.view("t1").title);
    assertEquals(2L, h.server.next().write.baseVersion());
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("mine", h.server.get("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void resolverDecidesTheOverlapFromBaseMineAndTheirs() {
    List<String> seen = new ArrayList<>();
    Harness h =
        new Harness(
                b ->
                    b.conflicts(
                        ConflictPolicy.resolveWith(
                            (base, mine, theirs) -> {
                              seen.add(base.title + "|" + mine.title + "|" + theirs.title);
                              mine.title = theirs.title + " + " + mine.title;
                              return mine;
                            })))
            .withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict();

    assertEquals(List.of("title t1|mine|theirs"), seen);
    assertEquals("theirs + mine", h.view("t1").title);
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("theirs + mine", h.server.get("t1").title);
  }

  @Test
  void conflictWithoutTheServersStateFetchesIt() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.edit("t1", c -> c.done = true);
    SyncFailure bare = SyncFailure.conflict(412, "precondition failed", null);

    h.server.next().fail(bare);

    assertEquals(1, h.server.fetches);
    assertTrue(h.view("t1").done);
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void conflictingDeleteIsRestoredUnderServerWins() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.delete("t1");
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict();

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals("theirs", h.view("t1").title);
    assertEquals(Change.Cause.RESTORED, h.lastChange().cause());
    assertSame(m, h.lastChange().mutation());
  }

  @Test
  void resolverThatThrowsRollsBackAndFreesTheEntitysQueue() {
    IllegalStateException bug = new IllegalStateException("resolver bug");
    Harness h =
        new Harness(
                b ->
                    b.conflicts(
                        ConflictPolicy.resolveWith(
                            (base, mine, theirs) -> {
                              throw bug;
                            })))
            .withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> next = h.store.update("t1", CardPatch.empty().done(true));
    h.server.edit("t1", c -> c.title = "theirs");

    h.server.next().conflict();

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.USER_CODE, m.error().orElseThrow().kind());
    assertSame(bug, m.error().orElseThrow().getCause());
    assertEquals("theirs", h.view("t1").title);
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, next.state(), "the next mutation was sent and confirmed");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void conflictCarryingAStateOlderThanTheBaseMergesAgainstTheNewerBase() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    Card stale = FakeServer.copy(h.server.edit("t1", c -> c.title = "theirs"));
    Card newer =
        h.server.edit(
            "t1",
            c -> {
              c.title = "title t1"; // the other writer took its rename back
              c.done = true;
            });
    h.store.receive(FakeServer.copy(newer)); // the base moved on while the write was in flight

    h.server.next().fail(SyncFailure.conflict(412, "precondition failed", stale));

    assertEquals(newer.version, h.view("t1").version, "the older conflict state is not adopted");
    assertTrue(h.view("t1").done);
    assertEquals("mine", h.view("t1").title, "no overlap with the newest state: mine is resent");
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aConflictWhileNothingChangedOnTheServerIsNotRetried() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("taken"));

    h.server.next().conflict(); // a 409 for a unique title: the entity is as it was

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.CONFLICT, m.error().orElseThrow().kind());
    assertEquals(1, h.server.sent.size(), "sending it again would be refused the same way");
    assertEquals("title t1", h.view("t1").title);
  }
}
