package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the reading half of {@code XJson}: {@code readPatch}, one loop over an object's properties
 * into a patch, and {@code read}, which checks the patch for id and version and makes the entity.
 */
final class JsonReadMethods {

  private static final ClassName ENTITIES = ClassName.get(Code.RUNTIME + ".json", "JsonEntities");

  static final ClassName INPUT = ClassName.get(Code.RUNTIME + ".json", "JsonInput");

  private JsonReadMethods() {}

  /** {@code read}: the object as a patch, checked for id and version, made into an entity. */
  static MethodSpec read(EntityModel model, ClassName entity, ClassName patch) {
    Property id = model.id();
    MethodSpec.Builder read =
        Code.override(
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
          Instances.returnNew(
              model,
              "entity",
              p ->
                  p.isSynced()
                      ? Copies.owned(model, p, CodeBlock.of("fields.$L()", p.name()))
                      : null);
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
          .addStatement(
              Code.set(p, "entity", Copies.owned(model, p, CodeBlock.of("fields.$L()", p.name()))))
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
  static MethodSpec readPatch(EntityModel model, ClassName patch, String names) {
    Property id = model.id();
    boolean many = model.manyFields();
    // Locals are named after the properties: the method's own names step aside.
    String in = Code.fresh(model, "in");
    String set = Code.fresh(model, "set");
    String field = Code.fresh(model, "field");
    String e = Code.fresh(model, "e");
    String fields = Code.fresh(model, "fields");
    MethodSpec.Builder method =
        Code.override(
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
                  "$L ? ($T) $L : null", FieldBits.has(model, id, set), id.type().box(), id.name())
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
            .addStatement(FieldBits.add(model, p, set))
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
    return p.kind() == null
        ? CodeBlock.of("$L($L)", JsonShapes.readerName(p), in)
        : JsonShapes.read(model, p, p.shape(), in, 0);
  }

  /**
   * The expression that reads a collection or map of another {@code @Synced} type through {@code
   * JsonEntities}, which reads each element with that type's codec and refuses {@code null}
   * elements, elements without an id and repeated ids.
   */
  static CodeBlock readEntities(EntityModel model, Property p) {
    List<CodeBlock> arguments = new ArrayList<>();
    arguments.add(CodeBlock.of("in"));
    arguments.add(CodeBlock.of("$S", model.name()));
    arguments.add(Code.stringLiteral(p.jsonName()));
    String method;
    if (p.shape() instanceof Shape.Keyed keyed) {
      method = keyed.container().isSorted() ? "readSortedMap" : "readMap";
      arguments.add(JsonShapes.key(keyed.key()));
      arguments.add(CodeBlock.of("$S", JsonShapes.keyDescription(keyed.key())));
    } else {
      method = ((Shape.Many) p.shape()).container() == Shape.Container.SET ? "readSet" : "readList";
    }
    arguments.add(CodeBlock.of("$L", JsonShapes.codecConstant(p.entityElement())));
    return CodeBlock.of("$T.$L(\n$L)", ENTITIES, method, CodeBlock.join(arguments, ",\n"));
  }
}
