package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Linear/Jira-like issue server over loopback HTTP, versioned, If-Match checked. */
class IssueHttpTest {
  static final String I1 =
      "{\"id\":\"i1\",\"title\":\"Checkout broken\","
          + "\"assignee\":{\"id\":\"u1\",\"name\":\"Ann\",\"email\":\"ann@x.io\"},"
          + "\"subIssues\":["
          + "{\"id\":\"s1\",\"title\":\"Repro\",\"state\":\"todo\",\"points\":1,"
          + "\"reviewer\":{\"id\":\"u2\",\"name\":\"Bo\",\"email\":\"bo@x.io\"}},"
          + "{\"id\":\"s2\",\"title\":\"Fix\",\"state\":\"todo\",\"points\":3},"
          + "{\"id\":\"s3\",\"title\":\"Test\",\"state\":\"todo\",\"points\":2}],"
          + "\"version\":1}";

  JsonServer server;
  SyncStore<String, Issue> store;
  IssueMutations issues;

  @BeforeEach
  void start() {
    server = new JsonServer("/issues", true, false, 100);
    server.put(I1);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void open(ConflictPolicy<Issue> policy) {
    HttpRemote<String, Issue> remote =
        HttpRemote.<String, Issue>builder(server.base(), "/issues", new IssueJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    store =
        SyncStore.of(IssueSync.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults()
                    .withMaxAttempts(4)
                    .withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40)))
            .conflicts(policy)
            .build();
    issues = new IssueMutations(store);
    await(store.refetch());
    issues.local(
        "i1",
        i -> {
          i.pinned = true;
          i.sub("s1").expanded = true;
          i.sub("s3").expanded = true;
          i.assignee.highlighted = true;
        });
  }

  void open() {
    open(ConflictPolicy.serverWins());
  }

  Issue view() {
    return store.get("i1").orElseThrow();
  }

  static ObjectNode sub(ObjectNode issue, String id) {
    for (JsonNode s : issue.get("subIssues")) {
      if (s.get("id").asText().equals(id)) {
        return (ObjectNode) s;
      }
    }
    return null;
  }

  void assertLocalOnlyKept(Issue i) {
    assertTrue(i.pinned, "pinned kept: " + i);
    assertTrue(i.sub("s1").expanded, "s1 expanded kept: " + i);
    assertTrue(i.sub("s3").expanded, "s3 expanded kept: " + i);
    assertTrue(i.assignee.highlighted, "assignee highlighted kept: " + i);
  }

  @Test
  void answerLeavingPropertiesOutOfElementsTakesThemAsWritten() {
    open();
    server.answerShape =
        a -> {
          for (JsonNode s : a.get("subIssues")) {
            ((ObjectNode) s).remove("points");
            ((ObjectNode) s).remove("state");
          }
          return a;
        };
    Issue confirmed =
        await(
            issues
                .update(
                    "i1",
                    p -> p.editSubIssues(s -> s.update("s2", x -> x.title("Fix the tax rounding"))))
                .result());
    assertEquals("Fix the tax rounding", confirmed.sub("s2").title);
    Issue i = await(store.idle().thenApply(v -> view()));
    assertEquals("Fix the tax rounding", i.sub("s2").title);
    assertEquals(Integer.valueOf(3), i.sub("s2").points, "left out: as written");
    assertEquals(Integer.valueOf(1), i.sub("s1").points, "left out: as written");
    assertEquals("todo", i.sub("s3").state, "left out: as written");
    assertEquals(2L, i.version);
    assertLocalOnlyKept(i);
  }

