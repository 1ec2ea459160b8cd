package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The expressions of {@code XJson} that read and write one value of each {@link Shape}: scalars
 * through {@code JsonInput} and {@code JsonOutput} themselves, collections, maps and optionals
 * through the runtime's {@code JsonValues}, with a lambda per level that reads an element, and
 * other {@code @Synced} types (one, or a collection or map of them) through {@code JsonEntities}
 * with their own codecs.
 */
final class JsonShapes {

  static final ClassName VALUES = ClassName.get(Code.RUNTIME + ".json", "JsonValues");
  private static final ClassName ENTITIES = ClassName.get(Code.RUNTIME + ".json", "JsonEntities");
  private static final TypeName BYTES = com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE);
  private static final ClassName READER_INPUT = ClassName.get(Code.RUNTIME + ".json", "JsonInput");

  private JsonShapes() {}

  /**
   * The expression that reads a value of {@code shape}, the shape of {@code p} or of a part of it,
   * from the reader in variable {@code in}.
   *
   * @param depth how deep in the value of {@code p} this is, for the names of lambda parameters
   */
  static CodeBlock read(EntityModel model, Property p, Shape shape, String in, int depth) {
    String entity = model.name();
    if (shape instanceof Shape.Scalar scalar) {
      return readScalar(entity, scalar, in);
    }
    if (shape instanceof Shape.Composite record) {
      return JsonRecords.read(model, record, in);
    }
    CodeBlock field = p == null ? CodeBlock.of("null") : Code.stringLiteral(p.jsonName());
    if (shape.type().equals(BYTES)) {
      return CodeBlock.of("$T.readBytes($L, $S, $L)", VALUES, in, entity, field);
    }
    if (shape instanceof Shape.Maybe maybe) {
      if (maybe.element() instanceof Shape.Composite record) {
        return CodeBlock.of(
            "$T.ofNullable($L)", Optional.class, JsonRecords.read(model, record, in));
      }
      Shape.Scalar inside = (Shape.Scalar) maybe.element();
      if (inside.type().isPrimitive()) {
        String kind =
            switch (inside.kind()) {
              case INT -> "Int";
              case LONG -> "Long";
              default -> "Double";
            };
        return CodeBlock.of("$T.readOptional$L($L, $S)", VALUES, kind, in, entity);
      }
      return CodeBlock.of("$T.ofNullable($L)", Optional.class, readScalar(entity, inside, in));
    }
    String item = "item" + (depth == 0 ? "" : depth);
    CodeBlock element;
    String method;
    List<CodeBlock> arguments = new ArrayList<>();
    arguments.add(CodeBlock.of("$L", in));
    arguments.add(CodeBlock.of("$S", entity));
    arguments.add(field);
    if (shape instanceof Shape.Many many) {
      method =
          switch (many.container()) {
            case SET -> "readSet";
            case SORTED_SET, NAVIGABLE_SET -> "readSortedSet";
            default -> "readList";
          };
      element = read(model, p, many.element(), item, depth + 1);
    } else {
      Shape.Keyed keyed = (Shape.Keyed) shape;
      method = keyed.container().isSorted() ? "readSortedMap" : "readMap";
      arguments.add(key(keyed.key()));
      arguments.add(CodeBlock.of("$S", keyDescription(keyed.key())));
      element = read(model, p, keyed.value(), item, depth + 1);
    }
    arguments.add(CodeBlock.of("$L -> $L", item, element));
    // Laid out as google-java-format would: on one line where it fits, else one argument a line.
    CodeBlock inline = CodeBlock.join(arguments, ", ");
    if (inline.toString().length() + method.length() <= (depth == 0 ? 76 : 64)) {
      return CodeBlock.of("$T.$L($L)", VALUES, method, inline);
    }
    return CodeBlock.of(
        depth == 0 ? "$T.$L(\n$L)" : "$T.$L(\n$>$>$L$<$<)",
        VALUES,
        method,
        CodeBlock.join(arguments, ",\n"));
  }

  /**
   * A private static method of the codec that reads a value of {@code p}, a collection, map or
   * optional: {@code tagsFrom(JsonInput)}, which {@code readPatch} calls.
   */
  static MethodSpec reader(EntityModel model, Property p) {
    return MethodSpec.methodBuilder(readerName(p))
        .addJavadoc(
            Javadoc.of(
                "Reads a value of {@code $L}: $L.\n\n"
                    + "@param in the reader, on the value\n"
                    + "@return the value read, {@code null} for JSON {@code null}$L\n"
                    + "@throws $T if the value does not fit\n"
                    + "@throws IOException if the input cannot be read",
                p.name(),
                describe(p.shape()),
                p.shape() instanceof Shape.Maybe ? " (empty)" : "",
                Code.BAD_SERVER_DATA))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(p.type())
        .addParameter(READER_INPUT, "in")
        .addException(IOException.class)
        .addCode(readerBody(model, p))
        .build();
  }

  /** The constant of the codec of a nested type, for example {@code ADDRESS_JSON}. */
  static String codecConstant(Shape.Nested nested) {
    return Property.constantName(nested.prefix()) + "_JSON";
  }

  private static CodeBlock readerBody(EntityModel model, Property p) {
    if (p.entityElement() != null) {
      return CodeBlock.builder()
          .addStatement("return $L", JsonReadMethods.readEntities(model, p))
          .build();
    }
    if (p.shape() instanceof Shape.Nested nested) {
      // Read as the nested type's own entity; a problem inside it is one of this field.
      return CodeBlock.builder()
          .beginControlFlow("if ($T.isNull(in))", VALUES)
          .addStatement("return null")
          .endControlFlow()
          .beginControlFlow("try")
          .addStatement("return $L.read(in)", codecConstant(nested))
          .nextControlFlow("catch ($T e)", Code.BAD_SERVER_DATA)
          .addStatement(
              "throw $T.nested(e, $S, $L)", VALUES, model.name(), Code.stringLiteral(p.jsonName()))
          .endControlFlow()
          .build();
    }
    if (p.shape() instanceof Shape.Composite
        || (p.shape() instanceof Shape.Maybe maybe && maybe.element() instanceof Shape.Composite)) {
      // A problem inside the record names its component: the field is this one.
      return CodeBlock.builder()
          .beginControlFlow("try")
          .addStatement("return $L", read(model, p, p.shape(), "in", 0))
          .nextControlFlow("catch ($T e)", Code.BAD_SERVER_DATA)
          .addStatement("throw $T.inField(e, $L)", VALUES, Code.stringLiteral(p.jsonName()))
          .endControlFlow()
          .build();
    }
    if (!(p.shape() instanceof Shape.Array array) || array.type().equals(BYTES)) {
      return CodeBlock.builder()
          .addStatement("return $L", read(model, p, p.shape(), "in", 0))
          .build();
    }
    // Read as a list, then made an array.
    Shape.Scalar component = array.component();
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), component.type().box());
    CodeBlock values =
        CodeBlock.of(
            "$T.readList($L)",
            VALUES,
            CodeBlock.join(
                List.of(
                    CodeBlock.of("in"),
                    CodeBlock.of("$S", model.name()),
                    Code.stringLiteral(p.jsonName()),
                    CodeBlock.of("item -> $L", readScalar(model.name(), component, "item"))),
                ",$W"));
    CodeBlock.Builder body = CodeBlock.builder().addStatement("$T values = $L", list, values);
    if (!component.type().isPrimitive()) {
      return body.addStatement(
              "return values == null ? null : values.toArray(new $T[0])", component.type())
          .build();
    }
    return body.beginControlFlow("if (values == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T array = new $T[values.size()]", array.type(), component.type())
        .beginControlFlow("for (int i = 0; i < array.length; i++)")
        .addStatement("array[i] = values.get(i)")
        .endControlFlow()
        .addStatement("return array")
        .build();
  }

  /** The name of {@link #reader}. */
  static String readerName(Property p) {
    return p.name() + "From";
  }

  /** What JSON a value of {@code shape} is, for Javadoc. */
  private static String describe(Shape shape) {
    Shape inside =
        shape instanceof Shape.Many many
            ? many.element()
            : shape instanceof Shape.Keyed keyed ? keyed.value() : null;
    if (inside instanceof Shape.Nested nested) {
      return (shape instanceof Shape.Many
              ? "an array of objects"
              : "an object whose property names are the keys, of objects")
          + " each read as {@link "
          + nested.generated("Json").simpleName()
          + "} reads one, into an unmodifiable "
          + (shape instanceof Shape.Many ? "collection" : "map")
          + "; a {@code null} element, one without an id and an id twice are bad server data";
    }
    if (shape instanceof Shape.Many many) {
      return "an array, read into an unmodifiable "
          + ((ParameterizedTypeName) many.type()).rawType().simpleName();
    }
    if (shape instanceof Shape.Keyed) {
      return "an object whose property names are the keys, read into an unmodifiable map";
    }
    if (shape instanceof Shape.Composite) {
      return "an object of the record's components";
    }
    if (shape instanceof Shape.Nested nested) {
      return "an object, read as {@link " + nested.generated("Json").simpleName() + "} reads one";
    }
    if (shape.type().equals(BYTES)) {
      return "a Base64 string, as Jackson writes a {@code byte[]}";
    }
    if (shape instanceof Shape.Array) {
      return "an array";
    }
    return "its value, or {@code null} for none";
  }

  /**
   * The expression that reads a value of {@code shape}, a record's component (a scalar, a record or
   * an optional of one), from the reader in variable {@code in}.
   */
  static CodeBlock readPart(EntityModel model, Shape shape, String in) {
    return read(model, null, shape, in, 0);
  }

  /**
   * The statement that writes {@code value}, of {@code shape}, to the writer {@code out}: a scalar
   * through {@code JsonOutput}, a record through its writer, anything else through {@code
   * JsonValues}, which is given the writer of the record inside, if any.
   *
   * @param boxed whether {@code value} is of the boxed type, as read from a patch by field
   */
  static CodeBlock write(EntityModel model, Shape shape, CodeBlock value, boolean boxed) {
    if (shape instanceof Shape.Scalar scalar) {
      return writeScalar(scalar, value, boxed);
    }
    if (shape instanceof Shape.Composite record) {
      return JsonRecords.write(model, record, "out", value);
    }
    Shape.Nested entities =
        shape instanceof Shape.Many many && many.element() instanceof Shape.Nested n
            ? n
            : shape instanceof Shape.Keyed keyed && keyed.value() instanceof Shape.Nested n
                ? n
                : null;
    if (shape instanceof Shape.Nested || entities != null) {
      // Each element (or the one entity) straight through its type's codec.
      Shape.Nested nested = entities != null ? entities : (Shape.Nested) shape;
      return CodeBlock.of("$T.write(out, $L, $L)", ENTITIES, value, codecConstant(nested));
    }
    Shape.Composite leaf = JsonRecords.leaf(shape);
    if (leaf == null) {
      return CodeBlock.of("$T.write(out, $L)", VALUES, value);
    }
    return CodeBlock.of(
        "$T.write(out, $L,$W(o, v) -> $L)",
        VALUES,
        value,
        JsonRecords.write(model, leaf, "o", CodeBlock.of("($T) v", leaf.type())));
  }

  /** {@link #write} for a record's component. */
  static CodeBlock writePart(EntityModel model, Shape shape, CodeBlock value, boolean boxed) {
    return write(model, shape, value, boxed);
  }

  private static CodeBlock writeScalar(Shape.Scalar s, CodeBlock value, boolean boxed) {
    if (s.type().isPrimitive() && !boxed) {
      return switch (s.kind()) {
        case BOOLEAN -> CodeBlock.of("out.writeBoolean($L)", value);
        case CHAR -> CodeBlock.of("out.writeChar($L)", value);
        case FLOAT -> CodeBlock.of("out.writeFloat($L)", value);
        case DOUBLE -> CodeBlock.of("out.writeDouble($L)", value);
        default -> CodeBlock.of("out.writeNumber($L)", value);
      };
    }
    return switch (s.kind()) {
      case BOOLEAN -> CodeBlock.of("out.writeBoolean($L)", value);
      case STRING -> CodeBlock.of("out.writeString($L)", value);
      case ENUM -> CodeBlock.of("out.writeEnum($L)", value);
      case CHAR, UUID, TEMPORAL, CURRENCY -> CodeBlock.of("out.writeText($L)", value);
      default -> CodeBlock.of("out.writeNumber($L)", value);
    };
  }

  /** The function that makes a map key of a JSON property name. */
  static CodeBlock key(Shape.Scalar key) {
    TypeName type = key.type();
    return switch (key.kind()) {
      case STRING -> CodeBlock.of("$T.identity()", Function.class);
      case UUID -> CodeBlock.of("$T::fromString", type);
      case BIG_INTEGER, BIG_DECIMAL -> CodeBlock.of("$T::new", type);
      case TEMPORAL -> CodeBlock.of("$T::parse", type);
      case CURRENCY -> CodeBlock.of("$T::getInstance", type);
      default -> CodeBlock.of("$T::valueOf", type); // enums and boxed integers
    };
  }

  /** What a map key must be, for messages. */
  static String keyDescription(Shape.Scalar key) {
    String simple = ((ClassName) key.type()).simpleName();
    return switch (key.kind()) {
      case ENUM -> "a constant of " + simple;
      case UUID -> "a UUID";
      case BIG_DECIMAL -> "a number";
      case TEMPORAL -> "an ISO-8601 " + simple;
      case CURRENCY -> "an ISO 4217 currency code";
      case STRING -> "a string";
      default -> "an integer that fits " + ("Integer".equals(simple) ? "an int" : "a " + simple);
    };
  }

  /** The expression that reads a single value from the reader in variable {@code in}. */
  private static CodeBlock readScalar(String entity, Shape.Scalar s, String in) {
    return switch (s.kind()) {
      case ENUM ->
          CodeBlock.of(
              "$L.readEnum($S, $T::valueOf, $T::values, $S)",
              in,
              entity,
              s.type(),
              s.type(),
              ((ClassName) s.type()).simpleName());
      case TEMPORAL ->
          CodeBlock.of(
              "$L.readParsed($S, $T::parse, $S)",
              in,
              entity,
              s.type(),
              "an ISO-8601 " + ((ClassName) s.type()).simpleName());
      case CURRENCY ->
          CodeBlock.of(
              "$L.readParsed($S, $T::getInstance, $S)",
              in,
              entity,
              s.type(),
              "an ISO 4217 currency code");
      default -> CodeBlock.of("$L.$L($S)", in, reader(s), entity);
    };
  }

  /** The {@code JsonInput} method that reads a value of {@code s}. */
  private static String reader(Shape.Scalar s) {
    String boxed = s.type().isPrimitive() ? "read" : "readBoxed";
    return switch (s.kind()) {
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
      case ENUM, TEMPORAL, CURRENCY ->
          throw new IllegalArgumentException(s.kind() + " takes a function");
    };
  }
}
