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
import io.github.synced.processor.model.Shape;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XJson}: typed JSON reading and writing of an entity and its patches through the
 * runtime's {@code JsonInput} and {@code JsonOutput}, which read and write either through Jackson's
 * streaming API (2 or 3) or the bytes of a whole body; the codec names no Jackson type. Everything
 * that is the same for every entity (checking a value's JSON type, messages, {@code null},
 * non-finite numbers) is in the runtime; what is generated is a line or two per field.
 */
public final class JsonWriter {

  private static final ClassName NAMES = ClassName.get(Code.RUNTIME + ".json", "JsonNames");
  private static final ClassName OUTPUT = ClassName.get(Code.RUNTIME + ".json", "JsonOutput");

  /** The JSON codec of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Json");
    ClassName entity = model.entity();
    ClassName patch = model.generated("Patch");
    ClassName field = model.generated("Field");
    TypeName patchOf = ParameterizedTypeName.get(Code.PATCH, entity);

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                Javadoc.of(
                    "Reads and writes {@link $T} and {@link $T} as JSON objects, without"
                        + " reflection: through Jackson 2's or Jackson 3's streaming API, or"
                        + " straight from and to the bytes of whole bodies where {@code JsonCodecs}"
                        + " or {@code Json3Codecs} reads and writes them. The codec names no Jackson"
                        + " type, so it serves either. Property names are encoded once, and a read"
                        + " object becomes one patch, then the entity.\n\n"
                        + "<p>Only synced fields are written, under their Java names; local-only"
                        + " fields are never written and are ignored when read, as are unknown"
                        + " properties. Enums are written by name, numbers as JSON numbers, {@code"
                        + " UUID} and {@code java.time} values as ISO strings. Input that does not"
                        + " fit fails with a {@link $T} naming the entity, the id (where it was read"
                        + " before the problem) and the field. The codec holds no state: one"
                        + " instance serves every thread.",
                    entity,
                    patch,
                    Code.BAD_SERVER_DATA))
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.JSON_CODEC, entity));
    Code.qualifyObscured(type, model);
    Code.suppressWarnings(
        type,
        Stream.of(
                Stream.of(model.entityWarnings(), model.constructorWarnings()),
                Code.typeWarnings(model.synced()),
                model.synced().stream().map(Property::readWarnings),
                model.synced().stream().map(Property::writeWarnings))
            .flatMap(s -> s));
    String names = Code.fresh(model, "NAMES");
    type.addField(
        FieldSpec.builder(NAMES, names, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                Javadoc.of(
                    "The synced fields' property names, encoded once: name {@code i} is the field"
                        + " whose ordinal is {@code i}."))
            .initializer(
                "$T.of($L)",
                NAMES,
                Code.wrapped(
                    model.synced().stream().map(p -> Code.stringLiteral(p.jsonName())).toList()))
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(Javadoc.of("A codec of {@link $T}.", entity))
            .addModifiers(Modifier.PUBLIC)
            .build());
    type.addMethod(
        Code.override("type", model.generated("Sync"), "{@link $T#TYPE}.", model.generated("Sync"))
            .addStatement("return $T.TYPE", model.generated("Sync"))
            .build());
    List<Property> renamed =
        model.synced().stream().filter(p -> !p.jsonName().equals(p.name())).toList();
    if (!renamed.isEmpty()) {
      MethodSpec.Builder property =
          Code.override(
                  "property",
                  String.class,
                  "The JSON property of {@code field}: its name, or the one {@code @JsonProperty}"
                      + " gives it.")
              .addParameter(Code.ENTITY_FIELD, "field");
      for (Property p : renamed) {
        property
            .beginControlFlow("if (field == $L)", Code.constant(model, p))
            .addStatement("return $L", Code.stringLiteral(p.jsonName()))
            .endControlFlow();
      }
      type.addMethod(property.addStatement("return field.fieldName()").build());
    }
    List<Property> holding = model.synced().stream().filter(Property::isNested).toList();
    if (!holding.isEmpty()) {
      MethodSpec.Builder codecOf =
          Code.override(
                  "nested",
                  ParameterizedTypeName.get(
                      Code.JSON_CODEC, WildcardTypeName.subtypeOf(Object.class)),
                  "The codec of the {@code @Synced} objects {@code field} holds; {@code null} for a"
                      + " field that holds none.")
              .addParameter(Code.ENTITY_FIELD, "field");
      for (Property p : holding) {
        Shape.Nested n = p.entityElement() != null ? p.entityElement() : (Shape.Nested) p.shape();
        codecOf
            .beginControlFlow("if (field == $L)", Code.constant(model, p))
            .addStatement("return $L", JsonShapes.codecConstant(n))
            .endControlFlow();
      }
      type.addMethod(codecOf.addStatement("return null").build());
    }

    MethodSpec.Builder write =
        Code.override(
                "write",
                void.class,
                "Writes the synced fields of {@code entity} as one JSON object.")
            .addParameter(OUTPUT, "out")
            .addParameter(entity, "entity")
            .addException(IOException.class)
            .addStatement("out.startObject()");
    for (Property p : model.synced()) {
      write
          .addStatement("out.name($L, $L)", names, model.index(p))
          .addStatement(writeValue(model, p, Code.read(p, "entity"), false));
    }
    type.addMethod(write.addStatement("out.endObject()").build());

    type.addMethod(JsonReadMethods.read(model, entity, patch));

    type.addMethod(
        Code.override(
                "writePatch",
                void.class,
                "Writes the fields {@code patch} sets as one JSON object, {@code null} values"
                    + " included.")
            .addParameter(OUTPUT, "out")
            .addParameter(patchOf, "patch")
            .addException(IOException.class)
            .addStatement("out.startObject()")
            .beginControlFlow("for ($T each : patch.fields())", Code.ENTITY_FIELD)
            .addStatement("$T field = $T.of(each)", field, field)
            .addStatement("out.name($L, field.ordinal())", names)
            .addCode(
                Code.switchStatement(
                    model,
                    CodeBlock.of("field"),
                    p ->
                        writeValue(
                            model,
                            p,
                            p.kind() == null && !(p.shape() instanceof Shape.Composite)
                                ? CodeBlock.of("patch.get(field)")
                                : CodeBlock.of("($T) patch.get(field)", p.type().box()),
                            true)))
            .endControlFlow()
            .addStatement("out.endObject()")
            .build());

    type.addMethod(JsonReadMethods.readPatch(model, patch, names));
    for (Property p : model.synced()) {
      if (p.kind() == null) {
        type.addMethod(JsonShapes.reader(model, p));
      }
    }
    JsonRecords.addMembers(model, type);
    model.synced().stream()
        .map(p -> p.entityElement() != null ? p.entityElement() : p.shape())
        .filter(Shape.Nested.class::isInstance)
        .map(Shape.Nested.class::cast)
        .distinct()
        .forEach(
            nested ->
                type.addField(
                    FieldSpec.builder(
                            nested.generated("Json"),
                            JsonShapes.codecConstant(nested),
                            Modifier.PRIVATE,
                            Modifier.STATIC,
                            Modifier.FINAL)
                        .addJavadoc(
                            Javadoc.of("The codec of the nested {@link $T}.", nested.type()))
                        .initializer("new $T()", nested.generated("Json"))
                        .build()));
    return type;
  }

  /**
   * The statement that writes {@code value}, a value of {@code p}, to the writer {@code out}.
   *
   * @param boxed whether {@code value} is of the boxed type, as read from a patch by field
   */
  private static CodeBlock writeValue(
      EntityModel model, Property p, CodeBlock value, boolean boxed) {
    return JsonShapes.write(model, p.shape(), value, boxed);
  }
}
