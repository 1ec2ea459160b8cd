package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes {@code XSync}: the entity description the runtime works through. */
public final class SyncWriter {

  /** The entity description class of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Sync");
    ClassName field = model.generated("Field");
    ClassName snapshot = model.generated("Snapshot");
    ClassName patch = model.generated("Patch");
    ClassName entity = model.entity();
    Property id = model.id();
    Optional<Property> version = model.version();
    TypeName idType = id.type().box();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "The description of {@link $T} that the Synced runtime works through: id and"
                    + " version,\ncopies, snapshots, restore, merge, patches and diffs, in plain"
                    + " code without reflection.\n\n"
                    + (model.immutable()
                        ? "<p>{@code $L} is a record: every method that produces an entity from"
                            + " another returns\na new instance and leaves its arguments"
                            + " untouched.\n\n"
                        : "<p>{@code $L} is a mutable class: {@code withId}, {@code restore} and"
                            + " {@code merge} change\ntheir first argument in place and return"
                            + " it.\n\n")
                    + "<p>Synced fields are the server's; local-only fields are the client's. Every"
                    + " method that\ntakes synced fields from one entity keeps the local-only"
                    + " fields of the other.\n",
                entity,
                model.name())
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.ENTITY_TYPE, idType, entity));

    type.addField(
        FieldSpec.builder(self, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The description of {@link $T}.\n", entity)
            .initializer("new $T()", self)
            .build());
    TypeName fieldList = ParameterizedTypeName.get(ClassName.get(List.class), field);
    type.addField(
        FieldSpec.builder(fieldList, "FIELDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The synced fields in declaration order, unmodifiable.\n")
            .initializer("$T.of($T.values())", List.class, field)
            .build());
    if (version.isPresent() && !version.get().isPrimitive()) {
      TypeName versionType = version.get().type();
      type.addField(
          FieldSpec.builder(
                  ParameterizedTypeName.get(ClassName.get(Comparator.class), versionType),
                  "VERSION_ORDER",
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc("The order of versions: {@code null} first, then natural order.\n")
              .initializer("$T.nullsFirst($T.naturalOrder())", Comparator.class, Comparator.class)
              .build());
    }
    Code.suppressWarnings(
        type,
        java.util.stream.Stream.of(
                java.util.stream.Stream.of(model.entityWarnings(), model.constructorWarnings()),
                Code.typeWarnings(model.synced()),
                model.properties().stream().map(Property::readWarnings),
                model.properties().stream().map(Property::writeWarnings))
            .flatMap(s -> s));
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc("The one instance is {@link #TYPE}.\n")
            .addModifiers(Modifier.PRIVATE)
            .build());

    type.addMethod(
        method("name", String.class)
            .addJavadoc("{@code $S}, the entity's simple name.\n", model.name())
            .addStatement("return $S", model.name())
            .build());
    type.addMethod(
        method("type", ParameterizedTypeName.get(ClassName.get(Class.class), entity))
            .addJavadoc("{@code $T.class}.\n", entity)
            .addStatement("return $T.class", entity)
            .build());
    type.addMethod(
        method("fields", fieldList)
            .addJavadoc(
                "The synced fields in declaration order (superclass fields first); unmodifiable.\n")
            .addStatement("return FIELDS")
            .build());
    type.addMethod(
        method("idField", field)
            .addJavadoc("{@link $T#$L}.\n", field, id.constantName())
            .addStatement("return $L", Code.constant(model, id))
            .build());
    type.addMethod(
        method("idType", ParameterizedTypeName.get(ClassName.get(Class.class), idType))
            .addJavadoc("{@code $T.class}, the class of the id.\n", idType)
            .addStatement("return $T.class", idType)
            .build());
    type.addMethod(
        method("unsetId", idType)
            .addJavadoc(
                "{@code $L}, the id a new {@link $T} has before it is given one.\n",
                unset(id),
                entity)
            .addStatement("return $L", unset(id))
            .build());
    type.addMethod(
        method("id", idType)
            .addJavadoc("The entity's {@code $L}.\n", id.name())
            .addParameter(entity, "entity")
            .addStatement("return $L", Code.read(id, "entity"))
            .build());
    type.addMethod(withId(model, idType));
    type.addMethod(
        method("hasVersion", boolean.class)
            .addJavadoc(
                version.isPresent()
                    ? "{@code true}: {@code $L} is the version.\n"
                    : "{@code false}: {@link $T} has no {@code @SyncVersion} field.\n",
                version.isPresent() ? version.get().name() : entity)
            .addStatement("return $L", version.isPresent())
            .build());
    MethodSpec.Builder versionField = method("versionField", field);
    MethodSpec.Builder versionOf = method("version", Object.class).addParameter(entity, "entity");
    MethodSpec.Builder compare =
        method("compareVersions", int.class).addParameter(entity, "a").addParameter(entity, "b");
    if (version.isPresent()) {
      Property v = version.get();
      versionField
          .addJavadoc("{@link $T#$L}.\n", field, v.constantName())
          .addStatement("return $L", Code.constant(model, v));
      versionOf
          .addJavadoc("The entity's {@code $L}$L.\n", v.name(), v.isPrimitive() ? ", boxed" : "")
          .addStatement("return $L", Code.read(v, "entity"));
      compare.addJavadoc(
          "Compares the {@code $L} of {@code a} and {@code b}: negative if {@code a} is older.$L\n",
          v.name(),
          v.isPrimitive() ? "" : " A\n{@code null} version is older than any other.");
      if (v.isPrimitive()) {
        compare.addStatement(
            "return $T.compare($L, $L)", v.type().box(), Code.read(v, "a"), Code.read(v, "b"));
      } else {
        compare.addStatement(
            "return VERSION_ORDER.compare($L, $L)", Code.read(v, "a"), Code.read(v, "b"));
      }
    } else {
      versionField
          .addJavadoc(
              "Never returns: {@link $T} has no version.\n\n"
                  + "@throws UnsupportedOperationException always\n",
              entity)
          .addStatement(
              "throw new $T($S)",
              UnsupportedOperationException.class,
              model.name() + " has no @SyncVersion field");
      versionOf
          .addJavadoc("{@code null}: {@link $T} has no version.\n", entity)
          .addStatement("return null");
      compare
          .addJavadoc("Always 0: {@link $T} has no version, so arrival order decides.\n", entity)
          .addStatement("return 0");
    }
    type.addMethod(versionField.build());
    type.addMethod(versionOf.build());
    type.addMethod(compare.build());

    type.addMethod(copy(model));
    type.addMethod(syncedCopy(model));
    type.addMethod(
        method("snapshot", snapshot)
            .addJavadoc("The synced fields of {@code entity}, as an immutable value.\n")
            .addParameter(entity, "entity")
            .addStatement(
                "return new $T($L)",
                snapshot,
                model.wide()
                    ? CodeBlock.of("entity")
                    : Code.arguments(
                        model.synced().stream().map(p -> Code.read(p, "entity")).toList()))
            .build());
    type.addMethod(restore(model));
    type.addMethod(merge(model));
    type.addMethod(patch(model, field, patch));
    type.addMethod(diff(model, field));
    CodeBlock.Builder get =
        CodeBlock.builder().add("return switch ($T.of(field)) {\n", field).indent();
    for (Property p : model.synced()) {
      get.add("case $L -> $L;\n", p.constantName(), Code.read(p, "entity"));
    }
    get.unindent().add("};\n");
    type.addMethod(
        method("get", Object.class)
            .addJavadoc(
                "The value of {@code field} in {@code entity} (primitives boxed).\n\n"
                    + "@throws IllegalArgumentException if {@code field} is not a synced field of"
                    + " {@link $T}\n",
                entity)
            .addParameter(entity, "entity")
            .addParameter(Code.ENTITY_FIELD, "field")
            .addCode(get.build())
            .build());
    return type;
  }

  /** The value a field of this property has in a new instance, as Java source. */
  private static String unset(Property p) {
    if (!p.isPrimitive()) {
      return "null";
    }
    return switch (p.kind()) {
      case BOOLEAN -> "false";
      case LONG -> "0L";
      case FLOAT -> "0.0f";
      case DOUBLE -> "0.0";
      case CHAR -> "'\\0'";
      case BYTE -> "(byte) 0";
      case SHORT -> "(short) 0";
      default -> "0";
    };
  }

