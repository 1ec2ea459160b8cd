package io.github.synced.processor.scan;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.synced.SyncId;
import io.github.synced.Synced;
import io.github.synced.processor.model.Shape;
import io.github.synced.processor.model.ValueKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Sorts a piece of state's type into what generated code supports: a {@link Shape} it copies,
 * compares, reads and writes, or a {@link TypeProblem} that says why not.
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
          Map.entry("java.time.MonthDay", ValueKind.TEMPORAL),
          Map.entry("java.util.Currency", ValueKind.CURRENCY));

  /** The optionals of a primitive, with the primitive inside. */
  private static final Map<String, ValueKind> PRIMITIVE_OPTIONALS =
      Map.of(
          "java.util.OptionalInt", ValueKind.INT,
          "java.util.OptionalLong", ValueKind.LONG,
          "java.util.OptionalDouble", ValueKind.DOUBLE);

  /** The scalar kinds a map may have as keys: those whose text is a JSON property name. */
  private static final Set<ValueKind> KEYS =
      Set.of(
          ValueKind.STRING,
          ValueKind.ENUM,
          ValueKind.UUID,
          ValueKind.BYTE,
          ValueKind.SHORT,
          ValueKind.INT,
          ValueKind.LONG,
          ValueKind.BIG_INTEGER,
          ValueKind.BIG_DECIMAL,
          ValueKind.TEMPORAL,
          ValueKind.CURRENCY);

  /**
   * The id kinds that cannot tell the elements of a collection apart reliably: two values, or
   * values whose {@code equals} differs from what a server means by the same number.
   */
  private static final Set<ValueKind> UNRELIABLE_IDS =
      Set.of(ValueKind.BOOLEAN, ValueKind.FLOAT, ValueKind.DOUBLE, ValueKind.BIG_DECIMAL);

  /** The {@code java.time} types without a natural order (not {@code Comparable}). */
  private static final Set<String> UNORDERED = Set.of("java.time.Period");

  private final Elements elements;
  private final Types types;

  /** Sorts types with the compiler's element and type utilities. */
  ValueTypes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * What a type is to generated code.
   *
   * @param shape its shape, or {@code null} where generated code cannot hold it
   * @param problem why not, or {@code null} where it can
   */
  record Sorted(Shape shape, TypeProblem problem) {
    static Sorted of(Shape shape) {
      return new Sorted(shape, null);
    }

    static Sorted refused(TypeProblem.Reason reason, TypeMirror part, boolean whole) {
      return new Sorted(null, new TypeProblem(reason, part, whole));
    }

    /** This, with its shape made another by {@code into}. */
    Sorted map(java.util.function.Function<Shape, Shape> into) {
      return shape == null ? this : of(into.apply(shape));
    }
  }

  /** The value kind of a single value's type, or {@code null}. */
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

  /** What the type of a property is to generated code. */
  Sorted sort(TypeMirror type) {
    return sort(type, true);
  }

  /**
   * @param top whether {@code type} is the property's own type, not a part of it
   */
  private Sorted sort(TypeMirror type, boolean top) {
    ValueKind kind = kindOf(type);
    if (kind != null) {
      return Sorted.of(new Shape.Scalar(TypeName.get(type), kind));
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return array((ArrayType) type, top);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Sorted.refused(TypeProblem.Reason.UNSUPPORTED, type, top);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if (element.getAnnotation(Synced.class) != null) {
      // One nested object; collections and maps of them are sorted by container().
      return top && records.isEmpty()
          ? Sorted.of(nested(element))
          : Sorted.refused(TypeProblem.Reason.NESTED_ENTITY, type, top);
    }
    ValueKind primitive = PRIMITIVE_OPTIONALS.get(name);
    if (primitive != null || name.equals("java.util.Optional")) {
      if (!top) {
        return Sorted.refused(TypeProblem.Reason.OPTIONAL_INSIDE, type, false);
      }
      if (primitive != null) {
        TypeName inside =
            switch (primitive) {
              case INT -> TypeName.INT;
              case LONG -> TypeName.LONG;
              default -> TypeName.DOUBLE;
            };
        return Sorted.of(new Shape.Maybe(TypeName.get(type), new Shape.Scalar(inside, primitive)));
      }
      return maybe(declared);
    }
    if (isA(type, "java.util.Collection") || isA(type, "java.util.Map")) {
      return container(declared, name, top);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return composite(declared, element, top);
    }
    return Sorted.refused(TypeProblem.Reason.UNSUPPORTED, type, top);
  }

  private Sorted array(ArrayType type, boolean top) {
    TypeMirror component = type.getComponentType();
    if (!top || component.getKind() == TypeKind.ARRAY) {
      return Sorted.refused(TypeProblem.Reason.ARRAY_INSIDE, top ? component : type, false);
    }
    ValueKind kind = kindOf(component);
    if (kind == null) {
      Sorted inside = sort(component, false);
      return inside.shape() == null
          ? inside
          : Sorted.refused(TypeProblem.Reason.UNSUPPORTED, component, false);
    }
    return Sorted.of(
        new Shape.Array(TypeName.get(type), new Shape.Scalar(TypeName.get(component), kind)));
  }

  /** The records being sorted, outermost first: a record that holds itself is refused. */
  private final java.util.Deque<String> records = new java.util.ArrayDeque<>();

  /**
   * A record as one value: each component must be immutable (a value type, a record, or an optional
   * of one), so that generated code may share it.
   */
  private Sorted composite(DeclaredType type, TypeElement record, boolean top) {
    String name = record.getQualifiedName().toString();
    if (!record.getTypeParameters().isEmpty() || records.contains(name)) {
      return Sorted.refused(TypeProblem.Reason.UNSUPPORTED, type, top);
    }
    records.push(name);
    try {
      List<Shape.Component> components = new java.util.ArrayList<>();
      for (javax.lang.model.element.RecordComponentElement c : record.getRecordComponents()) {
        TypeMirror componentType = c.asType();
        // A component is what a field is to an entity: an Optional is fine there.
        Sorted sorted = sort(componentType, true);
        if (sorted.shape() == null) {
          TypeProblem problem = sorted.problem();
          return new Sorted(
              null,
              new TypeProblem(
                  problem.reason(), problem.whole() ? componentType : problem.part(), false));
        }
        if (!sorted.shape().immutable()) {
          return Sorted.refused(TypeProblem.Reason.RECORD_COMPONENT, componentType, false);
        }
        components.add(new Shape.Component(c.getSimpleName().toString(), sorted.shape()));
      }
      return Sorted.of(new Shape.Composite(ClassName.get(record), components));
    } finally {
      records.pop();
    }
  }

  private Sorted maybe(DeclaredType type) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.size() != 1 || arguments.get(0).getKind() == TypeKind.WILDCARD) {
      return Sorted.refused(TypeProblem.Reason.CONTAINER_DECLARATION, type, true);
    }
    Sorted inside = sort(arguments.get(0), false);
    if (inside.shape() == null) {
      return inside;
    }
    return Sorted.of(new Shape.Maybe(TypeName.get(type), inside.shape()));
  }

  private Sorted container(DeclaredType type, String name, boolean top) {
    Shape.Container container = Shape.Container.of(name);
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (container == null
        || arguments.isEmpty()
        || arguments.stream().anyMatch(a -> a.getKind() == TypeKind.WILDCARD)) {
      return Sorted.refused(TypeProblem.Reason.CONTAINER_DECLARATION, type, top);
    }
    if (container.isMap()) {
      TypeMirror keyType = arguments.get(0);
      Sorted key = sort(keyType, false);
      if (key.shape() == null && key.problem().reason() != TypeProblem.Reason.UNSUPPORTED) {
        return key;
      }
      if (!(key.shape() instanceof Shape.Scalar scalar) || !KEYS.contains(scalar.kind())) {
        return Sorted.refused(TypeProblem.Reason.MAP_KEY, keyType, false);
      }
      if (container.isSorted() && !ordered(scalar, keyType)) {
        return Sorted.refused(TypeProblem.Reason.UNSORTABLE, keyType, false);
      }
      TypeElement entity = syncedType(arguments.get(1));
      if (entity != null && top && records.isEmpty()) {
        return entities(arguments.get(1), entity)
            .map(e -> new Shape.Keyed(TypeName.get(type), container, scalar, e));
      }
      Sorted value = sort(arguments.get(1), false);
      if (value.shape() == null) {
        return value;
      }
      return Sorted.of(new Shape.Keyed(TypeName.get(type), container, scalar, value.shape()));
    }
    TypeMirror elementType = arguments.get(0);
    TypeElement entity = syncedType(elementType);
    if (entity != null && container.isSorted()) {
      return Sorted.refused(TypeProblem.Reason.UNSORTABLE, elementType, false);
    }
    if (entity != null && top && records.isEmpty()) {
      return entities(elementType, entity)
          .map(e -> new Shape.Many(TypeName.get(type), container, e));
    }
    Sorted element = sort(elementType, false);
    if (element.shape() == null) {
      return element;
    }
    if (container.isSorted()
        && !(element.shape() instanceof Shape.Scalar scalar && ordered(scalar, elementType))) {
      return Sorted.refused(TypeProblem.Reason.UNSORTABLE, elementType, false);
    }
    return Sorted.of(new Shape.Many(TypeName.get(type), container, element.shape()));
  }

  /** The {@code @Synced} type {@code type} is, or {@code null}. */
  private static TypeElement syncedType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getAnnotation(Synced.class) != null ? element : null;
  }

  /** The shape of one nested object of the {@code @Synced} type {@code element}. */
  private Shape.Nested nested(TypeElement element) {
    ClassName name = ClassName.get(element);
    Element id = idOf(element);
    TypeName idType =
        id == null
            ? null
            : TypeName.get(
                    id instanceof ExecutableElement getter ? getter.getReturnType() : id.asType())
                .box();
    return new Shape.Nested(name, String.join("_", name.simpleNames()), idType);
  }

  /**
   * The elements of a collection or map of the {@code @Synced} type {@code entity}, merged by id:
   * refused where {@code entity} has no {@code @SyncId}, or one of a type whose values do not tell
   * elements apart reliably.
   */
  private Sorted entities(TypeMirror type, TypeElement entity) {
    Element id = idOf(entity);
    if (id == null) {
      return Sorted.refused(TypeProblem.Reason.ELEMENT_NO_ID, type, false);
    }
    TypeMirror idType =
        id instanceof ExecutableElement getter ? getter.getReturnType() : id.asType();
    ValueKind kind = kindOf(idType);
    if (kind != null && UNRELIABLE_IDS.contains(kind)) {
      return new Sorted(
          null,
          new TypeProblem(
              TypeProblem.Reason.ELEMENT_ID_TYPE,
              type,
              false,
              "'" + id.getSimpleName() + "' of type " + idType));
    }
    return Sorted.of(nested(entity));
  }

  /** The field, getter or record component of {@code entity} marked {@code @SyncId}, or null. */
  private Element idOf(TypeElement entity) {
    for (Element member : elements.getAllMembers(entity)) {
      boolean state =
          member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD;
      if (state
          && !member.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          && member.getAnnotation(SyncId.class) != null) {
        return member;
      }
    }
    for (Element member : entity.getEnclosedElements()) {
      if (member.getKind() == ElementKind.RECORD_COMPONENT
          && member.getAnnotation(SyncId.class) != null) {
        return member;
      }
    }
    return null;
  }

  /** Whether values of {@code scalar} have a natural order. */
  private static boolean ordered(Shape.Scalar scalar, TypeMirror type) {
    return scalar.kind() != ValueKind.TEMPORAL || !UNORDERED.contains(type.toString());
  }

  /** Whether {@code type} is a subtype of the type named {@code qualifiedName}. */
  private boolean isA(TypeMirror type, String qualifiedName) {
    TypeElement other = elements.getTypeElement(qualifiedName);
    return other != null && types.isAssignable(types.erasure(type), types.erasure(other.asType()));
  }
}
