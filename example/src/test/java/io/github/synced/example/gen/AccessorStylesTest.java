package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated code reaches entities through every accessor style the processor accepts. */
class AccessorStylesTest {

  private static AccessorItem item(boolean active, boolean visible, int count, long version) {
    AccessorItem item = new AccessorItem();
    item.setId("a1");
    item.setActive(active);
    item.setVisible(visible);
    item.setCount(count);
    item.setVersion(version);
    return item;
  }

  @Test
  void fieldsAreNamedAfterTheJavaFields() {
    assertEquals(
        List.of(
            AccessorItemField.ID,
            AccessorItemField.IS_ACTIVE,
            AccessorItemField.VISIBLE,
            AccessorItemField.COUNT,
            AccessorItemField.VERSION),
        AccessorItemSync.TYPE.fields());
  }

  @Test
  void mergeReadsAndWritesThroughEveryAccessorStyle() {
    AccessorItem local = item(false, false, 1, 1);
    local.setPinned(true);
    AccessorItem server = item(true, true, 1000, 2);
    AccessorItem merged = AccessorItemSync.TYPE.merge(local, server);
    assertTrue(merged.isActive());
    assertTrue(merged.getVisible());
    assertEquals(1000, merged.getCount());
    assertEquals(2, merged.getVersion());
    assertTrue(merged.isPinned(), "local-only kept");
  }

  @Test
  void boxedGetterValuesAreComparedByValueNotByReference() {
    // 1000 is outside Integer's cache: comparing two boxes with != would call them different.
    AccessorItem a = item(true, false, 1000, 1);
    AccessorItem b = item(true, false, 1000, 1);
    assertEquals(Set.of(), AccessorItemSync.TYPE.diff(a, b));
    b.setCount(1001);
    assertEquals(Set.of(AccessorItemField.COUNT), AccessorItemSync.TYPE.diff(a, b));
  }

  @Test
  void patchAndSnapshotUseTheAccessors() {
    AccessorItem item = item(false, true, 5, 1);
    AccessorItemSnapshot before = AccessorItemSync.TYPE.snapshot(item);
    AccessorItemPatch.empty().isActive(true).count(6).applyTo(item);
    assertTrue(item.isActive());
    assertEquals(6, item.getCount());
    AccessorItemSync.TYPE.restore(item, before);
    assertFalse(item.isActive());
    assertEquals(5, item.getCount());
  }
}
