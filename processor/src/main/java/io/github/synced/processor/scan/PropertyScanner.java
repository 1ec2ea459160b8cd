package io.github.synced.processor.scan;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.processor.model.Access;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one piece of an entity's state: a record component with its accessor, or a field with the
 * getter and setter found for it (the best-fitting by type, then by name) and how generated code
 * reaches it.
 */
final class PropertyScanner {

  private final Elements elements;
  private final Types types;
  private final ValueTypes valueTypes;
  private final LintWarnings lint;

  /** A property scanner that works with the compiler's utilities. */
  PropertyScanner(Elements elements, Types types, LintWarnings lint) {
    this.elements = elements;
    this.types = types;
    this.valueTypes = new ValueTypes(elements, types);
    this.lint = lint;
  }

  ScannedProperty component(
      TypeElement record, RecordComponentElement component, Set<ExecutableElement> getters) {
    String name = component.getSimpleName().toString();
    ExecutableElement accessor = component.getAccessor();
    getters.add(accessor);
    TypeMirror type = component.asType();
    ValueTypes.Sorted sorted = valueTypes.sort(type);
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
        sorted.shape(),
        sorted.problem(),
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
        lint.warningsOf(type),
        lint.warnings(accessor),
        Set.of());
  }

  ScannedProperty field(
      TypeElement entity,
      DeclaredType self,
      VariableElement field,
      Set<ExecutableElement> getters) {
    String name = field.getSimpleName().toString();
    TypeMirror type = types.asMemberOf(self, field);
    ValueTypes.Sorted sorted = valueTypes.sort(type);
    List<String> getterNames = AccessorNames.getterNames(name, type);
    List<String> setterNames = AccessorNames.setterNames(name, type);
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
        sorted.shape(),
        sorted.problem(),
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
        lint.warningsOf(type),
        read == null ? Set.of() : lint.warnings(direct ? field : getter),
        write == null ? Set.of() : lint.warnings(direct && !isFinal ? field : setter));
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
}
