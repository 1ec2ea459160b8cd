package io.github.synced.example.soak.contract;

import static io.github.synced.example.soak.contract.Clients.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Task;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskMutations;
import io.github.synced.example.TaskSync;
import io.github.synced.example.server.Faults;
import io.github.synced.example.server.Personality;
import io.github.synced.example.server.TaskServer;
import io.github.synced.example.soak.Soak;
import io.github.synced.example.soak.SoakSettings;
import io.github.synced.example.soak.TaskSubject;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 6: once any attempt's outcome is unknown, the server's state decides when retries run out;
 * never report a failure the server may have applied. (Issue 7, item 2.)
 *
 * <p>Before the fix (issue 7): the first attempt commits but its answer is dropped; attempts 2 to 5
 * get 503; the store rolls the mutation back ("gave up after 5 attempts") without asking the
 * server, which has it. For a create the server keeps an entity the client never shows.
 */
class Rule6UnknownOutcomeDecidedByTheServerWhenRetriesRunOutTest {

  private TaskServer server;
  private SyncStore<String, Task> store;
  private TaskMutations tasks;

  @BeforeEach
  void start() throws Exception {
    server = TaskServer.start(1L, Faults.none());
    server.addTask("Buy milk", false);
    ObjectMapper mapper = new ObjectMapper();
    store = Clients.store(server.rest(), TaskSync.TYPE, new TaskJson(), mapper);
    tasks = new TaskMutations(store);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void dropThenFourUnavailable() {
    server.dropNextWriteResponse();
    for (int i = 0; i < 4; i++) {
      server.failNextWrite(503);
    }
  }

  @Test
  void anUpdateCommittedThenAnsweredOnlyWith503sIsConfirmed() throws Exception {
    dropThenFourUnavailable();

    Mutation<String, Task> m = tasks.update("t1", p -> p.title("Buy oat milk"));
    settled(m);

    assertEquals("Buy oat milk", server.snapshot().get("t1").title(), "the server applied it");
    assertEquals(MutationState.CONFIRMED, m.state(), "never a failure the server applied");
    assertEquals("Buy oat milk", store.get("t1").orElseThrow().getTitle());
  }

  @Test
  void aCreateCommittedThenAnsweredOnlyWith503sIsConfirmedNotOrphaned() throws Exception {
    dropThenFourUnavailable();

    Mutation<String, Task> m = tasks.create(new Task(null, "Walk the dog", false, 0));
    settled(m);

    assertEquals("Walk the dog", server.snapshot().get("t2").title(), "the server applied it");
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("t2", m.id());
    assertEquals("Walk the dog", store.get("t2").orElseThrow().getTitle());
  }

  @Test
  void theSoakWithTheDefaultFiveAttemptsReportsNoAppliedWriteAsFailed() throws Exception {
    Clients.soakHolds(
        Soak.Config.standard(Personality.tasks(), SoakSettings.seed(), 3 * SoakSettings.mutations())
            .withoutEarlyArrivals()
            .withFaults(
                Soak.Config.standardFaults()
                    .withErrorRate(500, 0.15)
                    .withErrorRate(503, 0.15)
                    .withDropRate(0.2)),
        new TaskSubject());
  }
}
