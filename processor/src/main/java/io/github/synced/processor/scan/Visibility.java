package io.github.synced.processor.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether code generated next to an entity can name a type: in the unnamed module every type on the
 * class path can be named; in a named module only the exported types of the modules it reads
 * ({@code javax.annotation.processing.Generated} only with {@code requires java.compiler}).
 */
public final class Visibility {

  private final Elements elements;

  /** Answers through the compiler's element utilities. */
  public Visibility(Elements elements) {
    this.elements = elements;
  }

  /** Whether code in the package of {@code entity} can name the type {@code qualifiedName}. */
  public boolean visible(TypeElement entity, String qualifiedName) {
    ModuleElement from = elements.getModuleOf(entity);
    TypeElement type =
        from == null || from.isUnnamed()
            ? elements.getTypeElement(qualifiedName)
            : elements.getAllTypeElements(qualifiedName).stream()
                .filter(t -> readable(from, elements.getModuleOf(t)))
                .findFirst()
                .orElse(null);
    if (type == null) {
      return false;
    }
    if (from == null || from.isUnnamed()) {
      return true;
    }
    ModuleElement to = elements.getModuleOf(type);
    return to.equals(from) || exported(to, elements.getPackageOf(type), from);
  }

  /** Whether the named module {@code from} reads {@code to}. */
  private boolean readable(ModuleElement from, ModuleElement to) {
    if (to == null || to.isUnnamed()) {
      return false;
    }
    if (to.equals(from) || to.getQualifiedName().contentEquals("java.base")) {
      return true;
    }
    Set<ModuleElement> seen = new HashSet<>();
    Deque<ModuleElement> queue = new ArrayDeque<>();
    for (ModuleElement.RequiresDirective requires :
        ElementFilter.requiresIn(from.getDirectives())) {
      queue.add(requires.getDependency());
    }
    while (!queue.isEmpty()) {
      ModuleElement m = queue.remove();
      if (!seen.add(m)) {
        continue;
      }
      if (m.equals(to)) {
        return true;
      }
      for (ModuleElement.RequiresDirective requires : ElementFilter.requiresIn(m.getDirectives())) {
        if (requires.isTransitive()) {
          queue.add(requires.getDependency());
        }
      }
    }
    return false;
  }

  private boolean exported(ModuleElement module, PackageElement pkg, ModuleElement to) {
    if (elements.isAutomaticModule(module)) {
      return true;
    }
    for (ModuleElement.ExportsDirective exports : ElementFilter.exportsIn(module.getDirectives())) {
      if (exports.getPackage().equals(pkg)
          && (exports.getTargetModules() == null || exports.getTargetModules().contains(to))) {
        return true;
      }
    }
    return false;
  }
}
