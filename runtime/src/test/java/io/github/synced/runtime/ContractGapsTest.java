package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import io.github.synced.runtime.spi.Snapshot;
import io.github.synced.testing.VirtualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Contract rules that the other tests let break unnoticed: found by breaking each rule in the store
 * on purpose and seeing which tests failed.
 */
class ContractGapsTest {

  private static SyncFailure unavailable() {
    return SyncFailure.transientFailure(503, "unavailable", null, null);
  }

  /** Rule 5: the optimistic effect stays while retrying, even when the view is derived again. */
  @Test
  void effectStaysWhileRetryingThroughAPushAndALocalEdit() {
    Harness h = new Harness().withCards("t1");
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().fail(unavailable());
    assertEquals(MutationState.RETRYING, m.state());

    h.store.receive(h.server.edit("t1", c -> c.done = true)); // rebase while waiting to retry
    assertEquals("mine", h.view("t1").title, "the effect stays through a rebase while retrying");
    assertTrue(h.view("t1").done);

    h.store.local("t1", c -> c.expanded = true); // derive again while waiting to retry
    assertEquals("mine", h.view("t1").title, "the effect stays through a local edit");

    h.clock.advance(Duration.ofMillis(100));
    h.server.next().answerLikeServer();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
    assertTrue(h.view("t1").expanded);
  }

