package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static io.github.synced.example.breakers12.IssueHttpTest.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refusal that comes after a conflict merge; parallel sends of element edits with a writer. */
class RebaseThenRefusalTest {
  JsonServer server;

  @BeforeEach
  void start() {
    server = new JsonServer("/issues", true, false, 100);
    server.put(IssueHttpTest.I1);
    server.validator =
        n -> {
          for (JsonNode s : n.get("subIssues")) {
            if (s.get("title").asText().length() > 20) {
              return "sub-issue " + s.get("id").asText() + ": title too long";
            }
          }
          return null;
        };
  }

  @AfterEach
  void stop() {
    server.close();
  }

  SyncStore<String, Issue> open(boolean parallel) {
    SyncStore.Builder<String, Issue> b =
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
            .conflicts(ConflictPolicy.serverWins());
    if (parallel) {
      b.sendInParallel();
    }
    SyncStore<String, Issue> store = b.build();
    await(store.refetch());
    store.local(
        "i1",
        i -> {
          i.sub("s1").expanded = true;
          i.sub("s2").expanded = true;
          i.sub("s3").expanded = true;
        });
    return store;
  }

  @Test
  void aRefusalAfterAConflictMergeRollsBackOnTopOfTheirChange() {
    SyncStore<String, Issue> store = open(false);
    IssueMutations issues = new IssueMutations(store);
    server.otherWriter("i1", n -> sub(n, "s3").put("title", "Test (theirs)"));
    Mutation<String, Issue> m =
        issues.update(
            "i1",
            p ->
                p.editSubIssues(s -> s.update("s2", x -> x.title("A title that is far too long"))));
    assertEquals(SyncFailure.Kind.REJECTED, failure(m).kind());
    await(store.idle());
    Issue i = store.get("i1").orElseThrow();
    assertEquals("Fix", i.sub("s2").title, "" + i);
    assertEquals(
        "Test (theirs)", i.sub("s3").title, "their change, learned from the 412, stays: " + i);
    assertEquals(server.row("i1").get("version").asLong(), i.version, "" + i);
    assertTrue(i.sub("s1").expanded && i.sub("s2").expanded && i.sub("s3").expanded, "" + i);
  }

  @Test
  void parallelElementEditsOfThreeSubIssuesWithAWriterInBetweenAllLand() {
    SyncStore<String, Issue> store = open(true);
    IssueMutations issues = new IssueMutations(store);
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> a =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.state("done"))));
    Mutation<String, Issue> b =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.state("doing"))));
    Mutation<String, Issue> c = issues.update("i1", p -> p.editSubIssues(s -> s.remove("s3")));
    server.otherWriter("i1", n -> n.put("title", "Checkout broken (P1)"));
    gate.countDown();
    await(a.result());
    await(b.result());
    await(c.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals("done", sub(row, "s1").get("state").asText(), "" + row);
    assertEquals("doing", sub(row, "s2").get("state").asText(), "" + row);
    assertEquals(null, sub(row, "s3"), "" + row);
    assertEquals("Checkout broken (P1)", row.get("title").asText());
    Issue i = store.get("i1").orElseThrow();
    assertEquals(java.util.List.of("s1", "s2"), i.subIds());
    assertEquals("Checkout broken (P1)", i.title);
    assertTrue(i.sub("s1").expanded && i.sub("s2").expanded, "" + i);
  }
}
