package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.cause;
import static io.github.synced.example.breakers12.IssueHttpTest.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers that disagree with the write, whole-entity edits, retries across another writer. */
class EdgeAnswersTest {
  JsonServer server;
  SyncStore<String, Issue> store;
  IssueMutations issues;

  @BeforeEach
  void start() {
    server = new JsonServer("/issues", true, false, 100);
    server.put(IssueHttpTest.I1);
    store =
        SyncStore.of(IssueSync.TYPE)
            .remote(
                HttpRemote.<String, Issue>builder(server.base(), "/issues", new IssueJson())
                    .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
                    .requestTimeout(Duration.ofSeconds(5))
                    .build())
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40)))
            .conflicts(ConflictPolicy.serverWins())
            .build();
    issues = new IssueMutations(store);
    await(store.refetch());
    issues.local(
        "i1",
        i -> {
          i.sub("s1").expanded = true;
          i.sub("s2").expanded = true;
          i.sub("s3").expanded = true;
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Issue view() {
    return store.get("i1").orElseThrow();
  }

  @Test
  void aServerThatKeepsAnElementWeRemovedBringsItBackWithItsExpanded() {
    // a Jira-like server that silently keeps a sub-issue that has work logged
    server.normalizer =
        n -> {
          if (sub(n, "s2") == null) {
            ((ArrayNode) n.get("subIssues"))
                .insertObject(1)
                .put("id", "s2")
                .put("title", "Fix")
                .put("state", "todo")
                .put("points", 3);
          }
        };
    await(issues.update("i1", p -> p.editSubIssues(s -> s.remove("s2"))).result());
    await(store.idle());
    Issue i = view();
    assertEquals(List.of("s1", "s2", "s3"), i.subIds(), "the server's list: " + i);
    assertTrue(i.sub("s2").expanded, "s2 is the same sub-issue: its expanded kept: " + i);
  }

  @Test
  void aWholeEntityModifyOfOneSubIssueKeepsEveryExpanded() {
    await(issues.modify("i1", i -> i.sub("s2").title = "Fix it").result());
    await(store.idle());
    Issue i = view();
    assertEquals("Fix it", i.sub("s2").title);
    assertEquals("Fix it", sub(server.row("i1"), "s2").get("title").asText());
    assertTrue(i.sub("s1").expanded && i.sub("s2").expanded && i.sub("s3").expanded, "" + i);
    for (String r : server.requests) {
      assertTrue(!r.contains("expanded"), "local-only sent: " + r);
    }
  }

  @Test
  void a503ThenAnotherWritersChangeThenA412ThenSuccessKeepsBoth() {
    server.unavailable = 1;
    server.afterApply =
        () -> {
          server.afterApply = () -> {};
          server.otherWriter("i1", n -> sub(n, "s3").put("title", "Test (theirs)"));
        };
    await(
        issues
            .update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.title("Repro (ours)"))))
            .result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals("Repro (ours)", sub(row, "s1").get("title").asText(), "" + row);
    assertEquals("Test (theirs)", sub(row, "s3").get("title").asText(), "" + row);
    Issue i = view();
    assertEquals("Test (theirs)", i.sub("s3").title);
    assertTrue(i.sub("s1").expanded && i.sub("s3").expanded, "" + i);
  }

  @Test
  void aNullMapValueInTheServersJsonIsBadDataNamingTheKey() {
    try (JsonServer pagesServer = new JsonServer("/pages", true, false, 1)) {
      pagesServer.put(PageAndOrderHttpTest.P1);
      SyncStore<String, Page> pages = PageAndOrderHttpTest.pages(pagesServer);
      await(pages.refetch());
      pagesServer.otherWriter("p1", n -> ((ObjectNode) n.get("blocks")).putNull("todo"));
      Throwable t = cause(pages.refetch("p1"));
      Throwable bad = t;
      while (bad != null && !(bad instanceof BadServerDataException)) {
        bad = bad.getCause();
      }
      assertNotNull(bad, "a BadServerDataException: " + t);
      assertEquals("blocks", ((BadServerDataException) bad).field(), bad.getMessage());
      assertTrue(
          bad.getMessage().contains("todo") && bad.getMessage().contains("p1"), bad.getMessage());
      assertEquals("b2", pages.get("p1").orElseThrow().blocks.get("todo").id, "store unchanged");
    }
  }
}