  @Test
  void explicitNullInAnElementOfTheAnswerIsNull() {
    open();
    server.answerShape =
        a -> {
          sub(a, "s1").putNull("points");
          sub(a, "s3").remove("points");
          return a;
        };
    await(
        issues
            .update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.state("doing"))))
            .result());
    await(store.idle());
    Issue i = view();
    assertNull(i.sub("s1").points, "explicit null is null: " + i);
    assertEquals(Integer.valueOf(2), i.sub("s3").points, "absent is as written: " + i);
    assertEquals("doing", i.sub("s2").state);
    assertLocalOnlyKept(i);
  }

  @Test
  void answerThatReordersAndAddsAServerMadeElementIsTakenInTheServersOrder() {
    open();
    server.normalizer =
        n -> {
          ArrayNode subs = (ArrayNode) n.get("subIssues");
          if (sub(n, "auto1") == null) {
            subs.addObject()
                .put("id", "auto1")
                .put("title", "Review")
                .put("state", "todo")
                .put("points", 0);
          }
          List<JsonNode> sorted = new ArrayList<>();
          subs.forEach(sorted::add);
          sorted.sort(Comparator.comparing(s -> s.get("title").asText()));
          subs.removeAll();
          subs.addAll(sorted);
        };
    await(
        issues
            .update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.title("A fix"))))
            .result());
    await(store.idle());
    Issue i = view();
    assertEquals(List.of("s2", "s1", "auto1", "s3"), i.subIds(), "server's order: " + i);
    assertEquals("Review", i.sub("auto1").title);
    assertTrue(!i.sub("auto1").expanded && !i.sub("s2").expanded, "new ones start collapsed: " + i);
    assertLocalOnlyKept(i);
  }

  @Test
  void nestedObjectEditWhoseAnswerLeavesOutTheEmailKeepsTheEmail() {
    open();
    server.answerShape =
        a -> {
          ((ObjectNode) a.get("assignee")).remove("email");
          return a;
        };
    await(issues.update("i1", p -> p.editAssignee(o -> o.name("Ann Lee"))).result());
    await(store.idle());
    Issue i = view();
    assertEquals("Ann Lee", i.assignee.name);
    assertEquals("ann@x.io", i.assignee.email, "left out of the nested object: as written");
    assertEquals("ann@x.io", server.row("i1").get("assignee").get("email").asText());
    assertLocalOnlyKept(i);
  }

  @Test
  void nestedObjectEditWithExplicitNullEmailInTheAnswerIsNull() {
    open();
    server.answerShape =
        a -> {
          ((ObjectNode) a.get("assignee")).putNull("email");
          return a;
        };
    await(issues.update("i1", p -> p.editAssignee(o -> o.name("Ann Lee"))).result());
    await(store.idle());
    Issue i = view();
    assertEquals("Ann Lee", i.assignee.name);
    assertNull(i.assignee.email, "explicit null: " + i);
    assertTrue(i.assignee.highlighted, "highlighted kept: " + i);
  }

  @Test
  void conflictWithAnotherWritersChangeToAnotherElementKeepsBoth() {
    open();
    server.otherWriter("i1", n -> sub(n, "s3").put("title", "Test on staging"));
    await(
        issues
            .update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.title("Repro on iOS"))))
            .result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals("Repro on iOS", sub(row, "s1").get("title").asText(), "ours on the server");
    assertEquals("Test on staging", sub(row, "s3").get("title").asText(), "theirs on the server");
    Issue i = view();
    assertEquals("Repro on iOS", i.sub("s1").title);
    assertEquals("Test on staging", i.sub("s3").title);
    assertEquals(row.get("version").asLong(), i.version);
    assertLocalOnlyKept(i);
  }

  @Test
  void conflictOnTheSameElementFieldIsToldItsPathAndTheResolverDecides() {
    List<List<String>> told = new CopyOnWriteArrayList<>();
    open(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              told.add(List.copyOf(paths));
              return mine;
            }));
    server.otherWriter(
        "i1",
        n -> {
          sub(n, "s1").put("title", "Repro (theirs)");
          sub(n, "s2").put("points", 8);
        });
    await(
        issues
            .update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.title("Repro (ours)"))))
            .result());
    await(store.idle());
    assertEquals(1, told.size(), "one conflict: " + told);
    assertTrue(told.get(0).contains("subIssues[s1].title"), "paths: " + told);
    assertTrue(
        !told.get(0).contains("subIssues[s2].points"), "theirs alone is not a conflict: " + told);
    ObjectNode row = server.row("i1");
    assertEquals("Repro (ours)", sub(row, "s1").get("title").asText());
    assertEquals(8, sub(row, "s2").get("points").asInt(), "their disjoint change kept");
    Issue i = view();
    assertEquals("Repro (ours)", i.sub("s1").title);
    assertEquals(Integer.valueOf(8), i.sub("s2").points);
    assertLocalOnlyKept(i);
  }

  @Test
  void refusedElementEditRollsBackAloneWhileAnotherIsPending() throws Exception {
    open();
    server.validator =
        n -> {
          for (JsonNode s : n.get("subIssues")) {
            if (s.get("title").asText().length() > 20) {
              return "sub-issue " + s.get("id").asText() + ": title too long";
            }
          }
          return null;
        };
    issues.local("i1", i -> i.sub("s2").expanded = true);
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> tooLong =
        issues.update(
            "i1",
            p ->
                p.editSubIssues(
                    s ->
                        s.update(
                            "s2", x -> x.title("Fix the rounding of taxes in every currency"))));
    Mutation<String, Issue> done =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.state("done"))));
    Issue optimistic = view();
    assertEquals("Fix the rounding of taxes in every currency", optimistic.sub("s2").title);
    assertEquals("done", optimistic.sub("s1").state);
    gate.countDown();
    SyncFailure f = failure(tooLong);
    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    await(done.result());
    await(store.idle());
    Issue i = view();
    assertEquals("Fix", i.sub("s2").title, "refused change rolled back: " + i);
    assertEquals("done", i.sub("s1").state, "the other stays: " + i);
    assertTrue(i.sub("s2").expanded, "s2 keeps expanded through its rollback: " + i);
    assertLocalOnlyKept(i);
    ObjectNode row = server.row("i1");
    assertEquals("Fix", sub(row, "s2").get("title").asText());
    assertEquals("done", sub(row, "s1").get("state").asText());
  }

  @Test
  void refusedRemoveComesBackAtItsIndexAndRefusedAddDisappears() {
    open();
    server.validator =
        n -> {
          if (sub(n, "s2") == null) {
            return "sub-issue s2 has commits and cannot be removed";
          }
          if (sub(n, "s5") != null) {
            return "sub-issue s5: no permission";
          }
          return null;
        };
    issues.local("i1", i -> i.sub("s2").expanded = true);
    CountDownLatch gate = new CountDownLatch(1); // the refusals come back only after the look
    server.gate = gate;
    Mutation<String, Issue> remove = issues.update("i1", p -> p.editSubIssues(s -> s.remove("s2")));
    Mutation<String, Issue> add =
        issues.update(
            "i1", p -> p.editSubIssues(s -> s.add(0, new SubIssue("s5", "Write docs", "todo", 1))));
    assertEquals(List.of("s5", "s1", "s3"), view().subIds());
    gate.countDown();
    assertEquals(SyncFailure.Kind.REJECTED, failure(remove).kind());
    assertEquals(SyncFailure.Kind.REJECTED, failure(add).kind());
    await(store.idle());
    Issue i = view();
    assertEquals(List.of("s1", "s2", "s3"), i.subIds());
    assertTrue(i.sub("s2").expanded, "s2 comes back with its expanded: " + i);
    assertLocalOnlyKept(i);
  }

  @Test
  void droppedAnswerAfterTheServerAppliedAnAddDoesNotAddItTwice() {
    open();
    server.dropAfterApplying = 1;
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> add =
        issues.update(
            "i1", p -> p.editSubIssues(s -> s.add(new SubIssue("s4", "Deploy", "todo", 1))));
    issues.local("i1", i -> i.sub("s4").expanded = true);
    gate.countDown();
    await(add.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    int s4 = 0;
    for (JsonNode s : row.get("subIssues")) {
      s4 += s.get("id").asText().equals("s4") ? 1 : 0;
    }
    assertEquals(1, s4, "applied once: " + row);
    Issue i = view();
    assertEquals(List.of("s1", "s2", "s3", "s4"), i.subIds());
    assertTrue(i.sub("s4").expanded, "expanded of the added element kept: " + i);
    assertLocalOnlyKept(i);
  }

  @Test
  void refetchWhileAnAddIsInFlightKeepsTheAddedElementsLocalOnlyStateThroughConflictAndConfirm() {
    open();
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> add =
        issues.update(
            "i1", p -> p.editSubIssues(s -> s.add(1, new SubIssue("s4", "Deploy", "todo", 1))));
    issues.local("i1", i -> i.sub("s4").expanded = true);
    server.otherWriter(
        "i1",
        n -> {
          sub(n, "s1").put("title", "Repro (theirs)");
          ArrayNode subs = (ArrayNode) n.get("subIssues");
          subs.remove(2);
        });
    await(store.refetch());
    Issue during = view();
    assertEquals(List.of("s1", "s4", "s2"), during.subIds(), "rebased on theirs: " + during);
    assertTrue(during.sub("s4").expanded, "s4 expanded through the refetch: " + during);
    assertTrue(during.sub("s1").expanded);
    gate.countDown();
    await(add.result());
    await(store.idle());
    await(store.refetch());
    Issue i = view();
    assertEquals(List.of("s1", "s4", "s2"), i.subIds(), "" + i);
    assertEquals("Repro (theirs)", i.sub("s1").title);
    assertTrue(i.sub("s4").expanded, "s4 expanded after conflict, confirm and refetch: " + i);
    assertTrue(i.sub("s1").expanded, "s1 expanded kept: " + i);
    ObjectNode row = server.row("i1");
    assertEquals(3, row.get("subIssues").size(), "" + row);
  }
}
