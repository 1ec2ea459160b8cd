package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison helpers {@code XSync} gets for a collection or map of another {@code @Synced}
 * type, by the elements' synced fields only: {@code equalSubtasks} (lists element by element in
 * order, sets as sets of their elements' snapshots, maps key by key), {@code hashSubtasks}, which
 * agrees with it, and {@code textSubtasks}.
 */
final class EntityCollectionComparisons extends EntityCollection {

  EntityCollectionComparisons(Property p) {
    super(p);
  }

  /** {@code equal}, {@code hash} and {@code text} helpers, with those for one element. */
  List<MethodSpec> methods() {
    return List.of(equal(), equalElement(), hash(), hashElement(), text(), view());
  }

  private MethodSpec equal() {
    String how =
        map
            ? "have the same keys with elements of equal synced fields"
            : container == Shape.Container.SET
                ? "hold the same synced states, in any order"
                : "have elements of equal synced fields in the same order";
    MethodSpec.Builder method =
        helper("equal", TypeName.BOOLEAN, true)
            .addJavadoc(
                Javadoc.of(
                    "Whether {@code a} and {@code b}, values of {@code $L}, are both {@code"
                        + " null} or $L ({@link $T#syncedEquals}): a difference in an element's"
                        + " local-only fields is none.\n\n"
                        + "@param a a value, or {@code null}\n"
                        + "@param b another, or {@code null}\n"
                        + "@return whether they are equal as synced state",
                    p.name(),
                    how,
                    sync))
            .addParameter(p.type(), "a")
            .addParameter(p.type(), "b")
            .beginControlFlow("if (a == b)")
            .addStatement("return true")
            .endControlFlow()
            .beginControlFlow("if (a == null || b == null || a.size() != b.size())")
            .addStatement("return false")
            .endControlFlow();
    if (map) {
      method
          .beginControlFlow("for ($T entry : a.entrySet())", entryType())
          .beginControlFlow("if (!b.containsKey(entry.getKey()))")
          .addStatement("return false")
          .endControlFlow()
          .beginControlFlow("if (!equal$L$L(entry.getValue(), b.get(entry.getKey())))", name, part)
          .addStatement("return false")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return true");
    } else if (container == Shape.Container.SET) {
      method.addStatement(
          "return new $T<>(view$L(a)).equals(new $T<>(view$L(b)))",
          HashSet.class,
          name,
          HashSet.class,
          name);
    } else {
      method
          .addStatement(
              "$T other = b.iterator()",
              ParameterizedTypeName.get(ClassName.get(Iterator.class), element))
          .beginControlFlow("for ($T item : a)", element)
          .beginControlFlow("if (!equal$L$L(item, other.next()))", name, part)
          .addStatement("return false")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return true");
    }
    return method.build();
  }

  private MethodSpec equalElement() {
    return elementHelper("equal", TypeName.BOOLEAN)
        .addJavadoc(
            Javadoc.of(
                "Whether {@code a} and {@code b}, elements of {@code $L}, are both {@code null}"
                    + " or have equal synced fields.\n\n"
                    + "@param a an element, or {@code null}\n"
                    + "@param b another, or {@code null}\n"
                    + "@return whether they are equal as synced state",
                p.name()))
        .addParameter(element, "a")
        .addParameter(element, "b")
        .addStatement(
            "return a == b || (a != null && b != null && $T.TYPE.syncedEquals(a, b))", sync)
        .build();
  }

  private MethodSpec hash() {
    MethodSpec.Builder method =
        helper("hash", TypeName.INT, true)
            .addJavadoc(
                Javadoc.of(
                    "A hash of the synced state of {@code value}, a value of {@code $L}, that"
                        + " agrees with {@code equal$L}.\n\n"
                        + "@param value the value, or {@code null}\n"
                        + "@return its hash, or 0 for {@code null}",
                    p.name(),
                    name))
            .addParameter(p.type(), "value")
            .beginControlFlow("if (value == null)")
            .addStatement("return 0")
            .endControlFlow()
            .addStatement("int hash = $L", map || container == Shape.Container.SET ? 0 : 1);
    if (map) {
      method
          .beginControlFlow("for ($T entry : value.entrySet())", entryType())
          .addStatement(
              "hash += $T.hashCode(entry.getKey()) ^ hash$L$L(entry.getValue())",
              Objects.class,
              name,
              part);
    } else if (container == Shape.Container.SET) {
      method
          .beginControlFlow("for ($T item : value)", element)
          .addStatement("hash += hash$L$L(item)", name, part);
    } else {
      method
          .beginControlFlow("for ($T item : value)", element)
          .addStatement("hash = 31 * hash + hash$L$L(item)", name, part);
    }
    return method.endControlFlow().addStatement("return hash").build();
  }

  private MethodSpec hashElement() {
    return elementHelper("hash", TypeName.INT)
        .addJavadoc(
            Javadoc.of(
                "A hash of the synced fields of {@code value}, an element of {@code $L}.\n\n"
                    + "@param value the element, or {@code null}\n"
                    + "@return the hash of its snapshot, or 0 for {@code null}",
                p.name()))
        .addParameter(element, "value")
        .addStatement("return value == null ? 0 : $T.TYPE.snapshot(value).hashCode()", sync)
        .build();
  }

  private MethodSpec text() {
    return helper("text", ClassName.get(String.class), true)
        .addJavadoc(
            Javadoc.of(
                "The synced state of {@code value}, a value of {@code $L}, as text: its"
                    + " elements' snapshots.\n\n"
                    + "@param value the value, or {@code null}\n"
                    + "@return its text, or {@code \"null\"}",
                p.name()))
        .addParameter(p.type(), "value")
        .addStatement("return value == null ? $S : view$L(value).toString()", "null", name)
        .build();
  }

  private MethodSpec view() {
    TypeName snapshot = ClassName.get(Object.class);
    TypeName view =
        map
            ? ParameterizedTypeName.get(ClassName.get(Map.class), keyType(), snapshot)
            : ParameterizedTypeName.get(ClassName.get(List.class), snapshot);
    MethodSpec.Builder method =
        helper("view", view, false)
            .addJavadoc(
                Javadoc.of(
                    "The snapshots of the elements of {@code value}, a value of {@code $L}, in"
                        + " its order$L; {@code null} for a {@code null} element.\n\n"
                        + "@param value the value\n"
                        + "@return a new $L",
                    p.name(),
                    map ? ", by its keys" : "",
                    map ? "map" : "list"))
            .addParameter(p.type(), "value");
    if (map) {
      method
          .addStatement("$T view = new $T<>()", view, LinkedHashMap.class)
          .beginControlFlow("for ($T entry : value.entrySet())", entryType())
          .addStatement("$T item = entry.getValue()", element)
          .addStatement(
              "view.put(entry.getKey(), item == null ? null : $T.TYPE.snapshot(item))", sync);
    } else {
      method
          .addStatement("$T view = new $T<>(value.size())", view, ArrayList.class)
          .beginControlFlow("for ($T item : value)", element)
          .addStatement("view.add(item == null ? null : $T.TYPE.snapshot(item))", sync);
    }
    return method.endControlFlow().addStatement("return view").build();
  }
}
