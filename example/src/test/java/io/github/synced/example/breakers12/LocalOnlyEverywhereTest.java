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
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local-only values of elements never taken from JSON, and kept through create and delete. */
class LocalOnlyEverywhereTest {
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
          i.assignee.highlighted = true;
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
  void localOnlyPropertiesAServerEchoesInNestedJsonAreIgnored() {
    server.answerShape =
        a -> {
          for (var s : a.get("subIssues")) {
            ((ObjectNode) s).put("expanded", s.get("id").asText().equals("s2"));
          }
          ((ObjectNode) a.get("assignee")).put("highlighted", false);
          a.put("pinned", true);
          return a;
        };
    await(
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s3", x -> x.points(4)))).result());
    await(store.idle());
    Issue i = view();
    assertTrue(i.sub("s1").expanded, "" + i);
    assertFalse(i.sub("s2").expanded, "never taken from JSON: " + i);
    assertTrue(i.assignee.highlighted, "" + i);
    assertFalse(i.pinned, "" + i);
    server.otherWriter("i1", n -> sub(n, "s3").put("expanded", true));
    await(store.refetch());
    assertFalse(view().sub("s3").expanded, "never taken from a read: " + view());
  }

  @Test
  void unknownPropertiesThatRealApisAddToNestedObjectsAreIgnored() {
    server.otherWriter(
        "i1",
        n -> {
          ((ObjectNode) n.get("assignee"))
              .put("avatarUrl", "https://x.io/a.png")
              .putObject("team")
              .put("id", "t1");
          for (var s : n.get("subIssues")) {
            ((ObjectNode) s).put("url", "https://x.io/" + s.get("id").asText());
            ((ObjectNode) s).putArray("labels").addObject().put("id", "l1").put("name", "bug");
          }
          n.put("createdAt", "2026-11-30T10:00:00Z");
        });
    await(store.refetch());
    Issue i = view();
    assertEquals(2L, i.version, "the read was taken: " + i);
    assertTrue(i.sub("s1").expanded && i.assignee.highlighted, "" + i);
    await(
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.points(5)))).result());
    assertEquals(Integer.valueOf(5), view().sub("s2").points);
  }

  @Test
  void localOnlyOfASubIssueOfAPendingCreateSurvivesItsConfirmWithAServerMadeElement() {
    server.normalizer =
        n -> {
          ArrayNode subs = (ArrayNode) n.get("subIssues");
          if (sub(n, "auto1") == null) {
            subs.insertObject(0)
                .put("id", "auto1")
                .put("title", "Triage")
                .put("state", "todo")
                .put("points", 0);
          }
        };
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Issue draft =
        new Issue(
            null,
            "Search is slow",
            new Person("u1", "Ann", "ann@x.io"),
            List.of(new SubIssue("a", "Profile", "todo", 2), new SubIssue("b", "Index", "todo", 3)),
            0);
    Mutation<String, Issue> create = issues.create(draft);
    String temp = create.id();
    issues.local(
        temp,
        i -> {
          i.sub("b").expanded = true;
          i.pinned = true;
        });
    gate.countDown();
    Issue created = await(create.result());
    await(store.idle());
    Issue i = store.get(created.id).orElseThrow();
    assertEquals(List.of("auto1", "a", "b"), i.subIds(), "" + i);
    assertTrue(i.sub("b").expanded, "b expanded through the create's confirm and re-key: " + i);
    assertFalse(i.sub("a").expanded);
    assertTrue(i.pinned, "" + i);
    await(store.refetch());
    assertTrue(store.get(created.id).orElseThrow().sub("b").expanded, "and through a refetch");
  }

  @Test
  void aRefusedDeleteRestoresTheIssueWithEverySubIssuesExpanded() {
    issues.local("i1", i -> i.sub("s3").expanded = true);
    server.refuseDeletes = true;
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> delete = issues.delete("i1");
    assertTrue(store.get("i1").isEmpty(), "hidden at once");
    gate.countDown();
    assertEquals(SyncFailure.Kind.REJECTED, failure(delete).kind());
    await(store.idle());
    Issue i = view();
    assertTrue(i.sub("s1").expanded && i.sub("s3").expanded && i.assignee.highlighted, "" + i);
    assertEquals(List.of("s1", "s2", "s3"), i.subIds());
  }
}
