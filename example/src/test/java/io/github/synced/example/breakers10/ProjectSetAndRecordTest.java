package io.github.synced.example.breakers10;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Remote;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncFailure;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.runtime.json.JsonCodecs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A Todoist-like project on a server without versions: a Set of items with Long ids and a List of
 * record labels with UUID ids; the server takes the last whole value it is sent.
 */
class ProjectSetAndRecordTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ProjectJson JSON = new ProjectJson();
  private static final UUID RED = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID BLUE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

  static final class Server implements Remote<Long, Project> {
    byte[] row;
    final List<Write<Long, Project>> writes = new ArrayList<>();
    final List<CompletableFuture<Reply<Project>>> answers = new ArrayList<>();

    Server() {
      Project p = new Project();
      p.id = 7L;
      p.name = "Home";
      p.items =
          new LinkedHashSet<>(
              List.of(new Item(1, "Milk"), new Item(2, "Bread"), new Item(3, "Eggs")));
      p.labels =
          new ArrayList<>(
              List.of(new Label(RED, "urgent", "red"), new Label(BLUE, "later", "blue")));
      put(p);
    }

    @Override
    public boolean deduplicatesByKey() {
      return false;
    }

    Project row() {
      return JsonCodecs.readEntity(MAPPER, JSON, row, 7L);
    }

    void put(Project p) {
      row = JsonCodecs.writeEntity(MAPPER, JSON, p);
    }

    void theyChange(UnaryOperator<Project> change) {
      put(change.apply(row()));
    }

    Project body(int i) {
      byte[] body = JsonCodecs.writePatch(MAPPER, JSON, writes.get(i).patch());
      return JsonCodecs.readPatch(MAPPER, JSON, body, 7L).applyTo(new Project());
    }

    void accept(int i) {
      byte[] body = JsonCodecs.writePatch(MAPPER, JSON, writes.get(i).patch());
      put(JsonCodecs.readPatch(MAPPER, JSON, body, 7L).applyTo(row()));
      answers.get(i).complete(Reply.entity(row()));
    }

    void refuse(int i) {
      answers.get(i).completeExceptionally(SyncFailure.rejected(400, "invalid"));
    }

    @Override
    public CompletionStage<Reply<Project>> send(Write<Long, Project> w) {
      writes.add(w);
      CompletableFuture<Reply<Project>> a = new CompletableFuture<>();
      answers.add(a);
      return a;
    }

    @Override
    public CompletionStage<Optional<Project>> fetch(Long id) {
      return CompletableFuture.completedFuture(Optional.of(row()));
    }

    @Override
    public CompletionStage<List<Project>> fetchAll() {
      return CompletableFuture.completedFuture(List.of(row()));
    }
  }

  private static SyncStore<Long, Project> store(Server server) {
    SyncStore<Long, Project> store =
        SyncStore.of(ProjectSync.TYPE).remote(server).notifyOn(Runnable::run).build();
    store.load(List.of(server.row()));
    return store;
  }

  private static Project view(SyncStore<Long, Project> store) {
    return store.get(7L).orElseThrow();
  }

  private static Item item(Project p, long id) {
    return p.items.stream().filter(i -> i.id == id).findFirst().orElse(null);
  }

  private static List<Long> ids(Project p) {
    return p.items.stream().map(i -> i.id).toList();
  }

  private static Label label(Project p, UUID id) {
    return p.labels.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
  }

  @Test
  void twoEditsOfASetByLongIdFirstRefusedSecondStaysAndItsBodyHasOnlyIt() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    store.update(7L, ProjectPatch.empty().editItems(s -> s.update(1L, x -> x.content("Oat milk"))));
    Mutation<Long, Project> check =
        store.update(7L, ProjectPatch.empty().editItems(s -> s.update(2L, x -> x.checked(true))));
    server.refuse(0);
    assertEquals("Milk", item(view(store), 1).content);
    assertTrue(item(view(store), 2).checked);
    assertEquals(2, server.writes.size(), "serial sends without versions");
    assertEquals("Milk", item(server.body(1), 1).content);
    assertTrue(item(server.body(1), 2).checked);
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, check.state());
    assertEquals("Milk", item(server.row(), 1).content);
  }

  @Test
  void aRefusedRemoveFromASetComesBackAtItsPlaceWithItsExpanded() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    store.local(7L, p -> item(p, 2).expanded = true);
    Mutation<Long, Project> remove =
        store.update(7L, ProjectPatch.empty().editItems(s -> s.remove(2L)));
    assertEquals(List.of(1L, 3L), ids(view(store)));
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, remove.state());
    assertEquals(List.of(1L, 2L, 3L), ids(view(store)));
    assertTrue(item(view(store), 2).expanded);
  }

  @Test
  void anAddToASetAtAnIndexPutsItThere() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    store.update(7L, ProjectPatch.empty().editItems(s -> s.add(1, new Item(9, "Butter"))));
    assertEquals(List.of(1L, 9L, 2L, 3L), ids(view(store)));
    server.accept(0);
    assertEquals(List.of(1L, 9L, 2L, 3L), ids(server.row()));
  }

  @Test
  void aRecordLabelIsUpdatedByItsUuidAndARefusalBringsItBack() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    Mutation<Long, Project> rename =
        store.update(7L, ProjectPatch.empty().editLabels(s -> s.update(RED, x -> x.name("now"))));
    Mutation<Long, Project> recolor =
        store.update(
            7L, ProjectPatch.empty().editLabels(s -> s.update(BLUE, x -> x.color("navy"))));
    assertEquals("now", label(view(store), RED).name());
    assertEquals("red", label(view(store), RED).color(), "other components kept");
    server.refuse(0);
    assertEquals(MutationState.ROLLED_BACK, rename.state());
    assertEquals("urgent", label(view(store), RED).name());
    assertEquals("navy", label(view(store), BLUE).color());
    assertEquals("urgent", label(server.body(1), RED).name());
    server.accept(1);
    assertEquals(MutationState.CONFIRMED, recolor.state());
    assertEquals(
        List.of(new Label(RED, "urgent", "red"), new Label(BLUE, "later", "navy")),
        server.row().labels);
  }

  @Test
  void aRefetchThatReordersTheSetRebasesAPendingEditAndKeepsExpanded() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    store.local(7L, p -> item(p, 2).expanded = true);
    Mutation<Long, Project> m =
        store.update(7L, ProjectPatch.empty().editItems(s -> s.update(1L, x -> x.checked(true))));
    server.theyChange(
        p -> {
          List<Item> list = new ArrayList<>(p.items);
          Item eggs = list.remove(2);
          eggs.content = "Free-range eggs";
          list.add(0, eggs);
          p.items = new LinkedHashSet<>(list);
          return p;
        });
    store.refetch(7L).join();
    Project v = view(store);
    assertEquals(List.of(3L, 1L, 2L), ids(v));
    assertTrue(item(v, 1).checked);
    assertEquals("Free-range eggs", item(v, 3).content);
    assertTrue(item(v, 2).expanded);
    assertFalse(item(v, 3).expanded);
    server.accept(0);
    assertEquals(MutationState.CONFIRMED, m.state());
    assertTrue(item(view(store), 2).expanded);
  }

  @Test
  void anUpdateOfAMissingLongIdNamesProjectIdFieldAndElement() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                store.update(
                    7L, ProjectPatch.empty().editItems(s -> s.update(99L, x -> x.checked(true)))));
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("Project '7'") && msg.contains("items") && msg.contains("99"), msg);
    assertTrue(server.writes.isEmpty());
    assertTrue(store.pending(7L).isEmpty());
  }

  @Test
  void anUpdateOfAMissingUuidLabelNamesIt() {
    Server server = new Server();
    SyncStore<Long, Project> store = store(server);
    UUID ghost = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                store.update(
                    7L, ProjectPatch.empty().editLabels(s -> s.update(ghost, x -> x.name("?")))));
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains("labels") && msg.contains(ghost.toString()), msg);
    assertTrue(server.writes.isEmpty());
  }
}
