package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.ArrayList;
import java.util.List;
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
    boolean copies = model.synced().stream().anyMatch(Property::copied);
    MethodSpec.Builder components =
        copies ? MethodSpec.compactConstructorBuilder() : MethodSpec.constructorBuilder();
    StringBuilder componentDocs = new StringBuilder();
    for (Property p : model.synced()) {
      components.addParameter(p.type(), p.name());
      componentDocs.append("\n@param ").append(p.name()).append(" the value of {@code ");
      componentDocs.append(p.name()).append('}');
      if (p.copied()) {
        components.addStatement(
            "$L = $L", p.name(), Copies.frozen(model, p, CodeBlock.of("$L", p.name())));
      }
    }
    if (copies) {
      components
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(
              Javadoc.of(
                  "Keeps unmodifiable copies of the collections and maps it is given$L, so that"
                      + " changing them later changes no snapshot.\n"
                      + componentDocs,
                  model.synced().stream().anyMatch(Property::copiedOnRead)
                      ? " and copies of the arrays and nested objects"
                      : ""));
    }
    TypeSpec.Builder type = TypeSpec.recordBuilder(self);
    Code.suppressWarnings(
        type, Stream.concat(Stream.of(model.entityWarnings()), Code.typeWarnings(model.synced())));
    StringBuilder params = new StringBuilder();
    for (Property p : model.synced()) {
      params.append("\n@param ").append(p.name()).append(" the value of {@code ");
      params.append(p.name()).append('}');
    }
    return type.addJavadoc(
            Javadoc.of(
                ABOUT + params, model.entity(), model.generated("Sync"), model.generated("Sync")))
        .addAnnotations(Code.generated(model))
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(components.build())
        .addSuperinterface(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()))
        .addMethods(arrayMembers(model, self))
        .addMethod(get(model));
  }

  /**
   * For a record with array components: accessors that return clones, and {@code equals}, {@code
   * hashCode} and {@code toString} that look at the arrays' elements, where a record's own would
   * compare them by identity.
   */
  private static List<MethodSpec> arrayMembers(EntityModel model, ClassName self) {
    List<MethodSpec> methods = new ArrayList<>();
    if (model.synced().stream().noneMatch(Property::copiedOnRead)) {
      return methods;
    }
    for (Property p : model.synced()) {
      if (p.copiedOnRead()) {
        methods.add(accessor(model, p));
      }
    }
    methods.add(equalsMethod(model, self));
    methods.add(hashCodeMethod(model));
    methods.add(toStringMethod(model, self));
    return methods;
  }

  /** The accessor of {@code p}: a clone where {@code p} is an array, which stays the snapshot's. */
  private static MethodSpec accessor(EntityModel model, Property p) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(p.name())
            .addJavadoc(
                p.copiedOnRead()
                    ? Javadoc.of(
                        "{@return a copy of the value of {@code $L}}: the snapshot keeps its own.",
                        p.name())
                    : Javadoc.of("{@return the value of {@code $L}}", p.name()));
    if (!model.wide()) {
      method.addAnnotation(Override.class); // an explicit accessor of a record component
    }
    return method
        .addModifiers(Modifier.PUBLIC)
        .returns(p.type())
        .addStatement(
            "return $L",
            p.copiedOnRead()
                ? Copies.owned(model, p, CodeBlock.of("$L", p.name()))
                : CodeBlock.of("$L", p.name()))
        .build();
  }

  /**
   * What a snapshot is for, in its Javadoc: the engine keeps entities, so the snapshot is the
   * user's value of synced state.
   */
  private static final String ABOUT =
      "The synced fields of one {@link $T} at one moment, as an immutable value; local-only"
          + " fields are never part of it. Made by {@link $T#snapshot}, it is an undo point"
          + " ({@link $T#restore} puts its values back and keeps local-only ones), a comparison of"
          + " synced state ({@code equals}) and what a view can render.\n";

  /** {@code get(field)}: the value of a field by its enum constant. */
  private static MethodSpec get(EntityModel model) {
    return MethodSpec.methodBuilder("get")
        .addJavadoc(
            Javadoc.of(
                "The value of {@code field} in this snapshot (primitives boxed$L).\n\n"
                    + "@throws IllegalArgumentException if {@code field} is not a synced field of"
                    + " {@link $T}",
                model.synced().stream().anyMatch(Property::copiedOnRead) ? ", arrays copied" : "",
                model.entity()))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(Code.ENTITY_FIELD, "field")
        .addCode(
            Code.returnSwitch(
                model,
                CodeBlock.of("$T.of(field)", model.generated("Field")),
                p ->
                    p.copiedOnRead()
                        ? Copies.owned(model, p, CodeBlock.of("this.$L", p.name()))
                        : CodeBlock.of("this.$L", p.name())))
        .build();
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
            Javadoc.of(
                ABOUT
                    + "\n<p>A class rather than a record: $L has more synced fields than a record's"
                    + " canonical constructor can take.",
                model.entity(),
                model.generated("Sync"),
                model.generated("Sync"),
                model.name()))
        .addAnnotations(Code.generated(model))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()));
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addJavadoc(
                Javadoc.of(
                    "The synced fields of {@code entity} as they are now.\n\n"
                        + "@param entity the entity whose synced fields to keep"))
            .addParameter(model.entity(), "entity");
    for (Property p : model.synced()) {
      type.addField(
          com.palantir.javapoet.FieldSpec.builder(
                  p.type(), p.name(), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(Javadoc.of("The value of {@code $L}.", p.name()))
              .build());
      constructor.addStatement(
          "this.$L = $L", p.name(), Copies.frozen(model, p, Code.read(p, "entity")));
    }
    type.addMethod(constructor.build());
    for (Property p : model.synced()) {
      type.addMethod(accessor(model, p));
    }
    type.addMethod(get(model));
    type.addMethod(equalsMethod(model, self));
    type.addMethod(hashCodeMethod(model));
    type.addMethod(toStringMethod(model, self));
    return type;
  }

  private static MethodSpec equalsMethod(EntityModel model, ClassName self) {
    CodeBlock.Builder equal = CodeBlock.builder().add("object instanceof $T that", self);
    for (Property p : model.synced()) {
      equal.add(
          "\n&& $L",
          Code.equal(
              model, p, CodeBlock.of("this.$L", p.name()), CodeBlock.of("that.$L", p.name())));
    }
    return MethodSpec.methodBuilder("equals")
        .addJavadoc(
            Javadoc.of(
                "Whether {@code object} is a snapshot with equal values, as for a record$L.",
                model.synced().stream().anyMatch(Property::copiedOnRead)
                    ? " (arrays with equal elements, nested objects with equal synced fields)"
                    : ""))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "object")
        .addStatement("return $L", equal.build())
        .build();
  }

  private static MethodSpec hashCodeMethod(EntityModel model) {
    return MethodSpec.methodBuilder("hashCode")
        .addJavadoc(Javadoc.of("A hash of the values."))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addStatement(
            "return $T.hash($L)",
            java.util.Objects.class,
            Code.wrapped(
                model.synced().stream()
                    .map(p -> Code.hashed(model, p, CodeBlock.of("$L", p.name())))
                    .toList()))
        .build();
  }

  private static MethodSpec toStringMethod(EntityModel model, ClassName self) {
    CodeBlock.Builder text = CodeBlock.builder().add("return $S", self.simpleName() + "[");
    String separator = "";
    for (Property p : model.synced()) {
      text.add(
          "\n+ $S + $L",
          separator + p.name() + "=",
          Code.text(model, p, CodeBlock.of("$L", p.name())));
      separator = ", ";
    }
    return MethodSpec.methodBuilder("toString")
        .addJavadoc(Javadoc.of("The values, as a record writes them."))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$L\n+ $S", text.build(), "]")
        .build();
  }
}
