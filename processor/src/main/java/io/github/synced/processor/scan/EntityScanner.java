package io.github.synced.processor.scan;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.ValueKind;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @Synced} type's state (fields or record components) from the compiler's model. */
public final class EntityScanner {

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

  private static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(SyncId.class, SyncVersion.class, LocalOnly.class);

  private final Elements elements;
  private final Types types;

  /** A scanner that works with the compiler's element and type utilities. */
  public EntityScanner(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The first piece of state (or superclass) whose type the compiler could not resolve yet, for
   * example because another processor generates it in a later round.
   */
  public Optional<Unresolved> unresolved(TypeElement type) {
    for (TypeElement owner : hierarchy(type)) {
      if (owner.getSuperclass().getKind() == TypeKind.ERROR) {
        return Optional.of(new Unresolved(owner, "extends", owner.getSuperclass()));
      }
      for (Element member : stateOf(owner)) {
        if (containsError(member.asType())) {
          return Optional.of(
              new Unresolved(member, member.getSimpleName().toString(), member.asType()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A piece of state whose type is not resolved.
   *
   * @param element where it is declared
   * @param name its name
   * @param type its (erroneous) type
   */
  public record Unresolved(Element element, String name, TypeMirror type) {}

  private static boolean containsError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(EntityScanner::containsError);
    }
    return false;
  }

  /** The type's state, in declaration order with superclass fields first. */
  public ScannedEntity scan(TypeElement type) {
    List<ScannedProperty> properties = new ArrayList<>();
    List<ScannedEntity.Stray> strays = new ArrayList<>();
    DeclaredType self = (DeclaredType) type.asType();
    Set<ExecutableElement> getters = new HashSet<>();
    boolean record = type.getKind() == ElementKind.RECORD;
    if (record) {
      for (RecordComponentElement component : type.getRecordComponents()) {
        properties.add(component(type, component, getters));
      }
    }
    for (TypeElement owner : hierarchy(type)) {
      for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
        Set<Modifier> modifiers = field.getModifiers();
        if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
          for (Class<? extends Annotation> annotation : ANNOTATIONS) {
            if (field.getAnnotation(annotation) != null) {
              strays.add(new ScannedEntity.Stray(field, annotation.getSimpleName()));
            }
          }
        } else if (!record) {
          properties.add(field(type, self, field, getters));
        }
      }
    }
    for (TypeElement owner : hierarchy(type)) {
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        if (getters.contains(method)) {
          continue;
        }
        for (Class<? extends Annotation> annotation : ANNOTATIONS) {
          if (method.getAnnotation(annotation) != null) {
            strays.add(new ScannedEntity.Stray(method, annotation.getSimpleName()));
          }
        }
      }
    }
    boolean immutable = record;
    if (!record && allStateConstructor(type, properties)) {
      immutable = true;
      properties.replaceAll(
          p ->
              new ScannedProperty(
                  p.name(),
                  p.element(),
                  p.type(),
                  p.kind(),
                  p.notYetSupported(),
                  p.idAt(),
                  p.versionAt(),
                  p.localOnlyAt(),
                  p.isFinal(),
                  p.read(),
                  Access.constructor(p.name()),
                  p.getterName(),
                  p.setterName(),
                  p.unfitGetter(),
                  null,
                  p.typeWarnings(),
                  p.readWarnings(),
                  constructorWarnings(type, properties.size())));
    }
    return new ScannedEntity(
        type,
        properties,
        strays,
        immutable,
        record ? declaresCanonicalConstructor(type) : immutable,
        warningsOfType(type),
        constructorWarnings(
            type, record ? type.getRecordComponents().size() : immutable ? properties.size() : 0));
  }

  /**
   * The lint keys that calling the constructor generated code uses raises: the no-arg one of a
   * class, the canonical one of a record.
   */
  private Set<String> constructorWarnings(TypeElement type, int parameters) {
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().size() == parameters) {
        return warnings(c);
      }
    }
    return Set.of();
  }

  /**
   * The lint keys ({@code deprecation}, {@code removal}) that code outside {@code element} raises
   * by using it.
   */
  private Set<String> warnings(Element element) {
    Deprecated deprecated = element.getAnnotation(Deprecated.class);
    if (deprecated != null && deprecated.forRemoval()) {
      return Set.of("removal");
    }
    return deprecated != null || elements.isDeprecated(element) ? Set.of("deprecation") : Set.of();
  }

  /**
   * The lint keys that naming {@code type} raises: its own, its enclosing types', its arguments'.
   */
  private Set<String> warningsOf(TypeMirror type) {
    Set<String> keys = new TreeSet<>();
    if (type instanceof DeclaredType declared) {
      keys.addAll(warningsOfType((TypeElement) declared.asElement()));
      for (TypeMirror argument : declared.getTypeArguments()) {
        keys.addAll(warningsOf(argument));
      }
    }
    return keys;
  }

