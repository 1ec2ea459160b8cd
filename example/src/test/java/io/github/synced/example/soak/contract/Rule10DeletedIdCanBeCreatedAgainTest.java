package io.github.synced.example.soak.contract;

import static io.github.synced.example.soak.contract.Clients.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Note;
import io.github.synced.example.NoteJson;
import io.github.synced.example.NoteMutations;
import io.github.synced.example.NoteSync;
import io.github.synced.example.server.Faults;
import io.github.synced.example.server.HeldResponse;
import io.github.synced.example.server.Personality;
import io.github.synced.example.server.RestServer;
import io.github.synced.example.soak.NoteSubject;
import io.github.synced.example.soak.Soak;
import io.github.synced.example.soak.SoakSettings;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule 10: a deleted id can be created again. json-server (and this json-server-like personality)
 * gives a new note the largest id + 1, so deleting the newest note and creating one gives the new
 * note the deleted id. (Issue 7, item 3.)
 *
 * <p>Before the fix (issue 7): (1) when the delete was confirmed first, the create is CONFIRMED and
 * the note then vanishes from the store (the deleted id's tombstone removes it), though the server
 * has it; (2) when the delete's answer is still on its way, the create's answer is refused ("the
 * server assigned id '3', which another entity with pending mutations holds") and the create is
 * ROLLED BACK, though the server applied it.
 */
class Rule10DeletedIdCanBeCreatedAgainTest {

  private RestServer server;
  private SyncStore<Long, Note> store;
  private NoteMutations notes;

  @BeforeEach
  void start() throws Exception {
    server = RestServer.start(Personality.jsonServer(), 1L, Faults.none());
    ObjectMapper mapper = new ObjectMapper();
    for (String text : new String[] {"one", "two", "three"}) {
      server.add(mapper.createObjectNode().put("text", text));
    }
    store = Clients.store(server, NoteSync.TYPE, new NoteJson(), mapper);
    notes = new NoteMutations(store);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCreateThatGetsTheIdOfAConfirmedDeleteShowsTheNewNote() throws Exception {
    Mutation<Long, Note> delete = notes.delete(3L);
    settled(delete);
    assertEquals(MutationState.CONFIRMED, delete.state());

    Mutation<Long, Note> create = notes.create(new Note(0, "three again", 1));
    settled(create);

    assertEquals("three again", server.snapshot().get("3").get("text").textValue());
    assertEquals(MutationState.CONFIRMED, create.state());
    assertEquals(3L, create.id());
    assertTrue(store.get(3L).isPresent(), "the new note 3 is shown: " + store.all());
    assertEquals("three again", store.get(3L).orElseThrow().getText());
  }

  @Test
  void aCreateThatGetsTheIdOfADeleteStillUnansweredIsConfirmed() throws Exception {
    HeldResponse deleteAnswer = server.holdNextWriteResponse();
    Mutation<Long, Note> delete = notes.delete(3L);
    deleteAnswer.arrived().get(10, TimeUnit.SECONDS);

    Mutation<Long, Note> create = notes.create(new Note(0, "three again", 1));
    settled(create);
    deleteAnswer.release();
    settled(delete);

    assertEquals("three again", server.snapshot().get("3").get("text").textValue());
    assertEquals(MutationState.CONFIRMED, delete.state());
    assertEquals(MutationState.CONFIRMED, create.state(), "the server applied it");
    assertEquals("three again", store.get(3L).orElseThrow().getText());
  }

  @Test
  void theSoakOfTheJsonServerWithDeletesFindsNoViolation() throws Exception {
    Clients.soakHolds(
        Soak.Config.standard(
                Personality.jsonServer(), SoakSettings.seed(), 3 * SoakSettings.mutations())
            .withMaxAttempts(8)
            .withoutEarlyArrivals()
            .withMix(new Soak.Mix(40, 25, 20, 15)),
        new NoteSubject());
  }
}