  private static MethodSpec.Builder method(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private static MethodSpec.Builder method(String name, Class<?> returns) {
    return method(name, TypeName.get(returns));
  }

  private static MethodSpec withId(EntityModel model, TypeName idType) {
    Property id = model.id();
    MethodSpec.Builder method =
        method("withId", model.entity())
            .addParameter(model.entity(), "entity")
            .addParameter(idType, "id");
    if (model.immutable()) {
      return method
          .addJavadoc(
              "A new {@link $T} equal to {@code entity} but for its id; {@code entity} is left"
                  + " untouched.\n",
              model.entity())
          .addStatement(
              "return $L",
              Code.newRecord(
                  model, p -> p.equals(id) ? CodeBlock.of("id") : Code.read(p, "entity")))
          .build();
    }
    return method
        .addJavadoc("Sets the id of {@code entity} to {@code id} and returns {@code entity}.\n")
        .addStatement(Code.set(id, "entity", CodeBlock.of("id")))
        .addStatement("return entity")
        .build();
  }

  private static MethodSpec copy(EntityModel model) {
    MethodSpec.Builder method =
        method("copy", model.entity())
            .addJavadoc(
                "A new {@link $T} equal to {@code entity} in every field, synced and"
                    + " local-only.\nValues are copied as they are: a mutable local-only value,"
                    + " such as a list, is shared.\n",
                model.entity())
            .addParameter(model.entity(), "entity");
    if (model.immutable()) {
      return method
          .addStatement("return $L", Code.newRecord(model, p -> Code.read(p, "entity")))
          .build();
    }
    method.addStatement("$T copy = new $T()", model.entity(), model.entity());
    for (Property p : model.properties()) {
      method.addStatement(Code.set(p, "copy", Code.read(p, "entity")));
    }
    return method.addStatement("return copy").build();
  }

  private static MethodSpec syncedCopy(EntityModel model) {
    MethodSpec.Builder method =
        method("syncedCopy", model.entity()).addParameter(model.entity(), "entity");
    if (model.immutable()) {
      return method
          .addJavadoc(
              Code.javadoc(
                  "A new {@link $T} with the synced components of {@code entity} and no local-only"
                      + " value of it: what may leave the client. $L",
                  model.entity(),
                  Code.LOCAL_DEFAULTS))
          .addStatement(
              "return $L",
              Code.newRecord(
                  model, p -> p.isSynced() ? Code.read(p, "entity") : Code.localDefault(p.type())))
          .build();
    }
    method.addJavadoc(
        "A new {@link $T} with the synced fields of {@code entity} and every local-only"
            + " field as a\nnew instance has it: what may leave the client.\n",
        model.entity());
    method.addStatement("$T copy = new $T()", model.entity(), model.entity());
    for (Property p : model.synced()) {
      method.addStatement(Code.set(p, "copy", Code.read(p, "entity")));
    }
    return method.addStatement("return copy").build();
  }

  private static MethodSpec restore(EntityModel model) {
    ClassName snapshot = model.generated("Snapshot");
    MethodSpec.Builder method =
        method("restore", model.entity())
            .addParameter(model.entity(), "target")
            .addParameter(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()), "snapshot")
            .beginControlFlow("if (!(snapshot instanceof $T values))", snapshot)
            .addStatement(
                "throw new $T($S + snapshot)",
                IllegalArgumentException.class,
                "not a snapshot made by " + model.generated("Sync").simpleName() + ": ")
            .endControlFlow();
    if (model.immutable()) {
      return method
          .addJavadoc(
              "A new {@link $T} with every synced field taken from {@code snapshot} and every"
                  + " local-only\nfield from {@code target}, which is left untouched.\n\n"
                  + "@throws IllegalArgumentException if {@code snapshot} was not made by {@link"
                  + " #snapshot}\n",
              model.entity())
          .addStatement(
              "return $L",
              Code.newRecord(
                  model,
                  p ->
                      p.isSynced()
                          ? CodeBlock.of("values.$L()", p.name())
                          : Code.read(p, "target")))
          .build();
    }
    method.addJavadoc(
        "Sets every synced field of {@code target} to its value in {@code snapshot} and returns"
            + "\n{@code target}; local-only fields keep their values.\n\n"
            + "@throws IllegalArgumentException if {@code snapshot} was not made by {@link"
            + " #snapshot}\n");
    for (Property p : model.synced()) {
      method.addStatement(Code.set(p, "target", CodeBlock.of("values.$L()", p.name())));
    }
    return method.addStatement("return target").build();
  }

