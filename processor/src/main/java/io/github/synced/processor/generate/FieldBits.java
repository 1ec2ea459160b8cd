package io.github.synced.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;

/**
 * Sets of synced fields as bits in generated code: bit {@code i} stands for the field whose ordinal
 * is {@code i}, in a {@code long} or, for more than 64 fields, an array of words.
 */
final class FieldBits {

  private FieldBits() {}

  /**
   * An expression that is true when the set of fields in variable {@code set} holds {@code p}: bit
   * {@code i} stands for synced field {@code i}, the ordinal of its field constant, so {@code (set
   * & 1L << 2) != 0}; where the fields are too many for one {@code long}, {@code set} is an array
   * of words and the test {@code (set[70 / 64] & 1L << 70 % 64) != 0}.
   */
  static CodeBlock has(EntityModel model, Property p, String set) {
    int i = model.index(p);
    return model.manyFields()
        ? CodeBlock.of("($L[$L / 64] & 1L << $L % 64) != 0", set, i, i)
        : CodeBlock.of("($L & 1L << $L) != 0", set, i);
  }

  /**
   * A statement adding {@code p} to the set of fields in variable {@code set}; see {@link #has}.
   */
  static CodeBlock add(EntityModel model, Property p, String set) {
    int i = model.index(p);
    return model.manyFields()
        ? CodeBlock.of("$L[$L / 64] |= 1L << $L % 64", set, i, i)
        : CodeBlock.of("$L |= 1L << $L", set, i);
  }

  /** The type of a set of fields held as bits: {@code long}, or {@code long[]} for many fields. */
  static TypeName bitsType(EntityModel model) {
    return model.manyFields() ? ArrayTypeName.of(long.class) : TypeName.LONG;
  }

  /** An empty set of fields as bits: {@code 0L}, or a new array of words. */
  static CodeBlock noBits(EntityModel model) {
    return model.manyFields()
        ? CodeBlock.of("new long[$L]", (model.synced().size() + 63) / 64)
        : CodeBlock.of("0L");
  }
}
