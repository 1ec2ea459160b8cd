package io.github.synced.processor.scan;

import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The lint keys ({@code deprecation}, {@code removal}) that generated code raises by naming an
 * entity's deprecated types, constructors, fields and accessors, so that it can suppress exactly
 * those.
 */
final class LintWarnings {

  private final Elements elements;

  /** Finds deprecations with the compiler's element utilities. */
  LintWarnings(Elements elements) {
    this.elements = elements;
  }

  /**
   * The lint keys that calling the constructor generated code uses raises: the no-arg one of a
   * class, the canonical one of a record.
   */
  Set<String> constructorWarnings(TypeElement type, int parameters) {
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
  Set<String> warnings(Element element) {
    Deprecated deprecated = element.getAnnotation(Deprecated.class);
    if (deprecated != null && deprecated.forRemoval()) {
      return Set.of("removal");
    }
    return deprecated != null || elements.isDeprecated(element) ? Set.of("deprecation") : Set.of();
  }

  /**
   * The lint keys that naming {@code type} raises: its own, its enclosing types', its arguments'.
   */
  Set<String> warningsOf(TypeMirror type) {
    Set<String> keys = new TreeSet<>();
    if (type instanceof javax.lang.model.type.ArrayType array) {
      return warningsOf(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      keys.addAll(warningsOfType((TypeElement) declared.asElement()));
      for (TypeMirror argument : declared.getTypeArguments()) {
        keys.addAll(warningsOf(argument));
      }
    }
    return keys;
  }

  Set<String> warningsOfType(TypeElement type) {
    Set<String> keys = new TreeSet<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      keys.addAll(warnings(t));
    }
    return keys;
  }
}
