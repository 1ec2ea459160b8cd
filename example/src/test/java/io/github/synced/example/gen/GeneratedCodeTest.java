package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Snapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the code the processor generated for the entities of this package, called through
 * the runtime's interfaces as the store calls it.
 */
class GeneratedCodeTest {

  private static FieldItem fieldItem(String id, String title, long version) {
    FieldItem item = new FieldItem();
    item.id = id;
    item.title = title;
    item.count = title.length();
    item.ratio = title.length() / 10.0;
    item.grade = title.charAt(0);
    item.price = new BigDecimal(title.length() + ".50");
    item.status = title.length() % 2 == 0 ? Status.OPEN : Status.DONE;
    item.due = LocalDate.of(2026, 1, 1).plusDays(title.length());
    item.owner = UUID.nameUUIDFromBytes(title.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    item.version = version;
    return item;
  }

  private static BeanItem beanItem(long id, String name, boolean done, Instant updatedAt) {
    BeanItem item = new BeanItem();
    item.setId(id);
    item.setName(name);
    item.setDone(done);
    item.setUpdatedAt(updatedAt);
    return item;
  }

  /** Asserts that every synced field of {@code actual} equals that of {@code expected}. */
  private static <E> void assertSyncedEqual(EntityType<?, E> type, E expected, E actual) {
    for (EntityField field : type.fields()) {
      assertEquals(type.get(expected, field), type.get(actual, field), field.fieldName());
    }
    assertEquals(Set.of(), type.diff(expected, actual));
  }

  @Test
  void fieldsListSyncedFieldsInDeclarationOrderWithoutLocalOnlyOnes() {
    assertEquals(
        List.of(
            FieldItemField.ID,
            FieldItemField.TITLE,
            FieldItemField.COUNT,
            FieldItemField.RATIO,
            FieldItemField.GRADE,
            FieldItemField.PRICE,
            FieldItemField.STATUS,
            FieldItemField.DUE,
            FieldItemField.OWNER,
            FieldItemField.VERSION),
        FieldItemSync.TYPE.fields());
    assertEquals("updatedAt", BeanItemField.UPDATED_AT.fieldName());
    assertEquals(FieldItemField.ID, FieldItemSync.TYPE.idField());
    assertEquals(FieldItemField.VERSION, FieldItemSync.TYPE.versionField());
    assertEquals("FieldItem", FieldItemSync.TYPE.name());
    assertEquals(FieldItem.class, FieldItemSync.TYPE.type());
  }

  @Test
  void mergeTakesEverySyncedFieldFromTheServerAndKeepsEveryLocalOnlyOne() {
    FieldItem local = fieldItem("a", "local title", 1);
    local.expanded = true;
    local.draft = "unsent words";
    FieldItem server = fieldItem("a", "server", 2);
    FieldItem serverBefore = FieldItemSync.TYPE.copy(server);

    FieldItem merged = FieldItemSync.TYPE.merge(local, server);

    assertSame(local, merged, "a mutable class is merged in place");
    assertSyncedEqual(FieldItemSync.TYPE, server, merged);
    assertTrue(merged.expanded);
    assertEquals("unsent words", merged.draft);
    assertSyncedEqual(FieldItemSync.TYPE, serverBefore, server);
    assertFalse(server.expanded, "the server side is not changed");
  }

  @Test
  void beanMergeGoesThroughAccessorsAndKeepsLocalOnlyGetterField() {
    BeanItem local = beanItem(7, "mine", false, Instant.parse("2026-01-01T00:00:00Z"));
    local.setSelected(true);
    BeanItem server = beanItem(7, "theirs", true, Instant.parse("2026-01-02T00:00:00Z"));

    BeanItem merged = BeanItemSync.TYPE.merge(local, server);

    assertSyncedEqual(BeanItemSync.TYPE, server, merged);
    assertTrue(merged.isSelected());
  }

  @Test
  void restoreBringsBackExactlyTheSnapshotsSyncedFieldsAndKeepsLocalOnlyOnes() {
    FieldItem item = fieldItem("a", "before", 1);
    FieldItem before = FieldItemSync.TYPE.copy(item);
    Snapshot<FieldItem> snapshot = FieldItemSync.TYPE.snapshot(item);

    FieldItemSync.TYPE.merge(item, fieldItem("b", "after the edit", 9));
    item.expanded = true;
    item.draft = "typed meanwhile";
    FieldItem restored = FieldItemSync.TYPE.restore(item, snapshot);

    assertSame(item, restored);
    assertSyncedEqual(FieldItemSync.TYPE, before, restored);
    assertTrue(restored.expanded);
    assertEquals("typed meanwhile", restored.draft);
    for (EntityField field : FieldItemSync.TYPE.fields()) {
      assertEquals(FieldItemSync.TYPE.get(before, field), snapshot.get(field));
    }
  }

  @Test
  void patchApplySetsExactlyItsFields() {
    FieldItem item = fieldItem("a", "title", 1);
    item.expanded = true;
    FieldItem before = FieldItemSync.TYPE.copy(item);

    FieldItemPatch patch = FieldItemPatch.empty().title("renamed").price(null);
    FieldItem patched = patch.applyTo(item);

    assertSame(item, patched);
    assertEquals("renamed", patched.title);
    assertNull(patched.price, "a field set to null is set");
    assertEquals(
        EnumSet.of(FieldItemField.TITLE, FieldItemField.PRICE),
        FieldItemSync.TYPE.diff(before, patched));
    assertTrue(patched.expanded);
  }

  @Test
  void diffNamesExactlyTheChangedField() {
    FieldItem a = fieldItem("a", "one", 1);
    FieldItem other = fieldItem("b", "Zebra!", 2);
    for (FieldItemField field : FieldItemField.values()) {
      FieldItem b =
          FieldItemSync.TYPE.patch(other, Set.of(field)).applyTo(FieldItemSync.TYPE.copy(a));
      assertEquals(Set.of(field), FieldItemSync.TYPE.diff(a, b), "changing " + field);
    }
    FieldItem local = FieldItemSync.TYPE.copy(a);
    local.expanded = true;
    assertEquals(Set.of(), FieldItemSync.TYPE.diff(a, local), "local-only fields are not diffed");
  }

  @Test
  void patchFromEntityTakesTheNamedFieldsValues() {
    FieldItem source = fieldItem("a", "source", 4);
    FieldItemPatch patch =
        FieldItemSync.TYPE.patch(source, Set.of(FieldItemField.VERSION, FieldItemField.TITLE));
    assertEquals(
        List.of(FieldItemField.TITLE, FieldItemField.VERSION), List.copyOf(patch.fields()));
    assertEquals("source", patch.get(FieldItemField.TITLE));
    assertEquals(4L, patch.get(FieldItemField.VERSION));
  }

  @Test
  void copyIsANewInstanceEqualInEveryField() {
    FieldItem item = fieldItem("a", "title", 3);
    item.expanded = true;
    item.draft = "d";
    FieldItem copy = FieldItemSync.TYPE.copy(item);
    assertNotSame(item, copy);
    assertSyncedEqual(FieldItemSync.TYPE, item, copy);
    assertTrue(copy.expanded);
    assertEquals("d", copy.draft);
  }

  @Test
  void syncedCopyKeepsTheSyncedFieldsAndLeavesLocalOnlyOnesAtTheirDefaults() {
    FieldItem item = fieldItem("a", "title", 3);
    item.expanded = true;
    item.draft = "d";
    FieldItem out = FieldItemSync.TYPE.syncedCopy(item);
    assertNotSame(item, out);
    assertSyncedEqual(FieldItemSync.TYPE, item, out);
    assertFalse(out.expanded);
    assertNull(out.draft);
    assertTrue(item.expanded, "the original is untouched");

    RecordItem record = new RecordItem("r", "label", true, 3, 7);
    assertEquals(new RecordItem("r", "label", false, 3, 7), RecordItemSync.TYPE.syncedCopy(record));
  }

  @Test
  void patchesAreImmutableValues() {
    FieldItemPatch titled = FieldItemPatch.empty().title("x");
    FieldItemPatch both = titled.count(3);
    assertEquals(Set.of(FieldItemField.TITLE), titled.fields());
    assertEquals(List.of(FieldItemField.TITLE, FieldItemField.COUNT), List.copyOf(both.fields()));
    assertTrue(FieldItemPatch.empty().isEmpty());
    assertEquals("FieldItemPatch{title=x, count=3}", both.toString());
    assertEquals(FieldItemPatch.empty().count(3).title("x"), both);
    assertEquals(FieldItemPatch.empty().count(3).title("x").hashCode(), both.hashCode());
    assertNotEquals(FieldItemPatch.empty().title(null), FieldItemPatch.empty());
    assertThrows(UnsupportedOperationException.class, () -> both.fields().clear());
    IllegalArgumentException unset =
        assertThrows(IllegalArgumentException.class, () -> titled.get(FieldItemField.COUNT));
    assertTrue(unset.getMessage().contains("count"), unset.getMessage());
  }

  @Test
  void anotherEntitysFieldIsRefusedNamingFieldAndEntity() {
    FieldItem item = fieldItem("a", "title", 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FieldItemSync.TYPE.get(item, BeanItemField.NAME));
    assertEquals("'name' of BeanItemField is not a synced field of FieldItem", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldItemSync.TYPE.patch(item, Set.of(BeanItemField.NAME)));
    assertThrows(
        IllegalArgumentException.class,
        () -> FieldItemSync.TYPE.snapshot(item).get(BeanItemField.DONE));
  }

  @Test
  void versionsCompareByTheirOrderWithNullOldest() {
    assertTrue(
        FieldItemSync.TYPE.compareVersions(fieldItem("a", "x", 1), fieldItem("a", "x", 2)) < 0);
    assertEquals(
        0, FieldItemSync.TYPE.compareVersions(fieldItem("a", "x", 2), fieldItem("a", "y", 2)));
    assertEquals(2L, FieldItemSync.TYPE.version(fieldItem("a", "x", 2)));
    BeanItem none = beanItem(1, "n", false, null);
    BeanItem early = beanItem(1, "n", false, Instant.parse("2026-01-01T00:00:00Z"));
    BeanItem late = beanItem(1, "n", false, Instant.parse("2026-06-01T00:00:00Z"));
    assertTrue(BeanItemSync.TYPE.compareVersions(none, early) < 0);
    assertTrue(BeanItemSync.TYPE.compareVersions(late, early) > 0);
    assertEquals(0, BeanItemSync.TYPE.compareVersions(none, beanItem(2, "m", true, null)));
    assertTrue(
        RecordItemSync.TYPE.compareVersions(
                new RecordItem("r", "l", false, 1, null), new RecordItem("r", "l", false, 1, 0))
            < 0);
  }

  @Test
  void withIdSetsTheIdOfAMutableClassInPlace() {
    BeanItem item = beanItem(1, "n", false, null);
    assertSame(item, BeanItemSync.TYPE.withId(item, 42L));
    assertEquals(42L, BeanItemSync.TYPE.id(item));
  }

  @Test
  void recordsGetNewInstancesAndOriginalsStayUntouched() {
    RecordItem local = new RecordItem("r1", "mine", true, 1, 1);
    RecordItem server = new RecordItem("r1", "theirs", false, 5, 2);
    RecordItem localBefore = new RecordItem("r1", "mine", true, 1, 1);
    RecordItem serverBefore = new RecordItem("r1", "theirs", false, 5, 2);
    RecordItemSync type = RecordItemSync.TYPE;

    RecordItem merged = type.merge(local, server);
    assertEquals(new RecordItem("r1", "theirs", true, 5, 2), merged);

    Snapshot<RecordItem> snapshot = type.snapshot(local);
    RecordItem restored = type.restore(new RecordItem("r1", "other", false, 9, 3), snapshot);
    assertEquals(new RecordItem("r1", "mine", false, 1, 1), restored, "local-only from the target");

    RecordItem patched = RecordItemPatch.empty().size(8).applyTo(local);
    assertEquals(new RecordItem("r1", "mine", true, 8, 1), patched);

    RecordItem renamed = type.withId(local, "r2");
    assertEquals(new RecordItem("r2", "mine", true, 1, 1), renamed);

    RecordItem copy = type.copy(local);
    assertEquals(local, copy);

    for (RecordItem result : List.of(merged, restored, patched, renamed, copy)) {
      assertNotSame(local, result);
      assertNotSame(server, result);
    }
    assertEquals(localBefore, local);
    assertEquals(serverBefore, server);
  }

  @Test
  void superclassFieldsComeFirstAndTakePart() {
    assertEquals(
        List.of(SubItemField.ID, SubItemField.VERSION, SubItemField.OWNER, SubItemField.NOTE),
        SubItemSync.TYPE.fields());
    SubItem local = new SubItem();
    local.id = "s";
    local.version = 1;
    local.owner = "ann";
    local.note = "old";
    local.open = true;
    SubItem server = new SubItem();
    server.id = "s";
    server.version = 2;
    server.owner = "bob";
    server.note = "new";

    SubItemSync.TYPE.merge(local, server);

    assertEquals(2, local.version);
    assertEquals("bob", local.owner);
    assertEquals("new", local.note);
    assertTrue(local.open);
    assertEquals("s", SubItemSync.TYPE.id(local));
  }
}
