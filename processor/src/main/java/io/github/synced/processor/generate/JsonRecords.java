package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The members of {@code XJson} that read and write the records an entity holds as values ({@code
 * Money}): per record type a constant of its component names ({@code MONEY_NAMES}), a reader
 * ({@code readMoneyObject}) and a writer ({@code writeMoneyObject}), in the order the records first
 * appear among the synced fields. A record is a JSON object of its components, by name.
 */
final class JsonRecords {

  private static final ClassName NAMES = ClassName.get(Code.RUNTIME + ".json", "JsonNames");
  private static final ClassName OUTPUT = ClassName.get(Code.RUNTIME + ".json", "JsonOutput");

  private JsonRecords() {}

  /**
   * The records among the values of {@code model}'s synced fields (nested ones too), each with the
   * name its members are made of: its simple name, its enclosing names where two records share one,
   * and a number where that is not enough.
   */
  static Map<Shape.Composite, String> of(EntityModel model) {
    Map<ClassName, Shape.Composite> found = new LinkedHashMap<>();
    for (Property p : model.synced()) {
      collect(p.shape(), found);
    }
    Map<Shape.Composite, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Shape.Composite record : found.values()) {
      String simple = record.type().simpleName();
      boolean shared =
          found.keySet().stream().filter(t -> t.simpleName().equals(simple)).count() > 1;
      String name = shared ? String.join("", record.type().simpleNames()) : simple;
      String unique = name;
      for (int i = 2; !taken.add(unique); i++) {
        unique = name + i;
      }
      names.put(record, unique);
    }
    return names;
  }

  private static void collect(Shape shape, Map<ClassName, Shape.Composite> found) {
    if (shape instanceof Shape.Composite record) {
      if (found.putIfAbsent(record.type(), record) == null) {
        for (Shape.Component c : record.components()) {
          collect(c.shape(), found);
        }
      }
    } else if (shape instanceof Shape.Many many) {
      collect(many.element(), found);
    } else if (shape instanceof Shape.Keyed keyed) {
      collect(keyed.value(), found);
    } else if (shape instanceof Shape.Maybe maybe) {
      collect(maybe.element(), found);
    }
  }

  /** The record in {@code shape} (its leaves hold at most one record type), or {@code null}. */
  static Shape.Composite leaf(Shape shape) {
    Map<ClassName, Shape.Composite> found = new LinkedHashMap<>();
    if (shape instanceof Shape.Composite record) {
      return record;
    }
    collect(shape, found);
    return found.isEmpty() ? null : found.values().iterator().next();
  }

  /** {@code readMoneyObject(in)}. */
  static CodeBlock read(EntityModel model, Shape.Composite record, String in) {
    return CodeBlock.of("read$LObject($L)", of(model).get(record), in);
  }

  /** {@code writeMoneyObject(out, value)}. */
  static CodeBlock write(EntityModel model, Shape.Composite record, String out, CodeBlock value) {
    return CodeBlock.of("write$LObject($L, $L)", of(model).get(record), out, value);
  }

  /** The name constants, readers and writers of every record of {@code model}. */
  static void addMembers(EntityModel model, com.palantir.javapoet.TypeSpec.Builder type) {
    for (Map.Entry<Shape.Composite, String> e : of(model).entrySet()) {
      Shape.Composite record = e.getKey();
      String names = Property.constantName(e.getValue()) + "_NAMES";
      type.addField(
          FieldSpec.builder(NAMES, names, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc(Javadoc.of("The component names of {@link $T}.", record.type()))
              .initializer(
                  "$T.of($L)",
                  NAMES,
                  Code.wrapped(
                      record.components().stream().map(c -> Code.stringLiteral(c.name())).toList()))
              .build());
      type.addMethod(reader(model, record, e.getValue(), names));
      type.addMethod(writer(model, record, e.getValue(), names));
    }
  }

  private static MethodSpec reader(
      EntityModel model, Shape.Composite record, String name, String names) {
    List<String> components = record.components().stream().map(Shape.Component::name).toList();
    String in = free(components, "in");
    String field = free(components, "field");
    String e = free(components, "e");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("read" + name + "Object")
            .addJavadoc(
                Javadoc.of(
                    "Reads a {@link $T} from a JSON object of its components, or {@code null};"
                        + " a missing component is {@code null}, or 0 or {@code false}.\n\n"
                        + "@param $L the reader, on the value\n"
                        + "@return the record, or {@code null} for JSON {@code null}\n"
                        + "@throws $T if the value is not an object, a component does not fit, or"
                        + " the record refuses its components (its exception is the cause)\n"
                        + "@throws IOException if the input cannot be read",
                    record.type(),
                    in,
                    Code.BAD_SERVER_DATA))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(record.type())
            .addParameter(JsonReadMethods.INPUT, in)
            .addException(IOException.class)
            .beginControlFlow("if ($T.isNull($L))", JsonShapes.VALUES, in)
            .addStatement("return null")
            .endControlFlow()
            .addStatement("$L.startObject($S)", in, model.name());
    for (Shape.Component c : record.components()) {
      method.addStatement(
          "$T $L = $L", c.shape().type(), c.name(), Code.defaultValue(c.shape().type()));
    }
    method
        .beginControlFlow(
            "for (int $L = $L.nextField($L);$W$L != $T.END;$W$L = $L.nextField($L))",
            field,
            in,
            names,
            field,
            JsonReadMethods.INPUT,
            field,
            in,
            names)
        .beginControlFlow("switch ($L)", field);
    for (int i = 0; i < record.components().size(); i++) {
      Shape.Component c = record.components().get(i);
      method.addStatement(
          "case $L -> $L =$W$L", i, c.name(), JsonShapes.readPart(model, c.shape(), in));
    }
    return method
        .addStatement("default -> $L.skipValue()", in)
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement(
            "return new $T($L)",
            record.type(),
            Code.wrapped(components.stream().map(c -> CodeBlock.of("$L", c)).toList()))
        .nextControlFlow("catch ($T $L)", RuntimeException.class, e)
        .addStatement(
            "throw $T.refused($S, null, null, $L)", JsonReadMethods.INPUT, model.name(), e)
        .endControlFlow()
        .build();
  }

  private static MethodSpec writer(
      EntityModel model, Shape.Composite record, String name, String names) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("write" + name + "Object")
            .addJavadoc(
                Javadoc.of(
                    "Writes {@code value}, a {@link $T}, as a JSON object of its components, or"
                        + " {@code null}.\n\n"
                        + "@param out the writer\n"
                        + "@param value the record, or {@code null}\n"
                        + "@throws IOException if the output cannot be written",
                    record.type()))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(OUTPUT, "out")
            .addParameter(record.type(), "value")
            .addException(IOException.class)
            .beginControlFlow("if (value == null)")
            .addStatement("out.writeNull()")
            .addStatement("return")
            .endControlFlow()
            .addStatement("out.startObject()");
    for (int i = 0; i < record.components().size(); i++) {
      Shape.Component c = record.components().get(i);
      method
          .addStatement("out.name($L, $L)", names, i)
          .addStatement(
              JsonShapes.writePart(model, c.shape(), CodeBlock.of("value.$L()", c.name()), false));
    }
    return method.addStatement("out.endObject()").build();
  }

  /** {@code base}, with {@code _} appended while a component has that name. */
  private static String free(List<String> components, String base) {
    String name = base;
    while (components.contains(name)) {
      name += "_";
    }
    return name;
  }
}
