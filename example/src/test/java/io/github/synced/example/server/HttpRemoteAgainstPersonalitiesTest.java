package io.github.synced.example.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.example.Note;
import io.github.synced.example.NoteJson;
import io.github.synced.example.NotePatch;
import io.github.synced.example.Task;
import io.github.synced.example.TaskField;
import io.github.synced.example.TaskJson;
import io.github.synced.example.TaskPatch;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.http.HttpRemote;
import io.github.synced.runtime.spi.Patch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpRemote} with the generated codecs against the server personalities it did not grow up
 * with: what each of their answers becomes.
 */
class HttpRemoteAgainstPersonalitiesTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private RestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRemote<String, Task> tasks(Personality p) {
    server = RestServer.start(p, 5L, Faults.none());
    server.add(mapper.createObjectNode().put("title", "Buy milk"));
    return HttpRemote.<String, Task>builder(server.uri(), p.path(), new TaskJson())
        .mapper(mapper)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  private HttpRemote<Long, Note> notes() {
    server = RestServer.start(Personality.jsonServer(), 5L, Faults.none());
    server.add(mapper.createObjectNode().put("text", "first"));
    return HttpRemote.<Long, Note>builder(server.uri(), "/notes", new NoteJson())
        .mapper(mapper)
        .requestTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static <T> T value(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static SyncFailure failure(CompletionStage<?> stage) throws Exception {
    try {
      Object v = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
      return fail("expected a SyncFailure but got " + v);
    } catch (ExecutionException e) {
      return assertInstanceOf(SyncFailure.class, e.getCause());
    }
  }

  private int keys;

  private <K, E> Write<K, E> update(K id, Patch<E> patch, Object base) {
    return new Write<>(Write.Kind.UPDATE, id, null, patch, base, "u-" + ++keys, 1);
  }

  @Test
  void theStrictServerRefusesAWriteWithoutBaseVersionForGood() throws Exception {
    HttpRemote<String, Task> remote = tasks(Personality.strictIfMatch());

    SyncFailure f = failure(remote.send(update("t1", TaskPatch.empty().done(true), null)));

    assertEquals(SyncFailure.Kind.REJECTED, f.kind());
    assertEquals(428, f.status());
    assertTrue(f.getMessage().contains("If-Match is required"), f.getMessage());
  }

  @Test
  void theStrictServersStaleAnswerIsAConflictWithItsTask() throws Exception {
    HttpRemote<String, Task> remote = tasks(Personality.strictIfMatch());
    server.editBehindClientsBack("t1", "Buy soy milk");

    SyncFailure f = failure(remote.send(update("t1", TaskPatch.empty().done(true), 1L)));

    assertEquals(SyncFailure.Kind.CONFLICT, f.kind());
    assertEquals("Buy soy milk", ((Task) f.serverState().orElseThrow()).getTitle());
  }

  @Test
  void theVersionOnlyServersAnswersArePartialOrEmpty() throws Exception {
    HttpRemote<String, Task> remote = tasks(Personality.versionOnly());

    Reply<Task> created =
        value(
            remote.send(
                new Write<>(
                    Write.Kind.CREATE,
                    null,
                    new Task(null, "Walk", false, 0),
                    TaskPatch.empty().title("Walk").done(false),
                    null,
                    "c-1",
                    1)));
    List<Reply<Task>> updated = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      updated.add(value(remote.send(update("t1", TaskPatch.empty().title("v" + i), null))));
    }

    assertEquals(
        Set.of(TaskField.ID, TaskField.UPDATED_AT), created.fields().orElseThrow().fields());
    assertEquals("t2", created.fields().orElseThrow().get(TaskField.ID));
    assertTrue(
        updated.stream()
            .anyMatch(
                r ->
                    r.fields()
                        .map(f -> f.fields().equals(Set.of(TaskField.UPDATED_AT)))
                        .orElse(false)),
        "some updates are answered with the version only: " + updated);
    assertTrue(
        updated.stream().anyMatch(r -> r.entity().isEmpty() && r.fields().isEmpty()),
        "some with 204: " + updated);
  }

  @Test
  void theJsonServerIsReadWithNumericIdsAndItsEmptyDeleteAnswer() throws Exception {
    HttpRemote<Long, Note> remote = notes();

    Reply<Note> created =
        value(
            remote.send(
                new Write<>(
                    Write.Kind.CREATE,
                    null,
                    new Note(0, "second", 2),
                    NotePatch.empty().text("second").stars(2),
                    null,
                    "c-1",
                    1)));
    Reply<Note> kept =
        value(
            remote.send(
                new Write<>(
                    Write.Kind.CREATE,
                    1000L,
                    new Note(1000, "mine", 0),
                    NotePatch.empty().id(1000).text("mine").stars(0),
                    null,
                    "c-2",
                    1)));
    Reply<Note> patched = value(remote.send(update(2L, NotePatch.empty().stars(5), null)));
    Reply<Note> deleted =
        value(remote.send(new Write<>(Write.Kind.DELETE, 1L, null, null, null, "d-1", 1)));

    assertEquals(2, created.entity().orElseThrow().getId());
    assertEquals(1000, kept.entity().orElseThrow().getId());
    Note whole = patched.entity().orElseThrow();
    assertEquals("second", whole.getText());
    assertEquals(5, whole.getStars());
    assertTrue(deleted.entity().isEmpty() && deleted.fields().isEmpty());
    assertEquals(List.of(2L, 1000L), value(remote.fetchAll()).stream().map(Note::getId).toList());
  }
}
