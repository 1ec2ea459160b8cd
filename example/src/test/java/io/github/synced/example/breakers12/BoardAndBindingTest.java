package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.cause;
import static io.github.synced.example.breakers12.Fixtures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A Set of elements through an in-memory remote; nested objects bound by id; bad nested data. */
class BoardAndBindingTest {

  static Board board(long version, List<Column> columns) {
    return new Board("b1", "Sprint", columns, version);
  }

  @Test
  void setOfColumnsTwoPendingEditsAPushAndARefusedRemoveThatComesBackFolded() {
    HeldRemote<String, Board> remote = new HeldRemote<>(b -> b.id);
    SyncStore<String, Board> store =
        SyncStore.of(BoardSync.TYPE)
            .remote(remote)
            .notifyOn(Runnable::run)
            .retry(RetryPolicy.none())
            .build();
    BoardMutations boards = new BoardMutations(store);
    store.load(
        List.of(
            board(
                1,
                List.of(
                    new Column("c1", "Todo", 5),
                    new Column("c2", "Doing", 3),
                    new Column("c3", "Done", 0)))));
    store.local(
        "b1",
        b -> {
          b.column("c1").folded = true;
          b.column("c2").folded = true;
          b.column("c3").folded = true;
        });
    Mutation<String, Board> rename =
        boards.update("b1", p -> p.editColumns(s -> s.update("c1", x -> x.name("Backlog"))));
    Mutation<String, Board> remove = boards.update("b1", p -> p.editColumns(s -> s.remove("c2")));
    assertEquals(List.of("c1", "c3"), store.get("b1").orElseThrow().columnIds());
    HeldRemote.Sent<String, Board> first = remote.next();
    // another writer: c3 renamed, c4 added, order changed
    store.receive(
        board(
            2,
            List.of(
                new Column("c3", "Shipped", 0),
                new Column("c1", "Todo", 5),
                new Column("c2", "Doing", 3),
                new Column("c4", "Review", 2))));
    Board during = store.get("b1").orElseThrow();
    assertEquals(List.of("c3", "c1", "c4"), during.columnIds(), "" + during);
    assertEquals("Backlog", during.column("c1").name);
    assertEquals("Shipped", during.column("c3").name);
    assertTrue(during.column("c1").folded && during.column("c3").folded, "" + during);
    first
        .answer()
        .complete(
            Reply.entity(
                board(
                    3,
                    List.of(
                        new Column("c3", "Shipped", 0),
                        new Column("c1", "Backlog", 5),
                        new Column("c2", "Doing", 3),
                        new Column("c4", "Review", 2)))));
    await(rename.result());
    HeldRemote.Sent<String, Board> second = remote.next();
    assertFalse(second.write().toString().contains("folded"), "" + second.write());
    second.answer().completeExceptionally(SyncFailure.rejected(422, "column c2 is not empty"));
    assertEquals(SyncFailure.Kind.REJECTED, failure(remove).kind());
    await(store.idle());
    Board b = store.get("b1").orElseThrow();
    assertEquals(List.of("c3", "c1", "c2", "c4"), b.columnIds(), "" + b);
    assertTrue(b.column("c2").folded, "c2 comes back folded: " + b);
    assertTrue(b.column("c1").folded && b.column("c3").folded, "" + b);
    assertFalse(b.column("c4").folded);
    assertEquals("Backlog", b.column("c1").name);
    assertEquals(3L, b.version);
  }

  @Test
  void generatedMutationsOfAnEntityWhoseOnlyLocalOnlyStateIsInItsElementsHaveLocal() {
    // TaskMutations has local(id, edit) (README: "TaskMutations (generated): the same edits
    // typed");
    // an entity whose local-only state lives only in its elements (a board's folded columns, an
    // order's selected line items, a page's collapsed blocks) should get it too.
    List<String> missing = new java.util.ArrayList<>();
    for (Class<?> c : List.of(BoardMutations.class, OrderMutations.class, PageMutations.class)) {
      boolean has = false;
      for (java.lang.reflect.Method m : c.getMethods()) {
        has |= m.getName().equals("local");
      }
      if (!has) {
        missing.add(c.getSimpleName());
      }
    }
    assertEquals(List.of(), missing, "generated XMutations without local(id, edit)");
  }

  JsonServer server;

