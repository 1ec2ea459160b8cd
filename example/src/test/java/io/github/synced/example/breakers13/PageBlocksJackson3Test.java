package io.github.synced.example.breakers13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same map answers read through Jackson 3, and a page whose blocks are null. */
class PageBlocksJackson3Test {
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
                    .jackson3(new tools.jackson.databind.ObjectMapper())
                    .build())
            .notifyOn(Runnable::run)
            .retry(
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(20)))
            .conflicts(ConflictPolicy.serverWins())
            .build();
    pages = new PageMutations(store);
    store.refetch().get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Page view() {
    return store.get("p1").orElseThrow();
  }

  @Test
  void aReKeyingAnswerWithoutTextsIsTakenAsWrittenByIdThroughJackson3() throws Exception {
    pages.local("p1", p -> p.blocks.get("c").collapsed = true);
    server.keyById = true;
    server.answerNext(PageServer.Answer.OMIT_TEXT);
    Mutation<String, Page> m =
        pages.update(
            "p1",
            p ->
                p.editBlocks(
                    e -> e.update("c", x -> x.text("Fin")).put("d", new Block("b4", "todo", "D"))));
    m.result().get(10, TimeUnit.SECONDS);
    store.idle().get(10, TimeUnit.SECONDS);
    assertEquals(List.of("b1", "b2", "b3", "b4"), new ArrayList<>(view().blocks.keySet()));
    assertEquals("Fin", view().blocks.get("b3").text);
    assertEquals("D", view().blocks.get("b4").text);
    assertEquals("Intro", view().blocks.get("b1").text);
    assertTrue(view().blocks.get("b3").collapsed);
    assertFalse(view().blocks.get("b4").collapsed);
  }

  @Test
  void aPutIntoAPageWhoseBlocksAreNullIsEitherAppliedOrRefusedClearly() throws Exception {
    server.putRaw("p2", "{\"id\":\"p2\",\"title\":\"Empty\",\"version\":1,\"blocks\":null}");
    store.refetch().get(5, TimeUnit.SECONDS);
    Mutation<String, Page> m;
    try {
      m = pages.update("p2", p -> p.editBlocks(e -> e.put("a", new Block("b1", "p", "First"))));
    } catch (IllegalArgumentException | IllegalStateException refused) {
      String message = String.valueOf(refused.getMessage());
      assertTrue(message.contains("p2") && message.contains("blocks"), message);
      return;
    }
    try {
      m.result().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("accepted at once, then failed: " + e.getCause(), e.getCause());
    }
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("First", store.get("p2").orElseThrow().blocks.get("a").text);
    assertEquals("b1", server.page("p2").get("blocks").get("a").get("id").asText());
  }
}
