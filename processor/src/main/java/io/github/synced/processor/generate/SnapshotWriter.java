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

  /** The snapshot record of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
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
    return type.addJavadoc(
            "The synced fields of one {@link $T} at one moment, as an immutable value. Local-only"
                + "\nfields are never part of it.\n",
            model.entity())
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
}
