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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
                Javadoc.of(
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
            .addJavadoc(Javadoc.of("The description of {@link $T}.", entity))
            .initializer("new $T()", self)
            .build());
    TypeName fieldList = ParameterizedTypeName.get(ClassName.get(List.class), field);
    type.addField(
        FieldSpec.builder(fieldList, "FIELDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(Javadoc.of("The synced fields in declaration order, unmodifiable."))
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
              .addJavadoc(Javadoc.of("The order of versions: {@code null} first, then natural."))
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
            .addJavadoc(Javadoc.of("The one instance is {@link #TYPE}."))
            .addModifiers(Modifier.PRIVATE)
            .build());

    type.addMethod(
        Code.override(
                "name", String.class, "{@code \"$L\"}, the entity's simple name.", model.name())
            .addStatement("return $S", model.name())
            .build());
    type.addMethod(
        Code.override(
                "type",
                ParameterizedTypeName.get(ClassName.get(Class.class), entity),
                "{@code $T.class}.",
                entity)
            .addStatement("return $T.class", entity)
            .build());
    type.addMethod(
        Code.override(
                "fields",
                fieldList,
                "The synced fields in declaration order (superclass fields first); unmodifiable.")
            .addStatement("return FIELDS")
            .build());
    type.addMethod(
        Code.override("idField", field, "{@link $T#$L}.", field, id.constantName())
            .addStatement("return $L", Code.constant(model, id))
            .build());
    type.addMethod(
        Code.override(
                "idType",
                ParameterizedTypeName.get(ClassName.get(Class.class), idType),
                "{@code $T.class}, the class of the id.",
                idType)
            .addStatement("return $T.class", idType)
            .build());
    type.addMethod(
        Code.override(
                "unsetId",
                idType,
                "{@code $L}, the id a new {@link $T} has before it is given one.",
                unset(id),
                entity)
            .addStatement("return $L", unset(id))
            .build());
    type.addMethod(
        Code.override("id", idType, "The entity's {@code $L}.", id.name())
            .addParameter(entity, "entity")
            .addStatement("return $L", Code.read(id, "entity"))
            .build());
    type.addMethod(withId(model, idType));
    addVersion(model, type, field);

    type.addMethod(
        Code.override(
                "copy",
                entity,
                "A new {@link $T} equal to {@code entity} in every field, synced and local-only."
                    + (model.synced().stream().anyMatch(Property::copied)
                        ? " Synced collections, maps, arrays and nested objects are copied (by"
                            + " the {@code copy} helpers below); local-only values are copied as"
                            + " they are: a mutable local-only value, such as a list, is shared."
                        : " Values are copied as they are: a mutable local-only value, such as a"
                            + " list, is shared."),
                entity)
            .addParameter(entity, "entity")
            .addCode(
                Instances.returnNew(
                    model, "copy", p -> Copies.owned(model, p, Code.read(p, "entity"))))
            .build());
    type.addMethod(
        Code.override(
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
                Instances.returnNew(
                    model,
                    "copy",
                    p ->
                        p.isSynced() ? Copies.syncedOwned(model, p, Code.read(p, "entity")) : null))
            .build());
    type.addMethod(SyncStateMethods.snapshot(model));
    type.addMethod(SyncStateMethods.restore(model));
    type.addMethod(SyncStateMethods.merge(model));
    type.addMethod(SyncComparisonMethods.patch(model, field));
    type.addMethod(SyncComparisonMethods.diff(model, field));
    type.addMethod(SyncComparisonMethods.syncedEquals(model));
    type.addMethod(
        Code.override(
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
    type.addMethods(LocalOnlyMethods.of(model));
    type.addMethods(Copies.helpers(model));
    return type;
  }

  private static void addVersion(EntityModel model, TypeSpec.Builder type, ClassName field) {
    ClassName entity = model.entity();
    Optional<Property> version = model.version();
    type.addMethod(
        Code.override(
                "hasVersion",
                boolean.class,
                version.isPresent()
                    ? "{@code true}: {@code $L} is the version."
                    : "{@code false}: {@link $T} has no {@code @SyncVersion} field.",
                version.isPresent() ? version.get().name() : entity)
            .addStatement("return $L", version.isPresent())
            .build());
    if (model.synced().stream().anyMatch(Property::isNested)) {
      type.addMethod(
          Code.override(
                  "holdsEntities",
                  boolean.class,
                  "{@code true}: $L other {@code @Synced} objects, whose local-only fields the store"
                      + " keeps.",
                  model.synced().stream()
                          .filter(Property::isNested)
                          .map(p -> "{@code " + p.name() + "}")
                          .reduce((a, b) -> a + ", " + b)
                          .get()
                      + (model.synced().stream().filter(Property::isNested).count() == 1
                          ? " holds"
                          : " hold"))
              .addStatement("return true")
              .build());
    }
    if (version.isEmpty()) {
      type.addMethod(
          Code.override(
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
          Code.override("version", Object.class, "{@code null}: {@link $T} has no version.", entity)
              .addParameter(entity, "entity")
              .addStatement("return null")
              .build());
      type.addMethod(
          Code.override(
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
        Code.override("versionField", field, "{@link $T#$L}.", field, v.constantName())
            .addStatement("return $L", Code.constant(model, v))
            .build());
    type.addMethod(
        Code.override(
                "version",
                Object.class,
                "The entity's {@code $L}$L.",
                v.name(),
                v.isPrimitive() ? ", boxed" : "")
            .addParameter(entity, "entity")
            .addStatement("return $L", Code.read(v, "entity"))
            .build());
    MethodSpec.Builder compare =
        Code.override(
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

  private static MethodSpec withId(EntityModel model, TypeName idType) {
    Property id = model.id();
    return Code.override(
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
            Instances.returnChanged(
                model, "entity", p -> p.equals(id) ? CodeBlock.of("id") : null, null))
        .build();
  }
}
