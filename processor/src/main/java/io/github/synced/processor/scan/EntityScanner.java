package io.github.synced.processor.scan;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.processor.model.Access;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a {@code @Synced} type's state (fields or record components) from the compiler's model. */
public final class EntityScanner {

  private static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(SyncId.class, SyncVersion.class, LocalOnly.class);

  private final Elements elements;
  private final Types types;
  private final LintWarnings lint;
  private final PropertyScanner propertyScanner;

  /** A scanner that works with the compiler's element and type utilities. */
  public EntityScanner(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.lint = new LintWarnings(elements);
    this.propertyScanner = new PropertyScanner(elements, types, lint);
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
        properties.add(propertyScanner.component(type, component, getters));
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
          properties.add(propertyScanner.field(type, self, field, getters));
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
                  p.shape(),
                  p.typeProblem(),
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
                  lint.constructorWarnings(type, properties.size())));
    }
    return new ScannedEntity(
        type,
        properties,
        strays,
        immutable,
        record ? declaresCanonicalConstructor(type) : immutable,
        lint.warningsOfType(type),
        lint.constructorWarnings(
            type, record ? type.getRecordComponents().size() : immutable ? properties.size() : 0));
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
}
