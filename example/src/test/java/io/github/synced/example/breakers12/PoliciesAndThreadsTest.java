package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static io.github.synced.example.breakers12.IssueHttpTest.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.LiveView;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conflict policies inside the tree, threads, results and live views of element edits. */
class PoliciesAndThreadsTest {
  JsonServer server;
  SyncStore<String, Issue> store;
  IssueMutations issues;

  @BeforeEach
  void start() {
    server = new JsonServer("/issues", true, false, 100);
    server.put(IssueHttpTest.I1);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void open(ConflictPolicy<Issue> policy) {
    store =
        SyncStore.of(IssueSync.TYPE)
            .remote(
                HttpRemote.<String, Issue>builder(server.base(), "/issues", new IssueJson())
                    .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
                    .requestTimeout(Duration.ofSeconds(5))
                    .build())
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults()
                    .withMaxAttempts(10)
                    .withBackoff(Duration.ofMillis(2), 2, Duration.ofMillis(20)))
            .conflicts(policy)
            .build();
    issues = new IssueMutations(store);
    await(store.refetch());
    issues.local(
        "i1",
        i -> {
          i.sub("s1").expanded = true;
          i.sub("s3").expanded = true;
          i.assignee.highlighted = true;
        });
  }

  Issue view() {
    return store.get("i1").orElseThrow();
  }

  @Test
  void clientWinsUpdateOfAnElementTheyRemovedDoesNothingAndConfirms() {
    open(ConflictPolicy.clientWins());
    server.otherWriter("i1", n -> ((ArrayNode) n.get("subIssues")).remove(0));
    Mutation<String, Issue> m =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.title("Repro again"))));
    await(m.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals(null, sub(row, "s1"), "" + row);
    assertEquals(List.of("s2", "s3"), view().subIds());
    assertTrue(view().sub("s3").expanded);
  }

  @Test
  void theResolverIsToldTheNestedObjectsPathAndItsLocalOnlyValuesAreTaken() {
    List<List<String>> told = new CopyOnWriteArrayList<>();
    open(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              told.add(List.copyOf(paths));
              Issue r = IssueSync.TYPE.copy(theirs);
              r.assignee.name = mine.assignee.name + " / " + theirs.assignee.name;
              return r;
            }));
    server.otherWriter("i1", n -> ((ObjectNode) n.get("assignee")).put("name", "Ann B"));
    await(issues.update("i1", p -> p.editAssignee(o -> o.name("Ann L"))).result());
    await(store.idle());
    assertEquals(1, told.size(), "" + told);
    assertTrue(told.get(0).contains("assignee.name"), "" + told);
    assertEquals("Ann L / Ann B", server.row("i1").get("assignee").get("name").asText());
    Issue i = view();
    assertEquals("Ann L / Ann B", i.assignee.name);
    assertTrue(i.assignee.highlighted, "" + i);
  }

  @Test
  void aResolverThatThrowsSettlesAsUserCodeAndTheStoreKeepsWorking() {
    open(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              throw new IllegalStateException("resolver bug");
            }));
    server.otherWriter("i1", n -> sub(n, "s1").put("title", "theirs"));
    Mutation<String, Issue> m =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.title("ours"))));
    SyncFailure f = failure(m);
    assertEquals(SyncFailure.Kind.USER_CODE, f.kind(), f.toString());
    await(store.idle());
    await(store.refetch());
    assertEquals("theirs", view().sub("s1").title);
    assertTrue(view().sub("s1").expanded);
    await(
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.points(1)))).result());
    assertEquals(1, sub(server.row("i1"), "s2").get("points").asInt());
  }

  @Test
  void threeThreadsEditingTheirOwnSubIssuesWhileAnotherWriterRenamesTheIssue() throws Exception {
    open(ConflictPolicy.serverWins());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Mutation<String, Issue>>>> all = new ArrayList<>();
      for (String id : List.of("s1", "s2", "s3")) {
        all.add(
            pool.submit(
                () -> {
                  go.await(5, TimeUnit.SECONDS);
                  List<Mutation<String, Issue>> ms = new ArrayList<>();
                  for (int k = 1; k <= 5; k++) {
                    int points = k * 10;
                    ms.add(
                        issues.update(
                            "i1", p -> p.editSubIssues(s -> s.update(id, x -> x.points(points)))));
                  }
                  return ms;
                }));
      }
      Future<?> other =
          pool.submit(
              () -> {
                go.await(5, TimeUnit.SECONDS);
                for (int k = 1; k <= 5; k++) {
                  int n = k;
                  server.otherWriter("i1", d -> d.put("title", "Checkout broken #" + n));
                }
                return null;
              });
      go.countDown();
      other.get(10, TimeUnit.SECONDS);
      for (Future<List<Mutation<String, Issue>>> f : all) {
        for (Mutation<String, Issue> m : f.get(10, TimeUnit.SECONDS)) {
          await(m.result());
        }
      }
      await(store.idle());
      ObjectNode row = server.row("i1");
      for (String id : List.of("s1", "s2", "s3")) {
        assertEquals(50, sub(row, id).get("points").asInt(), id + ": " + row);
      }
      assertEquals("Checkout broken #5", row.get("title").asText(), "" + row);
      await(store.refetch());
      Issue i = view();
      assertEquals(
          List.of(50, 50, 50), List.of(i.sub("s1").points, i.sub("s2").points, i.sub("s3").points));
      assertTrue(i.sub("s1").expanded && i.sub("s3").expanded && !i.sub("s2").expanded, "" + i);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void resultOfAnElementEditCarriesTheLocalOnlyValuesOfThatMoment() {
    open(ConflictPolicy.serverWins());
    Issue confirmed =
        await(
            issues
                .update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.points(8))))
                .result());
    assertEquals(Integer.valueOf(8), confirmed.sub("s2").points);
    assertTrue(confirmed.sub("s1").expanded && confirmed.sub("s3").expanded, "" + confirmed);
    assertTrue(confirmed.assignee.highlighted, "" + confirmed);
    confirmed.sub("s1").expanded = false;
    assertTrue(view().sub("s1").expanded, "the result is a copy");
  }

  @Test
  void aLiveViewFollowsAnElementEditInAndOutAgainOnItsRollback() {
    open(ConflictPolicy.serverWins());
    server.validator =
        n -> sub(n, "s2").get("state").asText().equals("doing") ? "s2 is blocked" : null;
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    LiveView<String, Issue> inProgress =
        store.view(i -> i.subIssues.stream().anyMatch(s -> "doing".equals(s.state)));
    assertEquals(0, inProgress.size());
    Mutation<String, Issue> m =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.state("doing"))));
    assertEquals(1, inProgress.size(), "moved in at once");
    assertTrue(
        inProgress.items().get(0).sub("s1").expanded, "the view's copy has local-only values");
    gate.countDown();
    assertEquals(SyncFailure.Kind.REJECTED, failure(m).kind());
    await(store.idle());
    assertEquals(0, inProgress.size(), "moved out on rollback");
    assertFalse(view().sub("s2").state.equals("doing"));
    inProgress.close();
  }
}
