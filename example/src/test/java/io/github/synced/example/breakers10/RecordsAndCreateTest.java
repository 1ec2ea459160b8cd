package io.github.synced.example.breakers10;

import static io.github.synced.example.breakers10.CardServer.ids;
import static io.github.synced.example.breakers10.CardServer.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Record elements whose constructor refuses a value; element edits queued behind a create. */
class RecordsAndCreateTest {
  private static final UUID T1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID T2 = UUID.fromString("00000000-0000-0000-0000-000000000002");

  private static Held<Long, Note> noteServer() {
    Note n = new Note();
    n.id = 5;
    n.text = "Groceries";
    n.tags = new ArrayList<>(List.of(new Tag(T1, "home"), new Tag(T2, "weekly")));
    n.version = 1;
    return new Held<>(new NoteJson(), 5L, n, x -> x.version, (x, v) -> x.version = v, Note::new);
  }

  @Test
  void anElementChangeTheRecordRefusesFailsFastAndLeavesNothing() {
    Held<Long, Note> server = noteServer();
    SyncStore<Long, Note> store =
        SyncStore.of(NoteSync.TYPE)
            .remote(server)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(server.row()));
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                store.update(5L, NotePatch.empty().editTags(s -> s.update(T1, x -> x.name(" ")))));
    assertTrue(
        String.valueOf(e.getMessage()).contains("a tag needs a name")
            || String.valueOf(e.getCause()).contains("a tag needs a name"),
        String.valueOf(e));
    assertTrue(server.writes.isEmpty());
    assertTrue(store.pending(5L).isEmpty());
    assertEquals("home", store.get(5L).orElseThrow().tags.get(0).name());
  }

  @Test
  void recordElementsMergeThreeWayByIdAndComponent() {
    Held<Long, Note> server = noteServer();
    SyncStore<Long, Note> store =
        SyncStore.of(NoteSync.TYPE)
            .remote(server)
            .conflicts(ConflictPolicy.serverWins())
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(server.row()));
    Mutation<Long, Note> m =
        store.update(5L, NotePatch.empty().editTags(s -> s.update(T1, x -> x.name("house"))));
    server.theyChange(
        n -> {
          n.tags.set(1, new Tag(T2, "monthly"));
          return n;
        });
    server.acceptAll();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of(new Tag(T1, "house"), new Tag(T2, "monthly")), server.row().tags);
    assertEquals(
        List.of(new Tag(T1, "house"), new Tag(T2, "monthly")), store.get(5L).orElseThrow().tags);
  }

  /** Assigns card ids on create ("c9"), applies updates; writes wait for the test. */
  static final class CreatingServer implements Remote<String, Card> {
    final List<Write<String, Card>> writes = new ArrayList<>();
    final List<CompletableFuture<Reply<Card>>> answers = new ArrayList<>();
    Card row;

    @Override
    public boolean deduplicatesByKey() {
      return false;
    }

    void accept(int i) {
      Write<String, Card> w = writes.get(i);
      switch (w.kind()) {
        case CREATE -> {
          row = CardSync.TYPE.syncedCopy(w.entity());
          row.id = "c9";
          row.version = 1;
        }
        case UPDATE -> {
          assertEquals("c9", w.id(), "an update after the create goes to the real id");
          row = w.patch().applyTo(row);
          row.version++;
        }
        default -> throw new AssertionError(w.kind());
      }
      answers.get(i).complete(Reply.entity(CardSync.TYPE.syncedCopy(row)));
    }

    @Override
    public CompletionStage<Reply<Card>> send(Write<String, Card> w) {
      writes.add(w);
      CompletableFuture<Reply<Card>> a = new CompletableFuture<>();
      answers.add(a);
      return a;
    }

    @Override
    public CompletionStage<Optional<Card>> fetch(String id) {
      return CompletableFuture.completedFuture(Optional.ofNullable(row));
    }

    @Override
    public CompletionStage<List<Card>> fetchAll() {
      return CompletableFuture.completedFuture(row == null ? List.of() : List.of(row));
    }
  }

  @Test
  void anItemEditQueuedBehindACreateFollowsTheNewIdAndKeepsTheItemsExpanded() {
    CreatingServer server = new CreatingServer();
    SyncStore<String, Card> store =
        SyncStore.of(CardSync.TYPE).remote(server).notifyOn(Runnable::run).build();
    Card draft = new Card();
    draft.name = "New card";
    draft.checkItems =
        new ArrayList<>(List.of(new CheckItem("ci1", "First"), new CheckItem("ci2", "Second")));
    Mutation<String, Card> create = store.create(draft);
    String temp = create.id();
    store.local(temp, c -> item(c, "ci2").expanded = true);
    Mutation<String, Card> edit =
        store.update(
            temp, CardPatch.empty().editCheckItems(s -> s.update("ci1", x -> x.state("complete"))));
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, create.state());
    assertEquals(2, server.writes.size());
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, edit.state());
    Card v = store.get("c9").orElseThrow();
    assertEquals(List.of("ci1", "ci2"), ids(v));
    assertEquals("complete", item(v, "ci1").state);
    assertTrue(item(v, "ci2").expanded);
    assertEquals(1, store.all().size(), "one card, not the draft and the created one");
  }
}
