package io.github.synced.example.nested;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.synced.runtime.ConflictPolicy;
import io.github.synced.runtime.ElementEdits;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Review of 3bd9ef2..1467f14 (#10: binding, deferred refusals, resolvedBy): one test each. */
class ReviewTree2Test {

  private static SyncStore<String, Checklist> store(
      HeldChecklistServer server, ConflictPolicy.PathResolver<Checklist> resolver) {
    SyncStore<String, Checklist> store =
        SyncStore.of(ChecklistSync.TYPE)
            .remote(server)
            .notifyOn(Runnable::run)
            .conflicts(ConflictPolicy.resolveWithPaths(resolver))
            .build();
    store.load(List.of(server.row()));
    return store;
  }

  private static Checklist view(SyncStore<String, Checklist> store) {
    return store.get("c1").orElseThrow();
  }

  private static void answerAll(HeldChecklistServer server) {
    for (int i = 0; i < 5 && server.waiting(); i++) {
      server.answerNext(false);
    }
  }

  private static ElementEdits<String, Subtask, SubtaskPatch> edits() {
    return ElementEdits.of(SubtaskSync.TYPE, SubtaskPatch.empty());
  }

  /**
   * They replaced the owner (o1 -> o2) while we renamed o1; the path resolver is told "owner" and
   * decides the field: it keeps ours (o1 "Ann Lee"). NestedEdit.resolvedBy answers null because
   * theirs is "another object", and Conflicts then lets theirs stand: the resolver's decision is
   * dropped (PathResolver's contract: "the resolver's whole value of that field is sent").
   */
  @Test
  void resolverKeepsOurOwnerAfterTheyReplacedIt_theResolversOwnerStands() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    List<List<String>> told = new ArrayList<>();
    SyncStore<String, Checklist> store =
        store(
            server,
            (base, mine, theirs, paths) -> {
              told.add(paths);
              return mine;
            });
    store.update("c1", ChecklistPatch.empty().editOwner(o -> o.name("Ann Lee")));
    server.theyChange(
        c -> {
          c.owner = new Owner("o2", "Bob", "bob@example.com");
          return c;
        });
    server.accept(0); // 412: the resolver decides
    answerAll(server);
    assertEquals(List.of(List.of("owner")), told);
    Checklist shown = view(store);
    assertEquals("o1", shown.owner.id, "the resolver kept our owner; got " + shown.owner.name);
    assertEquals("Ann Lee", shown.owner.name);
    assertEquals("o1", server.row().owner.id);
  }

  /**
   * We renamed the owner, they renamed it too; the resolver decides the owner field is null.
   * NestedEdit.resolvedBy answers null for a null resolved value, which Conflicts reads as "nothing
   * left, theirs stands": the owner stays "Annie" instead of the resolver's null.
   */
  @Test
  void resolverDropsTheOwner_theOwnerIsGone() {
    HeldChecklistServer server = HeldChecklistServer.withChecklist();
    SyncStore<String, Checklist> store =
        store(
            server,
            (base, mine, theirs, paths) -> {
              mine.owner = null;
              return mine;
            });
    store.update("c1", ChecklistPatch.empty().editOwner(o -> o.name("Ann Lee")));
    server.theyChange(
        c -> {
          c.owner.name = "Annie";
          return c;
        });
    server.accept(0);
    answerAll(server);
    assertNull(view(store).owner, "the resolver decided: no owner");
  }

  /**
   * A resolver's element (Op.decided: merged, keeping the element's local-only values) and a plain
   * add of the same element (replaces it, local-only values and all) apply differently, yet
   * ElementEdits.equals/hashCode ignore {@code decided}: equal values that are not substitutable.
   */
  @Test
  void decidedElementAndPlainAdd_applyDifferently_soAreNotEqual() {
    Subtask s1 = new Subtask("s1", "Pack");
    List<Subtask> base = List.of(s1);
    Subtask theirs1 = new Subtask("s1", "Pack boxes");
    Subtask resolved1 = new Subtask("s1", "Pack bags");
    ElementEdits<String, Subtask, SubtaskPatch> decided =
        edits()
            .update("s1", p -> p.title("Pack it"))
            .resolvedBy(base, List.of(theirs1), List.of(resolved1));
    assertNotNull(decided);
    ElementEdits<String, Subtask, SubtaskPatch> plain =
        edits().add(0, new Subtask("s1", "Pack bags"));
    Subtask shown = new Subtask("s1", "Pack boxes");
    shown.expanded = true;
    Collection<Subtask> a = decided.applyTo(List.of(shown), ArrayList::new);
    Collection<Subtask> b = plain.applyTo(List.of(shown), ArrayList::new);
    boolean sameEffect = a.iterator().next().expanded == b.iterator().next().expanded;
    if (!sameEffect) {
      assertNotEquals(decided, plain, "equal edits with different effects");
    }
  }

  /**
   * Two different refusals (a null element, a negative index) compare equal: equals ignores {@code
   * error}, so a patch's equality no longer says what it will do (or refuse) at update.
   */
  @Test
  void differentRefusals_areNotEqual() {
    ElementEdits<String, Subtask, SubtaskPatch> nullElement = edits().add(null);
    ElementEdits<String, Subtask, SubtaskPatch> negative = edits().add(-3, new Subtask("x", "a"));
    assertNotEquals(nullElement.toString(), negative.toString());
    assertNotEquals(nullElement, negative);
  }

  private static Checklist checklist(String id, Owner owner) {
    Checklist c = new Checklist();
    c.id = id;
    c.title = "t";
    c.owner = owner;
    c.version = 1;
    return c;
  }

  /**
   * In one ElementEdits: remove c1, add a new c1 owned by o2, rename c1's owner. refusal checks the
   * rename against the added c1 (o2: fine), but boundTo binds it to the owner the collection had
   * (o1), so it does nothing to the c1 the user sees: a change accepted at update and silently
   * lost.
   */
  @Test
  void renameOfTheOwnerOfAnElementReaddedInTheSameEdits_isBoundToTheNewElementsOwner() {
    ElementEdits<String, Checklist, ChecklistPatch> e =
        ElementEdits.of(ChecklistSync.TYPE, ChecklistPatch.empty())
            .remove("c1")
            .add(checklist("c1", new Owner("o2", "Bob", "b")))
            .update("c1", p -> p.editOwner(o -> o.name("Bobby")));
    List<Checklist> value = List.of(checklist("c1", new Owner("o1", "Ann", "a")));
    assertNull(e.refusal(value));
    Collection<Checklist> shown = e.boundTo(value).applyTo(value, ArrayList::new);
    assertEquals("Bobby", shown.iterator().next().owner.name);
  }
}
