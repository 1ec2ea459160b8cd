package io.github.synced.processor.scan;

import io.github.synced.Synced;
import io.github.synced.processor.model.ValueKind;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Sorts a piece of state's type into what generated code supports: a {@link ValueKind} it reads,
 * writes and compares, or a type supported later (nested entities, collections, optionals).
 */
final class ValueTypes {

  private static final Map<String, ValueKind> KNOWN_TYPES =
      Map.ofEntries(
          Map.entry("java.lang.Boolean", ValueKind.BOOLEAN),
          Map.entry("java.lang.Byte", ValueKind.BYTE),
          Map.entry("java.lang.Short", ValueKind.SHORT),
          Map.entry("java.lang.Integer", ValueKind.INT),
          Map.entry("java.lang.Long", ValueKind.LONG),
          Map.entry("java.lang.Character", ValueKind.CHAR),
          Map.entry("java.lang.Float", ValueKind.FLOAT),
          Map.entry("java.lang.Double", ValueKind.DOUBLE),
          Map.entry("java.lang.String", ValueKind.STRING),
          Map.entry("java.math.BigDecimal", ValueKind.BIG_DECIMAL),
          Map.entry("java.math.BigInteger", ValueKind.BIG_INTEGER),
          Map.entry("java.util.UUID", ValueKind.UUID),
          Map.entry("java.time.Instant", ValueKind.TEMPORAL),
          Map.entry("java.time.LocalDate", ValueKind.TEMPORAL),
          Map.entry("java.time.LocalTime", ValueKind.TEMPORAL),
          Map.entry("java.time.LocalDateTime", ValueKind.TEMPORAL),
          Map.entry("java.time.OffsetDateTime", ValueKind.TEMPORAL),
          Map.entry("java.time.OffsetTime", ValueKind.TEMPORAL),
          Map.entry("java.time.ZonedDateTime", ValueKind.TEMPORAL),
          Map.entry("java.time.Duration", ValueKind.TEMPORAL),
          Map.entry("java.time.Period", ValueKind.TEMPORAL),
          Map.entry("java.time.Year", ValueKind.TEMPORAL),
          Map.entry("java.time.YearMonth", ValueKind.TEMPORAL),
          Map.entry("java.time.MonthDay", ValueKind.TEMPORAL));

  private static final Set<String> LATER_TYPES =
      Set.of(
          "java.util.Collection",
          "java.util.Map",
          "java.util.Optional",
          "java.util.OptionalInt",
          "java.util.OptionalLong",
          "java.util.OptionalDouble");

  private final Elements elements;
  private final Types types;

  /** Sorts types with the compiler's element and type utilities. */
  ValueTypes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The value kind of a supported type, or {@code null}. */
  static ValueKind kindOf(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return ValueKind.BOOLEAN;
      case BYTE:
        return ValueKind.BYTE;
      case SHORT:
        return ValueKind.SHORT;
      case INT:
        return ValueKind.INT;
      case LONG:
        return ValueKind.LONG;
      case CHAR:
        return ValueKind.CHAR;
      case FLOAT:
        return ValueKind.FLOAT;
      case DOUBLE:
        return ValueKind.DOUBLE;
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
          return ValueKind.ENUM;
        }
        return KNOWN_TYPES.get(element.getQualifiedName().toString());
      default:
        return null;
    }
  }

  /** Whether the type is a nested entity, collection, map or optional: supported later. */
  boolean isLater(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getAnnotation(Synced.class) != null) {
      return true;
    }
    for (String later : LATER_TYPES) {
      TypeElement laterType = elements.getTypeElement(later);
      if (laterType != null
          && types.isAssignable(types.erasure(type), types.erasure(laterType.asType()))) {
        return true;
      }
    }
    return false;
  }
}