  /** Rule 12: what get, all and a change hand out is the caller's; changing it leaves the store. */
  @Test
  void userCodeChangingWhatItWasHandedNeverChangesTheStore() {
    Harness h = new Harness().withCards("t1");
    List<Card> heard = new ArrayList<>();
    h.store.subscribe(c -> heard.add(c.after()));

    h.store.get("t1").orElseThrow().title = "scribbled via get";
    assertEquals("title t1", h.view("t1").title, "get hands out a copy");
    h.store.all().get(0).done = true;
    assertFalse(h.view("t1").done, "all hands out copies");
    assertFalse(h.store.all().get(0).done);
    h.store.local("t1", c -> c.selected = true).title = "scribbled via local's answer";
    heard.get(0).title = "scribbled via a change";

    Card v = h.view("t1");
    assertEquals("title t1", v.title);
    assertFalse(v.done);
    assertTrue(v.selected);
    assertEquals("title t1", h.store.all().get(0).title);
    assertFalse(h.store.all().get(0).done);
    assertTrue(h.store.pending("t1").isEmpty());

    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().done(true));
    heard.get(heard.size() - 1).title = "scribbled on the optimistic change";
    assertEquals("title t1", h.view("t1").title);
    assertEquals(Set.of(CardField.DONE), h.server.next().write.patch().fields());
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, m.state());
    h.assertSyncedWithServer("t1");
  }

  /**
   * Rule 8: a refetch removes only entities the server stopped listing; one that came into the
   * store (a push, a confirmed create) while the refetch was in flight stays.
   */
  @Test
  void refetchKeepsEntitiesThatArrivedWhileItWasInFlight() {
    Harness h = new Harness().withCards("t1");
    h.server.holdFetches = true;
    CompletableFuture<Void> refetch = h.store.refetch(); // the server's list: t1 only

    h.store.receive(h.server.put("t2", "pushed meanwhile", false));
    Mutation<String, Card> create = h.store.create(new Card(null, "created meanwhile", false, 0));
    h.server.next().succeed();
    assertEquals(MutationState.CONFIRMED, create.state());

    h.server.releaseFetch();
    refetch.join();

    assertEquals("pushed meanwhile", h.view("t2").title);
    assertEquals("created meanwhile", h.view("srv-1").title);
    assertEquals(List.of("t1", "t2", "srv-1"), h.store.all().stream().map(c -> c.id).toList());
    h.assertSyncedWithServer("t2");
    h.assertSyncedWithServer("srv-1");
    assertFalse(h.causes().contains(Change.Cause.DELETED), "nothing was deleted");
    assertEquals("title t1", h.view("t1").title, "t1 is still listed and unchanged");
  }

  /**
   * Rules 3 and 4: a partial answer is applied to the base, not to the view, so a later pending
   * mutation that then fails still rolls back.
   */
  @Test
  void partialAnswerGoesIntoTheBaseSoALaterFailedMutationStillRollsBack() {
    Harness h = new Harness().withCards("t1");
    h.store.local("t1", c -> c.selected = true);
    Mutation<String, Card> first = h.store.update("t1", CardPatch.empty().title("mine"));
    Mutation<String, Card> second = h.store.update("t1", CardPatch.empty().done(true));

    h.server.next().answer(Reply.partial(CardPatch.empty().title("Mine!").version(7)));
    assertEquals(MutationState.CONFIRMED, first.state());
    assertTrue(h.view("t1").done, "the second mutation's effect is still shown");

    h.server.next().fail(SyncFailure.rejected(422, "no"));
    assertEquals(MutationState.ROLLED_BACK, second.state());
    Card v = h.view("t1");
    assertEquals("Mine!", v.title);
    assertFalse(v.done, "the failed mutation's effect left the view");
    assertEquals(7, v.version);
    assertTrue(v.selected);
  }

  /** Rule 5: jitter spreads the waits of one attempt instead of giving the nominal one. */
  @Test
  void jitterSpreadsTheWaits() {
    RetryPolicy p = RetryPolicy.defaults().withJitter(0.5, new SplittableRandom(7)::nextDouble);
    Duration nominal =
        RetryPolicy.defaults().withJitter(0, new SplittableRandom(7)::nextDouble).delay(3, null);
    Set<Duration> waits = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Duration d = p.delay(3, null);
      assertTrue(d.compareTo(nominal.dividedBy(2)) >= 0, "at least half the nominal wait: " + d);
      waits.add(d);
    }
    assertTrue(waits.size() > 10, "20 draws give many different waits: " + waits);
    assertFalse(waits.stream().allMatch(nominal::equals));
  }

  /**
   * Rule 6: when the outcome is unknown and the server cannot be asked, the mutation is never
   * reported as applied while the server does not have it.
   */
  @Test
  void unknownOutcomeWhoseFetchFailsIsNotConfirmed() {
    Harness h =
        new Harness(
                b ->
                    b.retry(
                        Harness.exactRetry()
                            .withUnknownOutcome(RetryPolicy.UnknownOutcome.REFETCH)))
            .withCards("t1");
    h.server.holdFetches = true;
    Mutation<String, Card> m = h.store.update("t1", CardPatch.empty().title("mine"));
    h.server.next().fail(SyncFailure.outcomeUnknown("timed out", null)); // not applied
    assertEquals(MutationState.OUTCOME_UNKNOWN, m.state());

    CompletableFuture<Void> fetch;
    synchronized (h.server) {
      fetch = h.server.heldFetches.remove(0);
    }
    fetch.completeExceptionally(new IOException("server unreachable"));

    assertFalse(m.state() == MutationState.CONFIRMED, "not applied on the server: " + m.state());
    if (m.isSettled()) {
      h.assertSyncedWithServer("t1");
    }
  }

  /**
   * Rule 3: a whole-entity answer without a version still means the write was accepted: its values
   * are taken and the version is fetched.
   */
  @Test
  void wholeAnswerWithoutVersionIsTakenAndTheVersionFetched() {
    FakeServer server = new FakeServer();
    SyncStore<String, Card> store =
        SyncStore.of(new NullableVersion())
            .remote(server)
            .scheduler(new VirtualScheduler())
            .build();
    server.put("t1", "first", false);
    store.load(server.all());
    Mutation<String, Card> m = store.update("t1", CardPatch.empty().title("mine"));

    FakeServer.Call call = server.next();
    call.applyOnly();
    call.answer(Reply.entity(new Card("t1", "mine", false, 0))); // version 0: none

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(1, server.fetches, "the version was fetched");
    Card v = store.get("t1").orElseThrow();
    assertEquals("mine", v.title);
    assertEquals(server.get("t1").version, v.version);
  }

  /** Card whose version 0 reads as no version at all, as a boxed {@code Long} would be null. */
  private static final class NullableVersion implements EntityType<String, Card> {
    private final CardType d = CardType.TYPE;

    @Override
    public String name() {
      return d.name();
    }

    @Override
    public Class<Card> type() {
      return d.type();
    }

    @Override
    public List<? extends EntityField> fields() {
      return d.fields();
    }

    @Override
    public EntityField idField() {
      return d.idField();
    }

    @Override
    public Class<String> idType() {
      return String.class;
    }

    @Override
    public String unsetId() {
      return null;
    }

    @Override
    public String id(Card c) {
      return d.id(c);
    }

    @Override
    public Card withId(Card c, String id) {
      return d.withId(c, id);
    }

    @Override
    public boolean hasVersion() {
      return true;
    }

    @Override
    public EntityField versionField() {
      return d.versionField();
    }

    @Override
    public Object version(Card c) {
      return c.version == 0 ? null : d.version(c);
    }

    @Override
    public int compareVersions(Card a, Card b) {
      return d.compareVersions(a, b);
    }

    @Override
    public Card copy(Card c) {
      return d.copy(c);
    }

    @Override
    public Card syncedCopy(Card c) {
      return d.syncedCopy(c);
    }

    @Override
    public Snapshot<Card> snapshot(Card c) {
      return d.snapshot(c);
    }

    @Override
    public Card restore(Card target, Snapshot<Card> s) {
      return d.restore(target, s);
    }

    @Override
    public Card merge(Card local, Card server) {
      return d.merge(local, server);
    }

    @Override
    public Patch<Card> patch(Card source, Set<? extends EntityField> fields) {
      return d.patch(source, fields);
    }

    @Override
    public Set<? extends EntityField> diff(Card a, Card b) {
      return d.diff(a, b);
    }

    @Override
    public Object get(Card c, EntityField f) {
      return d.get(c, f);
    }
  }
}
