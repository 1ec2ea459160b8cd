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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Writes {@code XSync}: the entity description the runtime works through. */
public final class SyncWriter {

  /** The entity description class of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Sync");
    ClassName field = model.generated("Field");
    ClassName entity = model.entity();
    Property id = model.id();
    Optional<Property> version = model.version();
    TypeName idType = id.type().box();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                Code.javadoc(
                    "The description of {@link $T} that the Synced runtime works through: id and"
                        + " version, copies, snapshots, restore, merge, patches and diffs, in plain"
                        + " code without reflection.\n\n"
                        + (model.immutable()
                            ? "<p>{@code $L} is a record: every method that produces an entity from"
                                + " another returns a new instance and leaves its arguments"
                                + " untouched.\n\n"
                            : "<p>{@code $L} is a mutable class: {@code withId}, {@code restore}"
                                + " and {@code merge} change their first argument in place and"
                                + " return it.\n\n")
                        + "<p>Synced fields are the server's; local-only fields are the client's."
                        + " Every method that takes synced fields from one entity keeps the"
                        + " local-only fields of the other.",
                    entity,
                    model.name()))
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.ENTITY_TYPE, idType, entity));

    type.addField(
        FieldSpec.builder(self, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(Code.javadoc("The description of {@link $T}.", entity))
            .initializer("new $T()", self)
            .build());
    TypeName fieldList = ParameterizedTypeName.get(ClassName.get(List.class), field);
    type.addField(
        FieldSpec.builder(fieldList, "FIELDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(Code.javadoc("The synced fields in declaration order, unmodifiable."))
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
              .addJavadoc(Code.javadoc("The order of versions: {@code null} first, then natural."))
              .initializer("$T.nullsFirst($T.naturalOrder())", Comparator.class, Comparator.class)
              .build());
    }
    Code.suppressWarnings(
        type,
        Stream.of(
                Stream.of(model.entityWarnings(), model.constructorWarnings()),
                Code.typeWarnings(model.synced()),
                model.properties().stream().map(Property::readWarnings),
                model.properties().stream().map(Property::writeWarnings))
            .flatMap(s -> s));
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(Code.javadoc("The one instance is {@link #TYPE}."))
            .addModifiers(Modifier.PRIVATE)
            .build());

    type.addMethod(
        method("name", String.class, "{@code \"$L\"}, the entity's simple name.", model.name())
            .addStatement("return $S", model.name())
            .build());
    type.addMethod(
        method(
                "type",
                ParameterizedTypeName.get(ClassName.get(Class.class), entity),
                "{@code $T.class}.",
                entity)
            .addStatement("return $T.class", entity)
            .build());
    type.addMethod(
        method(
                "fields",
                fieldList,
                "The synced fields in declaration order (superclass fields first); unmodifiable.")
            .addStatement("return FIELDS")
            .build());
    type.addMethod(
        method("idField", field, "{@link $T#$L}.", field, id.constantName())
            .addStatement("return $L", Code.constant(model, id))
            .build());
    type.addMethod(
        method(
                "idType",
                ParameterizedTypeName.get(ClassName.get(Class.class), idType),
                "{@code $T.class}, the class of the id.",
                idType)
            .addStatement("return $T.class", idType)
            .build());
    type.addMethod(
        method(
                "unsetId",
                idType,
                "{@code $L}, the id a new {@link $T} has before it is given one.",
                unset(id),
                entity)
            .addStatement("return $L", unset(id))
            .build());
    type.addMethod(
        method("id", idType, "The entity's {@code $L}.", id.name())
            .addParameter(entity, "entity")
            .addStatement("return $L", Code.read(id, "entity"))
            .build());
    type.addMethod(withId(model, idType));
    addVersion(model, type, field);

    type.addMethod(
        method(
                "copy",
                entity,
                "A new {@link $T} equal to {@code entity} in every field, synced and local-only."
                    + " Values are copied as they are: a mutable local-only value, such as a list,"
                    + " is shared.",
                entity)
            .addParameter(entity, "entity")
            .addCode(Code.returnNew(model, "copy", p -> Code.read(p, "entity")))
            .build());
    type.addMethod(
        method(
                "syncedCopy",
                entity,
                model.immutable()
                    ? "A new {@link $T} with the synced components of {@code entity} and no"
                        + " local-only value of it: what may leave the client. "
                        + Code.LOCAL_DEFAULTS
                    : "A new {@link $T} with the synced fields of {@code entity} and every"
                        + " local-only field as a new instance has it: what may leave the client.",
                entity)
            .addParameter(entity, "entity")
            .addCode(
                Code.returnNew(model, "copy", p -> p.isSynced() ? Code.read(p, "entity") : null))
            .build());
    type.addMethod(snapshot(model));
    type.addMethod(restore(model));
    type.addMethod(merge(model));
    type.addMethod(patch(model, field));
    type.addMethod(diff(model, field));
    type.addMethod(syncedEquals(model));
    type.addMethod(
        method(
                "get",
                Object.class,
                "The value of {@code field} in {@code entity} (primitives boxed).\n\n"
                    + "@throws IllegalArgumentException if {@code field} is not a synced field of"
                    + " {@link $T}",
                entity)
            .addParameter(entity, "entity")
            .addParameter(Code.ENTITY_FIELD, "field")
            .addCode(
                Code.returnSwitch(
                    model, CodeBlock.of("$T.of(field)", field), p -> Code.read(p, "entity")))
            .build());
    return type;
  }

  private static void addVersion(EntityModel model, TypeSpec.Builder type, ClassName field) {
    ClassName entity = model.entity();
    Optional<Property> version = model.version();
    type.addMethod(
        method(
                "hasVersion",
                boolean.class,
                version.isPresent()
                    ? "{@code true}: {@code $L} is the version."
                    : "{@code false}: {@link $T} has no {@code @SyncVersion} field.",
                version.isPresent() ? version.get().name() : entity)
            .addStatement("return $L", version.isPresent())
            .build());
    if (version.isEmpty()) {
      type.addMethod(
          method(
                  "versionField",
                  field,
                  "Never returns: {@link $T} has no version.\n\n"
                      + "@throws UnsupportedOperationException always",
                  entity)
              .addStatement(
                  "throw new $T($S)",
                  UnsupportedOperationException.class,
                  model.name() + " has no @SyncVersion field")
              .build());
      type.addMethod(
          method("version", Object.class, "{@code null}: {@link $T} has no version.", entity)
              .addParameter(entity, "entity")
              .addStatement("return null")
              .build());
      type.addMethod(
          method(
                  "compareVersions",
                  int.class,
                  "Always 0: {@link $T} has no version, so arrival order decides.",
                  entity)
              .addParameter(entity, "a")
              .addParameter(entity, "b")
              .addStatement("return 0")
              .build());
      return;
    }
    Property v = version.get();
    type.addMethod(
        method("versionField", field, "{@link $T#$L}.", field, v.constantName())
            .addStatement("return $L", Code.constant(model, v))
            .build());
    type.addMethod(
        method(
                "version",
                Object.class,
                "The entity's {@code $L}$L.",
                v.name(),
                v.isPrimitive() ? ", boxed" : "")
            .addParameter(entity, "entity")
            .addStatement("return $L", Code.read(v, "entity"))
            .build());
    MethodSpec.Builder compare =
        method(
                "compareVersions",
                int.class,
                "Compares the {@code $L} of {@code a} and {@code b}: negative if {@code a} is"
                    + " older.$L",
                v.name(),
                v.isPrimitive() ? "" : " A {@code null} version is older than any other.")
            .addParameter(entity, "a")
            .addParameter(entity, "b");
    if (v.isPrimitive()) {
      compare.addStatement(
          "return $T.compare($L, $L)", v.type().box(), Code.read(v, "a"), Code.read(v, "b"));
    } else {
      compare.addStatement(
          "return VERSION_ORDER.compare($L, $L)", Code.read(v, "a"), Code.read(v, "b"));
    }
    type.addMethod(compare.build());
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

  /** An overriding public method documented by {@code doc}, reflowed (see {@link Code#javadoc}). */
  private static MethodSpec.Builder method(
      String name, TypeName returns, String doc, Object... args) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(Code.javadoc(doc, args))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private static MethodSpec.Builder method(
      String name, Class<?> returns, String doc, Object... args) {
    return method(name, TypeName.get(returns), doc, args);
  }

