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
  private static final ClassName INPUT = ClassName.get(Code.RUNTIME + ".json", "JsonInput");
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
                Code.javadoc(
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
                Code.javadoc(
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
            .addJavadoc(Code.javadoc("A codec of {@link $T}.", entity))
            .addModifiers(Modifier.PUBLIC)
            .build());
    type.addMethod(
        override("type", model.generated("Sync"), "{@link $T#TYPE}.", model.generated("Sync"))
            .addStatement("return $T.TYPE", model.generated("Sync"))
            .build());
    List<Property> renamed =
        model.synced().stream().filter(p -> !p.jsonName().equals(p.name())).toList();
    if (!renamed.isEmpty()) {
      MethodSpec.Builder property =
          override(
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

    MethodSpec.Builder write =
        override(
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
          .addStatement(writeValue(p, Code.read(p, "entity"), false));
    }
    type.addMethod(write.addStatement("out.endObject()").build());

    type.addMethod(read(model, entity, patch));

    type.addMethod(
        override(
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
                        writeValue(p, CodeBlock.of("($T) patch.get(field)", p.type().box()), true)))
            .endControlFlow()
            .addStatement("out.endObject()")
            .build());

    type.addMethod(readPatch(model, patch, names));
    return type;
  }

  private static MethodSpec.Builder override(
      String name, Object returns, String doc, Object... args) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc(Code.javadoc(doc, args))
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    return returns instanceof Class<?> c ? method.returns(c) : method.returns((TypeName) returns);
  }

  /** {@code read}: the object as a patch, checked for id and version, made into an entity. */
  private static MethodSpec read(EntityModel model, ClassName entity, ClassName patch) {
    Property id = model.id();
    MethodSpec.Builder read =
        override(
                "read",
                entity,
                "Reads one JSON object into a new {@link $T}; unknown properties are skipped. $L\n\n"
                    + "@throws $T if the input is not an object, a value does not fit its field,"
                    + " $L",
                entity,
                model.immutable()
                    ? Code.LOCAL_DEFAULTS
                    : "Local-only fields keep the values a new instance has.",
                Code.BAD_SERVER_DATA,
                !model.mayRefuse()
                    ? "or the id or the version is missing"
                    : "the id or the version is missing, or "
                        + (model.immutable() ? "the constructor" : "a setter")
                        + " of "
                        + model.name()
                        + " refuses a value (its exception is the cause)")
            .addParameter(INPUT, "in")
            .addException(IOException.class)
            .addStatement("$T fields = readPatch(in)", patch);
    requirePresent(read, model, id, CodeBlock.of("null"), "the id is missing");
    model
        .version()
        .ifPresent(
            v ->
                requirePresent(
                    read,
                    model,
                    v,
                    CodeBlock.of("fields.$L()", id.name()),
                    "the version is missing"));
    if (model.immutable()) {
      CodeBlock make =
          Code.returnNew(
              model, "entity", p -> p.isSynced() ? CodeBlock.of("fields.$L()", p.name()) : null);
      if (!model.mayRefuse()) {
        return read.addCode(make).build();
      }
      return read.beginControlFlow("try")
          .addCode(make)
          .nextControlFlow("catch ($T e)", RuntimeException.class)
          .addStatement(
              "throw $T.refused($S, fields.$L(), null, e)", INPUT, model.name(), id.name())
          .endControlFlow()
          .build();
    }
    if (!model.mayRefuse()) {
      return read.addStatement("return fields.applyTo(new $T())", entity).build();
    }
    read.addStatement("$T entity = new $T()", entity, entity)
        .addStatement("$T setting = null", String.class)
        .beginControlFlow("try");
    for (Property p : model.synced()) {
      read.beginControlFlow("if (fields.sets($L))", Code.constant(model, p))
          .addStatement("setting = $S", p.name())
          .addStatement(Code.set(p, "entity", CodeBlock.of("fields.$L()", p.name())))
          .endControlFlow();
    }
    return read.nextControlFlow("catch ($T e)", RuntimeException.class)
        .addStatement(
            "throw $T.refused($S, fields.$L(), setting, e)", INPUT, model.name(), id.name())
        .endControlFlow()
        .addStatement("return entity")
        .build();
  }

  /** Adds the refusal of an object in which {@code p} is absent, or {@code null}. */
  private static void requirePresent(
      MethodSpec.Builder read, EntityModel model, Property p, CodeBlock id, String problem) {
    read.beginControlFlow(
            "if ($L)",
            p.isPrimitive()
                ? CodeBlock.of("!fields.sets($L)", Code.constant(model, p))
                : CodeBlock.of(
                    "!fields.sets($L) || fields.$L() == null", Code.constant(model, p), p.name()))
        .addStatement(
            "throw new $T($S, $L, $S, $S)",
            Code.BAD_SERVER_DATA,
            model.name(),
            id,
            p.name(),
            problem)
        .endControlFlow();
  }

  /**
   * {@code readPatch(JsonInput)}: one loop over the object's properties, found by their index among
   * the names (the field's ordinal). With at most 64 synced fields each value goes to a local
   * variable and its bit to {@code set}, and one patch is made at the end; with more, each value
   * makes the next patch.
   */
  private static MethodSpec readPatch(EntityModel model, ClassName patch, String names) {
    Property id = model.id();
    boolean many = model.manyFields();
    // Locals are named after the properties: the method's own names step aside.
    String in = Code.fresh(model, "in");
    String set = Code.fresh(model, "set");
    String field = Code.fresh(model, "field");
    String e = Code.fresh(model, "e");
    String fields = Code.fresh(model, "fields");
    MethodSpec.Builder method =
        override(
                "readPatch",
                patch,
                "Reads one JSON object into a patch that sets exactly the synced properties"
                    + " present: an absent property is not set, a property present with {@code"
                    + " null} is set to {@code null}.\n\n"
                    + "@throws $T if the input is not an object or a value does not fit its field",
                Code.BAD_SERVER_DATA)
            .addParameter(INPUT, in)
            .addException(IOException.class)
            .addStatement("$L.startObject($S)", in, model.name());
    CodeBlock idSoFar;
    if (many) {
      method.addStatement("$T $L = $T.empty()", patch, fields, patch);
      idSoFar =
          id.isPrimitive()
              ? CodeBlock.of(
                  "$L.sets($L) ? ($T) $L.$L() : null",
                  fields,
                  Code.constant(model, id),
                  id.type().box(),
                  fields,
                  id.name())
              : CodeBlock.of(
                  "$L.sets($L) ? $L.$L() : null",
                  fields,
                  Code.constant(model, id),
                  fields,
                  id.name());
    } else {
      method.addStatement("long $L = 0L", set);
      for (Property p : model.synced()) {
        method.addStatement("$T $L = $L", p.type(), p.name(), Code.defaultValue(p.type()));
      }
      idSoFar =
          id.isPrimitive()
              ? CodeBlock.of(
                  "$L ? ($T) $L : null", Code.has(model, id, set), id.type().box(), id.name())
              : CodeBlock.of("$L", id.name());
    }
    method
        .beginControlFlow("try")
        .beginControlFlow(
            "for (int $L = $L.nextField($L); $L != $T.END; $L = $L.nextField($L))",
            field,
            in,
            names,
            field,
            INPUT,
            field,
            in,
            names)
        .beginControlFlow("switch ($L)", field);
    for (Property p : model.synced()) {
      CodeBlock value = readValue(model, p, in);
      if (many) {
        method.addStatement(
            "case $L -> $L = $L.$L($L)", model.index(p), fields, fields, p.name(), value);
      } else {
        method
            .beginControlFlow("case $L ->", model.index(p))
            .addStatement("$L = $L", p.name(), value)
            .addStatement(Code.add(model, p, set))
            .endControlFlow();
      }
    }
    method
        .addStatement("default -> $L.skipValue()", in)
        .endControlFlow()
        .endControlFlow()
        .nextControlFlow("catch ($T $L)", Code.BAD_SERVER_DATA, e)
        .addStatement("throw $T.withId($L, $L)", INPUT, e, idSoFar)
        .nextControlFlow("catch ($T | $T $L)", IOException.class, RuntimeException.class, e)
        .addStatement("throw $L.malformed($S, $L, $L)", in, model.name(), idSoFar, e)
        .endControlFlow();
    if (many) {
      return method.addStatement("return $L", fields).build();
    }
    return method
        .addStatement(
            "return new $T($L)",
            patch,
            Code.wrapped(
                Stream.concat(
                        Stream.of(CodeBlock.of("$L", set)),
                        model.synced().stream().map(p -> CodeBlock.of("$L", p.name())))
                    .toList()))
        .build();
  }

  /** The expression that reads the value of {@code p} from the reader in variable {@code in}. */
  private static CodeBlock readValue(EntityModel model, Property p, String in) {
    String entity = model.name();
    return switch (p.kind()) {
      case ENUM ->
          CodeBlock.of(
              "$L.readEnum($S, $T::valueOf, $T::values, $S)",
              in,
              entity,
              p.type(),
              p.type(),
              ((ClassName) p.type()).simpleName());
      case TEMPORAL ->
          CodeBlock.of(
              "$L.readParsed($S, $T::parse, $S)",
              in,
              entity,
              p.type(),
              "an ISO-8601 " + ((ClassName) p.type()).simpleName());
      default -> CodeBlock.of("$L.$L($S)", in, reader(p), entity);
    };
  }

  /** The {@code JsonInput} method that reads a value of {@code p}. */
  private static String reader(Property p) {
    String boxed = p.isPrimitive() ? "read" : "readBoxed";
    return switch (p.kind()) {
      case BOOLEAN -> boxed + "Boolean";
      case BYTE -> boxed + "Byte";
      case SHORT -> boxed + "Short";
      case INT -> boxed + "Int";
      case LONG -> boxed + "Long";
      case CHAR -> boxed + "Char";
      case FLOAT -> boxed + "Float";
      case DOUBLE -> boxed + "Double";
      case STRING -> "readString";
      case BIG_DECIMAL -> "readBigDecimal";
      case BIG_INTEGER -> "readBigInteger";
      case UUID -> "readUuid";
      case ENUM, TEMPORAL -> throw new IllegalArgumentException(p.kind() + " takes a function");
    };
  }

  /**
   * The statement that writes {@code value}, a value of {@code p}, to the writer {@code out}.
   *
   * @param boxed whether {@code value} is of the boxed type, as read from a patch by field
   */
  private static CodeBlock writeValue(Property p, CodeBlock value, boolean boxed) {
    if (p.isPrimitive() && !boxed) {
      return switch (p.kind()) {
        case BOOLEAN -> CodeBlock.of("out.writeBoolean($L)", value);
        case CHAR -> CodeBlock.of("out.writeChar($L)", value);
        case FLOAT -> CodeBlock.of("out.writeFloat($L)", value);
        case DOUBLE -> CodeBlock.of("out.writeDouble($L)", value);
        default -> CodeBlock.of("out.writeNumber($L)", value);
      };
    }
    return switch (p.kind()) {
      case BOOLEAN -> CodeBlock.of("out.writeBoolean($L)", value);
      case STRING -> CodeBlock.of("out.writeString($L)", value);
      case ENUM -> CodeBlock.of("out.writeEnum($L)", value);
      case CHAR, UUID, TEMPORAL -> CodeBlock.of("out.writeText($L)", value);
      default -> CodeBlock.of("out.writeNumber($L)", value);
    };
  }
}
