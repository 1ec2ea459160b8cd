package io.github.synced.processor.validate;

import io.github.synced.processor.diag.Message;
import io.github.synced.processor.diag.Reporter;
import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.scan.ScannedEntity;
import io.github.synced.processor.scan.ScannedProperty;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks that an entity's properties keep apart where generated code names them: JSON names,
 * accessor names that differ only in case, field enum constants, and fields hidden by others.
 */
final class NameClashChecks {

  private NameClashChecks() {}

  /**
   * Reports a property with the same name as an earlier one (a field that hides a superclass
   * field), and a synced property whose field enum constant is an earlier one's.
   */
  static void checkNames(ScannedEntity entity, Reporter reporter) {
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
  static void checkHiddenByNonState(ScannedEntity entity, Reporter reporter) {
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
}
