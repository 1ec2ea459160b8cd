package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static io.github.synced.example.breakers12.IssueHttpTest.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conflicts, unknown outcomes and rollbacks inside the issue's tree, over loopback HTTP. */
class IssueTreeConflictsTest {
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

  void open(ConflictPolicy<Issue> policy, boolean parallel) {
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
                    .withMaxAttempts(4)
                    .withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40)))
            .conflicts(policy);
    if (parallel) {
      b.sendInParallel();
    }
    store = b.build();
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
  void theirRemoveOfTheElementWeUpdateDropsOnlyThatPartUnderServerWins() {
    open(ConflictPolicy.serverWins(), false);
    server.otherWriter("i1", n -> ((ArrayNode) n.get("subIssues")).remove(0));
    Mutation<String, Issue> m =
        issues.update(
            "i1",
            p ->
                p.editSubIssues(
                    s ->
                        s.update("s1", x -> x.title("Repro on iOS"))
                            .update("s3", x -> x.points(5))));
    await(m.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertNull(sub(row, "s1"), "their remove stands: " + row);
    assertEquals(5, sub(row, "s3").get("points").asInt(), "our other part sent: " + row);
    Issue i = view();
    assertEquals(List.of("s2", "s3"), i.subIds());
    assertEquals(Integer.valueOf(5), i.sub("s3").points);
    assertTrue(i.sub("s3").expanded, "" + i);
  }

  /**
   * The outside tester's case, which set the whole map when no edit by key existed for a map: the
   * change of one block by key ({@code editBlocks}) merges with another writer's change to another
   * block on a 412, and both survive.
   */
  @Test
  void aBlockEditMergesByValueIdAgainstAnotherWritersChangeToAnotherBlock() {
    try (JsonServer pagesServer = new JsonServer("/pages", true, false, 1)) {
      pagesServer.put(PageAndOrderHttpTest.P1);
      SyncStore<String, Page> pages = PageAndOrderHttpTest.pages(pagesServer);
      await(pages.refetch());
      pages.local("p1", p -> p.blocks.get("intro").collapsed = true);
      pagesServer.otherWriter(
          "p1", n -> ((ObjectNode) n.get("blocks").get("intro")).put("text", "Hello (theirs)"));
      await(
          new PageMutations(pages)
              .update("p1", p -> p.editBlocks(b -> b.update("todo", x -> x.text("Q1 (ours)"))))
              .result());
      await(pages.idle());
      JsonNode row = pagesServer.row("p1");
      assertEquals("Q1 (ours)", row.get("blocks").get("todo").get("text").asText(), "" + row);
      assertEquals(
          "Hello (theirs)",
          row.get("blocks").get("intro").get("text").asText(),
          "their change to another block survives: " + row);
      Page p = pages.get("p1").orElseThrow();
      assertTrue(p.blocks.get("intro").collapsed, "" + p);
    }
  }

  @Test
  void refusedNestedObjectEditRollsBackAloneAndALocalEditMadeWhileInFlightSurvives() {
    open(ConflictPolicy.serverWins(), false);
    server.validator =
        n ->
            n.get("assignee").get("name").asText().isBlank()
                ? "assignee: a name is required"
                : null;
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> blank = issues.update("i1", p -> p.editAssignee(o -> o.name(" ")));
    Mutation<String, Issue> sub =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.points(13))));
    issues.local(
        "i1",
        i -> {
          i.assignee.highlighted = false;
          i.sub("s2").expanded = true;
        });
    gate.countDown();
    assertEquals(SyncFailure.Kind.REJECTED, failure(blank).kind());
    await(sub.result());
    await(store.idle());
    Issue i = view();
    assertEquals("Ann", i.assignee.name);
    assertEquals("ann@x.io", i.assignee.email);
    assertFalse(i.assignee.highlighted, "local edit made in flight kept: " + i);
    assertTrue(i.sub("s2").expanded, "local edit made in flight kept: " + i);
    assertEquals(Integer.valueOf(13), i.sub("s2").points);
    assertTrue(i.sub("s1").expanded && i.sub("s3").expanded, "" + i);
    for (String r : server.requests) {
      assertFalse(r.contains("expanded") || r.contains("highlighted"), "local-only sent: " + r);
    }
  }

  @Test
  void inParallelTheBodyAfterARefusedElementChangeNeverCarriesIt() {
    open(ConflictPolicy.serverWins(), true);
    server.validator =
        n -> {
          for (JsonNode s : n.get("subIssues")) {
            if (s.get("title").asText().contains("!")) {
              return "sub-issue " + s.get("id").asText() + ": no exclamation marks";
            }
          }
          return null;
        };
    CountDownLatch gate = new CountDownLatch(1);
    server.gate = gate;
    Mutation<String, Issue> loud =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s2", x -> x.title("Fix!"))));
    Mutation<String, Issue> quiet =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s3", x -> x.title("Test more"))));
    gate.countDown();
    assertEquals(SyncFailure.Kind.REJECTED, failure(loud).kind());
    await(quiet.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals("Fix", sub(row, "s2").get("title").asText());
    assertEquals("Test more", sub(row, "s3").get("title").asText());
    Issue i = view();
    assertEquals("Fix", i.sub("s2").title);
    assertEquals("Test more", i.sub("s3").title);
    assertTrue(i.sub("s3").expanded && i.sub("s1").expanded, "" + i);
  }

  @Test
  void droppedAnswerWhileAnotherWriterChangesAnotherElementConfirmsAndKeepsBoth() {
    open(ConflictPolicy.serverWins(), false);
    server.dropAfterApplying = 1;
    server.afterApply =
        () -> {
          server.afterApply = () -> {};
          server.otherWriter("i1", n -> sub(n, "s3").put("state", "blocked"));
        };
    Mutation<String, Issue> m =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.state("done"))));
    Issue confirmed = await(m.result());
    assertEquals("done", confirmed.sub("s1").state);
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals("done", sub(row, "s1").get("state").asText());
    assertEquals("blocked", sub(row, "s3").get("state").asText());
    assertEquals(3, row.get("version").asLong(), "applied once, then theirs: " + row);
    Issue i = view();
    assertEquals("done", i.sub("s1").state);
    assertEquals("blocked", i.sub("s3").state, "" + i);
    assertTrue(i.sub("s1").expanded && i.sub("s3").expanded, "" + i);
  }

  @Test
  void resolverKeepingAnElementTheyRemovedBringsItBackWithTheResolversLocalOnly() {
    open(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              return mine;
            }),
        false);
    server.otherWriter("i1", n -> ((ArrayNode) n.get("subIssues")).remove(0));
    Mutation<String, Issue> m =
        issues.update("i1", p -> p.editSubIssues(s -> s.update("s1", x -> x.title("Repro again"))));
    await(m.result());
    await(store.idle());
    ObjectNode row = server.row("i1");
    assertEquals(
        "Repro again",
        sub(row, "s1") == null ? null : sub(row, "s1").get("title").asText(),
        "" + row);
    Issue i = view();
    assertEquals(List.of("s1", "s2", "s3"), i.subIds(), "" + i);
    assertEquals("Repro again", i.sub("s1").title);
    assertTrue(i.sub("s3").expanded, "" + i);
  }

  @Test
  void createWithServerAssignedIdCarriesQueuedElementEditsToTheNewId() {
    try (JsonServer shop = PageAndOrderHttpTest.shop()) {
      SyncStore<Long, Order> orders = PageAndOrderHttpTest.orders(shop);
      OrderMutations om = new OrderMutations(orders);
      CountDownLatch gate = new CountDownLatch(1);
      shop.gate = gate;
      Mutation<Long, Order> create =
          om.create(new Order(null, "gift", List.of(new LineItem(900L, "TEE", 1, 0))));
      Long temp = create.id();
      Mutation<Long, Order> edit =
          om.update(
              temp,
              p ->
                  p.editLineItems(
                      s ->
                          s.update(900L, x -> x.quantity(3)).add(new LineItem(901L, "CAP", 2, 0))));
      orders.local(temp, o -> o.item(901L).selected = true);
      gate.countDown();
      Order created = await(create.result());
      await(edit.result());
      await(orders.idle());
      Order o = orders.get(created.id).orElseThrow();
      assertEquals(1, orders.all().size(), "one order: " + orders.all());
      assertEquals(3, o.item(900L).quantity, "" + o);
      assertTrue(o.item(901L).selected, "selected of the added item follows the re-key: " + o);
      JsonNode row = shop.row(String.valueOf(created.id));
      assertEquals(2, row.get("lineItems").size(), "" + row);
      assertEquals("CAP", row.get("lineItems").get(0).get("sku").asText(), "server sorted: " + row);
      assertEquals(
          List.of(901L, 900L),
          List.of(o.lineItems.get(0).id, o.lineItems.get(1).id),
          "server's order: " + o);
    }
  }
}
