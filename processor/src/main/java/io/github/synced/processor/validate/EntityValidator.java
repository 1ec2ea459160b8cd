package io.github.synced.processor.validate;

import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.scan.ScannedEntity;
import io.github.synced.processor.scan.ScannedProperty;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Synced} type against the shapes generated code supports and reports every
 * problem at the element it concerns, all in one pass.
 */
public final class EntityValidator {

  /**
   * Jackson annotations that add names to or hide a property, which the generated codec does not
   * honour ({@code @JsonProperty}'s name it does).
   */
  private static final Set<String> JSON_NAMING =
      Set.of(
          "com.fasterxml.jackson.annotation.JsonAlias",
          "com.fasterxml.jackson.annotation.JsonIgnore");

  /**
   * Property names the generated patch class uses for its own members, or for types it names in
   * expressions (a field of that name would obscure the type). The generated field enum's name is
   * reserved too, per entity.
   */
  private static final Set<String> RESERVED =
      Set.of(
          "EMPTY",
          "Objects",
          "Set",
          "EnumSet",
          "Collections",
          "Float",
          "Double",
          "fields",
          "get",
          "applyTo",
          "isEmpty",
          "empty",
          "equals",
          "hashCode",
          "toString",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  /** The {@code java.time} types a version may have: those with a time order. */
  private static final Set<String> ORDERED_TIMES =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.OffsetDateTime",
          "java.time.ZonedDateTime");

  private final Elements elements;

  /** A validator that works with the compiler's element utilities. */
  public EntityValidator(Elements elements) {
    this.elements = elements;
  }

