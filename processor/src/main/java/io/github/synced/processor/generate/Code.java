package io.github.synced.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** Code fragments shared by the writers: how to read, set, compare and default a property. */
final class Code {

  static final String RUNTIME = "io.github.synced.runtime";
  static final ClassName ENTITY_TYPE = ClassName.get(RUNTIME + ".spi", "EntityType");
  static final ClassName ENTITY_FIELD = ClassName.get(RUNTIME + ".spi", "EntityField");
  static final ClassName SNAPSHOT = ClassName.get(RUNTIME + ".spi", "Snapshot");
  static final ClassName PATCH = ClassName.get(RUNTIME + ".spi", "Patch");
  static final ClassName BAD_SERVER_DATA = ClassName.get(RUNTIME, "BadServerDataException");
  static final ClassName JSON_CODEC = ClassName.get(RUNTIME + ".json", "JsonCodec");
  static final ClassName FIELD_SET = ClassName.get(RUNTIME + ".spi", "FieldSet");

  /** {@code @Generated} naming the processor, without a date so builds stay reproducible. */
  private static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "io.github.synced.processor.SyncedProcessor")
          .build();

  /**
   * {@code @Generated}, where the entity's code can see {@code javax.annotation.processing}; none
   * where it cannot (a named module that does not read {@code java.compiler}).
   */
  static List<AnnotationSpec> generated(EntityModel model) {
    return model.markGenerated() ? List.of(GENERATED) : List.of();
  }

  private Code() {}

  /**
   * Adds {@code @SuppressWarnings} with exactly the lint keys ({@code deprecation}, {@code
   * removal}) that the generated type's references to the entity's deprecated API raise; nothing
   * when there are none.
   */
  static void suppressWarnings(TypeSpec.Builder type, Stream<Set<String>> keys) {
    List<String> sorted = keys.flatMap(Set::stream).distinct().sorted().toList();
    if (sorted.isEmpty()) {
      return;
    }
    CodeBlock values =
        sorted.size() == 1
            ? CodeBlock.of("$S", sorted.get(0))
            : CodeBlock.of(
                "{$L}",
                CodeBlock.join(sorted.stream().map(k -> CodeBlock.of("$S", k)).toList(), ", "));
    type.addAnnotation(
        AnnotationSpec.builder(SuppressWarnings.class).addMember("value", values).build());
  }

  /** The lint keys that naming the types of {@code properties} raises. */
  static Stream<Set<String>> typeWarnings(List<Property> properties) {
    return properties.stream().map(Property::typeWarnings);
  }

  /** A public overriding method documented by {@code doc}, reflowed (see {@link Javadoc#of}). */
  static MethodSpec.Builder override(String name, TypeName returns, String doc, Object... args) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(Javadoc.of(doc, args))
        .addAnnotation(Override.class)
        .addModifiers(javax.lang.model.element.Modifier.PUBLIC)
        .returns(returns);
  }

  static MethodSpec.Builder override(String name, Class<?> returns, String doc, Object... args) {
    return override(name, TypeName.get(returns), doc, args);
  }

  /** A private final field documented by {@code doc} (a line of Javadoc text). */
  static FieldSpec.Builder privateField(TypeName type, String name, String doc, Object... args) {
    return FieldSpec.builder(type, name, javax.lang.model.element.Modifier.PRIVATE)
        .addModifiers(javax.lang.model.element.Modifier.FINAL)
        .addJavadoc(Javadoc.of(doc, args));
  }

  /** An expression reading {@code p} from the entity held in variable {@code entity}. */
  static CodeBlock read(Property p, String entity) {
    Access read = p.read();
    if (read.style() == Access.Style.FIELD) {
      return CodeBlock.of("$L.$L", entity, read.name());
    }
    return read.converts()
        ? CodeBlock.of("(($T) $L.$L())", p.type(), entity, read.name())
        : CodeBlock.of("$L.$L()", entity, read.name());
  }

  /**
   * A statement setting {@code p} of the mutable entity in variable {@code entity} to {@code
   * value}.
   */
  static CodeBlock set(Property p, String entity, CodeBlock value) {
    Access write = p.write();
    return write.style() == Access.Style.FIELD
        ? CodeBlock.of("$L.$L = $L", entity, write.name(), value)
        : CodeBlock.of("$L.$L($L)", entity, write.name(), value);
  }

  /**
   * An argument list: on one line when short, otherwise one argument per line, the way
   * google-java-format lays out long calls.
   */
  static CodeBlock arguments(List<CodeBlock> arguments) {
    CodeBlock inline = CodeBlock.join(arguments, ", ");
    if (arguments.size() <= 3 && inline.toString().length() <= 60) {
      return inline;
    }
    return CodeBlock.of("\n$L", CodeBlock.join(arguments, ",\n"));
  }

  /** An argument list that JavaPoet wraps where a line would grow too long. */
  static CodeBlock wrapped(List<CodeBlock> arguments) {
    return CodeBlock.join(arguments, ",$W");
  }

  /** The Java default of a type: {@code null}, {@code 0}, {@code false}. */
  static CodeBlock defaultValue(TypeName type) {
    if (!type.isPrimitive()) {
      return CodeBlock.of("null");
    }
    if (type.equals(TypeName.BOOLEAN)) {
      return CodeBlock.of("false");
    }
    if (type.equals(TypeName.LONG)) {
      return CodeBlock.of("0L");
    }
    if (type.equals(TypeName.FLOAT)) {
      return CodeBlock.of("0F");
    }
    if (type.equals(TypeName.DOUBLE)) {
      return CodeBlock.of("0D");
    }
    if (type.equals(TypeName.CHAR)) {
      return CodeBlock.of("'\\0'");
    }
    if (type.equals(TypeName.INT)) {
      return CodeBlock.of("0");
    }
    return CodeBlock.of("($T) 0", type);
  }

  /**
   * The value a local-only component gets where there is no instance to take it from (a synced
   * copy, an entity read from JSON): the value a user can construct, never a {@code null} that a
   * validating record refuses. Empty immutable collections and maps, an empty {@code Optional},
   * {@code 0} or {@code false}; {@code null} for other reference types.
   */
  static CodeBlock localDefault(TypeName type) {
    TypeName raw = type instanceof ParameterizedTypeName p ? p.rawType() : type;
    if (!(raw instanceof ClassName name)) {
      return defaultValue(type);
    }
    return switch (name.canonicalName()) {
      case "java.util.List", "java.util.Collection" -> CodeBlock.of("$T.of()", List.class);
      case "java.util.Set" -> CodeBlock.of("$T.of()", java.util.Set.class);
      case "java.util.Map" -> CodeBlock.of("$T.of()", java.util.Map.class);
      case "java.util.SortedSet", "java.util.NavigableSet" ->
          CodeBlock.of("$T.emptyNavigableSet()", java.util.Collections.class);
      case "java.util.SortedMap", "java.util.NavigableMap" ->
          CodeBlock.of("$T.emptyNavigableMap()", java.util.Collections.class);
      case "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble" ->
          CodeBlock.of("$T.empty()", name);
      default -> defaultValue(type);
    };
  }

  /** The sentence that documents {@link #localDefault} in generated Javadoc. */
  static final String LOCAL_DEFAULTS =
      "Local-only components get the values a user can construct: an empty immutable {@code"
          + " List}, {@code Set} or {@code Map}, {@code Optional.empty()}, {@code 0} or {@code"
          + " false}, and {@code null} for other reference types.";

  /**
   * A boolean expression that is true when the values {@code a} and {@code b} of {@code p} equal.
   */
  static CodeBlock equal(EntityModel model, Property p, CodeBlock a, CodeBlock b) {
    TypeName type = p.type();
    if (p.isNested()) {
      return Copies.call(model, p, "equal", a, b);
    }
    if (p.isArray()) {
      return CodeBlock.of("$T.equals($L, $L)", java.util.Arrays.class, a, b);
    }
    if (type.equals(TypeName.FLOAT)) {
      return CodeBlock.of("$T.compare($L, $L) == 0", Float.class, a, b);
    }
    if (type.equals(TypeName.DOUBLE)) {
      return CodeBlock.of("$T.compare($L, $L) == 0", Double.class, a, b);
    }
    if (type.isPrimitive()) {
      return CodeBlock.of("$L == $L", a, b);
    }
    return CodeBlock.of("$T.equals($L, $L)", java.util.Objects.class, a, b);
  }

  /**
   * A boolean expression that is true when the values {@code a} and {@code b} of {@code p} differ.
   */
  static CodeBlock differ(EntityModel model, Property p, CodeBlock a, CodeBlock b) {
    TypeName type = p.type();
    if (p.isNested()) {
      return CodeBlock.of("!$L", Copies.call(model, p, "equal", a, b));
    }
    if (p.isArray()) {
      return CodeBlock.of("!$T.equals($L, $L)", java.util.Arrays.class, a, b);
    }
    if (type.equals(TypeName.FLOAT)) {
      return CodeBlock.of("$T.compare($L, $L) != 0", Float.class, a, b);
    }
    if (type.equals(TypeName.DOUBLE)) {
      return CodeBlock.of("$T.compare($L, $L) != 0", Double.class, a, b);
    }
    if (type.isPrimitive()) {
      return CodeBlock.of("$L != $L", a, b);
    }
    return CodeBlock.of("!$T.equals($L, $L)", java.util.Objects.class, a, b);
  }

  /**
   * {@code value}, a value of {@code p}, as an argument of {@code Objects.hash}: an array's {@code
   * Arrays.hashCode}, which hashes its elements.
   */
  static CodeBlock hashed(EntityModel model, Property p, CodeBlock value) {
    if (p.isNested()) {
      return Copies.call(model, p, "hash", value);
    }
    return p.isArray() ? CodeBlock.of("$T.hashCode($L)", java.util.Arrays.class, value) : value;
  }

  /** {@code value}, a value of {@code p}, for {@code toString}: an array's elements. */
  static CodeBlock text(EntityModel model, Property p, CodeBlock value) {
    if (p.isNested()) {
      return Copies.call(model, p, "text", value);
    }
    return p.isArray() ? CodeBlock.of("$T.toString($L)", java.util.Arrays.class, value) : value;
  }

  /** {@code name} with its first letter upper case. */
  static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  // ---------------------------------------------------------------- names

  /**
   * A name for a local variable or parameter of generated code where variables named after the
   * entity's properties are in scope: {@code base}, with {@code _} appended while a property has
   * that name.
   */
  static String fresh(EntityModel model, String base) {
    String name = base;
    while (isProperty(model, name)) {
      name += "_";
    }
    return name;
  }

  private static boolean isProperty(EntityModel model, String name) {
    for (Property p : model.properties()) {
      if (p.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes JavaPoet write the fully qualified name of every type whose simple name is also the name
   * of a property: in a class with fields or variables named after properties, such a variable
   * would obscure the type in an expression ({@code Objects.equals}).
   */
  static void qualifyObscured(TypeSpec.Builder type, EntityModel model) {
    type.alwaysQualify(model.properties().stream().map(Property::name).toArray(String[]::new));
  }

  // ---------------------------------------------------------------- one case per synced field

  /**
   * {@code return switch (TaskField.of(field)) { case ID -> ...; ... };}: the value of each synced
   * field, by the field enum.
   *
   * @param field the expression of the field, an {@code EntityField} or the generated enum
   */
  static CodeBlock returnSwitch(
      EntityModel model, CodeBlock field, Function<Property, CodeBlock> value) {
    CodeBlock.Builder code = CodeBlock.builder().add("return switch ($L) {\n", field).indent();
    for (Property p : model.synced()) {
      code.add("case $L -> $L;\n", p.constantName(), value.apply(p));
    }
    return code.unindent().add("};\n").build();
  }

  /** {@code switch (field) { case ID -> ...; ... }}: one statement per synced field. */
  static CodeBlock switchStatement(
      EntityModel model, CodeBlock field, Function<Property, CodeBlock> statement) {
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch ($L)", field);
    for (Property p : model.synced()) {
      code.addStatement("case $L -> $L", p.constantName(), statement.apply(p));
    }
    return code.endControlFlow().build();
  }

  /** The field enum constant of {@code p}, for example {@code TaskField.TITLE}. */
  static CodeBlock constant(EntityModel model, Property p) {
    return CodeBlock.of("$T.$L", model.generated("Field"), p.constantName());
  }

  /**
   * {@code text} as a Java string literal in which every character outside printable ASCII is a
   * {@code \\uXXXX} escape: a JSON name may hold any character (a line separator too), and the
   * generated source stays plain ASCII.
   */
  static CodeBlock stringLiteral(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return CodeBlock.of("$L", out.append('"'));
  }
}
