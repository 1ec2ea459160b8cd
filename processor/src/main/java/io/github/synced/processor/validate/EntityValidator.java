package io.github.synced.processor.validate;

import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.scan.ScannedEntity;
import io.github.synced.processor.scan.ScannedProperty;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Synced} type against the shapes generated code supports and reports every
 * problem at the element it concerns, all in one pass.
 */
public final class EntityValidator {

  private final Elements elements;
  private final PropertyChecks propertyChecks;

  /** A validator that works with the compiler's element utilities. */
  public EntityValidator(Elements elements) {
    this.elements = elements;
    this.propertyChecks = new PropertyChecks(elements);
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
      PropertyChecks.validate(entity, property, reporter);
      propertyChecks.checkTypeAccess(entity, property, reporter);
    }
    NameClashChecks.checkNames(entity, reporter);
    NameClashChecks.checkHiddenByNonState(entity, reporter);
  }

  /**
   * Whether {@code @SuppressWarnings} on {@code element} or an element that encloses it names the
   * tag of {@code message}.
   */
  static boolean suppressed(Element element, Message message) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && java.util.Arrays.asList(suppress.value()).contains(message.tag())) {
        return true;
      }
    }
    return false;
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