  private static MethodSpec withId(EntityModel model, TypeName idType) {
    Property id = model.id();
    return method(
            "withId",
            model.entity(),
            model.immutable()
                ? "A new {@link $T} equal to {@code entity} but for its id; {@code entity} is left"
                    + " untouched."
                : "Sets the id of {@code entity} to {@code id} and returns {@code entity}.",
            model.immutable() ? new Object[] {model.entity()} : new Object[0])
        .addParameter(model.entity(), "entity")
        .addParameter(idType, "id")
        .addCode(
            Code.returnChanged(
                model, "entity", p -> p.equals(id) ? CodeBlock.of("id") : null, null))
        .build();
  }

  private static MethodSpec snapshot(EntityModel model) {
    ClassName snapshot = model.generated("Snapshot");
    return method(
            "snapshot",
            snapshot,
            "The synced fields of {@code entity}, as an immutable value: with {@link #restore},"
                + " an undo of synced state; with {@code equals}, a comparison of it.")
        .addParameter(model.entity(), "entity")
        .addStatement(
            "return new $T($L)",
            snapshot,
            model.wide()
                ? CodeBlock.of("entity")
                : Code.arguments(model.synced().stream().map(p -> Code.read(p, "entity")).toList()))
        .build();
  }

  private static MethodSpec restore(EntityModel model) {
    ClassName snapshot = model.generated("Snapshot");
    return method(
            "restore",
            model.entity(),
            (model.immutable()
                    ? "A new {@link $T} with every synced field taken from {@code snapshot} and"
                        + " every local-only field from {@code target}, which is left untouched."
                    : "Sets every synced field of {@code target} to its value in {@code snapshot}"
                        + " and returns {@code target}; local-only fields keep their values.")
                + "\n\n@throws IllegalArgumentException if {@code snapshot} was not made by {@link"
                + " #snapshot}",
            model.immutable() ? new Object[] {model.entity()} : new Object[0])
        .addParameter(model.entity(), "target")
        .addParameter(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()), "snapshot")
        .beginControlFlow("if (!(snapshot instanceof $T values))", snapshot)
        .addStatement(
            "throw new $T($S + snapshot)",
            IllegalArgumentException.class,
            "not a snapshot made by " + model.generated("Sync").simpleName() + ": ")
        .endControlFlow()
        .addCode(
            Code.returnChanged(
                model,
                "target",
                p -> p.isSynced() ? CodeBlock.of("values.$L()", p.name()) : null,
                null))
        .build();
  }

  private static MethodSpec merge(EntityModel model) {
    return method(
            "merge",
            model.entity(),
            model.immutable()
                ? "A new {@link $T} with every synced field taken from {@code server} and every"
                    + " local-only field from {@code local}; both arguments are left untouched."
                : "Sets every synced field of {@code local} to its value in {@code server} and"
                    + " returns {@code local}; local-only fields keep their values and {@code"
                    + " server} is not changed.",
            model.immutable() ? new Object[] {model.entity()} : new Object[0])
        .addParameter(model.entity(), "local")
        .addParameter(model.entity(), "server")
        .addCode(
            Code.returnChanged(
                model, "local", p -> p.isSynced() ? Code.read(p, "server") : null, null))
        .build();
  }

  private static MethodSpec patch(EntityModel model, ClassName field) {
    ClassName patch = model.generated("Patch");
    MethodSpec.Builder method =
        method(
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
                                        Code.has(model, p, "set"),
                                        Code.read(p, "source"),
                                        Code.defaultValue(p.type()))))
                    .toList()))
        .build();
  }

  private static MethodSpec diff(EntityModel model, ClassName field) {
    MethodSpec.Builder method =
        method(
                "diff",
                ParameterizedTypeName.get(Code.FIELD_SET, field),
                "The synced fields whose values differ between {@code a} and {@code b}, in"
                    + " declaration order; unmodifiable. Values are compared with {@code ==} for"
                    + " primitives, {@code compare} for floating-point values (so {@code NaN}"
                    + " equals itself) and {@code equals} otherwise (so {@code BigDecimal} values"
                    + " of different scale differ).")
            .addParameter(model.entity(), "a")
            .addParameter(model.entity(), "b")
            .addStatement("$T changed = $L", Code.bitsType(model), Code.noBits(model));
    for (Property p : model.synced()) {
      method
          .beginControlFlow("if ($L)", Code.differ(p, Code.read(p, "a"), Code.read(p, "b")))
          .addStatement(Code.add(model, p, "changed"))
          .endControlFlow();
    }
    return method.addStatement("return $T.of(FIELDS, changed)", Code.FIELD_SET).build();
  }

  private static MethodSpec syncedEquals(EntityModel model) {
    CodeBlock.Builder all = CodeBlock.builder();
    String and = "";
    for (Property p : model.synced()) {
      all.add("$L$L", and, Code.equal(p, Code.read(p, "a"), Code.read(p, "b")));
      and = "\n&& ";
    }
    return method(
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
