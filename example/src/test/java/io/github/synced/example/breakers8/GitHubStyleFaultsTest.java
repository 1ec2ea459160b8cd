package io.github.synced.example.breakers8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.example.breakers.Drive;
import io.github.synced.runtime.Change;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lost answers and server errors over real HTTP against a GitHub-style server that ignores
 * Idempotency-Key, configured {@code deduplicatesByKey(false)} as the README says (F6): a lost
 * create or PATCH is decided by reading, never resent blindly; rule 6 with a second writer; a 500
 * named; a seeded random run that converges. From the outside tester of issue 8 (scratch
 * GitHubStyleHttpTest).
 */
class GitHubStyleFaultsTest extends GitHubStyleHarness {

  /** F6: with deduplicatesByKey(false) a create whose answer was lost is applied once. */
  @Test
  void droppedCreateAnswerIsFoundByReadingNotCreatedTwice() {
    connect();
    server.once(method("POST"), new GitHubStyleServer.DropAfterCommit());
    Mutation<Long, Repo> c = repos.create(new Repo("once", "only", 1));
    Drive.settled(clock, c);
    quiet();
    assertEquals(MutationState.CONFIRMED, c.state(), () -> "" + c.error());
    assertEquals(1, count("POST"), "never resent blindly");
    assertEquals(3, server.rows().size(), "created exactly once");
    assertEquals(3L, c.id());
    assertClientEqualsServer();
  }

  @Test
  void droppedPatchAnswerIsDecidedByReading() {
    connect();
    server.once(method("PATCH"), new GitHubStyleServer.DropAfterCommit());
    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(12));
    Drive.settled(clock, m);
    assertEquals(
        MutationState.CONFIRMED, m.state(), "never reported failed when the server has it");
    assertEquals(1, count("PATCH"), "never resent blindly");
    quiet();
    assertClientEqualsServer();
  }

  @Test
  void fiveHundredsUntilTheRetriesRunOutRollBackOnceNamingEntityIdAndWhatTheServerSaid() {
    connect();
    for (int i = 0; i < 10; i++) {
      server.once(
          method("PATCH"), new GitHubStyleServer.Fail(500, "{\"message\":\"Server Error\"}"));
    }
    List<Change<Long, Repo>> rollbacks = Repos.rollbacks(store);
    Mutation<Long, Repo> m = repos.update(1L, p -> p.stars(99));
    Drive.settled(clock, m);
    assertEquals(MutationState.ROLLED_BACK, m.state());
    String msg = m.error().orElseThrow().getMessage();
    assertTrue(msg.contains("Repo '1'") && msg.contains("Server Error"), msg);
    assertEquals(1, rollbacks.size());
    assertEquals(10, store.get(1L).orElseThrow().getStars());
  }

  /** The server commits the next PATCH but its answer is lost; the store's read of it is held. */
  private GitHubStyleServer.HoldBefore dropThePatchAnswerAndHoldTheRead() {
    server.once(method("PATCH"), new GitHubStyleServer.DropAfterCommit());
    return server.once(get(1), new GitHubStyleServer.HoldBefore());
  }

  /** Once the store reads repo 1 to decide, another writer stars it; then the read goes on. */
  private void anotherWriterStarsItWhileTheStoreReads(GitHubStyleServer.HoldBefore read) {
    Drive.until(clock, read.reached(), "the store reads repo 1");
    server.editBehindTheClient(1L, "stars", 777);
    read.release().countDown();
  }

  /** Rule 6: a PATCH the server applied, then another writer's edit, is never reported failed. */
  @Test
  void droppedPatchAnswerThenAnotherWriterEditsAnotherFieldIsConfirmed() {
    connect();
    GitHubStyleServer.HoldBefore read = dropThePatchAnswerAndHoldTheRead();
    Mutation<Long, Repo> m = repos.update(1L, p -> p.description("ours"));
    anotherWriterStarsItWhileTheStoreReads(read);
    Drive.settled(clock, m);
    quiet();
    assertEquals("ours", server.rows().get(1L).get("description").asText());
    assertEquals(MutationState.CONFIRMED, m.state(), () -> "" + m.error());
    assertEquals(1, count("PATCH"), "never resent blindly");
    assertClientEqualsServer();
  }

  @Test
  void droppedPatchAnswerWithAnotherMutationQueuedAndAnotherWriterIsConfirmed() {
    connect();
    GitHubStyleServer.HoldBefore read = dropThePatchAnswerAndHoldTheRead();
    Mutation<Long, Repo> m = repos.update(1L, p -> p.name("ours"));
    Mutation<Long, Repo> next = repos.update(1L, p -> p.description("queued behind"));
    anotherWriterStarsItWhileTheStoreReads(read);
    Drive.settled(clock, m);
    Drive.settled(clock, next);
    quiet();
    assertEquals("ours", server.rows().get(1L).get("name").asText());
    assertEquals("ours", store.get(1L).orElseThrow().getName());
    assertEquals(MutationState.CONFIRMED, m.state(), () -> "" + m.error());
    assertEquals(MutationState.CONFIRMED, next.state(), () -> "" + next.error());
    assertClientEqualsServer();
  }

  @Test
  void seededRandomEditsUnderFaultsConverge() {
    long seed = 8;
    System.out.println("GitHubStyleFaultsTest.seededRandomEditsUnderFaultsConverge seed " + seed);
    connect();
    Random rnd = new Random(seed);
    List<Mutation<Long, Repo>> all = new ArrayList<>();
    Map<Long, Boolean> expanded = new HashMap<>();
    for (int i = 0; i < 120; i++) {
      if (rnd.nextInt(10) == 0) {
        server.once(
            method("PATCH"),
            new GitHubStyleServer.Fail(503, "{\"message\":\"busy\"}", List.of("Retry-After", "0")));
      }
      if (rnd.nextInt(15) == 0) {
        server.once(method("PATCH"), new GitHubStyleServer.DropAfterCommit());
      }
      if (rnd.nextInt(12) == 0) {
        server.editBehindTheClient(1L + rnd.nextInt(2), "stars", rnd.nextInt(1000));
      }
      long id = 1L + rnd.nextInt(2);
      int n = i;
      switch (rnd.nextInt(4)) {
        case 0 -> all.add(repos.update(id, p -> p.description("d" + n)));
        case 1 -> all.add(repos.update(id, p -> p.stars(n)));
        case 2 -> all.add(repos.update(id, p -> p.name("name" + n)));
        default -> {
          boolean v = rnd.nextBoolean();
          repos.local(id, r -> r.setExpanded(v));
          expanded.put(id, v);
        }
      }
    }
    all.forEach(m -> Drive.settled(clock, m));
    quiet();
    assertClientEqualsServer();
    expanded.forEach((id, v) -> assertEquals(v, store.get(id).orElseThrow().isExpanded()));
  }
}
