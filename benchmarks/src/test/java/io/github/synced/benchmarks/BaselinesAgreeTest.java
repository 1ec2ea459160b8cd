package io.github.synced.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.benchmarks.baseline.HandItem;
import io.github.synced.benchmarks.baseline.HandItemPatch;
import io.github.synced.benchmarks.baseline.HandItemSnapshot;
import io.github.synced.benchmarks.baseline.ReflectiveMerge;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemField;
import io.github.synced.benchmarks.model.ItemMapper;
import io.github.synced.benchmarks.model.ItemPatch;
import io.github.synced.benchmarks.model.ItemSync;
import io.github.synced.benchmarks.model.Items;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** Each baseline does the same work as the generated code it is compared with. */
class BaselinesAgreeTest {

  private static void assertSameSynced(Item expected, Item actual) {
    assertEquals(0, HandItem.diff(expected, actual), () -> expected + " vs " + actual);
  }

  @Test
  void everyMergeTakesTheSyncedFieldsAndKeepsTheLocalOnes() {
    ReflectiveMerge reflective = new ReflectiveMerge();
    List<BinaryOperator<Item>> merges =
        List.of(
            ItemSync.TYPE::merge,
            HandItem::merge,
            (l, s) -> {
              ItemMapper.INSTANCE.merge(l, s);
              return l;
            },
            reflective::merge);
    for (BinaryOperator<Item> merge : merges) {
      Item local = Items.local(7);
      Item server = Items.server(8);
      Item merged = merge.apply(local, server);
      assertSameSynced(server, merged);
      assertTrue(merged.isExpanded());
      assertEquals(Items.local(7).isSelected(), merged.isSelected());
    }
  }

  @Test
  void restoresAgree() {
    Item server = Items.server(8);
    Item generated = ItemSync.TYPE.restore(Items.local(7), ItemSync.TYPE.snapshot(server));
    HandItemSnapshot snapshot = HandItem.snapshot(server);
    Item hand = HandItem.restore(Items.local(7), snapshot);
    assertSameSynced(server, generated);
    assertSameSynced(server, hand);
    assertTrue(generated.isExpanded() && hand.isExpanded());
  }

  @Test
  void patchesSetTheSameTwoFields() {
    Item generated = ItemPatch.empty().title("t").done(false).applyTo(Items.local(2));
    Item hand = new HandItemPatch().title("t").done(false).applyTo(Items.local(2));
    assertSameSynced(generated, hand);
    assertEquals("t", hand.getTitle());
    assertEquals(
        HandItem.TITLE | HandItem.DONE, new HandItemPatch().title("t").done(false).fields());
    assertEquals(
        EnumSet.of(ItemField.TITLE, ItemField.DONE),
        EnumSet.copyOf(ItemPatch.empty().title("t").done(false).fields()));
  }

  @Test
  void diffsFindTheSameTwoFields() {
    Item a = Items.server(7);
    Item b = Items.server(7);
    b.setTitle("other");
    b.setDone(!b.isDone());
    assertEquals(
        EnumSet.of(ItemField.TITLE, ItemField.DONE), EnumSet.copyOf(ItemSync.TYPE.diff(a, b)));
    assertEquals(HandItem.TITLE | HandItem.DONE, HandItem.diff(a, b));
  }
}
