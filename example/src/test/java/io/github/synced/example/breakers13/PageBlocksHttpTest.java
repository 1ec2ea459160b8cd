package io.github.synced.example.breakers13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Notion-like page whose blocks are a map of @Synced values, over real HTTP on loopback. */
class PageBlocksHttpTest {
  PageServer server;
  SyncStore<String, Page> store;
  PageMutations pages;

  @BeforeEach
  void start() throws Exception {
    server = new PageServer();
    server.put("p1", "Plan", 1, "a", "b1", "Intro", "b", "b2", "Body", "c", "b3", "End");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void connect(ConflictPolicy<Page> policy) throws Exception {
    store =
        SyncStore.of(PageSync.TYPE)
            .remote(
                HttpRemote.<String, Page>builder(server.base(), "/pages", new PageJson())
                    .mapper(new ObjectMapper())
                    .requestTimeout(Duration.ofSeconds(5))
                    .build())
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(20)))
            .conflicts(policy)
            .build();
    pages = new PageMutations(store);
    store.refetch().get(5, TimeUnit.SECONDS);
  }

  void connect() throws Exception {
    connect(ConflictPolicy.serverWins());
  }

  Page view() {
    return store.get("p1").orElseThrow();
  }

  static Page settle(Mutation<String, Page> m) throws Exception {
    return m.result().get(10, TimeUnit.SECONDS);
  }

  static SyncFailure failure(Mutation<String, Page> m) throws Exception {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> m.result().get(10, TimeUnit.SECONDS));
    return (SyncFailure) e.getCause();
  }

  void idle() throws Exception {
    store.idle().get(10, TimeUnit.SECONDS);
  }

  String serverText(String key) {
    ObjectNode b = (ObjectNode) server.page("p1").get("blocks").get(key);
    return b == null ? null : b.get("text").asText();
  }

  void collapse(String... keys) {
    pages.local(
        "p1",
        p -> {
          for (String k : keys) {
            p.blocks.get(k).collapsed = true;
          }
        });
  }

  @Test
  void typedLocalCollapsesABlockWithoutSendingAndARefetchKeepsIt() throws Exception {
    connect();
    collapse("b");
    assertTrue(view().blocks.get("b").collapsed);
    server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks").get("b")).put("text", "Body v2"));
    store.refetch().get(5, TimeUnit.SECONDS);
    assertEquals("Body v2", view().blocks.get("b").text);
    assertTrue(view().blocks.get("b").collapsed);
    assertFalse(view().blocks.get("a").collapsed);
    assertEquals(0, server.patches());
  }

  @Test
  void refusedEntryEditRollsBackAloneWhileAnotherIsPending() throws Exception {
    connect();
    collapse("b", "c");
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> bad =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("FORBIDDEN words"))));
    Mutation<String, Page> good =
        pages.update("p1", p -> p.editBlocks(e -> e.update("c", x -> x.text("The end"))));
    assertEquals("FORBIDDEN words", view().blocks.get("b").text);
    assertEquals("The end", view().blocks.get("c").text);
    gate.complete(null);
    SyncFailure f = failure(bad);
    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    settle(good);
    idle();
    assertEquals("Body", view().blocks.get("b").text);
    assertEquals("The end", view().blocks.get("c").text);
    assertTrue(view().blocks.get("b").collapsed);
    assertTrue(view().blocks.get("c").collapsed);
    assertEquals("Body", serverText("b"));
    assertEquals("The end", serverText("c"));
    for (int i = 1; i < server.patchBodies.size(); i++) {
      assertFalse(server.patchBodies.get(i).contains("FORBIDDEN"), server.patchBodies.get(i));
    }
  }

  @Test
  void refusedRemoveComesBackInPlaceWithItsCollapsed() throws Exception {
    connect();
    collapse("b");
    server.failNext(422);
    Mutation<String, Page> m = pages.update("p1", p -> p.editBlocks(e -> e.remove("b")));
    assertEquals(List.of("a", "c"), new ArrayList<>(view().blocks.keySet()));
    assertEquals(SyncFailure.Kind.REJECTED, failure(m).kind());
    idle();
    assertEquals(List.of("a", "b", "c"), new ArrayList<>(view().blocks.keySet()));
    assertTrue(view().blocks.get("b").collapsed);
    assertEquals("Body", view().blocks.get("b").text);
  }

  @Test
  void refusedPutDisappearsAndOthersKeepTheirState() throws Exception {
    connect();
    collapse("a");
    Mutation<String, Page> m =
        pages.update(
            "p1", p -> p.editBlocks(e -> e.put("d", new Block("b4", "todo", "FORBIDDEN todo"))));
    assertEquals(List.of("a", "b", "c", "d"), new ArrayList<>(view().blocks.keySet()));
    assertEquals(SyncFailure.Kind.REJECTED, failure(m).kind());
    idle();
    assertEquals(List.of("a", "b", "c"), new ArrayList<>(view().blocks.keySet()));
    assertTrue(view().blocks.get("a").collapsed);
    assertNull(server.page("p1").get("blocks").get("d"));
  }

  @Test
  void addedBlockCollapsedWhilePendingSurvivesARefetchAndItsConfirm() throws Exception {
    connect();
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.put("d", new Block("b4", "todo", "Buy"))));
    collapse("d");
    server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks").get("a")).put("text", "Intro!"));
    store.refetch().get(5, TimeUnit.SECONDS);
    assertTrue(view().blocks.get("d").collapsed, "after refetch: " + view());
    assertEquals("Intro!", view().blocks.get("a").text);
    gate.complete(null);
    settle(m);
    idle();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(view().blocks.get("d").collapsed, "after confirm: " + view());
    assertEquals("Intro!", serverText("a"));
    assertEquals("Buy", serverText("d"));
  }

  @Test
  void anAnswerThatLeavesOutTextIsTakenAsWritten() throws Exception {
    connect();
    collapse("b");
    server.answerNext(PageServer.Answer.OMIT_TEXT);
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("Body 2"))));
    Page confirmed = settle(m);
    idle();
    assertEquals("Body 2", confirmed.blocks.get("b").text);
    assertEquals("Body 2", view().blocks.get("b").text);
    assertEquals("Intro", view().blocks.get("a").text);
    assertEquals("End", view().blocks.get("c").text);
    assertTrue(view().blocks.get("b").collapsed);
    assertEquals(2, view().version);
  }

  @Test
  void anAnswerThatReKeysBlocksByIdKeepsEachBlocksCollapsed() throws Exception {
    connect();
    collapse("b");
    server.keyById = true;
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("a", x -> x.text("Intro 2"))));
    settle(m);
    idle();
    assertEquals(List.of("b1", "b2", "b3"), new ArrayList<>(view().blocks.keySet()));
    assertTrue(view().blocks.get("b2").collapsed, view().toString());
    assertFalse(view().blocks.get("b1").collapsed);
    assertEquals("Intro 2", view().blocks.get("b1").text);
  }

  @Test
  void aReKeyingAnswerThatLeavesOutTextIsMatchedById() throws Exception {
    connect();
    collapse("c");
    server.keyById = true;
    server.answerNext(PageServer.Answer.OMIT_TEXT);
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("c", x -> x.text("Fin"))));
    settle(m);
    idle();
    assertEquals("Fin", view().blocks.get("b3").text, view().toString());
    assertEquals("Intro", view().blocks.get("b1").text, view().toString());
    assertTrue(view().blocks.get("b3").collapsed);
  }

  @Test
  void anEmpty204AnswerConfirmsWhatWasWritten() throws Exception {
    connect();
    collapse("a");
    server.answerNext(PageServer.Answer.NO_CONTENT);
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("a", x -> x.text("Hi")).remove("c")));
    settle(m);
    idle();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of("a", "b"), new ArrayList<>(view().blocks.keySet()));
    assertEquals("Hi", view().blocks.get("a").text);
    assertTrue(view().blocks.get("a").collapsed);
    store.refetch().get(5, TimeUnit.SECONDS);
    assertEquals("Hi", view().blocks.get("a").text);
    assertTrue(view().blocks.get("a").collapsed);
    assertEquals(2, view().version);
  }

  @Test
  void aDroppedAnswerAfterApplyingIsResolvedOnceAndKeepsCollapsed() throws Exception {
    connect();
    collapse("b");
    server.answerNext(PageServer.Answer.DROP);
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("Body 3"))));
    settle(m);
    idle();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(1, server.appliedBodies.size());
    assertEquals("Body 3", view().blocks.get("b").text);
    assertTrue(view().blocks.get("b").collapsed);
    assertEquals(2, view().version);
  }

  @Test
  void theirChangeToAnotherBlockAndOursBothSurviveA412() throws Exception {
    connect();
    collapse("b", "c");
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("Ours"))));
    server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks").get("c")).put("text", "Theirs"));
    gate.complete(null);
    settle(m);
    idle();
    assertEquals("Ours", serverText("b"));
    assertEquals("Theirs", serverText("c"));
    assertEquals("Ours", view().blocks.get("b").text);
    assertEquals("Theirs", view().blocks.get("c").text);
    assertTrue(view().blocks.get("b").collapsed);
    assertTrue(view().blocks.get("c").collapsed);
  }

  @Test
  void sameBlockSameFieldDefaultServerWinsKeepsTheirsAndCollapsed() throws Exception {
    connect();
    collapse("b");
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update(
            "p1",
            p ->
                p.editBlocks(
                    e -> e.update("b", x -> x.text("Ours")).update("a", x -> x.type("h1"))));
    server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks").get("b")).put("text", "Theirs"));
    gate.complete(null);
    try {
      settle(m);
    } catch (ExecutionException ignored) {
      // either outcome is acceptable; the state is what matters
    }
    idle();
    assertEquals("Theirs", serverText("b"));
    assertEquals("h1", server.page("p1").get("blocks").get("a").get("type").asText());
    assertEquals("Theirs", view().blocks.get("b").text);
    assertEquals("h1", view().blocks.get("a").type);
    assertTrue(view().blocks.get("b").collapsed);
  }

  @Test
  void resolveWithPathsIsToldTheKeyedPathAndKeepingOursWins() throws Exception {
    List<List<String>> told = new ArrayList<>();
    connect(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              told.add(List.copyOf(paths));
              return mine;
            }));
    collapse("b");
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("Ours"))));
    server.otherWriter(
        "p1",
        p -> {
          ((ObjectNode) p.get("blocks").get("b")).put("text", "Theirs");
          ((ObjectNode) p.get("blocks").get("c")).put("text", "Theirs too");
        });
    gate.complete(null);
    settle(m);
    idle();
    assertEquals(List.of(List.of("blocks[b].text")), told);
    assertEquals("Ours", serverText("b"));
    assertEquals("Theirs too", serverText("c"));
    assertEquals("Ours", view().blocks.get("b").text);
    assertTrue(view().blocks.get("b").collapsed);
  }

  @Test
  void anUpdateOfABlockTheyRemovedIsAConflictOnTheEntryPath() throws Exception {
    List<List<String>> told = new ArrayList<>();
    connect(
        ConflictPolicy.resolveWithPaths(
            (base, mine, theirs, paths) -> {
              told.add(List.copyOf(paths));
              return theirs;
            }));
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("Ours"))));
    server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks")).remove("b"));
    gate.complete(null);
    try {
      settle(m);
    } catch (ExecutionException ignored) {
      // the state is what matters
    }
    idle();
    assertEquals(List.of(List.of("blocks[b]")), told);
    assertNull(server.page("p1").get("blocks").get("b"));
    assertFalse(view().blocks.containsKey("b"), view().toString());
  }

  @Test
  void anUpdateBoundToTheOldBlockDoesNothingToTheBlockTheyPutAtItsKey() throws Exception {
    connect();
    collapse("b");
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update(
            "p1",
            p ->
                p.editBlocks(
                    e -> e.update("b", x -> x.text("Ours")).update("c", x -> x.text("C2"))));
    server.otherWriter(
        "p1",
        p -> {
          ObjectNode nb = ((ObjectNode) p.get("blocks")).putObject("b");
          nb.put("id", "b9");
          nb.put("type", "quote");
          nb.put("text", "Quote");
        });
    gate.complete(null);
    try {
      settle(m);
    } catch (ExecutionException ignored) {
      // the state is what matters
    }
    idle();
    assertEquals("b9", server.page("p1").get("blocks").get("b").get("id").asText());
    assertEquals("Quote", serverText("b"));
    assertEquals("C2", serverText("c"));
    assertEquals("b9", view().blocks.get("b").id);
    assertEquals("Quote", view().blocks.get("b").text);
    assertFalse(view().blocks.get("b").collapsed, "b9 is a new block: " + view());
  }

  @Test
  void aPendingUpdateIsRebasedOnARefetchThatChangedAnotherBlock() throws Exception {
    connect();
    collapse("a");
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> m =
        pages.update("p1", p -> p.editBlocks(e -> e.update("b", x -> x.text("Ours"))));
    server.otherWriter("p1", p -> ((ObjectNode) p.get("blocks").get("a")).put("text", "A2"));
    store.refetch().get(5, TimeUnit.SECONDS);
    assertEquals("A2", view().blocks.get("a").text);
    assertEquals("Ours", view().blocks.get("b").text);
    assertTrue(view().blocks.get("a").collapsed);
    gate.complete(null);
    settle(m);
    idle();
    assertEquals("A2", serverText("a"));
    assertEquals("Ours", serverText("b"));
  }
}
