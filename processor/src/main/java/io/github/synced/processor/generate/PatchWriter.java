package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/** Writes {@code XPatch}: an immutable typed partial update of an entity. */
public final class PatchWriter {

  /** The patch class of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Patch");
    ClassName field = model.generated("Field");
    TypeName fieldSet = ParameterizedTypeName.get(ClassName.get(Set.class), field);
    List<Property> synced = model.synced();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "A typed partial update of {@link $T}: the synced fields it sets, each with its"
                    + " value.\n\n"
                    + "<p>Immutable: every setter returns a new patch, so a patch held by a pending"
                    + " mutation has\nthe same effect each time it is applied. A field that is not"
                    + " set is absent, which is\ndifferent from a field set to {@code null}. Start"
                    + " from {@link #empty()}, for example\n{@code $T.empty()$L}.\n",
                model.entity(),
                self,
                synced.stream()
                    .filter(p -> p.role() == Property.Role.PLAIN)
                    .limit(2)
                    .map(p -> "." + p.name() + "(...)")
                    .reduce("", String::concat))
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.PATCH, model.entity()));

    Code.suppressWarnings(
        type,
        java.util.stream.Stream.of(
                java.util.stream.Stream.of(model.entityWarnings()),
                Code.typeWarnings(synced),
                model.immutable()
                    ? java.util.stream.Stream.concat(
                        model.properties().stream().map(Property::readWarnings),
                        java.util.stream.Stream.of(model.constructorWarnings()))
                    : synced.stream().map(Property::writeWarnings))
            .flatMap(s -> s));
    if (model.wide()) {
      addWideConstructors(model, type, self, fieldSet);
    } else {
      type.addField(
          FieldSpec.builder(self, "EMPTY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The patch that sets no field.\n")
              .initializer(
                  "new $T($L)",
                  self,
                  Code.wrapped(
                      java.util.stream.Stream.concat(
                              java.util.stream.Stream.of(CodeBlock.of("$T.of()", Set.class)),
                              synced.stream().map(p -> Code.defaultValue(p.type())))
                          .toList()))
              .build());
      type.addField(Code.privateField(fieldSet, "fields", "The fields this patch sets.").build());
      CodeBlock.Builder params =
          CodeBlock.builder().add("@param fields the fields it sets, unmodifiable\n");
      MethodSpec.Builder constructor =
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PRIVATE)
              .addParameter(fieldSet, "fields")
              .addStatement("this.fields = fields");
      for (Property p : synced) {
        type.addField(valueField(p).build());
        params.add("@param $L the value it gives {@code $L}, if it sets it\n", p.name(), p.name());
        constructor
            .addParameter(p.type(), p.name())
            .addStatement("this.$L = $L", p.name(), p.name());
      }
      constructor.addJavadoc(
          "A patch that sets {@code fields} to these values.\n\n$L", params.build());
      type.addMethod(constructor.build());
    }

    type.addMethod(
        MethodSpec.methodBuilder("empty")
            .addJavadoc("{@return a patch that sets no field}\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addStatement("return EMPTY")
            .build());

    for (Property p : synced) {
      type.addMethod(
          MethodSpec.methodBuilder(p.name())
              .addJavadoc(
                  "A new patch that sets everything this one sets, and {@code $L} to {@code $L}.\n\n"
                      + "@param $L the value to set\n"
                      + "@return the new patch\n",
                  p.name(),
                  p.name(),
                  p.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addParameter(p.type(), p.name())
              .addStatement(
                  "return new $T($L)",
                  self,
                  model.wide()
                      ? CodeBlock.of("this, $L, $L", Code.constant(model, p), p.name())
                      : Code.wrapped(
                          java.util.stream.Stream.concat(
                                  java.util.stream.Stream.of(
                                      CodeBlock.of("with($L)", Code.constant(model, p))),
                                  synced.stream().map(q -> CodeBlock.of("$L", q.name())))
                              .toList()))
              .build());
      type.addMethod(
          MethodSpec.methodBuilder(p.name())
              .addJavadoc(
                  "{@return the value this patch gives {@code $L}, or $L if it does not set it}\n(See"
                      + " {@link #fields()}.)\n",
                  p.name(),
                  p.isPrimitive() ? "{@code " + Code.defaultValue(p.type()) + "}" : "{@code null}")
              .addModifiers(Modifier.PUBLIC)
              .returns(p.type())
              .addStatement("return $L", p.name())
              .build());
    }

    type.addMethod(
        MethodSpec.methodBuilder("fields")
            .addJavadoc("The fields this patch sets, in declaration order; unmodifiable.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(fieldSet)
            .addStatement("return fields")
            .build());

    CodeBlock.Builder get =
        CodeBlock.builder()
            .addStatement("$T known = $T.of(field)", field, field)
            .beginControlFlow("if (!fields.contains(known))")
            .addStatement(
                "throw new $T($S + known.fieldName() + $S)",
                IllegalArgumentException.class,
                self.simpleName() + " does not set '",
                "'")
            .endControlFlow()
            .add("return switch (known) {\n")
            .indent();
    for (Property p : synced) {
      get.add("case $L -> this.$L;\n", p.constantName(), p.name());
    }
    get.unindent().add("};\n");
    type.addMethod(
        MethodSpec.methodBuilder("get")
            .addJavadoc(
                "The value this patch gives {@code field} (primitives boxed).\n\n"
                    + "@throws IllegalArgumentException if this patch does not set {@code field}\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Object.class)
            .addParameter(Code.ENTITY_FIELD, "field")
            .addCode(get.build())
            .build());

    type.addMethod(applyTo(model));
    type.addMethod(equalsMethod(model, self));
    type.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addJavadoc("A hash of the fields this patch sets and their values.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement(
                "return $T.hash($L)",
                Objects.class,
                Code.wrapped(
                    java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("fields"),
                            synced.stream().map(Property::name))
                        .map(name -> CodeBlock.of("$L", name))
                        .toList()))
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addJavadoc(
                "The fields this patch sets with their values, for example {@code $L{$L=...}}.\n",
                self.simpleName(),
                synced.get(0).name())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement(
                "$T joiner = new $T($S, $S, $S)",
                StringJoiner.class,
                StringJoiner.class,
                ", ",
                self.simpleName() + "{",
                "}")
            .beginControlFlow("for ($T field : fields)", field)
            .addStatement("joiner.add(field.fieldName() + $S + get(field))", "=")
            .endControlFlow()
            .addStatement("return joiner.toString()")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("with")
            .addJavadoc(
                "{@return the fields this patch sets and {@code field}, unmodifiable}\n\n"
                    + "@param field the field to add\n")
            .addModifiers(Modifier.PRIVATE)
            .returns(fieldSet)
            .addParameter(field, "field")
            .addStatement(
                "$T<$T> set = $T.noneOf($T.class)", EnumSet.class, field, EnumSet.class, field)
            .addStatement("set.addAll(fields)")
            .addStatement("set.add(field)")
            .addStatement("return $T.unmodifiableSet(set)", Collections.class)
            .build());
    return type;
  }

  /**
   * The fields and constructors of a patch whose synced fields are too many for one constructor
   * that takes them all (the JVM allows 255 parameter slots): an empty patch, and a patch made from
   * the one before it with one more field set.
   */
  private static void addWideConstructors(
      EntityModel model, TypeSpec.Builder type, ClassName self, TypeName fieldSet) {
    type.addField(
        FieldSpec.builder(self, "EMPTY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The patch that sets no field.\n")
            .initializer("new $T()", self)
            .build());
    type.addField(Code.privateField(fieldSet, "fields", "The fields this patch sets.").build());
    MethodSpec.Builder empty =
        MethodSpec.constructorBuilder()
            .addJavadoc("The patch that sets no field.\n")
            .addModifiers(Modifier.PRIVATE)
            .addStatement("this.fields = $T.of()", Set.class);
    MethodSpec.Builder next =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "A patch that sets what {@code base} sets, and {@code field} to {@code value}.\n\n"
                    + "@param base the patch before\n"
                    + "@param field the field this patch sets too\n"
                    + "@param value the value of {@code field}, primitives boxed\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(self, "base")
            .addParameter(model.generated("Field"), "field")
            .addParameter(Object.class, "value")
            .addStatement("this.fields = base.with(field)");
    for (Property p : model.synced()) {
      type.addField(valueField(p).build());
      empty.addStatement("this.$L = $L", p.name(), Code.defaultValue(p.type()));
      next.addStatement(
          "this.$L = field == $L ? ($T) value : base.$L",
          p.name(),
          Code.constant(model, p),
          p.type().box(),
          p.name());
    }
    type.addMethod(empty.build()).addMethod(next.build());
  }