  SyncStore<String, Issue> issues(ConflictPolicy<Issue> policy) {
    server = new JsonServer("/issues", true, false, 100);
    server.put(IssueHttpTest.I1);
    SyncStore<String, Issue> store =
        SyncStore.of(IssueSync.TYPE)
            .remote(
                HttpRemote.<String, Issue>builder(server.base(), "/issues", new IssueJson())
                    .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
                    .requestTimeout(Duration.ofSeconds(5))
                    .build())
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40)))
            .conflicts(policy)
            .build();
    await(store.refetch());
    return store;
  }

  @Test
  void anEditBoundToAReassignedPersonDoesNothingToTheOneBackAfterTheRefusal() {
    SyncStore<String, Issue> store = issues(ConflictPolicy.serverWins());
    try (JsonServer s = server) {
      IssueMutations im = new IssueMutations(store);
      s.validator =
          n -> n.get("assignee").get("id").asText().equals("u2") ? "u2 is on leave" : null;
      CountDownLatch gate = new CountDownLatch(1);
      s.gate = gate;
      Mutation<String, Issue> reassign =
          im.update("i1", p -> p.assignee(new Person("u2", "Cy", "cy@x.io")));
      Mutation<String, Issue> email =
          im.update("i1", p -> p.editAssignee(o -> o.email("cy@home.io")));
      assertEquals("cy@home.io", store.get("i1").orElseThrow().assignee.email);
      gate.countDown();
      assertEquals(SyncFailure.Kind.REJECTED, failure(reassign).kind());
      email.result().handle((v, e) -> null).join();
      await(store.idle());
      Issue i = store.get("i1").orElseThrow();
      assertEquals("u1", i.assignee.id);
      assertEquals("ann@x.io", i.assignee.email, "bound to u2: nothing done to u1: " + i);
      assertEquals("ann@x.io", s.row("i1").get("assignee").get("email").asText());
    }
  }

  @Test
  void anotherWriterReassigningMeetsOurEditOfTheOldAssigneeAndServerWins() {
    SyncStore<String, Issue> store = issues(ConflictPolicy.serverWins());
    try (JsonServer s = server) {
      IssueMutations im = new IssueMutations(store);
      s.otherWriter(
          "i1",
          n -> n.putObject("assignee").put("id", "u3").put("name", "Dee").put("email", "dee@x.io"));
      Mutation<String, Issue> m =
          im.update(
              "i1", p -> p.editAssignee(o -> o.name("Ann Lee")).title("Checkout broken on Safari"));
      m.result().handle((v, e) -> null).join();
      await(store.idle());
      ObjectNode row = s.row("i1");
      assertEquals("u3", row.get("assignee").get("id").asText());
      assertEquals(
          "Dee", row.get("assignee").get("name").asText(), "our edit of u1 never lands on u3");
      Issue i = store.get("i1").orElseThrow();
      assertEquals("Dee", i.assignee.name, "" + i);
      assertEquals(
          "Checkout broken on Safari",
          row.get("title").asText(),
          "our disjoint title survives: " + row);
    }
  }

  @Test
  void aNestedObjectWithoutItsIdInTheServersJsonIsBadDataNamingTheField() {
    SyncStore<String, Issue> store = issues(ConflictPolicy.serverWins());
    try (JsonServer s = server) {
      s.otherWriter("i1", n -> ((ObjectNode) n.get("assignee")).remove("id"));
      Throwable t = cause(store.refetch("i1"));
      Throwable bad = t;
      while (bad != null && !(bad instanceof BadServerDataException)) {
        bad = bad.getCause();
      }
      assertNotNull(bad, "a BadServerDataException: " + t);
      assertEquals("assignee", ((BadServerDataException) bad).field(), bad.getMessage());
      assertEquals("u1", store.get("i1").orElseThrow().assignee.id, "store unchanged");
    }
  }

  @Test
  void aNullElementInTheServersListIsBadDataNamingFieldAndIndex() {
    SyncStore<String, Issue> store = issues(ConflictPolicy.serverWins());
    try (JsonServer s = server) {
      s.otherWriter("i1", n -> ((ArrayNode) n.get("subIssues")).insertNull(1));
      Throwable t = cause(store.refetch("i1"));
      Throwable bad = t;
      while (bad != null && !(bad instanceof BadServerDataException)) {
        bad = bad.getCause();
      }
      assertNotNull(bad, "a BadServerDataException: " + t);
      assertEquals("subIssues", ((BadServerDataException) bad).field(), bad.getMessage());
      assertTrue(bad.getMessage().contains("1"), bad.getMessage());
      assertEquals(3, store.get("i1").orElseThrow().subIssues.size(), "store unchanged");
    }
  }
}