  private Set<String> warningsOfType(TypeElement type) {
    Set<String> keys = new TreeSet<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      keys.addAll(warnings(t));
    }
    return keys;
  }

  /**
   * Whether {@code type} is a class whose state fields are all final and declared in it (not in a
   * superclass), with an accessible constructor that takes them all in declaration order, as
   * Lombok's {@code @Value} and {@code @AllArgsConstructor} make: generated code then makes new
   * instances through it, as for a record.
   */
  private boolean allStateConstructor(TypeElement type, List<ScannedProperty> properties) {
    if (properties.isEmpty()
        || properties.stream()
            .anyMatch(p -> !p.isFinal() || !p.element().getEnclosingElement().equals(type))) {
      return false;
    }
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getModifiers().contains(Modifier.PRIVATE)
          || c.getParameters().size() != properties.size()) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < properties.size(); i++) {
        all &= types.isSameType(c.getParameters().get(i).asType(), properties.get(i).type());
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Whether the record declares its canonical constructor, in full or compact form. */
  private boolean declaresCanonicalConstructor(TypeElement record) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    for (ExecutableElement c : ElementFilter.constructorsIn(record.getEnclosedElements())) {
      if (elements.getOrigin(c) != Elements.Origin.EXPLICIT
          || c.getParameters().size() != components.size()) {
        continue;
      }
      boolean canonical = true;
      for (int i = 0; i < components.size(); i++) {
        canonical &=
            types.isSameType(
                types.erasure(c.getParameters().get(i).asType()),
                types.erasure(components.get(i).asType()));
      }
      if (canonical) {
        return true;
      }
    }
    return false;
  }

  private ScannedProperty component(
      TypeElement record, RecordComponentElement component, Set<ExecutableElement> getters) {
    String name = component.getSimpleName().toString();
    ExecutableElement accessor = component.getAccessor();
    getters.add(accessor);
    TypeMirror type = component.asType();
    // Problems are reported at the component's field: on JDK 17 javac has no source position for
    // a record component element, and the field carries the component's annotations too.
    Element at =
        ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
            .filter(f -> f.getSimpleName().equals(component.getSimpleName()))
            .findFirst()
            .<Element>map(f -> f)
            .orElse(component);
    return new ScannedProperty(
        name,
        at,
        type,
        kindOf(type),
        isLater(type),
        annotated(SyncId.class, at, accessor),
        annotated(SyncVersion.class, at, accessor),
        annotated(LocalOnly.class, at, accessor),
        false,
        Access.method(name),
        Access.constructor(name),
        name,
        name,
        null,
        null,
        warningsOf(type),
        warnings(accessor),
        Set.of());
  }

  private ScannedProperty field(
      TypeElement entity,
      DeclaredType self,
      VariableElement field,
      Set<ExecutableElement> getters) {
    String name = field.getSimpleName().toString();
    TypeMirror type = types.asMemberOf(self, field);
    List<String> getterNames = getterNames(name, type);
    List<String> setterNames = setterNames(name, type);
    ExecutableElement getter = null;
    ExecutableElement setter = null;
    boolean getterConverts = false;
    ExecutableElement unfitGetter = null;
    ExecutableElement unfitSetter = null;
    int getterRank = Integer.MAX_VALUE;
    int setterRank = Integer.MAX_VALUE;
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(entity))) {
      if (method.getModifiers().contains(Modifier.STATIC) || !accessible(method, entity)) {
        continue;
      }
      ExecutableType signature = (ExecutableType) types.asMemberOf(self, method);
      String methodName = method.getSimpleName().toString();
      int getterAt = getterNames.indexOf(methodName);
      int setterAt = setterNames.indexOf(methodName);
      if (getterAt >= 0 && method.getParameters().isEmpty()) {
        TypeMirror returns = signature.getReturnType();
        // An exact type ranks before an assignable one, then the order of the names.
        boolean exact = types.isSameType(returns, type);
        int rank = (exact ? 0 : getterNames.size()) + getterAt;
        if ((exact || types.isAssignable(returns, type)) && rank < getterRank) {
          getter = method;
          getterConverts = !exact;
          getterRank = rank;
        } else if (!exact && !types.isAssignable(returns, type) && unfitGetter == null) {
          unfitGetter = method;
        }
      } else if (setterAt >= 0 && method.getParameters().size() == 1) {
        TypeMirror takes = signature.getParameterTypes().get(0);
        boolean exact = types.isSameType(takes, type);
        int rank = (exact ? 0 : setterNames.size()) + setterAt;
        if ((exact || types.isAssignable(type, takes)) && rank < setterRank) {
          setter = method;
          setterRank = rank;
        } else if (!exact && !types.isAssignable(type, takes) && unfitSetter == null) {
          unfitSetter = method;
        }
      }
    }
    if (getter != null) {
      getters.add(getter);
    }
    boolean isFinal = field.getModifiers().contains(Modifier.FINAL);
    boolean direct = accessible(field, entity);
    Access read =
        direct
            ? Access.field(name)
            : getter == null
                ? null
                : getterConverts
                    ? Access.convertingMethod(getter.getSimpleName().toString())
                    : Access.method(getter.getSimpleName().toString());
    Access write =
        direct && !isFinal
            ? Access.field(name)
            : setter != null && !isFinal ? Access.method(setter.getSimpleName().toString()) : null;
    return new ScannedProperty(
        name,
        field,
        type,
        kindOf(type),
        isLater(type),
        annotated(SyncId.class, field, getter),
        annotated(SyncVersion.class, field, getter),
        annotated(LocalOnly.class, field, getter),
        isFinal,
        read,
        write,
        getterNames.get(0),
        setterNames.get(0),
        getter == null ? unfitGetter : null,
        setter == null ? unfitSetter : null,
        warningsOf(type),
        read == null ? Set.of() : warnings(direct ? field : getter),
        write == null ? Set.of() : warnings(direct && !isFinal ? field : setter));
  }

  /**
   * The property a getter reads: {@code getTitle} and {@code isDone} read {@code title} and {@code
   * done}; any other name is its own.
   */
  public static String propertyOf(String getter) {
    for (String prefix : List.of("get", "is")) {
      if (getter.length() > prefix.length()
          && getter.startsWith(prefix)
          && Character.isUpperCase(getter.charAt(prefix.length()))) {
        String rest = getter.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return getter;
  }

  /**
   * The getter names a field may have, preferred first: {@code getName}; for a {@code boolean} also
   * {@code isName}, and for a {@code boolean} field named like {@code isActive} the field's own
   * name (Lombok's {@code isActive()}).
   */
  static List<String> getterNames(String name, TypeMirror type) {
    String capitalized = capitalize(name);
    if (type.getKind() != TypeKind.BOOLEAN) {
      return List.of("get" + capitalized);
    }
    List<String> names = new ArrayList<>();
    if (isPrefixed(name)) {
      names.add(name);
    }
    names.add("is" + capitalized);
    names.add("get" + capitalized);
    return names;
  }

  /**
   * The setter names a field may have, preferred first: {@code setName}, and for a {@code boolean}
   * field named like {@code isActive} also {@code setActive} (Lombok's).
   */
  static List<String> setterNames(String name, TypeMirror type) {
    List<String> names = new ArrayList<>();
    if (type.getKind() == TypeKind.BOOLEAN && isPrefixed(name)) {
      names.add("set" + name.substring(2));
    }
    names.add("set" + capitalize(name));
    return names;
  }

  /** Whether {@code name} is {@code is} followed by an upper-case letter. */
  private static boolean isPrefixed(String name) {
    return name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static Element annotated(
      Class<? extends Annotation> annotation, Element element, Element getter) {
    if (element.getAnnotation(annotation) != null) {
      return element;
    }
    return getter != null && getter.getAnnotation(annotation) != null ? getter : null;
  }

  /**
   * Whether code in the entity's package can use {@code member} through a reference of the entity's
   * type.
   */
  private boolean accessible(Element member, TypeElement entity) {
    Set<Modifier> modifiers = member.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return false;
    }
    if (modifiers.contains(Modifier.PUBLIC)) {
      return true;
    }
    return elements
        .getPackageOf(member)
        .getQualifiedName()
        .contentEquals(elements.getPackageOf(entity).getQualifiedName());
  }

  /** The type and its superclasses up to {@code Object}, superclass first. */
  private static List<TypeElement> hierarchy(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; ) {
      if (t.getQualifiedName().contentEquals("java.lang.Object")
          || t.getQualifiedName().contentEquals("java.lang.Record")) {
        break;
      }
      chain.add(0, t);
      TypeMirror superclass = t.getSuperclass();
      t =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
    }
    return chain;
  }

  private static List<? extends Element> stateOf(TypeElement owner) {
    if (owner.getKind() == ElementKind.RECORD) {
      return owner.getRecordComponents();
    }
    return ElementFilter.fieldsIn(owner.getEnclosedElements()).stream()
        .filter(f -> !f.getModifiers().contains(Modifier.STATIC))
        .toList();
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
  private boolean isLater(TypeMirror type) {
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