  private static MethodSpec merge(EntityModel model) {
    MethodSpec.Builder method =
        method("merge", model.entity())
            .addParameter(model.entity(), "local")
            .addParameter(model.entity(), "server");
    if (model.immutable()) {
      return method
          .addJavadoc(
              "A new {@link $T} with every synced field taken from {@code server} and every"
                  + " local-only\nfield from {@code local}; both arguments are left untouched.\n",
              model.entity())
          .addStatement(
              "return $L",
              Code.newRecord(
                  model, p -> p.isSynced() ? Code.read(p, "server") : Code.read(p, "local")))
          .build();
    }
    method.addJavadoc(
        "Sets every synced field of {@code local} to its value in {@code server} and returns"
            + "\n{@code local}; local-only fields keep their values and {@code server} is not"
            + " changed.\n");
    for (Property p : model.synced()) {
      method.addStatement(Code.set(p, "local", Code.read(p, "server")));
    }
    return method.addStatement("return local").build();
  }

  private static MethodSpec patch(EntityModel model, ClassName field, ClassName patch) {
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement("$T patch = $T.empty()", patch, patch)
            .beginControlFlow("for ($T field : fields)", Code.ENTITY_FIELD)
            .add("patch =\n")
            .indent()
            .indent()
            .add("switch ($T.of(field)) {\n", field)
            .indent();
    for (Property p : model.synced()) {
      body.add("case $L -> patch.$L($L);\n", p.constantName(), p.name(), Code.read(p, "source"));
    }
    body.unindent().add("};\n").unindent().unindent().endControlFlow().addStatement("return patch");
    return method("patch", patch)
        .addJavadoc(
            "A patch that sets {@code fields} to their values in {@code source}.\n\n"
                + "@throws IllegalArgumentException if a field is not a synced field of {@link"
                + " $T}\n",
            model.entity())
        .addParameter(model.entity(), "source")
        .addParameter(
            ParameterizedTypeName.get(
                ClassName.get(Set.class), WildcardTypeName.subtypeOf(Code.ENTITY_FIELD)),
            "fields")
        .addCode(body.build())
        .build();
  }

  private static MethodSpec diff(EntityModel model, ClassName field) {
    MethodSpec.Builder method =
        method("diff", ParameterizedTypeName.get(ClassName.get(Set.class), field))
            .addJavadoc(
                "The synced fields whose values differ between {@code a} and {@code b}, in"
                    + " declaration\norder; unmodifiable. Values are compared with {@code =="
                    + "} for primitives and\n{@code equals} otherwise (so {@code BigDecimal}"
                    + " values of different scale differ).\n")
            .addParameter(model.entity(), "a")
            .addParameter(model.entity(), "b")
            .addStatement(
                "$T<$T> changed = $T.noneOf($T.class)", Set.class, field, EnumSet.class, field);
    for (Property p : model.synced()) {
      method
          .beginControlFlow("if ($L)", Code.differ(p, Code.read(p, "a"), Code.read(p, "b")))
          .addStatement("changed.add($L)", Code.constant(model, p))
          .endControlFlow();
    }
    return method.addStatement("return $T.unmodifiableSet(changed)", Collections.class).build();
  }
}
