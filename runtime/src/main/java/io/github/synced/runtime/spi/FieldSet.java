package io.github.synced.runtime.spi;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An immutable set of one entity type's synced fields, held as a bitmask: bit {@code i} stands for
 * field {@code i} of the type's {@linkplain EntityType#fields() fields in declaration order}. It
 * iterates in declaration order, answers {@code contains} without hashing, and is one small object,
 * so generated patches and diffs hand out sets without copying an {@code EnumSet}. Every mutating
 * method throws {@link UnsupportedOperationException}; it equals any {@link java.util.Set} with the
 * same fields.
 *
 * @param <F> the field type, usually the generated field enum ({@code TaskField})
 */
public class FieldSet<F extends EntityField> extends AbstractSet<F> {

  /** The empty set, over no fields. */
  private static final FieldSet<EntityField> NONE = new FieldSet<>(List.of(), 0L);

  /** The type's fields in declaration order: bit {@code i} is {@code all.get(i)}. */
  private final List<F> all;

  /** The bits of fields 0 to 63. */
  private final long low;

  /** Only {@link #of} makes sets; a set of fields 0 to 63 is one object of 24 bytes. */
  private FieldSet(List<F> all, long low) {
    this.all = all;
    this.low = low;
  }

  /** A set over a type of more than 64 fields. */
  private static final class Wide<F extends EntityField> extends FieldSet<F> {
    /** The bits of fields from 64 on, 64 to a word. */
    private final long[] high;

    Wide(List<F> all, long low, long[] high) {
      super(all, low);
      this.high = high;
    }

    @Override
    long[] high() {
      return high;
    }
  }

  /** The bits of fields from 64 on, 64 to a word; {@code null} for a type of at most 64 fields. */
  long[] high() {
    return null;
  }

  /**
   * The fields among {@code all} whose bits are set in {@code bits}: bit {@code i} for {@code
   * all.get(i)}. Bits beyond the size of {@code all} are ignored.
   *
   * @param all the type's fields in declaration order, unmodifiable (kept, not copied)
   * @param bits the bits of the fields in the set
   * @return the set, a shared empty set where no bit is set
   */
  @SuppressWarnings("unchecked") // the empty set holds no F
  public static <F extends EntityField> FieldSet<F> of(List<F> all, long bits) {
    long known = all.size() >= 64 ? bits : bits & ((1L << all.size()) - 1);
    return known == 0 ? (FieldSet<F>) NONE : new FieldSet<>(all, known);
  }

  /**
   * As {@link #of(List, long)} for a type of any number of fields: word {@code w} of {@code words}
   * holds the bits of fields {@code 64 w} to {@code 64 w + 63}.
   *
   * @param all the type's fields in declaration order, unmodifiable (kept, not copied)
   * @param words the bits of the fields in the set (copied)
   * @return the set, a shared empty set where no bit is set
   */
  @SuppressWarnings("unchecked") // the empty set holds no F
  public static <F extends EntityField> FieldSet<F> of(List<F> all, long[] words) {
    if (all.size() <= 64) {
      return of(all, words.length == 0 ? 0L : words[0]);
    }
    long[] high = new long[(all.size() - 1) / 64];
    boolean any = words.length > 0 && words[0] != 0;
    for (int w = 0; w < high.length && w + 1 < words.length; w++) {
      long mask = w + 1 == high.length && all.size() % 64 != 0 ? (1L << all.size() % 64) - 1 : -1L;
      high[w] = words[w + 1] & mask;
      any |= high[w] != 0;
    }
    return any ? new Wide<>(all, words.length == 0 ? 0L : words[0], high) : (FieldSet<F>) NONE;
  }

  /** Whether the bit of field {@code index} is set. */
  private boolean has(int index) {
    if (index < 64) {
      return (low & 1L << index) != 0;
    }
    long[] high = high();
    int word = (index >>> 6) - 1;
    return high != null && word < high.length && (high[word] & 1L << index) != 0;
  }

  /**
   * The index of {@code field} among {@link #all}, or -1. An enum's ordinal is its declaration
   * index, which is what a bit stands for: checked against {@link #all}, so a constant of another
   * enum is never found.
   */
  @SuppressWarnings("EnumOrdinal")
  private int indexOf(Object field) {
    if (field instanceof Enum<?> constant) {
      int i = constant.ordinal();
      return i < all.size() && all.get(i) == field ? i : -1;
    }
    return field instanceof EntityField ? all.indexOf(field) : -1;
  }

  @Override
  public boolean contains(Object field) {
    int i = indexOf(field);
    return i >= 0 && has(i);
  }

  @Override
  public int size() {
    int size = Long.bitCount(low);
    long[] high = high();
    if (high != null) {
      for (long word : high) {
        size += Long.bitCount(word);
      }
    }
    return size;
  }

  @Override
  public boolean isEmpty() {
    return low == 0 && high() == null; // a set with no bit set is NONE
  }

  /** The fields in declaration order. */
  @Override
  public Iterator<F> iterator() {
    long[] high = high();
    return new Iterator<>() {
      // The word being read: -1 for low, then indexes into high.
      private int word = -1;

      // The bits of the current word not returned yet.
      private long rest = low;

      @Override
      public boolean hasNext() {
        while (rest == 0) {
          if (high == null || word + 1 >= high.length) {
            return false;
          }
          rest = high[++word];
        }
        return true;
      }

      @Override
      public F next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int bit = Long.numberOfTrailingZeros(rest);
        rest &= rest - 1;
        return all.get((word + 1) * 64 + bit);
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof FieldSet<?> that && that.all == all) {
      return low == that.low && Arrays.equals(high(), that.high());
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (F field : this) {
      hash += Objects.hashCode(field);
    }
    return hash;
  }
}
