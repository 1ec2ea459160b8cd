package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static io.github.synced.example.breakers12.Fixtures.refusal;
import static io.github.synced.example.breakers12.IssueHttpTest.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A nested object inside an element (issue → sub-issue → reviewer), and whole-value sets. */
class TwoLevelsDownTest {
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

  void open(boolean jackson3) {
    HttpRemote.Builder<String, Issue> remote =
        HttpRemote.<String, Issue>builder(server.base(), "/issues", new IssueJson())
            .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
            .requestTimeout(Duration.ofSeconds(5));
    if (jackson3) {
      remote.jackson3(new tools.jackson.databind.ObjectMapper());
    }
    store =
        SyncStore.of(IssueSync.TYPE)
            .remote(remote.build())
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
          i.sub("s1").reviewer.highlighted = true;
        });
  }

  Issue view() {
    return store.get("i1").orElseThrow();
  }

  void reviewerEditWhoseAnswerLeavesOutTheEmail(boolean jackson3) {
    open(jackson3);
    server.answerShape =
        a -> {
          ((ObjectNode) sub(a, "s1").get("reviewer")).remove("email");
          return a;
        };
    await(
        issues
            .update(
                "i1",
                p ->
                    p.editSubIssues(
                        s -> s.update("s1", x -> x.editReviewer(r -> r.name("Bo Chen")))))
            .result());
    await(store.idle());
    Issue i = view();
    assertEquals("Bo Chen", i.sub("s1").reviewer.name);
    assertEquals(
        "bo@x.io", i.sub("s1").reviewer.email, "two levels down, left out: as written: " + i);
    assertTrue(i.sub("s1").reviewer.highlighted, "reviewer's local-only kept: " + i);
    assertTrue(i.sub("s1").expanded, "" + i);
    assertEquals("Bo Chen", sub(server.row("i1"), "s1").get("reviewer").get("name").asText());
  }

  @Test
  void reviewerEditWhoseAnswerLeavesOutTheEmailJackson2() {
    reviewerEditWhoseAnswerLeavesOutTheEmail(false);
  }

  @Test
  void reviewerEditWhoseAnswerLeavesOutTheEmailJackson3() {
    reviewerEditWhoseAnswerLeavesOutTheEmail(true);
  }

  @Test
  void reviewersLocalOnlySurvivesARefetchThatChangesTheReviewersName() {
    open(false);
    server.otherWriter(
        "i1", n -> ((ObjectNode) sub(n, "s1").get("reviewer")).put("name", "Bo (renamed)"));
    await(store.refetch());
    Issue i = view();
    assertEquals("Bo (renamed)", i.sub("s1").reviewer.name);
    assertTrue(i.sub("s1").reviewer.highlighted, "" + i);
    assertTrue(i.sub("s1").expanded, "" + i);
  }

  @Test
  void reviewerEditOfASubIssueWithoutAReviewerIsRefusedNamingTheElement() {
    open(false);
    String m =
        refusal(
            () ->
                issues.update(
                    "i1",
                    p ->
                        p.editSubIssues(
                            s -> s.update("s2", x -> x.editReviewer(r -> r.name("Cy"))))));
    assertTrue(
        m != null
            && m.contains("Issue")
            && m.contains("i1")
            && m.contains("subIssues")
            && m.contains("s2")
            && m.contains("reviewer"),
        "names entity, id, field, element and nested field: " + m);
    assertNull(view().sub("s2").reviewer);
    assertTrue(store.pending().isEmpty(), "" + store.pending());
  }

  /**
   * The outside tester expected a whole-list set to merge by element too. The README says a whole
   * value is one change (only the {@code editX} changes are relative): on a 412 it meets any change
   * another writer made to the field, and the conflict policy (here the server's) decides the
   * field; the element change made through {@code editSubIssues} merges instead (IssueHttpTest).
   */
  @Test
  void aWholeListSetIsOneChangeThatMeetsAnotherWritersChangeToAnyElement() {
    open(false);
    server.otherWriter("i1", n -> sub(n, "s3").put("title", "Test (theirs)"));
    List<SubIssue> mine = new ArrayList<>();
    for (SubIssue s : view().subIssues) {
      SubIssue c = new SubIssue(s.id, s.title, s.state, s.points);
      c.reviewer = s.reviewer;
      mine.add(c);
    }
    mine.get(1).title = "Fix (ours)";
    SyncFailure f = failure(issues.update("i1", p -> p.subIssues(mine)));
    await(store.idle());
    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertTrue(f.getMessage().contains("subIssues"), f.getMessage());
    JsonNode row = server.row("i1");
    assertEquals("Test (theirs)", sub((ObjectNode) row, "s3").get("title").asText(), "" + row);
    assertNotEquals("Fix (ours)", sub((ObjectNode) row, "s2").get("title").asText(), "" + row);
    Issue i = view();
    assertEquals("Test (theirs)", i.sub("s3").title, "the store shows the server");
    assertTrue(i.sub("s1").expanded, "expanded kept through the refused set: " + i);
  }
}
