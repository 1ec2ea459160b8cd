package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lists that give items without their version ({@link Reply#withoutVersion}), as Spring Data REST
 * does: a versionless read may bring fields, it cannot be newer than a known version, and it does
 * not make a versioned entity need one GET per item.
 */
class VersionlessReadTest {

  private static Harness harness() {
    Harness h = new Harness();
    h.server.listWithoutVersions = true;
    return h;
  }

  @Test
  void aListedItemWithoutAVersionBringsItsFieldsAndKeepsTheKnownVersion() throws Exception {
    Harness h = harness().withCards("t1");
    long known = h.view("t1").version;
    h.server.edit("t1", c -> c.title = "renamed"); // version moves on the server, unseen

    h.store.refetch().get(1, TimeUnit.SECONDS);

    assertEquals("renamed", h.view("t1").title);
    assertEquals(known, h.view("t1").version, "the list did not say the version");
  }

  @Test
  void anEntityFirstSeenWithoutAVersionIsWrittenWithoutAPreconditionAndLearnsItsVersion()
      throws Exception {
    Harness h = harness();
    h.server.put("t1", "from the list", false);
    h.store.refetch().get(1, TimeUnit.SECONDS);
    assertEquals(0, h.view("t1").version);

    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));

    Write<String, Card> w = h.server.next().write;
    assertNull(w.baseVersion(), "no version to send: no If-Match");
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aVersionlessListSentBeforeAWriteWasConfirmedCannotUndoIt() throws Exception {
    Harness h = harness().withCards("t1");
    h.server.holdFetches = true;
    var refetch = h.store.refetch(); // the server lists t1 as it is now

    h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().succeed();
    h.server.releaseFetch();

    refetch.get(1, TimeUnit.SECONDS);
    assertEquals("mine", h.view("t1").title);
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aVersionlessListSentBeforeAPushArrivedIsOlderThanThePush() throws Exception {
    Harness h = harness().withCards("t1");
    h.server.holdFetches = true;
    var refetch = h.store.refetch();

    Card pushed = h.server.edit("t1", c -> c.title = "pushed");
    assertTrue(h.store.receive(pushed));
    h.server.releaseFetch();

    refetch.get(1, TimeUnit.SECONDS);
    assertEquals("pushed", h.view("t1").title, "the older list does not undo the push");
  }

  @Test
  void aVersionedReadAfterAVersionlessOneSetsTheVersion() throws Exception {
    Harness h = harness();
    h.server.put("t1", "x", false);
    h.store.refetch().get(1, TimeUnit.SECONDS);

    h.store.refetch("t1").get(1, TimeUnit.SECONDS);

    h.assertSyncedWithServer("t1");
  }

  @Test
  void aCreateOfUnknownOutcomeIsFoundInAListWithoutVersionsAndLearnsItsVersion() throws Exception {
    Harness h = harness();
    h.server.deduplicates = false; // as Spring Data REST: the list is read, the POST never resent
    Mutation<String, Card> m = h.store.create(new Card(null, "new", true, 0));

    h.server.next().applyAndDrop();

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("srv-1", m.id());
    assertEquals(0, h.server.waiting(), "never sent again");
    h.assertSyncedWithServer("srv-1"); // its version was read after the list
  }

  @Test
  void aWriteSentWithoutAVersionAndAnsweredWithTheVersionOnlyReadsWhatOthersWroteMeanwhile()
      throws Exception {
    Harness h = harness();
    h.server.put("t1", "from the list", false);
    h.store.refetch().get(1, TimeUnit.SECONDS);
    h.server.edit("t1", c -> c.title = "theirs"); // unseen; the version the answer gives covers it

    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));
    h.server.next().succeed(FakeServer.Shape.VERSION_ONLY);

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(
        "theirs", h.view("t1").title, "read again: the answer's version holds their title");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aReadSentBeforeAConfirmThatKeptTheConfirmedValueIsCheckedByAReadSentAfter()
      throws Exception {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));
    FakeServer.Call call = h.server.next();
    call.applyOnly();
    h.server.edit("t1", c -> c.done = false); // another writer, after ours
    h.server.holdFetches = true;
    var read = h.store.refetch("t1"); // sees theirs, but is sent before ours is confirmed
    call.answer(Reply.empty()); // confirmed without the new version: the store asks for it

    for (int i = 0; i < 10 && h.server.fetchesHeld() > 0; i++) {
      h.server.releaseFetch(); // the read sent first arrives first
    }

    read.get(1, TimeUnit.SECONDS);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(false, h.view("t1").done, "the other writer's value, written after ours");
    h.assertSyncedWithServer("t1");
  }

  @Test
  void aNewerVersionReadBeforeAWriteConfirmedWithoutItsVersionDoesNotUndoTheWrite()
      throws Exception {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));
    FakeServer.Call call = h.server.next();
    h.server.edit("t1", c -> c.title = "theirs"); // a newer version, before ours applies
    h.server.holdFetches = true;
    var read = h.store.refetch("t1"); // sees theirs without ours
    call.succeed(FakeServer.Shape.EMPTY); // applied; the answer gives no version

    h.server.releaseFetch();
    read.get(1, TimeUnit.SECONDS);

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(true, h.view("t1").done, "the read was sent before the write was confirmed");
    assertEquals("theirs", h.view("t1").title);
    for (int i = 0; i < 10 && h.server.fetchesHeld() > 0; i++) {
      h.server.releaseFetch();
    }
    h.assertSyncedWithServer("t1");
  }

  @Test
  void withoutVersionsAReadThatKeptAReplayedConfirmedValueIsCheckedByAReadSentAfterIt()
      throws Exception {
    // Found by the generator once replays came in every shape: the write applied and its answer
    // was lost; another writer changed the same field; a read was sent; the resend's replay
    // confirmed the written value; the read then arrived and kept it (confirmed after the read was
    // sent). Nothing tells which is newer without a version: a read sent after it tells.
    Harness h = new Harness(CardType.UNVERSIONED, b -> {});
    h.server.versioned = false;
    h.withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));
    h.server.next().applyAndDrop();
    h.server.edit("t1", c -> c.done = false); // another writer, after our write applied
    h.server.holdFetches = true;
    var refetch = h.store.refetch(); // read now: done=false

    h.clock.advance(java.time.Duration.ofMillis(100));
    FakeServer.Call resend = h.server.next();
    resend.applyOnly(); // deduplicated: the replay of the first application,
    resend.answer(Reply.empty()); // answered 204 as the first would have been
    assertEquals(MutationState.CONFIRMED, m.state());
    while (h.server.fetchesHeld() > 0) {
      h.server.releaseFetch(); // the refetch, then any read the store sends after it
    }
    refetch.get(1, TimeUnit.SECONDS);
    h.server.holdFetches = false;
    while (h.server.fetchesHeld() > 0) {
      h.server.releaseFetch();
    }

    assertEquals(false, h.view("t1").done, "the server's value, written after ours");
    assertEquals(h.server.get("t1").title, h.view("t1").title);
  }
}
