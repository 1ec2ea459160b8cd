package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.example.Task;
import io.github.synced.example.TaskField;
import io.github.synced.example.TaskMutations;
import io.github.synced.example.TaskPatch;
import io.github.synced.example.TaskSync;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import io.github.synced.testing.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code XMutations} wrappers over a real {@link SyncStore} built on the generated
 * {@code XSync.TYPE}: a mutable class ({@link Task}, the seed entity) and a record ({@link
 * RecordItem}), with a remote that answers when the test says so.
 */
class GeneratedMutationsTest {

  private final List<String> log = new ArrayList<>();
  private final RecordingRemote<String, Task> taskRemote = new RecordingRemote<>(log);
  private final SyncStore<String, Task> taskStore = store(TaskSync.TYPE, taskRemote);
  private final TaskMutations tasks = new TaskMutations(taskStore);

  private final RecordingRemote<String, RecordItem> itemRemote = new RecordingRemote<>(log);
  private final SyncStore<String, RecordItem> itemStore = store(RecordItemSync.TYPE, itemRemote);
  private final RecordItemMutations items = new RecordItemMutations(itemStore);

  private static <E> SyncStore<String, E> store(
      io.github.synced.runtime.spi.EntityType<String, E> type, RecordingRemote<String, E> remote) {
    AtomicInteger keys = new AtomicInteger();
    AtomicInteger temps = new AtomicInteger();
    return SyncStore.of(type)
        .remote(remote)
        .scheduler(new VirtualScheduler())
        .notifyOn(Runnable::run)
        .idempotencyKeys(() -> "key-" + keys.incrementAndGet())
        .tempIds(() -> "tmp-" + temps.incrementAndGet())
        .build();
  }

  private static Task task(String id, String title, boolean done, long updatedAt) {
    return new Task(id, title, done, updatedAt);
  }

  /** The task as the store shows it now. */
  private Task shown(String id) {
    return taskStore.get(id).orElseThrow();
  }

  private RecordItem shownItem(String id) {
    return itemStore.get(id).orElseThrow();
  }

