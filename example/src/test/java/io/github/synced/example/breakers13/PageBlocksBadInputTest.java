package io.github.synced.example.breakers13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.EntryEdits;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edits by key that must be refused at once, naming entity, id, field and key. */
class PageBlocksBadInputTest {
  PageServer server;
  SyncStore<String, Page> store;
  PageMutations pages;

  @BeforeEach
  void start() throws Exception {
    server = new PageServer();
    server.put("p1", "Plan", 1, "a", "b1", "Intro", "b", "b2", "Body", "c", "b3", "End");
    store =
        SyncStore.of(PageSync.TYPE)
            .remote(
                HttpRemote.<String, Page>builder(server.base(), "/pages", new PageJson())
                    .mapper(new ObjectMapper())
                    .build())
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(20)))
            .conflicts(ConflictPolicy.serverWins())
            .build();
    pages = new PageMutations(store);
    store.refetch().get(5, TimeUnit.SECONDS);
    pages.local("p1", p -> p.blocks.get("b").collapsed = true);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Page view() {
    return store.get("p1").orElseThrow();
  }

  void refused(
      UnaryOperator<EntryEdits<String, String, Block, BlockPatch>> edit, String... mustName) {
    String before = view().toString();
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> pages.update("p1", p -> p.editBlocks(edit)));
    String message = String.valueOf(e.getMessage());
    for (String word : mustName) {
      assertTrue(message.contains(word), "message should name " + word + ": " + message);
    }
    assertEquals(before, view().toString(), "store unchanged");
    assertTrue(view().blocks.get("b").collapsed);
    assertTrue(store.pending().isEmpty(), "nothing pending: " + store.pending());
    assertEquals(0, server.patches(), "nothing sent");
  }

  @Test
  void putOfANullKeyIsRefused() {
    refused(e -> e.put(null, new Block("b4", "todo", "x")), "Page", "p1", "blocks");
  }

  @Test
  void putOfANullElementIsRefused() {
    refused(e -> e.put("d", null), "Page", "p1", "blocks", "d");
  }

  @Test
  void putOfAnElementWithoutItsIdIsRefused() {
    refused(e -> e.put("d", new Block(null, "todo", "x")), "Page", "p1", "blocks", "d");
  }

  @Test
  void updateOfAMissingKeyIsRefused() {
    refused(e -> e.update("zz", x -> x.text("x")), "Page", "p1", "blocks", "zz");
  }

  @Test
  void removeOfAMissingKeyIsRefused() {
    refused(e -> e.remove("zz"), "Page", "p1", "blocks", "zz");
  }

  @Test
  void putOfAnIdAnotherKeyHoldsIsRefused() {
    refused(e -> e.put("d", new Block("b2", "todo", "x")), "Page", "p1", "blocks", "d", "b2");
  }

  @Test
  void replacingAKeyWithAnIdAnotherKeyHoldsIsRefused() {
    refused(e -> e.put("b", new Block("b1", "todo", "x")), "Page", "p1", "blocks", "b", "b1");
  }

  @Test
  void anUpdateThatChangesTheElementsIdIsRefused() {
    refused(e -> e.update("a", x -> x.id("b9")), "Page", "p1", "blocks", "a");
  }

  @Test
  void aLaterRefusedEditInTheSameChainLeavesNothingOfTheEarlierOnes() {
    refused(
        e -> e.update("a", x -> x.text("ok")).remove("c").update("zz", x -> x.text("no")),
        "Page",
        "p1",
        "blocks",
        "zz");
    assertEquals("Intro", view().blocks.get("a").text);
    assertTrue(view().blocks.containsKey("c"));
  }

  @Test
  void anUpdateOfAKeyAPendingRemoveTookIsRefusedWhileItIsPending() throws Exception {
    CompletableFuture<Void> gate = server.holdNext();
    Mutation<String, Page> rm = pages.update("p1", p -> p.editBlocks(e -> e.remove("c")));
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> pages.update("p1", p -> p.editBlocks(x -> x.update("c", y -> y.text("late")))));
    assertTrue(e.getMessage().contains("c"), e.getMessage());
    assertEquals(1, store.pending().size());
    gate.complete(null);
    rm.result().get(10, TimeUnit.SECONDS);
    store.idle().get(10, TimeUnit.SECONDS);
    assertFalse(server.page("p1").get("blocks").has("c"));
  }

  @Test
  void anUpdateOfARefusedPutsKeyDoesNothingAndNeverSendsTheRefusedBlock() throws Exception {
    CompletableFuture<Void> gate = server.holdNext();
    server.failNext(422);
    Mutation<String, Page> put =
        pages.update("p1", p -> p.editBlocks(e -> e.put("d", new Block("b4", "todo", "Todo"))));
    Mutation<String, Page> upd =
        pages.update("p1", p -> p.editBlocks(e -> e.update("d", x -> x.text("Todo!"))));
    pages.local("p1", p -> p.blocks.get("d").collapsed = true);
    assertEquals("Todo!", view().blocks.get("d").text);
    gate.complete(null);
    ExecutionException ex =
        assertThrows(ExecutionException.class, () -> put.result().get(10, TimeUnit.SECONDS));
    assertEquals(SyncFailure.Kind.REJECTED, ((SyncFailure) ex.getCause()).kind());
    try {
      upd.result().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException ignored) {
      // either way, nothing of d may reach the server
    }
    store.idle().get(10, TimeUnit.SECONDS);
    assertTrue(upd.isSettled());
    assertFalse(view().blocks.containsKey("d"), view().toString());
    assertFalse(server.page("p1").get("blocks").has("d"));
    for (int i = 1; i < server.patchBodies.size(); i++) {
      assertFalse(server.patchBodies.get(i).contains("b4"), server.patchBodies.get(i));
    }
    assertTrue(view().blocks.get("b").collapsed);
    assertEquals(
        List.of("a", "b", "c"), new ArrayList<>(view().blocks.keySet()), view().toString());
    if (upd.state() == MutationState.CONFIRMED) {
      assertEquals(MutationState.CONFIRMED, upd.state());
    }
  }

  @Test
  void movingABlockToAnotherKeyInOneEditIsAccepted() throws Exception {
    Mutation<String, Page> m =
        pages.update(
            "p1", p -> p.editBlocks(e -> e.remove("a").put("z", new Block("b1", "h1", "Moved"))));
    m.result().get(10, TimeUnit.SECONDS);
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of("b", "c", "z"), new ArrayList<>(view().blocks.keySet()));
    assertEquals("b1", server.page("p1").get("blocks").get("z").get("id").asText());
    assertEquals("Moved", view().blocks.get("z").text);
  }
}
