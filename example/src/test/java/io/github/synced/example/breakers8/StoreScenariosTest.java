package io.github.synced.example.breakers8;

import static io.github.synced.example.breakers8.Repos.repo;
import static io.github.synced.example.breakers8.Repos.serverCopy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Races a user meets, against a remote the test answers by hand on a virtual clock: rollbacks of
 * exactly one mutation, refetches racing writes, listeners calling back, results, idle(). From the
 * outside tester of issue 8 (scratch StoreScenariosTest and ProbesTest).
 */
class StoreScenariosTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final ScriptedRemote<Long, Repo> remote = new ScriptedRemote<>();
  private final SyncStore<Long, Repo> store = Repos.store(remote, clock);
  private final RepoMutations repos = new RepoMutations(store);

  @Test
  void twoEditsToDifferentFieldsFirstRejectedOnlyItsFieldRollsBack() {
    store.load(List.of(repo(1, "synced", "old", 10, 1)));
    Mutation<Long, Repo> m1 = repos.update(1L, p -> p.name("synced-renamed"));
    Mutation<Long, Repo> m2 = repos.update(1L, p -> p.stars(11));
    repos.local(1L, r -> r.setExpanded(true));
    assertEquals(1, remote.sentCount(), "serial: only the first is out");
    remote.sent(0).answer().completeExceptionally(SyncFailure.rejected(422, "Validation Failed"));
    Repo now = store.get(1L).orElseThrow();
    assertEquals("synced", now.getName());
    assertEquals(11, now.getStars());
    assertTrue(now.isExpanded());
    assertEquals(MutationState.ROLLED_BACK, m1.state());
    assertEquals(MutationState.SENDING, m2.state());
    SyncFailure f = m1.error().orElseThrow();
    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    assertEquals(422, f.status());
    Repo answer = serverCopy(store.get(1L).orElseThrow(), 2);
    remote.sent(1).answer().complete(Reply.entity(answer));
    assertEquals(MutationState.CONFIRMED, m2.state());
    assertTrue(store.get(1L).orElseThrow().isExpanded());
    assertEquals(11, store.get(1L).orElseThrow().getStars());
  }

  @Test
  void parallelSendsSecondFailsWhileFirstStillPending() {
    SyncStore<Long, Repo> parallel = Repos.builder(remote, clock).sendInParallel().build();
    RepoMutations edits = new RepoMutations(parallel);
    parallel.load(List.of(repo(1, "synced", "old", 10, 1)));
    Mutation<Long, Repo> m1 = edits.update(1L, p -> p.name("n1"));
    Mutation<Long, Repo> m2 = edits.update(1L, p -> p.description("d2"));
    edits.local(1L, r -> r.setTags(List.of("mine")));
    assertEquals(2, remote.sentCount());
    remote.sent(1).answer().completeExceptionally(SyncFailure.rejected(403, "Forbidden"));
    Repo now = parallel.get(1L).orElseThrow();
    assertEquals("n1", now.getName(), "m1's effect stays");
    assertEquals("old", now.getDescription(), "m2's effect rolled back");
    assertEquals(List.of("mine"), now.getTags());
    assertEquals(MutationState.ROLLED_BACK, m2.state());
    assertFalse(m1.isSettled());
    remote.sent(0).answer().complete(Reply.entity(repo(1, "n1", "old", 10, 2)));
    assertEquals(MutationState.CONFIRMED, m1.state());
    assertEquals("n1", parallel.get(1L).orElseThrow().getName());
    assertEquals(List.of("mine"), parallel.get(1L).orElseThrow().getTags());
  }

  @Test
  void staleRefetchRacingAnInFlightUpdateNeverWins() {
    store.load(List.of(repo(1, "synced", "old", 10, 5)));
    Mutation<Long, Repo> m = repos.update(1L, p -> p.description("new"));
    CompletableFuture<Void> refetch = store.refetch();
    repos.local(1L, r -> r.setExpanded(true));
    remote.sent(0).answer().complete(Reply.entity(repo(1, "synced", "new", 10, 6)));
    // the slow list answers with what it read before the write (v5)
    remote.fetchAlls.get(0).complete(List.of(repo(1, "synced", "old", 10, 5)));
    assertTrue(refetch.isDone());
    Repo now = store.get(1L).orElseThrow();
    assertEquals("new", now.getDescription());
    assertEquals(6, now.getVersion());
    assertTrue(now.isExpanded());
    assertEquals(MutationState.CONFIRMED, m.state());
  }

  @Test
  void newerRefetchDuringFlightRebasesWithoutFlicker() {
    store.load(List.of(repo(1, "synced", "old", 10, 5)));
    repos.update(1L, p -> p.description("new"));
    List<String> shown = new ArrayList<>();
    store.subscribe(c -> shown.add(c.cause() + " " + c.after().getDescription()));
    CompletableFuture<Void> refetch = store.refetch();
    remote.fetchAlls.get(0).complete(List.of(repo(1, "synced", "old", 99, 6))); // someone starred
    assertTrue(refetch.isDone());
    Repo now = store.get(1L).orElseThrow();
    assertEquals("new", now.getDescription(), "no flicker back to the server's description");
    assertEquals(99, now.getStars());
    remote.sent(0).answer().complete(Reply.entity(repo(1, "synced", "new", 99, 7)));
    assertEquals(7, store.get(1L).orElseThrow().getVersion());
    assertFalse(shown.isEmpty());
    assertTrue(shown.stream().allMatch(s -> s.endsWith(" new")), shown::toString);
  }

  @Test
  void listenersMayCallBackIntoTheStore() {
    store.load(List.of(repo(1, "synced", "old", 10, 1), repo(2, "other", "x", 0, 1)));
    List<Mutation<Long, Repo>> fromListener = new ArrayList<>();
    store.subscribe(
        c -> {
          if (c.cause() == Change.Cause.OPTIMISTIC && c.id() == 1L) {
            // the UI reacts: expands it, reads it, and stars the other repo
            repos.local(1L, r -> r.setExpanded(true));
            assertTrue(store.get(1L).orElseThrow().isExpanded());
            assertEquals(1, store.pending(1L).size());
            if (fromListener.isEmpty()) {
              fromListener.add(repos.update(2L, p -> p.stars(1)));
            }
          }
          if (c.cause() == Change.Cause.CONFIRM && c.id() == 1L) {
            fromListener.add(repos.update(1L, p -> p.stars(42)));
          }
        });
    store.onTransition(t -> store.pendingFields(t.id()));
    Mutation<Long, Repo> m = repos.update(1L, p -> p.name("renamed"));
    assertEquals(1, fromListener.size());
    assertEquals(2, remote.sentCount());
    remote.sent(0).answer().complete(Reply.entity(repo(1, "renamed", "old", 10, 2)));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(2, fromListener.size());
    Repo now = store.get(1L).orElseThrow();
    assertEquals(42, now.getStars());
    assertTrue(now.isExpanded());
  }

  @Test
  void resultAskedLongAfterItConfirmedIsTheEntityAsConfirmed() {
    store.load(List.of(repo(1, "synced", "old", 10, 1)));
    Mutation<Long, Repo> m1 = repos.update(1L, p -> p.name("first"));
    remote.sent(0).answer().complete(Reply.entity(repo(1, "first", "old", 10, 2)));
    Mutation<Long, Repo> m2 = repos.update(1L, p -> p.stars(50));
    repos.local(1L, r -> r.setExpanded(true));
    remote.sent(1).answer().complete(Reply.entity(repo(1, "first", "old", 50, 3)));
    repos.update(1L, p -> p.name("third")); // still pending
    clock.advance(Duration.ofMinutes(10));
    Repo r1 = m1.result().join(); // first asked now
    assertEquals("first", r1.getName());
    assertEquals(10, r1.getStars(), "m1's result must not show m2's later stars");
    assertEquals(2, r1.getVersion());
    Repo r2 = m2.result().join();
    assertEquals(50, r2.getStars());
    assertEquals("first", r2.getName(), "not the later pending name");
    assertSame(m1.result(), m1.result(), "README: every call returns the same future");
  }

  /** F4: the result is the state the server confirmed, without mutations still pending. */
  @Test
  void resultOfAConfirmedMutationLeavesOutALaterOneWhetherAskedBeforeOrAfterItRollsBack() {
    for (boolean askEarly : new boolean[] {true, false}) {
      ScriptedRemote<Long, Repo> rem = new ScriptedRemote<>();
      SyncStore<Long, Repo> s = Repos.store(rem, clock);
      RepoMutations edits = new RepoMutations(s);
      s.load(List.of(repo(1, "synced", "old", 10, 1)));
      edits.local(1L, r -> r.setExpanded(true));
      Mutation<Long, Repo> m1 = edits.update(1L, p -> p.name("first"));
      Mutation<Long, Repo> m2 = edits.update(1L, p -> p.stars(77)); // queued behind m1
      rem.sent(0).answer().complete(Reply.entity(repo(1, "first", "old", 10, 2)));
      Repo early = askEarly ? m1.result().join() : null;
      rem.sent(1).answer().completeExceptionally(SyncFailure.rejected(422, "stars"));
      assertEquals(MutationState.ROLLED_BACK, m2.state());
      Repo r1 = m1.result().join();
      String when = askEarly ? "asked before m2 settled" : "asked after m2 rolled back";
      assertEquals(10, r1.getStars(), "the state m1's confirmation made, not m2's value: " + when);
      assertEquals("first", r1.getName(), when);
      assertEquals(2, r1.getVersion(), when);
      assertTrue(r1.isExpanded(), "with the local-only values: " + when);
      if (early != null) {
        assertEquals(10, early.getStars());
      }
      assertEquals(10, s.get(1L).orElseThrow().getStars());
    }
  }

  /** F3, as documented: idle() waits for mutations and the store's own reads, not a refetch. */
  @Test
  void idleDoesNotWaitForARefetchTheUserStartedWhoseOwnFutureSaysWhenItIsTaken() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    CompletableFuture<Void> all = store.refetch();
    CompletableFuture<Void> one = store.refetch(1L);
    assertEquals(1, remote.fetchAlls.size());
    assertEquals(1, remote.fetches.size());
    assertTrue(store.idle().isDone(), "README: a refetch() you started is not waited for");
    assertFalse(all.isDone());
    assertFalse(one.isDone());
    remote.fetchAlls.get(0).complete(List.of(repo(1, "b", "", 0, 2)));
    assertTrue(all.isDone());
    assertEquals("b", store.get(1L).orElseThrow().getName());
    assertFalse(one.isDone());
    remote.fetches.get(0).answer().complete(Optional.of(repo(1, "c", "", 0, 3)));
    assertTrue(one.isDone());
    assertEquals("c", store.get(1L).orElseThrow().getName());

    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(1));
    CompletableFuture<Void> idle = store.idle();
    assertFalse(idle.isDone(), "a pending mutation is waited for");
    remote.sent(0).answer().complete(Reply.entity(repo(1, "c", "", 1, 4)));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(idle.isDone());
  }

  @Test
  void manyPendingMutationsOnOneEntityOneRejectedInTheMiddle() {
    store.load(List.of(repo(1, "synced", "old", 0, 1)));
    int k = 1000;
    List<Mutation<Long, Repo>> ms = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      int n = i;
      ms.add(
          i % 2 == 0
              ? repos.update(1L, p -> p.stars(n))
              : repos.update(1L, p -> p.description("d" + n)));
      if (i % 100 == 0) {
        repos.local(1L, r -> r.setTags(List.of("t" + n)));
      }
    }
    assertEquals(k, store.pending(1L).size());
    assertEquals(ms, store.pending());
    Map<RepoField, List<Mutation<Long, Repo>>> pf = repos.pendingFields(1L);
    assertEquals(500, pf.get(RepoField.STARS).size());
    assertEquals(1000, store.get(1L).orElseThrow().getStars());
    long version = 1;
    Repo server = repo(1, "synced", "old", 0, 1);
    for (int i = 0; i < k; i++) {
      assertEquals(i + 1, remote.sentCount(), "serial: one out at a time");
      ScriptedRemote.Sent<Long, Repo> s = remote.sent(i);
      if (i == 499) {
        s.answer().completeExceptionally(SyncFailure.rejected(422, "nope"));
        continue;
      }
      s.write().patch().applyTo(server);
      server = serverCopy(server, ++version);
      s.answer().complete(Reply.entity(serverCopy(server, version)));
    }
    Repo now = store.get(1L).orElseThrow();
    assertEquals(1000, now.getStars());
    assertEquals("d999", now.getDescription());
    assertEquals(List.of("t1000"), now.getTags());
    assertEquals(MutationState.ROLLED_BACK, ms.get(499).state());
    assertTrue(store.pending().isEmpty());
    assertTrue(store.idle().isDone());
  }

  @Test
  void createWithServerAssignedLongIdAndEditsBeforeTheAnswer() {
    List<Change.Cause> events = new ArrayList<>();
    Mutation<Long, Repo> c = repos.create(new Repo("fresh", "d", 0));
    long temp = c.id();
    store.subscribe(temp, ch -> events.add(ch.cause()));
    Mutation<Long, Repo> u = repos.update(temp, p -> p.stars(3));
    repos.local(temp, r -> r.setExpanded(true));
    assertEquals(1, remote.sentCount());
    assertEquals(0L, remote.sent(0).write().entity().getId(), "temporary id never sent");
    remote.sent(0).answer().complete(Reply.entity(repo(77, "fresh", "d", 0, 1)));
    assertEquals(77L, c.id());
    assertEquals(77L, u.id());
    Repo now = store.get(77L).orElseThrow();
    assertEquals(3, now.getStars());
    assertTrue(now.isExpanded());
    assertEquals(77L, remote.sent(1).write().id());
    remote.sent(1).answer().complete(Reply.entity(repo(77, "fresh", "d", 3, 2)));
    assertEquals(77L, c.result().join().getId());
    assertTrue(
        events.contains(Change.Cause.ID_REASSIGNED),
        "README: re-keys its subscriptions: " + events);
    assertTrue(events.contains(Change.Cause.CONFIRM), "followed under the real id: " + events);
  }

  @Test
  void deleteRacingARefetchThatStillListsIt() {
    store.load(List.of(repo(1, "a", "", 0, 1), repo(2, "b", "", 0, 1)));
    CompletableFuture<Void> refetch = store.refetch();
    Mutation<Long, Repo> d = repos.delete(1L);
    remote.fetchAlls.get(0).complete(List.of(repo(1, "a", "", 0, 1), repo(2, "b", "", 0, 1)));
    assertTrue(refetch.isDone());
    assertTrue(store.get(1L).isEmpty(), "pending delete keeps it hidden");
    remote.sent(0).answer().complete(Reply.empty());
    assertEquals(MutationState.CONFIRMED, d.state());
    assertTrue(store.get(1L).isEmpty());
    assertNull(d.result().join());
  }

  @Test
  void refusedDeleteRestoresInPlaceWithLocalOnlyValues() {
    store.load(List.of(repo(1, "a", "", 0, 1), repo(2, "b", "", 0, 1), repo(3, "c", "", 0, 1)));
    repos.local(2L, r -> r.setExpanded(true));
    Mutation<Long, Repo> d = repos.delete(2L);
    remote.sent(0).answer().completeExceptionally(SyncFailure.rejected(403, "admin rights"));
    assertEquals(List.of(1L, 2L, 3L), store.all().stream().map(Repo::getId).toList());
    assertTrue(store.get(2L).orElseThrow().isExpanded());
    assertEquals(MutationState.ROLLED_BACK, d.state());
    assertTrue(d.result().isCompletedExceptionally());
    assertEquals(SyncFailure.Kind.REJECTED, d.error().orElseThrow().kind());
  }

  @Test
  void emptyAnswerToARefetchOfOneIdRemovesIt() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    CompletableFuture<Void> f = store.refetch(1L);
    remote.fetches.get(0).answer().complete(Optional.empty());
    assertTrue(f.isDone());
    assertTrue(store.get(1L).isEmpty());
  }
}
