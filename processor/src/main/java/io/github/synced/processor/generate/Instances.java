package io.github.synced.processor.generate;

import com.palantir.javapoet.CodeBlock;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.function.Function;

/**
 * Making and changing entity instances in generated code: through the canonical (or all-state)
 * constructor for a record or another immutable type, through setters or fields for a mutable
 * class.
 */
final class Instances {

  private Instances() {}

  /** {@code new Entity(...)} for a record, each component's argument given by {@code value}. */
  static CodeBlock newRecord(EntityModel model, Function<Property, CodeBlock> value) {
    return CodeBlock.of(
        "new $T($L)",
        model.entity(),
        Code.arguments(model.properties().stream().map(value).toList()));
  }

  /**
   * Statements that give {@code target} new values and return the result: for a mutable class each
   * value is set in place and {@code target} returned; for a record (or another type changed
   * through its canonical constructor) a new instance is returned whose other components come from
   * {@code target}. This is the one place that chooses between the two.
   *
   * @param value the new value of a property, or {@code null} to keep the target's
   * @param when where not {@code null}, the condition under which a property takes its new value
   */
  static CodeBlock returnChanged(
      EntityModel model,
      String target,
      Function<Property, CodeBlock> value,
      Function<Property, CodeBlock> when) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (model.immutable()) {
      return code.addStatement(
              "return $L",
              newRecord(
                  model,
                  p -> {
                    CodeBlock v = value.apply(p);
                    CodeBlock kept = Copies.owned(model, p, Code.read(p, target));
                    if (v == null) {
                      return kept;
                    }
                    return when == null ? v : CodeBlock.of("$L ? $L : $L", when.apply(p), v, kept);
                  }))
          .build();
    }
    for (Property p : model.properties()) {
      CodeBlock v = value.apply(p);
      if (v == null) {
        continue;
      }
      if (when == null) {
        code.addStatement(Code.set(p, target, v));
      } else {
        code.beginControlFlow("if ($L)", when.apply(p))
            .addStatement(Code.set(p, target, v))
            .endControlFlow();
      }
    }
    return code.addStatement("return $L", target).build();
  }

  /**
   * Statements that make a new entity and return it: for a mutable class the no-argument
   * constructor, then a setter for each value; for a record the canonical constructor, with {@link
   * Code#localDefault}s for the properties without a value.
   *
   * @param value the value of a property, or {@code null} for none (a mutable class keeps what its
   *     constructor gives it)
   */
  static CodeBlock returnNew(EntityModel model, String name, Function<Property, CodeBlock> value) {
    if (model.immutable()) {
      return CodeBlock.builder()
          .addStatement(
              "return $L",
              newRecord(
                  model,
                  p -> {
                    CodeBlock v = value.apply(p);
                    return v != null ? v : Code.localDefault(p.type());
                  }))
          .build();
    }
    CodeBlock.Builder code =
        CodeBlock.builder().addStatement("$T $L = new $T()", model.entity(), name, model.entity());
    for (Property p : model.properties()) {
      CodeBlock v = value.apply(p);
      if (v != null) {
        code.addStatement(Code.set(p, name, v));
      }
    }
    return code.addStatement("return $L", name).build();
  }
}
