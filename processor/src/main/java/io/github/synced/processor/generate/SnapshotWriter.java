package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Writes {@code XSnapshot}: a record of an entity's synced fields. */
public final class SnapshotWriter {

  /**
   * The snapshot record of {@code model}; a class with the same members where the synced fields are
   * too many for a record's canonical constructor.
   */
  public TypeSpec.Builder write(EntityModel model) {
    if (model.wide()) {
      return writeClass(model);
    }
    ClassName self = model.generated("Snapshot");
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (Property p : model.synced()) {
      components.addParameter(p.type(), p.name());
    }
    CodeBlock.Builder get =
        CodeBlock.builder()
            .add("return switch ($T.of(field)) {\n", model.generated("Field"))
            .indent();
    for (Property p : model.synced()) {
      get.add("case $L -> this.$L;\n", p.constantName(), p.name());
    }
    get.unindent().add("};\n");
    TypeSpec.Builder type = TypeSpec.recordBuilder(self);
    Code.suppressWarnings(
        type, Stream.concat(Stream.of(model.entityWarnings()), Code.typeWarnings(model.synced())));
    CodeBlock.Builder params = CodeBlock.builder();
    for (Property p : model.synced()) {
      params.add("@param $L the value of {@code $L}\n", p.name(), p.name());
    }
    return type.addJavadoc(
            "The synced fields of one {@link $T} at one moment, as an immutable value. Local-only"
                + "\nfields are never part of it.\n\n$L",
            model.entity(),
            params.build())
        .addAnnotations(Code.generated(model))
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(components.build())
        .addSuperinterface(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()))
        .addMethod(
            MethodSpec.methodBuilder("get")
                .addJavadoc(
                    "The value of {@code field} in this snapshot (primitives boxed).\n\n"
                        + "@throws IllegalArgumentException if {@code field} is not a synced field"
                        + " of {@link $T}\n",
                    model.entity())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(Code.ENTITY_FIELD, "field")
                .addCode(get.build())
                .build());
  }

  /**
   * A final class with the record's members, made from the entity itself: a constructor that took
   * every synced field would pass the JVM's limit of 255 parameter slots.
   */
  private static TypeSpec.Builder writeClass(EntityModel model) {
    ClassName self = model.generated("Snapshot");
    TypeSpec.Builder type = TypeSpec.classBuilder(self);
    Code.suppressWarnings(
        type, Stream.concat(Stream.of(model.entityWarnings()), Code.typeWarnings(model.synced())));
    type.addJavadoc(
            "The synced fields of one {@link $T} at one moment, as an immutable value. Local-only"
                + "\nfields are never part of it. A class rather than a record: $L has more synced"
                + " fields\nthan a record's canonical constructor can take.\n",
            model.entity(),
            model.name())
        .addAnnotations(Code.generated(model))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()));
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "The synced fields of {@code entity} as they are now.\n\n"
                    + "@param entity the entity whose synced fields to keep\n")
            .addParameter(model.entity(), "entity");
    for (Property p : model.synced()) {
      type.addField(
          com.palantir.javapoet.FieldSpec.builder(
                  p.type(), p.name(), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("The value of {@code $L}.\n", p.name())
              .build());
      constructor.addStatement("this.$L = $L", p.name(), Code.read(p, "entity"));
    }
    type.addMethod(constructor.build());
    for (Property p : model.synced()) {
      type.addMethod(
          MethodSpec.methodBuilder(p.name())
              .addJavadoc("{@return the value of {@code $L}}\n", p.name())
              .addModifiers(Modifier.PUBLIC)
              .returns(p.type())
              .addStatement("return $L", p.name())
              .build());
    }
    CodeBlock.Builder get =
        CodeBlock.builder()
            .add("return switch ($T.of(field)) {\n", model.generated("Field"))
            .indent();
    for (Property p : model.synced()) {
      get.add("case $L -> this.$L;\n", p.constantName(), p.name());
    }
    get.unindent().add("};\n");
    type.addMethod(
        MethodSpec.methodBuilder("get")
            .addJavadoc(
                "The value of {@code field} in this snapshot (primitives boxed).\n\n"
                    + "@throws IllegalArgumentException if {@code field} is not a synced field"
                    + " of {@link $T}\n",
                model.entity())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Object.class)
            .addParameter(Code.ENTITY_FIELD, "field")
            .addCode(get.build())
            .build());
    CodeBlock.Builder equal = CodeBlock.builder().add("object instanceof $T that", self);
    for (Property p : model.synced()) {
      equal.add(
          "\n&& $L",
          Code.equal(p, CodeBlock.of("this.$L", p.name()), CodeBlock.of("that.$L", p.name())));
    }
    type.addMethod(
        MethodSpec.methodBuilder("equals")
            .addJavadoc(
                "Whether {@code object} is a snapshot with equal values, as for a record.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(Object.class, "object")
            .addStatement("return $L", equal.build())
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addJavadoc("A hash of the values.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement(
                "return $T.hash($L)",
                java.util.Objects.class,
                Code.wrapped(
                    model.synced().stream().map(p -> CodeBlock.of("$L", p.name())).toList()))
            .build());
    CodeBlock.Builder text = CodeBlock.builder().add("return $S", self.simpleName() + "[");
    String separator = "";
    for (Property p : model.synced()) {
      text.add("\n+ $S + $L", separator + p.name() + "=", p.name());
      separator = ", ";
    }
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addJavadoc("The values, as a record writes them.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("$L\n+ $S", text.build(), "]")
            .build());
    return type;
  }
}
