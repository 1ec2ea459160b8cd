package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the methods of {@code XSync} that look at entities field by field: {@code patch}, {@code
 * diff} and {@code syncedEquals}.
 */
final class SyncComparisonMethods {

  private SyncComparisonMethods() {}

  static MethodSpec patch(EntityModel model, ClassName field) {
    ClassName patch = model.generated("Patch");
    MethodSpec.Builder method =
        Code.override(
                "patch",
                patch,
                "A patch that sets {@code fields} to their values in {@code source}.\n\n"
                    + "@throws IllegalArgumentException if a field is not a synced field of {@link"
                    + " $T}",
                model.entity())
            .addParameter(model.entity(), "source")
            .addParameter(
                ParameterizedTypeName.get(
                    ClassName.get(Set.class), WildcardTypeName.subtypeOf(Code.ENTITY_FIELD)),
                "fields");
    if (model.manyFields()) {
      // The patch is too wide for a constructor that takes every value: made field by field.
      return method
          .addStatement("$T patch = $T.empty()", patch, patch)
          .beginControlFlow("for ($T each : fields)", Code.ENTITY_FIELD)
          .addStatement("$T known = $T.of(each)", field, field)
          .addStatement("patch = new $T(patch, known, get(source, known))", patch)
          .endControlFlow()
          .addStatement("return patch")
          .build();
    }
    return method
        .addStatement("long set = 0")
        .beginControlFlow("for ($T each : fields)", Code.ENTITY_FIELD)
        .addStatement("set |= 1L << $T.of(each).ordinal()", field)
        .endControlFlow()
        .addStatement(
            "return new $T($L)",
            patch,
            Code.arguments(
                Stream.concat(
                        Stream.of(CodeBlock.of("set")),
                        model.synced().stream()
                            .map(
                                p ->
                                    CodeBlock.of(
                                        "$L ? $L : $L",
                                        FieldBits.has(model, p, "set"),
                                        Copies.frozen(model, p, Code.read(p, "source")),
                                        Code.defaultValue(p.type()))))
                    .toList()))
        .build();
  }

  static MethodSpec diff(EntityModel model, ClassName field) {
    MethodSpec.Builder method =
        Code.override(
                "diff",
                ParameterizedTypeName.get(Code.FIELD_SET, field),
                "The synced fields whose values differ between {@code a} and {@code b}, in"
                    + " declaration order; unmodifiable. Values are compared with {@code ==} for"
                    + " primitives, {@code compare} for floating-point values (so {@code NaN}"
                    + " equals itself) and {@code equals} otherwise (so {@code BigDecimal} values"
                    + " of different scale differ).")
            .addParameter(model.entity(), "a")
            .addParameter(model.entity(), "b")
            .addStatement("$T changed = $L", FieldBits.bitsType(model), FieldBits.noBits(model));
    for (Property p : model.synced()) {
      method
          .beginControlFlow("if ($L)", Code.differ(model, p, Code.read(p, "a"), Code.read(p, "b")))
          .addStatement(FieldBits.add(model, p, "changed"))
          .endControlFlow();
    }
    return method.addStatement("return $T.of(FIELDS, changed)", Code.FIELD_SET).build();
  }

  static MethodSpec syncedEquals(EntityModel model) {
    CodeBlock.Builder all = CodeBlock.builder();
    String and = "";
    for (Property p : model.synced()) {
      all.add("$L$L", and, Code.equal(model, p, Code.read(p, "a"), Code.read(p, "b")));
      and = "\n&& ";
    }
    return Code.override(
            "syncedEquals",
            boolean.class,
            "Whether every synced field of {@code a} equals that of {@code b}, compared as {@link"
                + " #diff} compares them; nothing is allocated.")
        .addParameter(model.entity(), "a")
        .addParameter(model.entity(), "b")
        .addStatement("return $L", all.build())
        .build();
  }
}
