package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Copies of the synced values that are not immutable (collections and maps), so that no two
 * entities, snapshots or patches share one. {@code XSync} gets two static helpers per such
 * property: {@code copyTags} makes the copy an entity owns (an {@code ArrayList}, {@code
 * LinkedHashSet}, {@code TreeSet}, {@code LinkedHashMap} or {@code TreeMap}), and {@code
 * freezeTags} the unmodifiable copy a snapshot or patch holds. Both copy nested collections too
 * (through private helpers named after the level: {@code copyRowsElement}, {@code
 * freezeLinksValue}), keep {@code null} elements and values, and give {@code null} for {@code
 * null}.
 */
final class Copies {

  private Copies() {}

  /**
   * {@code value}, an expression of {@code p}, as a copy an entity owns where {@code p} needs one.
   */
  static CodeBlock owned(EntityModel model, Property p, CodeBlock value) {
    return p.copied()
        ? CodeBlock.of("$T.copy$L($L)", model.generated("Sync"), Code.capitalize(p.name()), value)
        : value;
  }

  /**
   * {@code value}, an expression of {@code p} from another entity, snapshot or patch, as the new
   * value of {@code p} in the entity in variable {@code target}: a copy where {@code p} needs one;
   * for a nested object, its synced fields merged into the target's, whose local-only fields stay.
   */
  static CodeBlock into(EntityModel model, Property p, String target, CodeBlock value) {
    return p.isNested() && p.isSynced()
        ? call(model, p, "merge", Code.read(p, target), value)
        : owned(model, p, value);
  }

  /**
   * {@code value}, an expression of {@code p}, as an entity's copy that may leave the client: for a
   * nested object, or a collection or map of them, a copy without their local-only values.
   */
  static CodeBlock syncedOwned(EntityModel model, Property p, CodeBlock value) {
    if (p.entityElement() != null) {
      return call(model, p, "synced", value);
    }
    return p.isNested() ? frozen(model, p, value) : owned(model, p, value);
  }

  /** A call of the static helper {@code <kind><P>} of {@code XSync}: {@code equalAddress(a, b)}. */
  static CodeBlock call(EntityModel model, Property p, String kind, CodeBlock... arguments) {
    return CodeBlock.of(
        "$T.$L$L($L)",
        model.generated("Sync"),
        kind,
        Code.capitalize(p.name()),
        CodeBlock.join(java.util.Arrays.asList(arguments), ", "));
  }

  /**
   * {@code value}, an expression of {@code p}, as an unmodifiable copy where {@code p} needs one;
   * for a nested object, a copy of its synced fields.
   */
  static CodeBlock frozen(EntityModel model, Property p, CodeBlock value) {
    if (p.isArray()) {
      return owned(model, p, value); // an array cannot be unmodifiable: its own clone will do
    }
    return p.copied()
        ? CodeBlock.of("$T.freeze$L($L)", model.generated("Sync"), Code.capitalize(p.name()), value)
        : value;
  }

  /** The static helpers of {@code XSync} for the properties that are copied. */
  static List<MethodSpec> helpers(EntityModel model) {
    List<MethodSpec> methods = new ArrayList<>();
    for (Property p : model.synced()) {
      if (p.entityElement() != null) {
        methods.addAll(EntityCollectionHelpers.of(p));
      } else if (p.isNested()) {
        methods.addAll(NestedHelpers.of(p));
      } else if (p.isArray()) {
        methods.add(
            MethodSpec.methodBuilder("copy" + Code.capitalize(p.name()))
                .addJavadoc(
                    Javadoc.of(
                        "A copy of {@code value}, a value of {@code $L}, for an entity, a snapshot"
                            + " or a patch to own: a clone, so that no two share the array.\n\n"
                            + "@param value the array to copy, or {@code null}\n"
                            + "@return the copy, or {@code null} for {@code null}",
                        p.name()))
                .addModifiers(Modifier.STATIC)
                .returns(p.type())
                .addParameter(p.type(), "value")
                .addStatement("return value == null ? null : value.clone()")
                .build());
      } else if (p.copied()) {
        String name = Code.capitalize(p.name());
        addHelpers(methods, p, "copy" + name, p.shape(), false, true);
        addHelpers(methods, p, "freeze" + name, p.shape(), true, true);
      }
    }
    return methods;
  }

