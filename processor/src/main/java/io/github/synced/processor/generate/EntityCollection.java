package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A collection or map of another {@code @Synced} type (merged by id), as the writers of its {@code
 * XSync} helpers see it: the container, the element type and its {@code XSync}, and the names of
 * the helpers, {@code <kind><Property>} for the value and {@code <kind><Property>Element} (or
 * {@code Value}, for a map) for one element.
 */
abstract class EntityCollection {
  final Property p;
  final Shape shape;
  final boolean map;
  final Shape.Container container;
  final TypeName element;
  final ClassName sync;
  final ClassName implementation;
  final String name;
  final String part;

  EntityCollection(Property p) {
    this.p = p;
    this.shape = p.shape();
    this.map = shape instanceof Shape.Keyed;
    this.container = map ? ((Shape.Keyed) shape).container() : ((Shape.Many) shape).container();
    Shape.Nested nested = p.entityElement();
    this.element = nested.type();
    this.sync = nested.generated("Sync");
    this.implementation = ClassName.bestGuess(container.copy());
    this.name = Code.capitalize(p.name());
    this.part = map ? "Value" : "Element";
  }

  /** The simple name of a class as code with its article: an ArrayList, a TreeMap. */
  static String article(String simpleName) {
    return (simpleName.startsWith("A") ? "an" : "a") + " {@code " + simpleName + "}";
  }

  TypeName keyType() {
    return ((Shape.Keyed) shape).key().type();
  }

  /** {@code ArrayList<Subtask>} or {@code LinkedHashMap<String, Column>}. */
  TypeName implementationType() {
    return map
        ? ParameterizedTypeName.get(implementation, keyType(), element)
        : ParameterizedTypeName.get(implementation, element);
  }

  TypeName entryType() {
    return ParameterizedTypeName.get(ClassName.get(Map.Entry.class), keyType(), element);
  }

  /** {@code new ArrayList<>(size)}, {@code new TreeMap<>(comparator)}, for {@code from}. */
  CodeBlock newCopy(String from) {
    String argument =
        container == Shape.Container.COLLECTION || container == Shape.Container.LIST
            ? from + ".size()"
            : container.isSorted() ? from + ".comparator()" : "";
    return CodeBlock.of("new $T<>($L)", implementation, argument);
  }

  MethodSpec.Builder helper(String kind, TypeName returns, boolean shared) {
    return named(kind + name, returns, shared);
  }

  /** The helper of {@code kind} for one element: {@code mergeSubtasksElement}. */
  MethodSpec.Builder elementHelper(String kind, TypeName returns) {
    return named(kind + name + part, returns, false);
  }

  static MethodSpec.Builder named(String method, TypeName returns, boolean shared) {
    return MethodSpec.methodBuilder(method)
        .addModifiers(
            shared
                ? new Modifier[] {Modifier.STATIC}
                : new Modifier[] {Modifier.PRIVATE, Modifier.STATIC})
        .returns(returns);
  }
}
