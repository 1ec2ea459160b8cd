package io.github.synced.example.breakers8;

import static io.github.synced.example.breakers8.Repos.repo;
import static io.github.synced.example.breakers8.Repos.serverCopy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.testing.VirtualScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A store of 100,000 entities works as a small one does: reads, edits, a refetch that keeps
 * local-only values, per-id subscriptions, and pending() that lists exactly the unsettled mutations
 * in order (F9; its cost is measured in the JMH benchmarks, not here). From the outside tester of
 * issue 8 (scratch BigStoreTest, without its timings and memory figures).
 */
class BigStoreTest {
  private static final int N = 100_000;

  /** A server in memory that answers at once: the written row at the next version. */
  private static final class InstantRemote implements Remote<Long, Repo> {
    final Map<Long, Repo> rows = new HashMap<>();
    long version = 1_000_000;

    @Override
    public synchronized CompletionStage<Reply<Repo>> send(Write<Long, Repo> w) {
      Repo r = rows.get(w.id());
      w.patch().applyTo(r);
      r.setVersion(++version);
      return CompletableFuture.completedFuture(Reply.entity(serverCopy(r, version)));
    }

    @Override
    public synchronized CompletionStage<Optional<Repo>> fetch(Long id) {
      return CompletableFuture.completedFuture(
          Optional.ofNullable(rows.get(id)).map(r -> serverCopy(r, r.getVersion())));
    }

    @Override
    public synchronized CompletionStage<List<Repo>> fetchAll() {
      List<Repo> out = new ArrayList<>(rows.size());
      rows.values().forEach(r -> out.add(serverCopy(r, r.getVersion())));
      return CompletableFuture.completedFuture(out);
    }
  }

  private static List<Repo> entities() {
    List<Repo> list = new ArrayList<>(N);
    for (int i = 1; i <= N; i++) {
      list.add(repo(i, "repo-" + i, "desc", i % 1000, 1));
    }
    return list;
  }

  @Test
  void hundredThousandEntities() {
    List<Repo> list = entities();
    InstantRemote remote = new InstantRemote();
    list.forEach(r -> remote.rows.put(r.getId(), serverCopy(r, 1)));
    SyncStore<Long, Repo> store =
        SyncStore.of(RepoSync.TYPE).remote(remote).notifyOn(Runnable::run).build();
    RepoMutations repos = new RepoMutations(store);
    store.load(list);
    assertEquals(N, store.all().size());
    assertEquals("repo-54321", store.get(54_321L).orElseThrow().getName());

    List<Mutation<Long, Repo>> ms = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      long id = 1L + (i * 7919L) % N;
      int n = i;
      ms.add(repos.update(id, p -> p.stars(n)));
    }
    assertTrue(ms.stream().allMatch(m -> m.state() == MutationState.CONFIRMED));
    assertTrue(store.pending().isEmpty());
    for (int i = 0; i < 1000; i++) {
      repos.local(1L + i, r -> r.setExpanded(true));
    }
    store.refetch().join();
    assertEquals(N, store.all().size());
    assertTrue(store.get(1L).orElseThrow().isExpanded(), "local-only kept by the refetch");
    assertEquals(remote.rows.get(7920L).getStars(), store.get(7920L).orElseThrow().getStars());

    List<Long> heard = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      store.subscribe((long) i, c -> heard.add(c.id()));
    }
    for (int i = 0; i < 10_000; i++) {
      repos.update(1L + i, p -> p.stars(1));
    }
    assertEquals(20_000, heard.size(), "OPTIMISTIC and CONFIRM for each id, to its own listener");
    assertTrue(store.idle().isDone());
  }

  /** F9: pending() is exactly the unsettled mutations, in the order made, among 100,000. */
  @Test
  void pendingAmongAHundredThousandEntitiesIsExactlyTheUnsettledMutationsInOrder() {
    VirtualScheduler clock = new VirtualScheduler();
    ScriptedRemote<Long, Repo> remote = new ScriptedRemote<>();
    SyncStore<Long, Repo> store = Repos.store(remote, clock);
    store.load(entities());
    RepoMutations repos = new RepoMutations(store);
    assertTrue(store.pending().isEmpty());
    Mutation<Long, Repo> a = repos.update(70_000L, p -> p.stars(1));
    Mutation<Long, Repo> b = repos.update(3L, p -> p.name("three"));
    Mutation<Long, Repo> c = repos.update(70_000L, p -> p.description("seventy"));
    Mutation<Long, Repo> d = repos.delete(99_999L);
    assertEquals(List.of(a, b, c, d), store.pending());
    assertEquals(List.of(a, c), store.pending(70_000L));

    remote.sent(0).answer().complete(Reply.entity(repo(70_000, "repo-70000", "desc", 1, 2)));
    assertEquals(MutationState.CONFIRMED, a.state());
    assertEquals(List.of(b, c, d), store.pending());
    ScriptedRemote.Sent<Long, Repo> toB = remote.sent(1);
    assertEquals(3L, toB.write().id());
    toB.answer().complete(Reply.entity(repo(3, "three", "desc", 3, 2)));
    assertEquals(List.of(c, d), store.pending());
    for (int i = 2; i < remote.sentCount(); i++) {
      ScriptedRemote.Sent<Long, Repo> s = remote.sent(i);
      if (s.write().id() == 99_999L) {
        s.answer().complete(Reply.empty());
      }
    }
    assertEquals(List.of(c), store.pending());
    Mutation<Long, Repo> e = repos.update(50_000L, p -> p.stars(5));
    assertEquals(List.of(c, e), store.pending());
  }
}
