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
import io.github.synced.example.server.ServerTask;
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
 * Rule 3: an answer to a write means the write was accepted; written fields the answer leaves out
 * count as written, so a version-only answer confirms the written values at the new version. (Issue
 * 7, item 1.)
 *
 * <p>Before the fix (issue 7): {@code PATCH /tasks/t1 {"title": "Buy oat milk", "done": true}}
 * answered {@code 200 {"updatedAt": 2}} is CONFIRMED, and the view shows the old title and done
 * with the new version ({@code CONFIRM title: "Buy oat milk" → "Buy milk"}); client and server
 * disagree until a refetch.
 */
class Rule3VersionOnlyAnswerConfirmsTheWrittenValuesTest {

  private static final Personality VERSION_ANSWERS =
      Personality.versionOnly().withUpdateAnswer("version-answers", Personality.Answer.VERSION);

  private TaskServer server;
  private SyncStore<String, Task> store;
  private TaskMutations tasks;

  @BeforeEach
  void start() throws Exception {
    server = TaskServer.start(VERSION_ANSWERS, 1L, Faults.none());
    server.addTask("Buy milk", false);
    ObjectMapper mapper = new ObjectMapper();
    store = Clients.store(server.rest(), TaskSync.TYPE, new TaskJson(), mapper);
    tasks = new TaskMutations(store);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aVersionOnlyAnswerKeepsTheWrittenValuesAtTheNewVersion() throws Exception {
    Mutation<String, Task> m = tasks.update("t1", p -> p.title("Buy oat milk").done(true));
    settled(m);

    ServerTask onServer = server.snapshot().get("t1");
    Task shown = store.get("t1").orElseThrow();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("Buy oat milk", shown.getTitle());
    assertEquals(true, shown.isDone());
    assertEquals(onServer.updatedAt(), shown.getUpdatedAt());
  }

  @Test
  void theSoakOfAServerThatAnswersUpdatesWithTheVersionOnlyFindsNoViolation() throws Exception {
    Clients.soakHolds(
        Soak.Config.standard(VERSION_ANSWERS, SoakSettings.seed(), SoakSettings.mutations())
            .withMaxAttempts(8)
            .withoutEarlyArrivals(),
        new TaskSubject());
  }
}
