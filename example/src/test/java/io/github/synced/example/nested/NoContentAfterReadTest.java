package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.SyncStore;
import io.github.synced.testing.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A write answered 204 (no body, no version) after a refetch came while it was on its way. The
 * write was sent with {@code If-Match}, so a read of that very version came before it applied: the
 * written values go over the read, with no flicker back and no local-only value lost (the CI
 * failure of {@code PageBlocksRandomizedHttpTest} seed 10: a block put, collapsed, refetched,
 * answered 204, came back uncollapsed). After a read of a later version the answer cannot tell: the
 * written values stay until a read sent after it decides.
 */
class NoContentAfterReadTest {

  private final HeldChecklistServer server = HeldChecklistServer.withChecklist();
  private final SyncStore<String, Checklist> store = server.store(ConflictPolicy.serverWins());
  private final List<Checklist> heard = new ArrayList<>();

  NoContentAfterReadTest() {
    store.subscribe("c1", change -> heard.add(change.after()));
  }

  private Checklist view() {
    return store.get("c1").orElseThrow();
  }

  private static Subtask subtask(Checklist c, String id) {
    return c.subtasks.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  private void refetch() {
    assertTrue(store.refetch().toCompletableFuture().isDone(), "the server answers reads at once");
  }

  @Test
  void anAddedSubtaskAndItsExpandedStayWhenTheReadCameBeforeTheWrite() {
    Mutation<String, Checklist> add =
        store.update(
            "c1", ChecklistPatch.empty().editSubtasks(s -> s.add(new Subtask("s4", "Label"))));
    store.local("c1", c -> subtask(c, "s4").expanded = true);
    refetch(); // version 1: the add has not applied yet
    heard.clear();

    server.acceptEmpty(0);

    assertEquals(MutationState.CONFIRMED, add.state());
    for (Checklist c : heard) {
      Subtask s4 = subtask(c, "s4");
      assertNotNull(s4, "s4 never leaves the view");
      assertTrue(s4.expanded, "s4 stays expanded in every change heard");
    }
    assertTrue(subtask(view(), "s4").expanded);
    assertEquals(2, view().version, "the version the answer left out is read");
    assertEquals(List.of("s1", "s2", "s3", "s4"), view().subtasks.stream().map(s -> s.id).toList());
  }

  @Test
  void aPutColumnAndItsExpandedStayWhenTheReadCameBeforeTheWrite() {
    HeldChecklistServer columns = HeldChecklistServer.withColumns();
    SyncStore<String, Checklist> store = columns.store(ConflictPolicy.serverWins());
    store.update(
        "c1", ChecklistPatch.empty().editColumns(m -> m.put("later", new Subtask("s9", "Later"))));
    store.local("c1", c -> c.columns.get("later").expanded = true);
    assertTrue(store.refetch().toCompletableFuture().isDone());

    columns.acceptEmpty(0);

    Checklist after = store.get("c1").orElseThrow();
    assertEquals("s9", after.columns.get("later").id);
    assertTrue(after.columns.get("later").expanded, "the put block keeps its expanded");
  }

  @Test
  void aTitleDoesNotFlickerBackWhenTheReadCameBeforeTheWrite() {
    store.update("c1", ChecklistPatch.empty().title("Move flat"));
    refetch();
    heard.clear();

    server.acceptEmpty(0);

    assertTrue(
        heard.stream().allMatch(c -> c.title.equals("Move flat")),
        "heard: " + heard.stream().map(c -> c.title).toList());
    assertEquals("Move flat", view().title);
    assertEquals("Move flat", server.row().title);
  }

  @Test
  void aReadOfALaterVersionCameAfterTheWriteAndIsKept() {
    store.update(
        "c1",
        ChecklistPatch.empty()
            .title("Move flat")
            .editSubtasks(s -> s.add(new Subtask("s4", "Label"))));
    store.local("c1", c -> subtask(c, "s4").expanded = true);
    assertTrue(server.apply(0, true), "applied; its answer is still on its way");
    server.theyChange(
        c -> {
          c.title = "Move to Leeds";
          return c;
        });
    refetch(); // version 3: after the write, and after another writer's title

    server.answerEmpty(0);

    assertEquals(
        "Move to Leeds", view().title, "the read sent after the answer brings the newer title");
    assertTrue(subtask(view(), "s4").expanded, "s4 is in the read, and keeps its expanded");
    assertEquals(3, view().version);
  }

  @Test
  void anotherWritersChangeToAnotherSubtaskThatTheReadShowedDoesNotGoBack() {
    store.update("c1", ChecklistPatch.empty().editSubtasks(s -> s.add(new Subtask("s4", "Label"))));
    store.local("c1", c -> subtask(c, "s4").expanded = true);
    assertTrue(server.apply(0, true), "applied; its answer is still on its way");
    server.theyChange(
        c -> {
          c.subtasks.get(0).title = "Pack books";
          return c;
        });
    refetch(); // version 3: s4, and their s1
    heard.clear();

    server.answerEmpty(0); // the body held every subtask as it was: s1 "Pack"

    for (Checklist c : heard) {
      assertEquals("Pack books", subtask(c, "s1").title, "their s1 never goes back");
      assertTrue(subtask(c, "s4").expanded);
    }
    assertEquals("Pack books", subtask(view(), "s1").title);
    assertEquals("Pack books", server.row().subtasks.get(0).title);
  }

  @Test
  void aSendHeldForTheReadAfterTheAnswerGoesOnWhenThatReadKeepsFailing() {
    VirtualScheduler clock = new VirtualScheduler();
    SyncStore<String, Checklist> store =
        SyncStore.of(ChecklistSync.TYPE)
            .remote(server)
            .scheduler(clock)
            .notifyOn(Runnable::run)
            .build();
    store.load(List.of(server.row()));
    store.update("c1", ChecklistPatch.empty().title("Move flat"));
    Mutation<String, Checklist> second = store.update("c1", ChecklistPatch.empty().title("Move"));
    assertTrue(server.apply(0, true));
    server.theyChange(
        c -> {
          c.subtasks.get(0).title = "Pack books";
          return c;
        });
    assertTrue(store.refetch().toCompletableFuture().isDone()); // version 3: after the write
    server.failReads = true;

    server.answerEmpty(0); // ambiguous: the second send waits for a read that fails

    assertEquals(1, server.writes.size(), "held while the read is tried again");
    for (int i = 0; i < 20 && clock.runNext(); i++) {
      assertTrue(server.writes.size() <= 2);
    }
    assertEquals(2, server.writes.size(), "sent once the read has run out of tries");
    assertEquals(MutationState.SENDING, second.state());
  }
}
