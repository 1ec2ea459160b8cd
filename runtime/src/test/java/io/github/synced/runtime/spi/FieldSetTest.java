package io.github.synced.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A set of fields as bits behaves as an unmodifiable {@link Set} in declaration order. */
class FieldSetTest {

  private enum Color implements EntityField {
    RED,
    GREEN,
    BLUE;

    @Override
    public String fieldName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private enum Other implements EntityField {
    RED;

    @Override
    public String fieldName() {
      return "red";
    }
  }

  private static final List<Color> COLORS = List.of(Color.values());

  /** A field that is not an enum, of a type with 130 fields. */
  private record Wide(int index) implements EntityField {
    @Override
    public String fieldName() {
      return "f" + index;
    }
  }

  private static final List<Wide> WIDE = IntStream.range(0, 130).mapToObj(Wide::new).toList();

  @Test
  void holdsExactlyTheFieldsWhoseBitsAreSetInDeclarationOrder() {
    FieldSet<Color> set = FieldSet.of(COLORS, 0b101L);
    assertEquals(List.of(Color.RED, Color.BLUE), new ArrayList<>(set));
    assertEquals(2, set.size());
    assertTrue(set.contains(Color.RED));
    assertFalse(set.contains(Color.GREEN));
    Set<?> any = set;
    assertFalse(any.contains(Other.RED), "a constant of another enum with the same ordinal");
    assertFalse(any.contains("RED"));
    assertFalse(set.contains(null));
  }

  @Test
  void equalsAnySetWithTheSameFields() {
    FieldSet<Color> set = FieldSet.of(COLORS, 0b011L);
    assertEquals(Set.of(Color.RED, Color.GREEN), set);
    assertEquals(set, Set.of(Color.GREEN, Color.RED));
    assertEquals(new LinkedHashSet<>(List.of(Color.RED, Color.GREEN)).hashCode(), set.hashCode());
    assertEquals(FieldSet.of(COLORS, 0b011L), set);
    assertNotEquals(FieldSet.of(COLORS, 0b010L), set);
  }

  @Test
  void emptyWhereNoKnownBitIsSet() {
    assertTrue(FieldSet.of(COLORS, 0L).isEmpty());
    assertTrue(FieldSet.of(COLORS, 1L << 5).isEmpty(), "bits beyond the fields are ignored");
    assertEquals(Set.of(), FieldSet.of(COLORS, 0L));
    assertFalse(FieldSet.of(COLORS, 1L).isEmpty());
  }

  @Test
  void isUnmodifiable() {
    FieldSet<Color> set = FieldSet.of(COLORS, 0b111L);
    assertThrows(UnsupportedOperationException.class, () -> set.add(Color.RED));
    assertThrows(UnsupportedOperationException.class, () -> set.remove(Color.RED));
    assertThrows(UnsupportedOperationException.class, set::clear);
    assertThrows(UnsupportedOperationException.class, () -> set.iterator().remove());
  }

  @Test
  void typesOfMoreThan64FieldsUseWords() {
    FieldSet<Wide> set = FieldSet.of(WIDE, new long[] {1L, 1L << 6, 1L << 1});
    assertEquals(List.of(WIDE.get(0), WIDE.get(70), WIDE.get(129)), new ArrayList<>(set));
    assertEquals(3, set.size());
    assertTrue(set.contains(new Wide(70)));
    assertFalse(set.contains(new Wide(71)));
    assertEquals(set, FieldSet.of(WIDE, new long[] {1L, 1L << 6, 1L << 1 | 1L << 7}));
    assertTrue(FieldSet.of(WIDE, new long[3]).isEmpty());
    assertEquals(Set.of(WIDE.get(64)), FieldSet.of(WIDE, new long[] {0L, 1L}));
  }
}