  /**
   * Checks what the type itself must be. Returns {@code false} when it is not a class or record at
   * all, in which case its members are not worth checking.
   */
  public boolean validateType(TypeElement type, Reporter reporter) {
    String name = type.getQualifiedName().toString();
    ElementKind kind = type.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      reporter.report(type, Message.NOT_A_CLASS, kindName(kind), name);
      return false;
    }
    Set<Modifier> modifiers = type.getModifiers();
    if (kind == ElementKind.CLASS && modifiers.contains(Modifier.ABSTRACT)) {
      reporter.report(type, Message.ABSTRACT_CLASS, name);
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && kind == ElementKind.CLASS
        && !modifiers.contains(Modifier.STATIC)) {
      reporter.report(type, Message.INNER_CLASS, name);
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.report(
            type,
            Message.PRIVATE_CLASS,
            name,
            elements.getPackageOf(type).getQualifiedName(),
            t.getSimpleName());
        break;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.report(type, Message.GENERIC_CLASS, name);
    }
    return true;
  }

  /** Checks the entity's state: id, version, types, and that generated code can reach it. */
  public void validate(ScannedEntity entity, Reporter reporter) {
    TypeElement type = entity.type();
    String name = type.getSimpleName().toString();
    if (!entity.immutable()
        && ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .noneMatch(
                c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE))) {
      reporter.report(type, Message.NO_CONSTRUCTOR, type.getQualifiedName());
    }
    for (ScannedEntity.Stray stray : entity.strayAnnotations()) {
      Element at = stray.element();
      String annotation = stray.annotation();
      if (at.getKind() == ElementKind.FIELD && at.getModifiers().contains(Modifier.STATIC)) {
        reporter.reportAnnotation(
            at, annotation, Message.STATIC_KEY, annotation, at.getSimpleName(), name, annotation);
      } else if (at.getKind() == ElementKind.FIELD) {
        reporter.reportAnnotation(
            at, annotation, Message.TRANSIENT_STATE, annotation, at.getSimpleName(), name);
      } else {
        reporter.reportAnnotation(
            at,
            annotation,
            Message.NOT_A_PROPERTY,
            annotation,
            at.getSimpleName(),
            name,
            annotation);
      }
    }
    List<ScannedProperty> ids = entity.properties().stream().filter(p -> p.idAt() != null).toList();
    if (ids.isEmpty()) {
      reporter.report(type, Message.NO_ID, name);
    }
    for (ScannedProperty extra : ids.subList(Math.min(1, ids.size()), ids.size())) {
      reporter.reportAnnotation(
          extra.idAt(), "SyncId", Message.TWO_IDS, name, extra.name(), ids.get(0).name());
    }
    List<ScannedProperty> versions =
        entity.properties().stream().filter(p -> p.versionAt() != null).toList();
    if (versions.isEmpty() && !suppressed(type, Message.NO_VERSION)) {
      reporter.report(type, Message.NO_VERSION, name, name);
    }
    for (ScannedProperty extra : versions.subList(Math.min(1, versions.size()), versions.size())) {
      reporter.reportAnnotation(
          extra.versionAt(),
          "SyncVersion",
          Message.TWO_VERSIONS,
          name,
          extra.name(),
          versions.get(0).name());
    }
    for (ScannedProperty property : entity.properties()) {
      validate(entity, property, reporter);
      checkTypeAccess(entity, property, reporter);
    }
    checkNames(entity, reporter);
    checkHiddenByNonState(entity, reporter);
  }

  /**
   * Whether {@code @SuppressWarnings} on {@code element} or an element that encloses it names the
   * tag of {@code message}.
   */
  private static boolean suppressed(Element element, Message message) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && java.util.Arrays.asList(suppress.value()).contains(message.tag())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports a property with the same name as an earlier one (a field that hides a superclass
   * field), and a synced property whose field enum constant is an earlier one's.
   */
  private static void checkNames(ScannedEntity entity, Reporter reporter) {
    Map<String, ScannedProperty> byJsonName = new HashMap<>();
    for (ScannedProperty p : entity.properties()) {
      if (p.localOnlyAt() != null) {
        continue;
      }
      String json = entity.jsonName(p);
      ScannedProperty first = byJsonName.putIfAbsent(json, p);
      if (first != null && !first.name().equals(p.name())) { // one name twice: HIDDEN_FIELD says
        reporter.report(
            p.element(),
            Message.JSON_NAME_CLASH,
            first.name(),
            p.name(),
            entity.type().getSimpleName(),
            json);
      }
    }
    Map<String, ScannedProperty> byName = new HashMap<>();
    Map<String, ScannedProperty> byConstant = new HashMap<>();
    Map<String, ScannedProperty> byCapitalized = new HashMap<>();
    for (ScannedProperty p : entity.properties()) {
      String capitalized = Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1);
      ScannedProperty twin = byCapitalized.putIfAbsent(capitalized, p);
      if (twin != null && !twin.name().equals(p.name())) {
        reporter.report(
            p.element(),
            Message.CASE_CLASH,
            twin.name(),
            p.name(),
            entity.type().getSimpleName(),
            "get"
                + capitalized
                + ", set"
                + capitalized
                + ", write"
                + capitalized
                + " and read"
                + capitalized);
        continue;
      }
      ScannedProperty same = byName.putIfAbsent(p.name(), p);
      if (same != null) {
        reporter.report(
            p.element(),
            Message.HIDDEN_FIELD,
            p.name(),
            p.element().getEnclosingElement().getSimpleName(),
            same.name(),
            same.element().getEnclosingElement().getSimpleName());
        continue;
      }
      if (p.localOnlyAt() != null) {
        continue;
      }
      String constant = Property.constantName(p.name());
      ScannedProperty clash = byConstant.putIfAbsent(constant, p);
      if (clash != null) {
        reporter.report(
            p.element(),
            Message.CONSTANT_CLASH,
            clash.name(),
            p.name(),
            entity.type().getSimpleName(),
            constant,
            entity.generatedName("Field"));
      }
    }
  }

  /**
   * Reports a static or transient field that hides a superclass field which generated code reaches
   * directly: {@code entity.name} would reach the hiding field instead.
   */
  private static void checkHiddenByNonState(ScannedEntity entity, Reporter reporter) {
    Set<Element> state = new HashSet<>();
    entity.properties().forEach(p -> state.add(p.element()));
    for (ScannedProperty p : entity.properties()) {
      Element owner = p.element().getEnclosingElement();
      if (p.read() == null || p.read().style() != Access.Style.FIELD) {
        continue;
      }
      for (TypeElement c = entity.type(); c != null && !c.equals(owner); c = superclassOf(c)) {
        for (VariableElement field : ElementFilter.fieldsIn(c.getEnclosedElements())) {
          if (field.getSimpleName().contentEquals(p.name()) && !state.contains(field)) {
            reporter.report(
                field,
                Message.HIDDEN_FIELD,
                p.name(),
                c.getSimpleName(),
                p.name(),
                owner.getSimpleName());
          }
        }
      }
    }
  }

  private static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  /**
   * Reports a synced property whose type the generated code (in the entity's package, outside its
   * nest, not a subclass) cannot name: a private type, or a non-public one in another package, or
   * one nested in such a type.
   */
  private void checkTypeAccess(ScannedEntity entity, ScannedProperty p, Reporter reporter) {
    if (p.localOnlyAt() != null || p.kind() == null || !(p.type() instanceof DeclaredType d)) {
      return;
    }
    Name target = elements.getPackageOf(entity.type()).getQualifiedName();
    for (Element e = d.asElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = t.getModifiers();
      Name own = elements.getPackageOf(t).getQualifiedName();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC) && !own.equals(target))) {
        String why =
            modifiers.contains(Modifier.PRIVATE)
                ? "private"
                : (modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private")
                    + " in package "
                    + own;
        reporter.report(
            p.element(),
            Message.INACCESSIBLE_TYPE,
            p.name(),
            entity.type().getSimpleName(),
            p.type(),
            target,
            t.getSimpleName(),
            why);
        return;
      }
    }
  }

  private static void validate(ScannedEntity entity, ScannedProperty p, Reporter reporter) {
    String name = entity.type().getSimpleName().toString();
    boolean localOnly = p.localOnlyAt() != null;
    if (localOnly && p.idAt() != null) {
      reporter.reportAnnotation(
          p.localOnlyAt(), "LocalOnly", Message.LOCAL_ONLY_ID, p.name(), name);
    }
    if (localOnly && p.versionAt() != null) {
      reporter.reportAnnotation(
          p.localOnlyAt(), "LocalOnly", Message.LOCAL_ONLY_VERSION, p.name(), name);
    }
    if (p.name().indexOf('$') >= 0) {
      reporter.report(p.element(), Message.DOLLAR_NAME, p.name(), name);
    }
    if (!localOnly && !suppressed(p.element(), Message.JSON_NAME)) {
      for (AnnotationMirror a : p.element().getAnnotationMirrors()) {
        String annotation =
            ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
        if (JSON_NAMING.contains(annotation)) {
          String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
          String json = entity.generatedName("Json");
          reporter.report(
              p.element(),
              Message.JSON_NAME,
              p.name(),
              name,
              simple,
              json,
              entity.jsonName(p),
              json,
              name);
        }
      }
    }
    if (RESERVED.contains(p.name()) || p.name().equals(entity.generatedName("Field"))) {
      reporter.report(
          p.element(), Message.RESERVED_NAME, p.name(), name, entity.generatedName("Patch"));
    }
    // Local-only state is only copied, never compared, sent or parsed: any type will do.
    if (p.kind() == null && !localOnly) {
      reporter.report(
          p.element(),
          p.notYetSupported() ? Message.NOT_YET_SUPPORTED : Message.UNSUPPORTED_TYPE,
          p.name(),
          name,
          p.type());
    }
    if (p.versionAt() != null && p.kind() != null && !isOrdered(p)) {
      reporter.reportAnnotation(
          p.versionAt(), "SyncVersion", Message.UNORDERED_VERSION, p.name(), name, p.type());
    }
    if (p.read() == null && p.unfitGetter() != null) {
      ExecutableElement getter = (ExecutableElement) p.unfitGetter();
      reporter.report(
          getter,
          Message.ACCESSOR_TYPE,
          "getter",
          getter.getSimpleName(),
          name,
          p.name(),
          p.type(),
          "read",
          "return",
          p.type());
    } else if (p.read() == null) {
      reporter.report(p.element(), Message.UNREADABLE_FIELD, p.name(), name, p.getterName());
    } else if (p.isFinal() && !entity.immutable()) {
      reporter.report(p.element(), Message.FINAL_FIELD, p.name(), name, name);
    } else if (p.write() == null && p.unfitSetter() != null) {
      ExecutableElement setter = (ExecutableElement) p.unfitSetter();
      reporter.report(
          setter,
          Message.ACCESSOR_TYPE,
          "setter",
          setter.getSimpleName(),
          name,
          p.name(),
          p.type(),
          "restore",
          "take",
          p.type());
    } else if (p.write() == null) {
      reporter.report(
          p.element(), Message.UNWRITABLE_FIELD, p.name(), name, p.setterName(), p.type());
    }
  }

  /** Whether the version property {@code p} has a type with a numeric or time order. */
  private static boolean isOrdered(ScannedProperty p) {
    return switch (p.kind()) {
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_INTEGER, BIG_DECIMAL -> true;
      case TEMPORAL -> ORDERED_TIMES.contains(p.type().toString());
      default -> false;
    };
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case ANNOTATION_TYPE -> "annotation type";
      default -> kind.toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