  private static FieldSpec.Builder valueField(Property p) {
    return Code.privateField(
        p.type(), p.name(), "The value this patch gives {@code $L}, if it sets it.", p.name());
  }

  private static MethodSpec applyTo(EntityModel model) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("applyTo")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(model.entity())
            .addParameter(model.entity(), "target");
    if (model.immutable()) {
      method
          .addJavadoc(
              "A new {@link $T} with exactly this patch's fields set and every other component,"
                  + " local-only\nones included, taken from {@code target}, which is left"
                  + " untouched.\n",
              model.entity())
          .addStatement(
              "return $L",
              Code.newRecord(
                  model,
                  p ->
                      p.isSynced()
                          ? CodeBlock.of(
                              "fields.contains($L) ? this.$L : $L",
                              Code.constant(model, p),
                              p.name(),
                              Code.read(p, "target"))
                          : Code.read(p, "target")));
    } else {
      method.addJavadoc(
          "Sets exactly this patch's fields on {@code target} and returns it; every other field,"
              + "\nlocal-only ones included, keeps its value.\n");
      for (Property p : model.synced()) {
        method
            .beginControlFlow("if (fields.contains($L))", Code.constant(model, p))
            .addStatement(Code.set(p, "target", CodeBlock.of("this.$L", p.name())))
            .endControlFlow();
      }
      method.addStatement("return target");
    }
    return method.build();
  }

  private static MethodSpec equalsMethod(EntityModel model, ClassName self) {
    CodeBlock.Builder condition =
        CodeBlock.builder()
            .add("object instanceof $T that\n", self)
            .add("&& fields.equals(that.fields)");
    for (Property p : model.synced()) {
      condition.add(
          "\n&& $L",
          Code.equal(p, CodeBlock.of("this.$L", p.name()), CodeBlock.of("that.$L", p.name())));
    }
    return MethodSpec.methodBuilder("equals")
        .addJavadoc(
            "Whether {@code object} is a patch that sets the same fields to equal values.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "object")
        .addStatement("return $L", condition.build())
        .build();
  }
}
