package io.github.synced.processor.validate;

import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.scan.ScannedEntity;
import io.github.synced.processor.scan.ScannedProperty;
import io.github.synced.processor.scan.TypeProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Checks one property of an entity: its annotations, name, type and version order, and that
 * generated code can name its type and read and write it.
 */
final class PropertyChecks {

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

  /** Checks that work with the compiler's element utilities. */
  PropertyChecks(Elements elements) {
    this.elements = elements;
  }

  /**
   * Reports a synced property whose type the generated code (in the entity's package, outside its
   * nest, not a subclass) cannot name: a private type, or a non-public one in another package, or
   * one nested in such a type.
   */
  void checkTypeAccess(ScannedEntity entity, ScannedProperty p, Reporter reporter) {
    if (p.localOnlyAt() != null || p.shape() == null) {
      return;
    }
    Name target = elements.getPackageOf(entity.type()).getQualifiedName();
    for (DeclaredType d : declaredIn(p.type())) {
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
  }

  /** The declared types {@code type} names: itself and its type arguments, in order. */
  private static List<DeclaredType> declaredIn(TypeMirror type) {
    List<DeclaredType> found = new ArrayList<>();
    if (type instanceof DeclaredType d) {
      found.add(d);
      for (TypeMirror argument : d.getTypeArguments()) {
        found.addAll(declaredIn(argument));
      }
      // A record used as a value: generated code reads and makes it through its components.
      if (d.asElement().getKind() == javax.lang.model.element.ElementKind.RECORD
          && d.getTypeArguments().isEmpty()) {
        for (javax.lang.model.element.RecordComponentElement c :
            ((TypeElement) d.asElement()).getRecordComponents()) {
          found.addAll(declaredIn(c.asType())); // not recursive: ValueTypes refuses that
        }
      }
    } else if (type instanceof ArrayType array) {
      found.addAll(declaredIn(array.getComponentType()));
    }
    return found;
  }

  static void validate(ScannedEntity entity, ScannedProperty p, Reporter reporter) {
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
    if (!localOnly && !EntityValidator.suppressed(p.element(), Message.JSON_NAME)) {
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
    if (p.typeProblem() != null && !localOnly) {
      reportType(p, name, reporter);
    }
    if (p.idAt() != null && p.shape() != null && p.kind() == null) {
      reporter.reportAnnotation(p.idAt(), "SyncId", Message.ID_TYPE, p.name(), name, p.type());
    }
    if (p.versionAt() != null && p.shape() != null && (p.kind() == null || !isOrdered(p))) {
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

  /** Reports why generated code cannot hold the type of the synced property {@code p}. */
  private static void reportType(ScannedProperty p, String entity, Reporter reporter) {
    TypeProblem problem = p.typeProblem();
    TypeMirror part = problem.part();
    boolean whole = problem.whole();
    Message message =
        switch (problem.reason()) {
          case UNSUPPORTED -> whole ? Message.UNSUPPORTED_TYPE : Message.UNSUPPORTED_PART;
          case NESTED_ENTITY -> Message.ENTITY_INSIDE;
          case ELEMENT_NO_ID -> Message.ELEMENT_NO_ID;
          case ELEMENT_ID_TYPE -> Message.ELEMENT_ID_TYPE;
          case CONTAINER_DECLARATION -> Message.CONTAINER_TYPE;
          case MAP_KEY -> Message.MAP_KEY;
          case OPTIONAL_INSIDE -> Message.OPTIONAL_INSIDE;
          case ARRAY_INSIDE -> Message.ARRAY_INSIDE;
          case RECORD_COMPONENT -> Message.RECORD_COMPONENT;
          case UNSORTABLE -> Message.UNSORTABLE;
        };
    if (message == Message.UNSUPPORTED_TYPE) {
      reporter.report(p.element(), message, p.name(), entity, p.type());
    } else if (problem.detail() != null) {
      reporter.report(p.element(), message, p.name(), entity, p.type(), part, problem.detail());
    } else {
      reporter.report(p.element(), message, p.name(), entity, p.type(), part);
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
}