  @Test
  void typedUpdateIsVisibleAndAnnouncedBeforeItIsSentAndSendsExactlyThePatchFields() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));
    taskStore.subscribe(c -> log.add(c.cause() + " " + c.after().getTitle()));

    Mutation<String, Task> m = tasks.update("t1", p -> p.title("Buy oat milk").done(true));

    assertEquals("Buy oat milk", shown("t1").getTitle());
    assertTrue(shown("t1").isDone());
    assertEquals(List.of("OPTIMISTIC Buy oat milk", "send UPDATE t1"), log);
    Write<String, Task> sent = taskRemote.writes().get(0);
    assertEquals(Set.of(TaskField.TITLE, TaskField.DONE), sent.patch().fields());
    assertEquals(TaskPatch.empty().title("Buy oat milk").done(true), sent.patch());
    assertEquals(1L, sent.baseVersion());
    assertEquals(MutationState.SENDING, m.state());

    taskRemote.call(0).confirm(task("t1", "Buy oat milk", true, 2));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(2L, shown("t1").getUpdatedAt());
  }

  @Test
  void readyMadePatchSendsExactlyItsFields() {
    taskStore.load(List.of(task("t1", "Buy milk", true, 1)));
    TaskPatch undo = TaskPatch.empty().done(false);

    tasks.update("t1", undo);

    assertFalse(shown("t1").isDone());
    assertEquals("Buy milk", shown("t1").getTitle());
    assertSame(undo, taskRemote.writes().get(0).patch());
  }

  @Test
  void emptyPatchIsRefusedNamingEntityAndIdAndChangesNothing() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tasks.update("t1", p -> p));

    assertEquals("Task 't1': the patch sets no field", e.getMessage());
    assertEquals(List.of(), taskStore.pending("t1"));
    assertEquals(List.of(), taskRemote.writes());
  }

  @Test
  void patchThatSetsTheIdIsRefusedNamingTheField() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tasks.update("t1", p -> p.id("t2")));

    assertEquals("Task 't1', field 'id': a patch cannot change the id", e.getMessage());
    assertEquals(List.of(), taskRemote.writes());
  }

  @Test
  void updateOfAnUnknownEntityIsRefusedNamingEntityAndId() {
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> tasks.update("t9", p -> p.done(true)));

    assertEquals("Task 't9' is not in the store", e.getMessage());
    assertEquals(List.of(), taskRemote.writes());
  }

  @Test
  void classUpdaterAppliesAtOnceSendsWhatItChangedAndIsRerunOnRebase() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));

    Mutation<String, Task> m = tasks.modify("t1", t -> t.setTitle(t.getTitle() + "!"));

    assertEquals("Buy milk!", shown("t1").getTitle());
    assertEquals(TaskPatch.empty().title("Buy milk!"), taskRemote.writes().get(0).patch());

    taskStore.receive(task("t1", "Buy bread", false, 2));
    assertEquals("Buy bread!", shown("t1").getTitle(), "re-run on the new server state");
    assertEquals(MutationState.SENDING, m.state());
  }

  @Test
  void recordUpdaterAppliesAtOnceSendsWhatItChangedAndIsRerunOnRebase() {
    itemStore.load(List.of(new RecordItem("r1", "box", false, 3, 1)));

    Mutation<String, RecordItem> m =
        items.modifyWith(
            "r1", r -> new RecordItem(r.id(), r.label(), r.highlighted(), r.size() + 1, 1));

    assertEquals(4, shownItem("r1").size());
    assertEquals(RecordItemPatch.empty().size(4), itemRemote.writes().get(0).patch());

    itemStore.receive(new RecordItem("r1", "crate", false, 10, 2));
    assertEquals(11, shownItem("r1").size(), "re-run on the new server state");
    assertEquals("crate", shownItem("r1").label());

    itemRemote.call(0).confirm(new RecordItem("r1", "crate", false, 11, 3));
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(new RecordItem("r1", "crate", false, 11, 3), shownItem("r1"));
  }

  @Test
  void recordPatchUpdateBuildsANewRecord() {
    itemStore.load(List.of(new RecordItem("r1", "box", true, 3, 1)));
    assertEquals(
        new RecordItem("r1", "box", false, 3, 1),
        shownItem("r1"),
        "local-only values start as a new instance has them, never the server's");
    itemStore.localWith("r1", r -> new RecordItem(r.id(), r.label(), true, r.size(), r.revision()));

    items.update("r1", p -> p.label("crate"));

    assertEquals(new RecordItem("r1", "crate", true, 3, 1), shownItem("r1"));
    assertEquals(Set.of(RecordItemField.LABEL), itemRemote.writes().get(0).patch().fields());
  }

  @Test
  void classLocalEditIsNotSentAndSurvivesConfirmAndRollback() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));

    Task edited = tasks.local("t1", t -> t.setExpanded(true));

    assertTrue(edited.isExpanded());
    assertTrue(shown("t1").isExpanded());
    assertEquals(List.of(), taskRemote.writes(), "a local edit is never sent");

    tasks.update("t1", p -> p.title("Buy oat milk"));
    Task server = task("t1", "Buy oat milk", false, 2);
    taskRemote.call(0).confirm(server);
    assertTrue(shown("t1").isExpanded(), "kept through a confirm");

    Mutation<String, Task> failing = tasks.update("t1", p -> p.done(true));
    tasks.local("t1", t -> t.setSelected(true));
    taskRemote.call(1).reject(422);
    assertEquals(MutationState.ROLLED_BACK, failing.state());
    assertFalse(shown("t1").isDone(), "the failed mutation's effect left the view");
    assertTrue(shown("t1").isExpanded(), "kept through a rollback");
    assertTrue(shown("t1").isSelected(), "an edit made during flight is kept through a rollback");
    assertEquals(2, taskRemote.writes().size(), "still only the two updates were sent");
  }

  @Test
  void recordLocalEditIsNotSentAndSurvivesConfirmAndRollback() {
    itemStore.load(List.of(new RecordItem("r1", "box", false, 3, 1)));

    RecordItem edited =
        items.localWith("r1", r -> new RecordItem(r.id(), r.label(), true, r.size(), r.revision()));

    assertTrue(edited.highlighted());
    assertEquals(List.of(), itemRemote.writes(), "a local edit is never sent");

    items.update("r1", p -> p.size(4));
    itemRemote.call(0).confirm(new RecordItem("r1", "box", false, 4, 2));
    assertTrue(shownItem("r1").highlighted(), "the server's false never replaces it");

    items.update("r1", p -> p.label("crate"));
    itemRemote.call(1).reject(422);
    assertEquals(new RecordItem("r1", "box", true, 4, 2), shownItem("r1"));
  }

  @Test
  void localEditOfASyncedFieldIsRefusedNamingTheFieldAndChangesNothing() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tasks.local("t1", t -> t.setDone(true)));

    assertTrue(e.getMessage().startsWith("Task 't1', field 'done'"), e.getMessage());
    assertFalse(shown("t1").isDone());
    assertEquals(List.of(), taskRemote.writes());
  }

  @Test
  void createGoesThroughAndFollowsTheIdTheServerAssigns() {
    Mutation<String, Task> m = tasks.create(task(null, "Water plants", false, 0));

    assertEquals("Water plants", shown("tmp-1").getTitle());
    Write<String, Task> sent = taskRemote.writes().get(0);
    assertEquals(Write.Kind.CREATE, sent.kind());
    assertNull(sent.id(), "a temporary id never reaches the remote");
    assertNull(sent.entity().getId());
    assertFalse(sent.patch().fields().contains(TaskField.ID));

    taskRemote.call(0).confirm(task("t7", "Water plants", false, 1));

    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals("t7", m.id());
    assertEquals("Water plants", shown("t7").getTitle());
  }

  @Test
  void deleteHidesAtOnceAndGoesThrough() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1), task("t2", "Call mum", false, 1)));

    Mutation<String, Task> m = tasks.delete("t1");

    assertTrue(taskStore.get("t1").isEmpty());
    assertEquals(Write.Kind.DELETE, taskRemote.writes().get(0).kind());
    taskRemote.call(0).confirmEmpty();
    assertEquals(MutationState.CONFIRMED, m.state());
    assertEquals(List.of("t2"), taskStore.all().stream().map(Task::getId).toList());
  }

  @Test
  void failedDeleteBringsTheEntityBack() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));
    tasks.local("t1", t -> t.setExpanded(true));

    Mutation<String, Task> m = tasks.delete("t1");
    taskRemote.call(0).reject(403);

    assertEquals(MutationState.ROLLED_BACK, m.state());
    assertTrue(shown("t1").isExpanded());
  }

  @Test
  void pendingFieldsNamesTypedFieldsWithTheirMutationsInDeclarationOrder() {
    taskStore.load(List.of(task("t1", "Buy milk", false, 1)));

    Mutation<String, Task> first = tasks.update("t1", p -> p.done(true));
    Mutation<String, Task> second = tasks.update("t1", p -> p.done(false).title("Buy oat milk"));

    Map<TaskField, List<Mutation<String, Task>>> pending = tasks.pendingFields("t1");
    assertEquals(List.of(TaskField.TITLE, TaskField.DONE), List.copyOf(pending.keySet()));
    assertEquals(List.of(second), pending.get(TaskField.TITLE));
    assertEquals(List.of(first, second), pending.get(TaskField.DONE));

    taskRemote.call(0).confirm(task("t1", "Buy milk", true, 2));
    assertEquals(
        Map.of(TaskField.TITLE, List.of(second), TaskField.DONE, List.of(second)),
        tasks.pendingFields("t1"));
    taskRemote.call(1).confirm(task("t1", "Buy oat milk", false, 3));
    assertEquals(Map.of(), tasks.pendingFields("t1"));
  }

  @Test
  void wrapperGoesThroughTheStoreItWasGiven() {
    assertSame(taskStore, tasks.store());
    assertSame(itemStore, items.store());
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new TaskMutations(null));
    assertEquals("store", e.getMessage());
  }
}
