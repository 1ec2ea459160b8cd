package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The larger methods of {@code XPatch} that {@link PatchWriter} writes: the constructors of a wide
 * patch, {@code applyTo}, {@code equals} and the text of a field for {@code toString}.
 */
final class PatchMethods {

  private PatchMethods() {}

  /**
   * The constructors of a patch whose synced fields are more than the bits of one {@code long}: an
   * empty patch, and a patch made from the one before it with one more field set (a constructor
   * that took every value could pass the JVM's limit of 255 parameter slots).
   */
  static void addWideConstructors(EntityModel model, TypeSpec.Builder type, ClassName self) {
    ClassName field = model.generated("Field");
    MethodSpec.Builder empty =
        MethodSpec.constructorBuilder()
            .addJavadoc(Javadoc.of("The patch that sets no field."))
            .addModifiers(Modifier.PRIVATE)
            .addStatement("this.fields = $L", FieldBits.noBits(model));
    MethodSpec.Builder next =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                Javadoc.of(
                    "A patch that sets what {@code base} sets, and {@code field} to {@code value}."
                        + " For {@link $T}, which makes patches too.\n\n"
                        + "@param base the patch before\n"
                        + "@param field the field this patch sets too\n"
                        + "@param value the value of {@code field}, primitives boxed; always of the"
                        + " field's type",
                    model.generated("Sync")))
            .addParameter(self, "base")
            .addParameter(field, "field")
            .addParameter(Object.class, "value")
            .addStatement("this.fields = base.fields.clone()")
            .addStatement("this.fields[field.ordinal() / 64] |= 1L << field.ordinal() % 64");
    boolean generic = false;
    for (Property p : model.synced()) {
      empty.addStatement("this.$L = $L", p.name(), Code.defaultValue(p.type()));
      generic |= p.type() instanceof ParameterizedTypeName;
      next.addStatement(
          "this.$L = field == $L ? $L : base.$L",
          p.name(),
          Code.constant(model, p),
          Copies.frozen(model, p, CodeBlock.of("($T) value", p.type().box())),
          p.name());
    }
    if (generic) {
      // A cast to a generic type is unchecked: value is always of the type of field, since the
      // setters and XSync.patch pass only that.
      next.addAnnotation(
          com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "$S", "unchecked")
              .build());
    }
    type.addMethod(empty.build()).addMethod(next.build());
  }

  /** Adds the text of {@code field} to {@code joiner}: an array's elements, any other value. */
  static CodeBlock fieldText(EntityModel model) {
    List<Property> trees = PatchEdits.of(model);
    if (model.synced().stream().noneMatch(Property::copiedOnRead)) {
      return CodeBlock.builder()
          .addStatement("joiner.add(field.fieldName() + $S + get(field))", "=")
          .build();
    }
    String value = Code.fresh(model, "text");
    CodeBlock.Builder text =
        CodeBlock.builder().add("$T $L = switch (field) {\n$>", String.class, value);
    for (Property p : model.synced()) {
      if (trees.contains(p)) {
        text.add(
            "case $L -> $L != null$W? $S + $L$W: $L;\n",
            p.constantName(),
            PatchEdits.name(p),
            "changed inside ",
            PatchEdits.name(p),
            Code.text(model, p, CodeBlock.of("this.$L", p.name())));
      } else if (p.copiedOnRead()) {
        text.add(
            "case $L -> $L;\n",
            p.constantName(),
            Code.text(model, p, CodeBlock.of("this.$L", p.name())));
      }
    }
    return text.add("default -> $T.valueOf(get(field));\n$<};\n", String.class)
        .addStatement("joiner.add(field.fieldName() + $S + $L)", "=", value)
        .build();
  }

  static MethodSpec applyTo(EntityModel model) {
    return Code.override(
            "applyTo",
            model.entity(),
            model.immutable()
                ? "A new {@link $T} with exactly this patch's fields set and every other component,"
                    + " local-only ones included, taken from {@code target}, which is left"
                    + " untouched."
                : "Sets exactly this patch's fields on {@code target} and returns it; every other"
                    + " field, local-only ones included, keeps its value.",
            model.immutable() ? new Object[] {model.entity()} : new Object[0])
        .addParameter(model.entity(), "target")
        .addCode(
            Instances.returnChanged(
                model,
                "target",
                p ->
                    p.isSynced()
                        ? PatchEdits.applied(
                            model,
                            p,
                            "target",
                            Copies.into(model, p, "target", CodeBlock.of("this.$L", p.name())))
                        : null,
                p -> FieldBits.has(model, p, "fields")))
        .build();
  }

  static MethodSpec equalsMethod(EntityModel model, ClassName self) {
    CodeBlock.Builder condition =
        CodeBlock.builder()
            .add("object instanceof $T that\n", self)
            .add(
                model.manyFields()
                    ? CodeBlock.of("&& $T.equals(fields, that.fields)", Arrays.class)
                    : CodeBlock.of("&& fields == that.fields"));
    for (Property p : model.synced()) {
      condition.add(
          "\n&& $L",
          Code.equal(
              model, p, CodeBlock.of("this.$L", p.name()), CodeBlock.of("that.$L", p.name())));
    }
    for (Property p : PatchEdits.of(model)) {
      condition.add(
          "\n&& $T.equals(this.$L, that.$L)",
          Objects.class,
          PatchEdits.name(p),
          PatchEdits.name(p));
    }
    return Code.override(
            "equals",
            boolean.class,
            "Whether {@code object} is a patch that sets the same fields to equal values.")
        .addParameter(Object.class, "object")
        .addStatement("return $L", condition.build())
        .build();
  }
}
