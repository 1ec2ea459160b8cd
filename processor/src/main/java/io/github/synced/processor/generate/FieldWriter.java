package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** Writes {@code XField}: the enum of an entity's synced fields. */
public final class FieldWriter {

  /** The field enum of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Field");
    TypeSpec.Builder type =
        TypeSpec.enumBuilder(self)
            .addJavadoc(
                Javadoc.of(
                    "The synced fields of {@link $T}, in declaration order: the id, the version"
                        + " and every other field except the local-only ones. A field's ordinal is"
                        + " its bit in a set of fields ({@link $T}).",
                    model.entity(),
                    Code.FIELD_SET))
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(Code.ENTITY_FIELD);
    for (Property p : model.synced()) {
      type.addEnumConstant(
          p.constantName(),
          TypeSpec.anonymousClassBuilder("$S", p.name())
              .addJavadoc(
                  Javadoc.of(
                      switch (p.role()) {
                        case ID -> "The id, {@code $L}.";
                        case VERSION -> "The version, {@code $L}.";
                        case PLAIN -> "{@code $L}.";
                      },
                      p.name()))
              .build());
    }
    return type.addField(
            com.palantir.javapoet.FieldSpec.builder(
                    String.class, "fieldName", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc(Javadoc.of("The field's Java name."))
                .build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addJavadoc(
                    Javadoc.of(
                        "The constant of the field named {@code fieldName}.\n\n"
                            + "@param fieldName the field's Java name"))
                .addParameter(String.class, "fieldName")
                .addStatement("this.fieldName = fieldName")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("fieldName")
                .addJavadoc(
                    Javadoc.of("The field's Java name as written in {@link $T}.", model.entity()))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return fieldName")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("of")
                .addJavadoc(
                    Javadoc.of(
                        "{@code field} as one of $L's fields.\n\n"
                            + "@param field a field of any entity type\n"
                            + "@return the constant that is {@code field}\n"
                            + "@throws IllegalArgumentException if {@code field} is not a synced"
                            + " field of {@link $T}",
                        model.name(),
                        model.entity()))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addParameter(ParameterSpec.builder(Code.ENTITY_FIELD, "field").build())
                .beginControlFlow("if (field instanceof $T $L)", self, "known")
                .addStatement("return known")
                .endControlFlow()
                .addStatement("$T.requireNonNull(field, $S)", Objects.class, "field")
                .addStatement(
                    "throw new $T(\n$S + field.fieldName() + $S + field.getClass().getSimpleName()\n+ $S)",
                    IllegalArgumentException.class,
                    "'",
                    "' of ",
                    " is not a synced field of " + model.name())
                .build());
  }
}
