package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.ValueKind;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XJson}: typed JSON reading and writing of an entity and its patches with Jackson's
 * streaming API.
 */
public final class JsonWriter {

  /** Adds the refusal of an object in which {@code p} is absent, or {@code null}. */
  private static void requirePresent(
      MethodSpec.Builder read, EntityModel model, Property p, String idExpression, String problem) {
    read.beginControlFlow(
            "if ($L)",
            p.isPrimitive()
                ? CodeBlock.of("!fields.fields().contains($L)", Code.constant(model, p))
                : CodeBlock.of(
                    "!fields.fields().contains($L) || fields.$L() == null",
                    Code.constant(model, p),
                    p.name()))
        .addStatement(
            "throw new $T($S, $L, $S, $S)",
            Code.BAD_SERVER_DATA,
            model.name(),
            idExpression,
            p.name(),
            problem)
        .endControlFlow();
  }

  private static final ClassName MAPPER =
      ClassName.get("com.fasterxml.jackson.databind", "ObjectMapper");
  private static final ClassName GENERATOR =
      ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  private static final ClassName PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  private static final ClassName TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  private static final ClassName PROCESSING_EXCEPTION =
      ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");

  /** The JSON codec of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Json");
    ClassName entity = model.entity();
    ClassName patch = model.generated("Patch");
    ClassName field = model.generated("Field");
    Property id = model.id();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Reads and writes {@link $T} and {@link $T} as JSON objects with Jackson's\n"
                    + "streaming API, without reflection.\n\n"
                    + "<p>Only synced fields are written, under their Java names; local-only fields"
                    + " are never\nwritten and are ignored when read, as are unknown properties."
                    + " Enums are written by name,\nnumbers as JSON numbers, {@code UUID} and"
                    + " {@code java.time} values as ISO strings. Input\nthat does not fit fails"
                    + " with a {@link $T} naming the entity, the id (where it\nwas read before the"
                    + " problem) and the field.\n",
                entity,
                patch,
                Code.BAD_SERVER_DATA)
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.JSON_CODEC, entity));

    Code.suppressWarnings(
        type,
        java.util.stream.Stream.of(
                java.util.stream.Stream.of(model.entityWarnings(), model.constructorWarnings()),
                Code.typeWarnings(model.synced()),
                model.synced().stream().map(Property::readWarnings),
                model.synced().stream().map(Property::writeWarnings))
            .flatMap(s -> s));
    type.addField(
        Code.privateField(
                MAPPER, "mapper", "The mapper that field types beyond the simple ones go to.")
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                "A codec that hands field types beyond the simple ones to {@code mapper}.\n\n"
                    + "@param mapper the mapper for field types beyond the simple ones\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(MAPPER, "mapper")
            .addStatement("this.mapper = $T.requireNonNull(mapper, $S)", Objects.class, "mapper")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("mapper")
            .addJavadoc(
                "{@return the mapper this codec hands field types beyond the simple ones to}\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(MAPPER)
            .addStatement("return mapper")
            .build());
    type.addMethod(
        override("type", model.generated("Sync"))
            .addJavadoc("{@link $T#TYPE}.\n", model.generated("Sync"))
            .addStatement("return $T.TYPE", model.generated("Sync"))
            .build());

    MethodSpec.Builder write =
        override("write", void.class)
            .addJavadoc("Writes the synced fields of {@code entity} as one JSON object.\n")
            .addParameter(GENERATOR, "out")
            .addParameter(entity, "entity")
            .addException(IOException.class)
            .addStatement("out.writeStartObject()");
    for (Property p : model.synced()) {
      write.addStatement("$L(out, $L)", writerName(p), Code.read(p, "entity"));
    }
    type.addMethod(write.addStatement("out.writeEndObject()").build());

    MethodSpec.Builder read =
        override("read", entity)
            .addJavadoc(
                Code.javadoc(
                    "Reads one JSON object into a new {@link $T}; unknown properties are skipped."
                        + " $L\n\n"
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
                            + " refuses a value (its exception is the cause)"))
            .addParameter(PARSER, "in")
            .addException(IOException.class)
            .addStatement("$T fields = readFields(in)", patch);
    requirePresent(read, model, id, "null", "the id is missing");
    model
        .version()
        .ifPresent(
            v ->
                requirePresent(
                    read, model, v, "fields." + id.name() + "()", "the version is missing"));
    if (model.immutable()) {
      CodeBlock instance =
          Code.newRecord(
              model,
              p ->
                  p.isSynced()
                      ? CodeBlock.of("fields.$L()", p.name())
                      : Code.localDefault(p.type()));
      if (model.mayRefuse()) {
        read.beginControlFlow("try")
            .addStatement("return $L", instance)
            .nextControlFlow("catch ($T e)", RuntimeException.class)
            .addStatement("throw refused(fields, null, e)")
            .endControlFlow();
      } else {
        read.addStatement("return $L", instance);
      }
    } else if (model.mayRefuse()) {
      read.addStatement("$T entity = new $T()", entity, entity)
          .beginControlFlow("for ($T field : fields.fields())", field)
          .beginControlFlow("try")
          .beginControlFlow("switch (field)");
      for (Property p : model.synced()) {
        read.addStatement(
            "case $L -> $L",
            p.constantName(),
            Code.set(p, "entity", CodeBlock.of("fields.$L()", p.name())));
      }
      read.endControlFlow()
          .nextControlFlow("catch ($T e)", RuntimeException.class)
          .addStatement("throw refused(fields, field.fieldName(), e)")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return entity");
    } else {
      read.addStatement("return fields.applyTo(new $T())", entity);
    }
    type.addMethod(read.build());

    CodeBlock.Builder writePatch =
        CodeBlock.builder()
            .addStatement("out.writeStartObject()")
            .beginControlFlow("for ($T field : patch.fields())", Code.ENTITY_FIELD)
            .beginControlFlow("switch ($T.of(field))", field);
    for (Property p : model.synced()) {
      writePatch.addStatement(
          "case $L -> $L(out, ($T) patch.get(field))",
          p.constantName(),
          writerName(p),
          p.type().box());
    }
    writePatch.endControlFlow().endControlFlow().addStatement("out.writeEndObject()");
    type.addMethod(
        override("writePatch", void.class)
            .addJavadoc(
                "Writes the fields {@code patch} sets as one JSON object, {@code null} values"
                    + " included.\n")
            .addParameter(GENERATOR, "out")
            .addParameter(ParameterizedTypeName.get(Code.PATCH, entity), "patch")
            .addException(IOException.class)
            .addCode(writePatch.build())
            .build());

    type.addMethod(
        override("readPatch", patch)
            .addJavadoc(
                "Reads one JSON object into a patch that sets exactly the synced properties"
                    + " present: an\nabsent property is not set, a property present with {@code"
                    + " null} is set to {@code null}.\n\n"
                    + "@throws $T if the input is not an object or a value does not fit its\n"
                    + "    field\n",
                Code.BAD_SERVER_DATA)
            .addParameter(PARSER, "in")
            .addException(IOException.class)
            .addStatement("return readFields(in)")
            .build());

    type.addMethod(readFields(model, patch));
    type.addMethod(
        MethodSpec.methodBuilder("idOf")
            .addJavadoc(
                "{@return the id among {@code fields}, or {@code null} if it was not read (yet)}\n\n"
                    + "@param fields the fields read so far\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(Object.class)
            .addParameter(patch, "fields")
            .addStatement(
                "return fields.fields().contains($L) ? fields.$L() : null",
                Code.constant(model, id),
                id.name())
            .build());
    if (model.mayRefuse()) {
      type.addMethod(
          MethodSpec.methodBuilder("refused")
              .addJavadoc(
                  Code.javadoc(
                      "{@return bad server data: $L refused a value the server sent, with its"
                          + " message as the problem}\n\n"
                          + "@param fields the fields read\n"
                          + "@param field the field refused, or {@code null} where the values are"
                          + " refused together\n"
                          + "@param refusal what the entity threw",
                      model.immutable()
                          ? "the constructor of " + model.name()
                          : "a setter of " + model.name()))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(Code.BAD_SERVER_DATA)
              .addParameter(patch, "fields")
              .addParameter(String.class, "field")
              .addParameter(RuntimeException.class, "refusal")
              .addStatement(
                  "$T problem = refusal.getMessage() != null ? refusal.getMessage() :"
                      + " refusal.toString()",
                  String.class)
              .addStatement(
                  "return new $T($S, idOf(fields), field, problem, refusal)",
                  Code.BAD_SERVER_DATA,
                  model.name())
              .build());
    }
    for (Property p : model.synced()) {
      type.addMethod(writer(p));
    }
    for (Property p : model.synced()) {
      type.addMethod(reader(model, p));
    }
    if (model.synced().stream()
        .anyMatch(p -> p.kind() == ValueKind.FLOAT || p.kind() == ValueKind.DOUBLE)) {
      type.addMethod(
          MethodSpec.methodBuilder("isNonFinite")
              .addJavadoc(
                  Code.javadoc(
                      "{@return whether the current token is one of the strings {@code NaN},"
                          + " {@code Infinity} and {@code -Infinity} that this codec writes for"
                          + " non-finite floating-point values}\n\n"
                          + "@param in the parser, on the value\n"
                          + "@throws IOException if the parser cannot read the value"))
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(boolean.class)
              .addParameter(PARSER, "in")
              .addException(IOException.class)
              .beginControlFlow("if (in.currentToken() != $T.VALUE_STRING)", TOKEN)
              .addStatement("return false")
              .endControlFlow()
              .addStatement("$T text = in.getText()", String.class)
              .addStatement(
                  "return text.equals($S) || text.equals($S) || text.equals($S)",
                  "NaN",
                  "Infinity",
                  "-Infinity")
              .build());
    }
    type.addMethod(
        MethodSpec.methodBuilder("unexpected")
            .addJavadoc(
                "{@return bad server data: a value of the wrong JSON type}\n\n"
                    + "@param token the value's token\n"
                    + "@param id the entity's id, or {@code null} if not read yet\n"
                    + "@param field the field\n"
                    + "@param expected what the field takes\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(Code.BAD_SERVER_DATA)
            .addParameter(TOKEN, "token")
            .addParameter(Object.class, "id")
            .addParameter(String.class, "field")
            .addParameter(String.class, "expected")
            .addStatement(
                "return new $T(\n$S, id, field, $S + expected + $S + describe(token))",
                Code.BAD_SERVER_DATA,
                model.name(),
                "expected ",
                ", found ")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("describe")
            .addJavadoc(
                "{@return the JSON type of {@code token}, for messages}\n\n"
                    + "@param token a token, or {@code null} at the end of the input\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(String.class)
            .addParameter(TOKEN, "token")
            .beginControlFlow("if (token == null)")
            .addStatement("return $S", "the end of the input")
            .endControlFlow()
            .addCode(
                CodeBlock.builder()
                    .add("return switch (token) {\n")
                    .indent()
                    .add("case VALUE_STRING -> $S;\n", "STRING")
                    .add("case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> $S;\n", "NUMBER")
                    .add("case VALUE_TRUE, VALUE_FALSE -> $S;\n", "BOOLEAN")
                    .add("case VALUE_NULL -> $S;\n", "null")
                    .add("case START_OBJECT -> $S;\n", "OBJECT")
                    .add("case START_ARRAY -> $S;\n", "ARRAY")
                    .add("default -> token.name();\n")
                    .unindent()
                    .add("};\n")
                    .build())
            .build());
    return type;
  }

  private static MethodSpec.Builder override(String name, Object returns) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    return returns instanceof Class<?> c
        ? method.returns(c)
        : method.returns((com.palantir.javapoet.TypeName) returns);
  }

  private static MethodSpec readFields(EntityModel model, ClassName patch) {
    CodeBlock.Builder body =
        CodeBlock.builder()
            .addStatement(
                "$T start = in.currentToken() == null ? in.nextToken() : in.currentToken()", TOKEN)
            .beginControlFlow("if (start != $T.START_OBJECT)", TOKEN)
            .addStatement(
                "throw new $T(\n$S, null, null, $S + describe(start))",
                Code.BAD_SERVER_DATA,
                model.name(),
                "expected an object, found ")
            .endControlFlow()
            .addStatement("$T fields = $T.empty()", patch, patch)
            .beginControlFlow("try")
            .beginControlFlow("while (in.nextToken() == $T.FIELD_NAME)", TOKEN)
            .addStatement("$T property = in.currentName()", String.class)
            .addStatement("in.nextToken()")
            .beginControlFlow("switch (property)");
    for (Property p : model.synced()) {
      body.addStatement(
          "case $S -> fields = fields.$L($L(in, idOf(fields)))",
          p.name(),
          p.name(),
          "read" + Code.capitalize(p.name()));
    }
    body.addStatement("default -> in.skipChildren()")
        .endControlFlow()
        .endControlFlow()
        .nextControlFlow("catch ($T e)", PROCESSING_EXCEPTION)
        .addStatement(
            "throw new $T(\n$S, idOf(fields), in.currentName(), e.getOriginalMessage(), e)",
            Code.BAD_SERVER_DATA,
            model.name())
        .endControlFlow()
        .addStatement("return fields");
    return MethodSpec.methodBuilder("readFields")
        .addJavadoc(
            "{@return the synced properties of one JSON object, as a patch that sets those"
                + " present}\n\n"
                + "@param in the parser, before or on the object's start\n"
                + "@throws IOException if the input cannot be read\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(patch)
        .addParameter(PARSER, "in")
        .addException(IOException.class)
        .addCode(body.build())
        .build();
  }

  private static String writerName(Property p) {
    return "write" + Code.capitalize(p.name());
  }

  private static MethodSpec writer(Property p) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(writerName(p))
            .addJavadoc(
                "Writes {@code $L} as a property.\n\n"
                    + "@param out the generator, inside an object\n"
                    + "@param value the value\n"
                    + "@throws IOException if writing fails\n",
                p.name())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(GENERATOR, "out")
            .addParameter(p.type(), "value")
            .addException(IOException.class)
            .addStatement("out.writeFieldName($S)", p.name());
    CodeBlock value =
        switch (p.kind()) {
          case BOOLEAN -> CodeBlock.of("out.writeBoolean(value)");
          case CHAR -> CodeBlock.of("out.writeString($T.valueOf(value))", String.class);
          case STRING -> CodeBlock.of("out.writeString(value)");
          case ENUM -> CodeBlock.of("out.writeString(value.name())");
          case UUID, TEMPORAL -> CodeBlock.of("out.writeString(value.toString())");
          default -> CodeBlock.of("out.writeNumber(value)");
        };
    if (p.kind() == ValueKind.FLOAT || p.kind() == ValueKind.DOUBLE) {
      // Non-finite values are no JSON numbers: written as the strings the reader accepts back.
      value =
          CodeBlock.builder()
              .beginControlFlow(
                  "if ($T.isFinite(value))",
                  p.kind() == ValueKind.FLOAT ? Float.class : Double.class)
              .addStatement("out.writeNumber(value)")
              .nextControlFlow("else")
              .addStatement("out.writeString($T.valueOf(value))", String.class)
              .endControlFlow()
              .build();
    } else {
      value = CodeBlock.builder().addStatement(value).build();
    }
    if (p.isPrimitive()) {
      return method.addCode(value).build();
    }
    return method
        .beginControlFlow("if (value == null)")
        .addStatement("out.writeNull()")
        .nextControlFlow("else")
        .addCode(value)
        .endControlFlow()
        .build();
  }

  private static MethodSpec reader(EntityModel model, Property p) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read" + Code.capitalize(p.name()))
            .addJavadoc(
                "{@return the value of {@code $L}}\n\n"
                    + "@param in the parser, on the value\n"
                    + "@param id the entity's id, or {@code null} if not read yet\n"
                    + "@throws IOException if the input cannot be read\n",
                p.name())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(p.type())
            .addParameter(PARSER, "in")
            .addParameter(Object.class, "id")
            .addException(IOException.class)
            .addStatement("$T token = in.currentToken()", TOKEN);
    if (!p.isPrimitive()) {
      method
          .beginControlFlow("if (token == $T.VALUE_NULL)", TOKEN)
          .addStatement("return null")
          .endControlFlow();
    }
    ValueKind kind = p.kind();
    String expected;
    CodeBlock accepted;
    if (kind == ValueKind.BOOLEAN) {
      expected = "a boolean";
      accepted = CodeBlock.of("token != $T.VALUE_TRUE && token != $T.VALUE_FALSE", TOKEN, TOKEN);
    } else if (kind == ValueKind.FLOAT || kind == ValueKind.DOUBLE) {
      expected = "a number or one of \"NaN\", \"Infinity\", \"-Infinity\"";
      method
          .beginControlFlow("if (isNonFinite(in))")
          .addStatement(
              kind == ValueKind.FLOAT
                  ? "return $T.parseFloat(in.getText())"
                  : "return $T.parseDouble(in.getText())",
              kind == ValueKind.FLOAT ? Float.class : Double.class)
          .endControlFlow();
      accepted =
          CodeBlock.of(
              "token != $T.VALUE_NUMBER_INT && token != $T.VALUE_NUMBER_FLOAT", TOKEN, TOKEN);
    } else if (kind == ValueKind.BIG_DECIMAL) {
      expected = "a number";
      accepted =
          CodeBlock.of(
              "token != $T.VALUE_NUMBER_INT && token != $T.VALUE_NUMBER_FLOAT", TOKEN, TOKEN);
    } else if (kind.isNumber()) {
      expected = "an integer";
      accepted = CodeBlock.of("token != $T.VALUE_NUMBER_INT", TOKEN);
    } else {
      expected = "a string";
      accepted = CodeBlock.of("token != $T.VALUE_STRING", TOKEN);
    }
    method
        .beginControlFlow("if ($L)", accepted)
        .addStatement("throw unexpected(token, id, $S,$W$S)", p.name(), expected)
        .endControlFlow();
    switch (kind) {
      case BOOLEAN -> method.addStatement("return in.getBooleanValue()");
      case BYTE -> method.addStatement("return in.getByteValue()");
      case SHORT -> method.addStatement("return in.getShortValue()");
      case INT -> method.addStatement("return in.getIntValue()");
      case LONG -> method.addStatement("return in.getLongValue()");
      case FLOAT -> method.addStatement("return in.getFloatValue()");
      case DOUBLE -> method.addStatement("return in.getDoubleValue()");
      case BIG_DECIMAL -> method.addStatement("return in.getDecimalValue()");
      case BIG_INTEGER -> method.addStatement("return in.getBigIntegerValue()");
      case STRING -> method.addStatement("return in.getText()");
      case CHAR ->
          method
              .addStatement("$T text = in.getText()", String.class)
              .beginControlFlow("if (text.length() != 1)")
              .addStatement(
                  "throw new $T(\n$S, id, $S, $S + text + $S)",
                  Code.BAD_SERVER_DATA,
                  model.name(),
                  p.name(),
                  "expected one character, found '",
                  "'")
              .endControlFlow()
              .addStatement("return text.charAt(0)");
      case ENUM ->
          parsed(
              model,
              p,
              method,
              CodeBlock.of("$T.valueOf(text)", p.type()),
              IllegalArgumentException.class,
              CodeBlock.of(
                  "$S + text + $S$W+ $T.toString($T.values())",
                  "'",
                  "' is not a constant of "
                      + ((ClassName) p.type()).simpleName()
                      + "; expected one of ",
                  Arrays.class,
                  p.type()));
      case UUID ->
          parsed(
              model,
              p,
              method,
              CodeBlock.of("$T.fromString(text)", p.type()),
              IllegalArgumentException.class,
              CodeBlock.of("$S + text + $S", "'", "' is not a UUID"));
      case TEMPORAL ->
          parsed(
              model,
              p,
              method,
              CodeBlock.of("$T.parse(text)", p.type()),
              DateTimeParseException.class,
              CodeBlock.of(
                  "$S + text + $S",
                  "'",
                  "' is not an ISO-8601 " + ((ClassName) p.type()).simpleName()));
    }
    return method.build();
  }

  private static void parsed(
      EntityModel model,
      Property p,
      MethodSpec.Builder method,
      CodeBlock parse,
      Class<? extends Exception> failure,
      CodeBlock problem) {
    method
        .addStatement("$T text = in.getText()", String.class)
        .beginControlFlow("try")
        .addStatement("return $L", parse)
        .nextControlFlow("catch ($T e)", failure)
        .addStatement(
            "throw new $T(\n$S, id, $S, $L, e)",
            Code.BAD_SERVER_DATA,
            model.name(),
            p.name(),
            problem)
        .endControlFlow();
  }
}
