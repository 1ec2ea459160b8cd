package io.github.synced.processor.scan;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Access;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;

/**
 * A {@code @Synced} type as found in the source, with the elements needed to report problems.
 *
 * @param type the annotated type
 * @param properties its state in declaration order, superclass fields first
 * @param strayAnnotations Synced annotations the scan found where they cannot apply (on static or
 *     transient fields, on methods that are not getters)
 * @param declaredCanonicalConstructor whether the type is a record that declares its canonical (or
 *     compact) constructor, which may refuse values
 */
public record ScannedEntity(
    TypeElement type,
    List<ScannedProperty> properties,
    List<Stray> strayAnnotations,
    boolean immutable,
    boolean declaredCanonicalConstructor,
    Set<String> entityWarnings,
    Set<String> constructorWarnings) {

  /**
   * An annotation found where it cannot apply.
   *
   * @param element where it sits
   * @param annotation its simple name, for example {@code SyncId}
   */
  public record Stray(Element element, String annotation) {}

  /**
   * The simple name of a generated type, for example {@code TaskField} for suffix {@code Field}:
   * the entity's simple name, or for a nested entity its enclosing names joined by {@code _}, then
   * the suffix.
   */
  public String generatedName(String suffix) {
    return String.join("_", ClassName.get(type).simpleNames()) + suffix;
  }

  /** Jackson's {@code @JsonProperty} the codec honours: the name it gives a property. */
  public static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

  /**
   * The JSON property of {@code p}: the value of a {@code @JsonProperty} on its field or record
   * component, or else on its getter in this type or a superclass (Jackson 2 and 3 share the
   * annotation); its name without one.
   */
  public String jsonName(ScannedProperty p) {
    String named = jsonProperty(p.element());
    if (named != null) {
      return named;
    }
    for (TypeElement t = type; t != null; ) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getParameters().isEmpty() && m.getSimpleName().contentEquals(p.getterName())) {
          named = jsonProperty(m);
          if (named != null) {
            return named;
          }
        }
      }
      t =
          t.getSuperclass() instanceof DeclaredType d && d.asElement() instanceof TypeElement up
              ? up
              : null;
    }
    return p.name();
  }

  /** The name a {@code @JsonProperty} on {@code element} gives, or {@code null}. */
  private static String jsonProperty(Element element) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(JSON_PROPERTY)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v :
            a.getElementValues().entrySet()) {
          if (v.getKey().getSimpleName().contentEquals("value")
              && v.getValue().getValue() instanceof String name
              && !name.isEmpty()) {
            return name;
          }
        }
      }
    }
    return null;
  }

  /**
   * The immutable model of a validated entity; call only when validation reported no error.
   *
   * @param json whether to generate a JSON codec (Jackson 2 or 3 is on the class path)
   * @param markGenerated whether generated types may carry {@code @Generated}
   */
  public EntityModel toModel(boolean json, boolean markGenerated) {
    ClassName entity = ClassName.get(type);
    String prefix = generatedName("");
    List<Property> model =
        properties.stream()
            .map(
                p ->
                    new Property(
                        p.name(),
                        TypeName.get(p.type()),
                        p.shape(),
                        p.idAt() != null
                            ? Property.Role.ID
                            : p.versionAt() != null ? Property.Role.VERSION : Property.Role.PLAIN,
                        p.localOnlyAt() != null,
                        p.read(),
                        p.write(),
                        p.typeWarnings(),
                        p.readWarnings(),
                        p.writeWarnings(),
                        jsonName(p)))
            .toList();
    return new EntityModel(
        entity,
        prefix,
        immutable,
        model,
        json,
        mayRefuse(),
        entityWarnings,
        constructorWarnings,
        markGenerated);
  }

  /**
   * Whether setting a value runs user code: a setter of a class, or the explicitly declared
   * canonical (or compact) constructor of a record.
   */
  private boolean mayRefuse() {
    if (immutable) {
      return declaredCanonicalConstructor;
    }
    return properties.stream()
        .anyMatch(p -> p.write() != null && p.write().style() == Access.Style.METHOD);
  }
}