  /**
   * Adds the helper {@code name} that copies a value of {@code shape}, and the helpers it calls for
   * the collections inside.
   *
   * @param top whether {@code shape} is the property's own (then the helper is package-private, for
   *     the other generated types); else it is a part of it
   */
  private static void addHelpers(
      List<MethodSpec> methods, Property p, String name, Shape shape, boolean frozen, boolean top) {
    Shape inside =
        shape instanceof Shape.Many many ? many.element() : ((Shape.Keyed) shape).value();
    String part = shape instanceof Shape.Many ? "Element" : "Value";
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc(javadoc(p, shape, frozen, top))
            .addModifiers(
                top
                    ? new Modifier[] {Modifier.STATIC}
                    : new Modifier[] {Modifier.PRIVATE, Modifier.STATIC})
            .returns(shape.type())
            .addParameter(shape.type(), "value");
    ClassName implementation = ClassName.bestGuess(container(shape).copy());
    if (inside.immutable()) {
      methods.add(
          method
              .addStatement(
                  "return value == null ? null : $L",
                  wrap(shape, frozen, CodeBlock.of("new $T<>(value)", implementation)))
              .build());
      return;
    }
    String copyInside = name + part;
    method.beginControlFlow("if (value == null)").addStatement("return null").endControlFlow();
    if (shape instanceof Shape.Many many) {
      TypeName copyType = ParameterizedTypeName.get(implementation, many.element().type());
      method
          .addStatement(
              "$T copy = new $T<>($L)",
              copyType,
              implementation,
              container(shape) == Shape.Container.COLLECTION
                      || container(shape) == Shape.Container.LIST
                  ? "value.size()"
                  : "")
          .beginControlFlow("for ($T item : value)", many.element().type())
          .addStatement("copy.add($L(item))", copyInside)
          .endControlFlow();
    } else {
      Shape.Keyed keyed = (Shape.Keyed) shape;
      TypeName copyType =
          ParameterizedTypeName.get(implementation, keyed.key().type(), keyed.value().type());
      method
          .addStatement(
              "$T copy = new $T<>($L)",
              copyType,
              implementation,
              container(shape).isSorted() ? "value.comparator()" : "")
          .beginControlFlow(
              "for ($T entry : value.entrySet())",
              ParameterizedTypeName.get(
                  ClassName.get(Map.Entry.class), keyed.key().type(), keyed.value().type()))
          .addStatement("copy.put(entry.getKey(), $L(entry.getValue()))", copyInside)
          .endControlFlow();
    }
    methods.add(
        method.addStatement("return $L", wrap(shape, frozen, CodeBlock.of("copy"))).build());
    addHelpers(methods, p, name + part, inside, frozen, false);
  }

  private static CodeBlock javadoc(Property p, Shape shape, boolean frozen, boolean top) {
    String what =
        top
            ? "a value of {@code " + p.name() + "}"
            : "a "
                + (shape instanceof Shape.Many ? "collection" : "map")
                + " inside {@code "
                + p.name()
                + "}";
    String kept =
        shape instanceof Shape.Keyed
            ? "; {@code null} values are kept"
            : container(shape).isSorted() ? "" : "; {@code null} elements are kept";
    String inside = nested(shape) ? ". Every collection inside is copied too." : ".";
    return frozen
        ? Javadoc.of(
            "An unmodifiable copy of {@code value}, $L, for a snapshot or a patch to hold$L$L\n\n"
                + "@param value the value to copy, or {@code null}\n"
                + "@return the copy, or {@code null} for {@code null}",
            what,
            kept,
            inside)
        : Javadoc.of(
            "A copy of {@code value}, $L, for an entity to own: a new {@code $L}, so that no two"
                + " entities share one$L$L\n\n"
                + "@param value the value to copy, or {@code null}\n"
                + "@return the copy, or {@code null} for {@code null}",
            what,
            ClassName.bestGuess(container(shape).copy()).simpleName(),
            kept,
            inside);
  }

  /** Whether a value of {@code shape} holds collections or maps. */
  private static boolean nested(Shape shape) {
    if (shape instanceof Shape.Many many) {
      return !many.element().immutable();
    }
    return shape instanceof Shape.Keyed keyed && !keyed.value().immutable();
  }

  private static Shape.Container container(Shape shape) {
    return shape instanceof Shape.Many many ? many.container() : ((Shape.Keyed) shape).container();
  }

  /** {@code copy} made unmodifiable, where {@code frozen}. */
  static CodeBlock wrap(Shape shape, boolean frozen, CodeBlock copy) {
    if (!frozen) {
      return copy;
    }
    String wrap =
        switch (container(shape)) {
          case COLLECTION, LIST -> "unmodifiableList";
          case SET -> "unmodifiableSet";
          case SORTED_SET -> "unmodifiableSortedSet";
          case NAVIGABLE_SET -> "unmodifiableNavigableSet";
          case MAP -> "unmodifiableMap";
          case SORTED_MAP -> "unmodifiableSortedMap";
          case NAVIGABLE_MAP -> "unmodifiableNavigableMap";
        };
    return CodeBlock.of("$T.$L($L)", Collections.class, wrap, copy);
  }
}
