package io.github.synced.example.breakers8;

import static io.github.synced.example.breakers8.Repos.repo;
import static io.github.synced.example.breakers8.Repos.serverCopy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.Change;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.EventLog;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.testing.VirtualScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the client side may do: listeners that throw, results the user cannot complete, temporary
 * ids, conflict policies, order, client-assigned ids, threads, the SVG timeline. From the outside
 * tester of issue 8 (scratch ProbesTest, MoreProbesTest and LastProbesTest, whose printed
 * observations are asserted here where the README promises them).
 */
class ClientProbesTest {
  private final VirtualScheduler clock = new VirtualScheduler();
  private final ScriptedRemote<Long, Repo> remote = new ScriptedRemote<>();

  @Test
  void aThrowingListenerDoesNotBreakTheStoreOrTheListenersAfterIt() {
    SyncStore<Long, Repo> store = Repos.store(remote, clock);
    store.load(List.of(repo(1, "a", "", 0, 5)));
    store.subscribe(
        c -> {
          throw new IllegalStateException("listener bug");
        });
    List<Change.Cause> after = new ArrayList<>();
    store.subscribe(c -> after.add(c.cause()));
    Mutation<Long, Repo> m = new RepoMutations(store).update(1L, p -> p.stars(1));
    remote.last().answer().complete(Reply.entity(repo(1, "a", "", 1, 6)));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(Change.Cause.OPTIMISTIC, Change.Cause.CONFIRM), after);
    assertEquals(1, store.get(1L).orElseThrow().getStars());
  }

  @Test
  void onlyTheStoreCompletesTheResult() {
    SyncStore<Long, Repo> store = Repos.store(remote, clock);
    store.load(List.of(repo(1, "a", "", 0, 1)));
    Mutation<Long, Repo> m = new RepoMutations(store).update(1L, p -> p.stars(1));
    CompletableFuture<Repo> result = m.result();
    assertFalse(result.complete(null), "README: only the store completes it");
    assertFalse(result.completeExceptionally(new IllegalStateException("mine")));
    assertFalse(m.result().isDone());
    remote.last().answer().complete(Reply.entity(repo(1, "a", "", 1, 2)));
    assertEquals(1, m.result().join().getStars());
  }

  @Test
  void temporaryIdsAreNeverSentAndEachCreateGetsItsOwn() {
    SyncStore<Long, Repo> store = Repos.store(remote, clock);
    RepoMutations repos = new RepoMutations(store);
    Mutation<Long, Repo> c = repos.create(new Repo("fresh", "d", 0));
    long temp = c.id();
    remote.sent(0).answer().complete(Reply.entity(repo(77, "fresh", "d", 0, 1)));
    assertEquals(77L, c.id());
    assertEquals(List.of(77L), store.all().stream().map(Repo::getId).toList());
    Mutation<Long, Repo> c2 = repos.create(new Repo("second", "d", 0));
    assertNotEquals(temp, c2.id());
    assertNotEquals(77L, c2.id());
    assertEquals(0L, remote.last().write().entity().getId(), "temporary id never sent");
  }

  @Test
  void clientWinsResendsTheOverlappingFieldOnTheServersNewBase() {
    SyncStore<Long, Repo> store =
        Repos.builder(remote, clock).conflicts(ConflictPolicy.clientWins()).build();
    store.load(List.of(repo(1, "a", "", 0, 1)));
    Mutation<Long, Repo> m = new RepoMutations(store).update(1L, p -> p.name("mine"));
    remote
        .last()
        .answer()
        .completeExceptionally(
            SyncFailure.conflict(412, "Precondition Failed", repo(1, "theirs", "", 5, 2)));
    assertEquals(2, remote.sentCount(), "sent again");
    Repo shown = store.get(1L).orElseThrow();
    assertEquals("mine", shown.getName());
    assertEquals(5, shown.getStars(), "the server's other field taken");
    remote.last().answer().complete(Reply.entity(repo(1, "mine", "", 5, 3)));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(5, store.get(1L).orElseThrow().getStars());
  }

  @Test
  void orderAndClientAssignedIds() {
    SyncStore<Long, Repo> store =
        Repos.builder(remote, clock)
            .order(Comparator.comparing(Repo::getName))
            .clientAssignedIds()
            .build();
    RepoMutations repos = new RepoMutations(store);
    store.load(List.of(repo(1, "zeta", "", 0, 1), repo(2, "alpha", "", 0, 1)));
    Mutation<Long, Repo> c = repos.create(repo(3, "beta", "", 0, 0));
    assertEquals(
        List.of("alpha", "beta", "zeta"), store.all().stream().map(Repo::getName).toList());
    assertEquals(3L, remote.last().write().entity().getId(), "README: sends the id in the POST");
    remote.sent(0).answer().complete(Reply.entity(repo(3, "beta", "", 0, 1)));
    assertEquals(MutationState.CONFIRMED, c.state());
    assertEquals(3L, c.id());
  }

  /** Rule 12: safe from any thread; four threads editing one entity converge. */
  @Test
  void fourThreadsEditingOneEntityConverge() throws Exception {
    ExecutorService answers = Executors.newFixedThreadPool(2);
    ExecutorService users = Executors.newFixedThreadPool(4);
    try {
      Remote<Long, Repo> async = new AsyncServer(answers);
      SyncStore<Long, Repo> store = SyncStore.of(RepoSync.TYPE).remote(async).build();
      RepoMutations repos = new RepoMutations(store);
      store.load(List.of(repo(1, "a", "", 0, 1)));
      List<Mutation<Long, Repo>> ms = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            users.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    int n = i;
                    switch (thread) {
                      case 0 -> ms.add(repos.update(1L, p -> p.stars(n)));
                      case 1 -> ms.add(repos.update(1L, p -> p.description("d" + n)));
                      case 2 -> ms.add(repos.modify(1L, r -> r.setName("n" + n)));
                      default -> repos.local(1L, r -> r.setTags(List.of("t" + n)));
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      store.idle().get(60, TimeUnit.SECONDS);
      assertEquals(1500, ms.size());
      assertTrue(ms.stream().allMatch(m -> m.state() == MutationState.CONFIRMED));
      Repo now = store.get(1L).orElseThrow();
      assertEquals(499, now.getStars());
      assertEquals("d499", now.getDescription());
      assertEquals("n499", now.getName());
      assertEquals(List.of("t499"), now.getTags());
    } finally {
      users.shutdownNow();
      answers.shutdownNow();
    }
  }

  /** A server that applies each write on another thread. */
  private static final class AsyncServer implements Remote<Long, Repo> {
    private final ExecutorService answers;
    private final Repo server = repo(1, "a", "", 0, 1);
    private long version = 1;

    AsyncServer(ExecutorService answers) {
      this.answers = answers;
    }

    @Override
    public CompletionStage<Reply<Repo>> send(Write<Long, Repo> w) {
      return CompletableFuture.supplyAsync(
          () -> {
            synchronized (this) {
              w.patch().applyTo(server);
              server.setVersion(++version);
              return Reply.entity(serverCopy(server, version));
            }
          },
          answers);
    }

    @Override
    public CompletionStage<Optional<Repo>> fetch(Long id) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<List<Repo>> fetchAll() {
      return CompletableFuture.completedFuture(List.of());
    }
  }

  @Test
  void timelineSvgEscapesWhatTheEntitiesAndTheServerSay() {
    SyncStore<Long, Repo> store = Repos.store(remote, clock);
    EventLog<Long, Repo> log = EventLog.attach(store);
    store.load(List.of(repo(1, "a <b> & \"c\"", "", 0, 1)));
    new RepoMutations(store).update(1L, p -> p.name("</svg><script>alert(1)</script>"));
    remote.sent(0).answer().completeExceptionally(SyncFailure.rejected(422, "<bad>"));
    String svg = log.timeline();
    assertTrue(svg.contains("<svg"), svg);
    assertFalse(svg.contains("<script>"));
    assertFalse(svg.contains("<bad>"));
  }
}
