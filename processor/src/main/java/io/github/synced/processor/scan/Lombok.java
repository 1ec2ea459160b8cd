package io.github.synced.processor.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What Lombok's annotation processor does to an entity, as far as Synced must know: Lombok adds
 * getters and setters and makes fields private (or final) in the round it runs, which may come
 * after Synced's in the same round. An entity with Lombok annotations that change its shape is
 * processed one round later than it appears; Lombok forces that round itself.
 */
public final class Lombok {

  /** The Lombok annotations that add getters. */
  private static final Set<String> GETTERS = Set.of("lombok.Data", "lombok.Value", "lombok.Getter");

  /** The Lombok annotations that change what Synced reads: accessors, constructors, modifiers. */
  private static final Set<String> SHAPERS =
      Set.of(
          "lombok.Data",
          "lombok.Value",
          "lombok.Getter",
          "lombok.Setter",
          "lombok.NoArgsConstructor",
          "lombok.AllArgsConstructor",
          "lombok.RequiredArgsConstructor",
          "lombok.Builder",
          "lombok.experimental.FieldDefaults",
          "lombok.experimental.Accessors",
          "lombok.experimental.NonFinal",
          "lombok.experimental.PackagePrivate");

  private final Elements elements;

  /** A view of Lombok's effects through the compiler's element utilities. */
  public Lombok(Elements elements) {
    this.elements = elements;
  }

  /**
   * The Lombok annotations on the type, its superclasses and their fields, as written (for example
   * {@code @Data}), without repetitions.
   */
  public List<String> annotations(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (TypeElement t : hierarchy(type)) {
      collect(t, names);
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        collect(field, names);
      }
    }
    return names;
  }

  /**
   * Whether {@code type} may still change under Lombok in ways Synced reads: it carries Lombok
   * annotations that add accessors or constructors or change field modifiers. Lombok's changes are
   * complete one round after the one it ran in (even when it ran before Synced in the same round,
   * field modifiers such as {@code @Value}'s may still show the source), and Lombok forces that
   * round itself.
   */
  public boolean mayChange(TypeElement type) {
    for (TypeElement t : hierarchy(type)) {
      if (changesShape(t)) {
        return true;
      }
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (changesShape(field)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean changesShape(Element element) {
    return element.getAnnotationMirrors().stream().anyMatch(m -> SHAPERS.contains(name(m)));
  }

  /**
   * The {@code @Accessors} settings on the type, its superclasses or their fields that make
   * accessors Synced cannot find ({@code fluent = true}: {@code title()}; a {@code prefix}: {@code
   * getTitle()} for a field {@code mTitle}), as written; empty if there are none.
   */
  public Optional<String> unreadableAccessors(TypeElement type) {
    for (TypeElement t : hierarchy(type)) {
      List<Element> elements = new ArrayList<>(ElementFilter.fieldsIn(t.getEnclosedElements()));
      elements.add(0, t);
      for (Element e : elements) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
          if (!name(m).equals("lombok.experimental.Accessors")) {
            continue;
          }
          for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v :
              m.getElementValues().entrySet()) {
            String key = v.getKey().getSimpleName().toString();
            Object value = v.getValue().getValue();
            boolean unreadable =
                (key.equals("fluent") && Boolean.TRUE.equals(value))
                    || (key.equals("prefix") && value instanceof List<?> l && !l.isEmpty());
            if (unreadable) {
              return Optional.of(key + " = " + v.getValue());
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether Lombok evidently did not run on {@code type}: it carries annotations that add getters,
   * and none of those getters exists.
   */
  public boolean didNotRun(TypeElement type) {
    boolean addsGetters = false;
    for (TypeElement t : hierarchy(type)) {
      addsGetters |= hasGetterAnnotation(t);
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        addsGetters |= hasGetterAnnotation(field);
      }
    }
    return addsGetters && !anyGetterAdded(type);
  }

  private boolean anyGetterAdded(TypeElement type) {
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    for (TypeElement t : hierarchy(type)) {
      boolean classWide = hasGetterAnnotation(t);
      for (VariableElement field : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)
            || !(classWide || hasGetterAnnotation(field))) {
          continue;
        }
        List<String> names =
            AccessorNames.getterNames(field.getSimpleName().toString(), field.asType());
        if (methods.stream()
            .anyMatch(
                m -> m.getParameters().isEmpty() && names.contains(m.getSimpleName().toString()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasGetterAnnotation(Element element) {
    return element.getAnnotationMirrors().stream().anyMatch(m -> GETTERS.contains(name(m)));
  }

  private static void collect(Element element, List<String> names) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = name(mirror);
      if (name.startsWith("lombok.")) {
        String simple = "@" + name.substring(name.lastIndexOf('.') + 1);
        if (!names.contains(simple)) {
          names.add(simple);
        }
      }
    }
  }

  private static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static List<TypeElement> hierarchy(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; ) {
      chain.add(t);
      TypeMirror superclass = t.getSuperclass();
      t =
          superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement()
              : null;
      if (t != null && t.getQualifiedName().toString().startsWith("java.")) {
        t = null;
      }
    }
    return chain;
  }
}
