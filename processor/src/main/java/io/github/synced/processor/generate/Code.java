package io.github.synced.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.List;
import java.util.function.Function;

/** Code fragments shared by the writers: how to read, set, compare and default a property. */
final class Code {

  static final String RUNTIME = "io.github.synced.runtime";
  static final ClassName ENTITY_TYPE = ClassName.get(RUNTIME, "EntityType");
  static final ClassName ENTITY_FIELD = ClassName.get(RUNTIME, "EntityField");
  static final ClassName SNAPSHOT = ClassName.get(RUNTIME, "Snapshot");
  static final ClassName PATCH = ClassName.get(RUNTIME, "Patch");
  static final ClassName BAD_SERVER_DATA = ClassName.get(RUNTIME, "BadServerDataException");
  static final ClassName JSON_CODEC = ClassName.get(RUNTIME + ".json", "JsonCodec");

  /** {@code @Generated} naming the processor, without a date so builds stay reproducible. */
  static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "io.github.synced.processor.SyncedProcessor")
          .build();

  private Code() {}

  /** An expression reading {@code p} from the entity held in variable {@code entity}. */
  static CodeBlock read(Property p, String entity) {
    Access read = p.read();
    return read.style() == Access.Style.FIELD
        ? CodeBlock.of("$L.$L", entity, read.name())
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

  /** {@code new Entity(...)} for a record, each component's argument given by {@code value}. */
  static CodeBlock newRecord(EntityModel model, Function<Property, CodeBlock> value) {
    return CodeBlock.of(
        "new $T($L)", model.entity(), arguments(model.properties().stream().map(value).toList()));
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
   * A boolean expression that is true when the values {@code a} and {@code b} of {@code p} equal.
   */
  static CodeBlock equal(Property p, CodeBlock a, CodeBlock b) {
    TypeName type = p.type();
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
  static CodeBlock differ(Property p, CodeBlock a, CodeBlock b) {
    TypeName type = p.type();
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

  /** {@code name} with its first letter upper case. */
  static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The field enum constant of {@code p}, for example {@code TaskField.TITLE}. */
  static CodeBlock constant(EntityModel model, Property p) {
    return CodeBlock.of("$T.$L", model.generated("Field"), p.constantName());
  }
}
