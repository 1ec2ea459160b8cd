package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static io.github.synced.example.breakers12.IssueHttpTest.sub;
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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** More answer shapes of a Linear-like server and Shopify-sized ids. */
class MoreAnswersTest {
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
          i.sub("s3").expanded = true;
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
  void aServerMadeElementInTheFirstAnswerIsKeptOnceByTheNextPendingEditsBody() {
    server.normalizer =
        n -> {
          if (sub(n, "auto1") == null) {
            ((ArrayNode) n.get("subIssues"))
                .insertObject(0)
                .put("id", "auto1")
                .put("title", "Triage")
                .put("state", "todo")
                .put("points", 0);
          }
        };
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> first =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.state("doing"))));
    Mutation<String, Issue> second =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s3", x -> x.state("doing"))));
    gate.countDown();
    await(first.result());
    await(second.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    List<String> ids = new ArrayList<>();
    row.get("subIssues").forEach(s -> ids.add(s.get("id").asText()));
    assertEquals(List.of("auto1", "s1", "s2", "s3"), ids, "" + row);
    assertEquals("doing", sub(row, "s3").get("state").asText());
    Issue i = view();
    assertEquals(ids, i.subIds(), "" + i);
    assertTrue(i.sub("s1").expanded && i.sub("s3").expanded, "" + i);
  }

  @Test
  void anAnswerLeavingOutTheWholeFieldTakesTheElementChangeAsWritten() {
    server.answerShape =
        a -> {
          a.remove("subIssues");
          a.remove("assignee");
          return a;
        };
    await(
        issues
            .update(
                "i1",
                p ->
                    p.editSubIssues(s -> s.update("s1", x -> x.title("Repro!")))
                        .editAssignee(o -> o.name("Ann L")))
            .result());
    await(store.idle());
    Issue i = view();
    assertEquals("Repro!", i.sub("s1").title);
    assertEquals("Ann L", i.assignee.name);
    assertEquals("ann@x.io", i.assignee.email);
    assertTrue(i.sub("s1").expanded && i.assignee.highlighted, "" + i);
    assertEquals(2L, i.version);
  }

  @Test
  void anAddedElementWhosePropertiesTheAnswerLeavesOutKeepsWhatWeWrote() {
    server.answerShape =
        a -> {
          ObjectNode s4 = sub(a, "s4");
          s4.remove("points");
          s4.remove("title");
          s4.put("state", "triage");
          return a;
        };
    Mutation<String, Issue> add =
        issues.update(
            "i1", p -> p.editSubIssues(s -> s.add(new SubIssue("s4", "Deploy", "todo", 5))));
    issues.local("i1", i -> i.sub("s4").expanded = true);
    await(add.result());
    await(store.idle());
    SubIssue s4 = view().sub("s4");
    assertEquals("Deploy", s4.title, "as written: " + s4);
    assertEquals(Integer.valueOf(5), s4.points, "as written: " + s4);
    assertEquals("triage", s4.state, "the server's: " + s4);
    assertTrue(s4.expanded, "" + s4);
  }

  @Test
  void anExplicitNullAssigneeInTheAnswerClearsIt() {
    server.answerShape =
        a -> {
          a.putNull("assignee");
          return a;
        };
    await(issues.update("i1", p -> p.editAssignee(o -> o.name("Ann L"))).result());
    await(store.idle());
    assertNull(view().assignee, "" + view());
  }

  @Test
  void aRefusedRemoveAfterARefetchThatMovedTheElementComesBackWhereTheServerHasIt() {
    issues.local("i1", i -> i.sub("s2").expanded = true);
    server.validator = n -> sub(n, "s2") == null ? "s2 cannot be removed" : null;
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> remove = issues.update("i1", p -> p.editSubIssues(s -> s.remove("s2")));
    server.otherWriter(
        "i1",
        n -> {
          ArrayNode subs = (ArrayNode) n.get("subIssues");
          JsonNode s2 = subs.remove(1);
          subs.addObject()
              .put("id", "s5")
              .put("title", "Docs")
              .put("state", "todo")
              .put("points", 1);
          subs.add(s2);
        });
    await(store.refetch());
    assertEquals(List.of("s1", "s3", "s5"), view().subIds());
    gate.countDown();
    assertEquals(SyncFailure.Kind.REJECTED, failure(remove).kind());
    await(store.idle());
    Issue i = view();
    assertEquals(List.of("s1", "s3", "s5", "s2"), i.subIds(), "" + i);
    assertTrue(i.sub("s2").expanded, "" + i);
    assertTrue(i.sub("s1").expanded && i.sub("s3").expanded, "" + i);
  }

  @Test
  void shopifySizedLongIdsBeyondTwoToTheFiftyThreeRoundTripExactly() {
    try (JsonServer shop = PageAndOrderHttpTest.shop()) {
      long big = 9007199254740993L; // 2^53 + 1: not a double
      long order = 5750095511863L;
      shop.put(
          "{\"id\":"
              + order
              + ",\"note\":\"gift\",\"lineItems\":["
              + "{\"id\":"
              + big
              + ",\"sku\":\"CAP\",\"quantity\":1,\"position\":1},"
              + "{\"id\":"
              + (big + 2)
              + ",\"sku\":\"MUG\",\"quantity\":1,\"position\":2}]}");
      SyncStore<Long, Order> orders = PageAndOrderHttpTest.orders(shop);
      await(orders.refetch());
      Order o = orders.get(order).orElseThrow();
      assertEquals(List.of(big, big + 2), List.of(o.lineItems.get(0).id, o.lineItems.get(1).id));
      orders.local(order, x -> x.item(big).selected = true);
      await(
          new OrderMutations(orders)
              .update(order, p -> p.editLineItems(s -> s.update(big + 2, x -> x.quantity(7))))
              .result());
      await(orders.idle());
      JsonNode row = shop.row(String.valueOf(order));
      assertEquals(big + 2, row.get("lineItems").get(1).get("id").asLong(), "" + row);
      assertEquals(7, row.get("lineItems").get(1).get("quantity").asInt());
      Order after = orders.get(order).orElseThrow();
      assertEquals(7, after.item(big + 2).quantity);
      assertTrue(after.item(big).selected, "" + after);
    }
  }
}
