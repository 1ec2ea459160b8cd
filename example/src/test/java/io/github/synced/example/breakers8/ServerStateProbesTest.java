package io.github.synced.example.breakers8;

import static io.github.synced.example.breakers8.Repos.repo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * What the server says, and fails to say, while edits are pending: pushes, deletions by others,
 * refetches that no longer list an entity, failures, retries, a lost create answer on a remote that
 * ignores idempotency keys (F7). From the outside tester of issue 8 (scratch ProbesTest and
 * LastProbesTest, whose printed observations are asserted here where the README promises them).
 */
class ServerStateProbesTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final ScriptedRemote<Long, Repo> remote = new ScriptedRemote<>();
  private final SyncStore<Long, Repo> store = Repos.store(remote, clock);
  private final RepoMutations repos = new RepoMutations(store);

  @Test
  void pushWhileEditingRebasesAndAnOlderPushIsIgnored() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    repos.update(1L, p -> p.description("mine"));
    assertTrue(store.receive(repo(1, "a-renamed", "", 0, 2)));
    assertEquals("mine", store.get(1L).orElseThrow().getDescription());
    assertEquals("a-renamed", store.get(1L).orElseThrow().getName());
    assertFalse(store.receive(repo(1, "a", "", 0, 1)), "older push ignored");
    assertEquals("a-renamed", store.get(1L).orElseThrow().getName());
  }

  /** SyncStore.receiveDeleted: the entity leaves; its other pending mutations roll back. */
  @Test
  void deletedByAnotherWriterWhileEditsArePending() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    Mutation<Long, Repo> m = repos.update(1L, p -> p.description("mine"));
    Mutation<Long, Repo> m2 = repos.update(1L, p -> p.stars(3));
    store.receiveDeleted(1L);
    assertTrue(store.get(1L).isEmpty());
    assertEquals(MutationState.ROLLED_BACK, m2.state());
    assertEquals(SyncFailure.Kind.NOT_FOUND, m2.error().orElseThrow().kind());
    remote.sent(0).answer().completeExceptionally(SyncFailure.notFound(404, "Not Found"));
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(SyncFailure.Kind.NOT_FOUND, m.error().orElseThrow().kind());
    assertEquals(1, remote.sentCount(), "the queued one is never sent");
    assertTrue(store.get(1L).isEmpty());
    assertTrue(store.idle().isDone());
  }

  /** A load leaves unlisted entities alone; a refetch that no longer lists one removes it. */
  @Test
  void loadThenRefetchWithoutAnEntityThatHasAPendingUpdate() {
    store.load(List.of(repo(1, "a", "", 0, 1), repo(2, "b", "", 0, 1)));
    repos.local(1L, r -> r.setExpanded(true));
    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(5));
    store.load(List.of(repo(2, "b2", "", 0, 2)));
    assertEquals(5, store.get(1L).orElseThrow().getStars());
    assertEquals("b2", store.get(2L).orElseThrow().getName());
    CompletableFuture<Void> r = store.refetch();
    remote.fetchAlls.get(0).complete(List.of(repo(2, "b2", "", 0, 2)));
    assertTrue(r.isDone());
    assertTrue(store.get(1L).isEmpty(), () -> "still shown: " + store.get(1L) + " " + m);
    assertEquals(MutationState.ROLLED_BACK, m.state(), "as receiveDeleted does");
    assertEquals(SyncFailure.Kind.NOT_FOUND, m.error().orElseThrow().kind());
    remote.sent(0).answer().complete(Reply.entity(repo(1, "a", "", 5, 2)));
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertEquals(List.of(2L), store.all().stream().map(Repo::getId).toList());
  }

  /** Rule 4: the error reaches the handle and the listeners, the same failure. */
  @Test
  void aRejectionReachesTheHandleAndTheRollbackListener() {
    store.load(List.of(repo(1, "a", "", 0, 5)));
    List<Change<Long, Repo>> rollbacks = Repos.rollbacks(store);
    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(1));
    remote.last().answer().completeExceptionally(SyncFailure.rejected(422, "Validation Failed"));
    assertEquals(1, rollbacks.size());
    assertSame(m.error().orElseThrow(), rollbacks.get(0).error());
    assertEquals(SyncFailure.Kind.REJECTED, m.error().orElseThrow().kind());
    assertEquals(0, store.get(1L).orElseThrow().getStars());
  }

  @Test
  void transientFailuresRetryOnTheVirtualClockThenRollBack() {
    store.load(List.of(repo(1, "a", "", 0, 1)));
    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(9));
    int answered = 0;
    for (int round = 0; round < 20 && !m.isSettled(); round++) {
      while (answered < remote.sentCount()) {
        remote
            .sent(answered++)
            .answer()
            .completeExceptionally(
                SyncFailure.transientFailure(503, "down", Duration.ofSeconds(2), null));
      }
      clock.advance(Duration.ofSeconds(5));
    }
    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertTrue(remote.sentCount() > 1, "retried: " + remote.sentCount());
    assertEquals(remote.sentCount(), m.attempts());
    assertEquals(0, store.get(1L).orElseThrow().getStars());
    assertEquals(SyncFailure.Kind.TRANSIENT, m.error().orElseThrow().kind());
    assertTrue(m.result().isCompletedExceptionally());
  }

  /** A Remote written from the README's table: send, fetch, fetchAll, nothing else. */
  private static class MinimalRemote implements Remote<Long, Repo> {
    final List<CompletableFuture<Reply<Repo>>> answers = new ArrayList<>();
    final List<Repo> rows = new ArrayList<>(List.of(repo(1, "a", "", 0, 1)));
    int fetchAlls;

    @Override
    public synchronized CompletionStage<Reply<Repo>> send(Write<Long, Repo> w) {
      CompletableFuture<Reply<Repo>> f = new CompletableFuture<>();
      answers.add(f);
      return f;
    }

    @Override
    public synchronized CompletionStage<Optional<Repo>> fetch(Long id) {
      return CompletableFuture.completedFuture(
          rows.stream().filter(r -> r.getId() == id).findFirst());
    }

    @Override
    public synchronized CompletionStage<List<Repo>> fetchAll() {
      fetchAlls++;
      return CompletableFuture.completedFuture(List.copyOf(rows));
    }
  }

  /**
   * F7: Remote.deduplicatesByKey() stays true by default (the README says so and says to override
   * it); a remote that says false gets a lost create decided by reading, never resent blindly.
   */
  @Test
  void lostCreateAnswerOnARemoteThatDoesNotDeduplicateIsDecidedByReading() {
    assertTrue(new MinimalRemote().deduplicatesByKey(), "the documented default");
    MinimalRemote server =
        new MinimalRemote() {
          @Override
          public boolean deduplicatesByKey() {
            return false;
          }
        };
    SyncStore<Long, Repo> s = Repos.store(server, clock);
    Mutation<Long, Repo> c = new RepoMutations(s).create(new Repo("x", "", 0));
    synchronized (server) {
      server.rows.add(repo(5, "x", "", 0, 1)); // the server applied it; the answer is lost
    }
    server.answers.get(0).completeExceptionally(SyncFailure.outcomeUnknown("reset", null));
    clock.advance(Duration.ofSeconds(5));
    assertEquals(1, server.answers.size(), "never resent blindly");
    assertTrue(server.fetchAlls >= 1, "decided by reading");
    assertEquals(MutationState.CONFIRMED, c.state(), c::toString);
    assertEquals(5L, c.id());
    assertEquals(
        List.of(5L),
        s.all().stream().filter(r -> r.getName().equals("x")).map(Repo::getId).toList());
  }
}
