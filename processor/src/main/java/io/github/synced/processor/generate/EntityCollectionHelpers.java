package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The static helpers {@code XSync} gets for a collection or map of another {@code @Synced} type
 * (merged by id): the same names as a nested object's ({@code copySubtasks}, {@code
 * syncedSubtasks}, {@code freezeSubtasks}, {@code mergeSubtasks}, {@code equalSubtasks}, {@code
 * hashSubtasks}, {@code textSubtasks}), each {@code null}-safe, keeping {@code null} elements, and
 * going through the element type's own {@code XSync}.
 *
 * <p>Merging matches elements by their ids, for a map too (by the values' ids, not by the keys), so
 * an element the server moved to another key keeps its local-only state. Lists compare element by
 * element in order, sets as sets of their elements' synced state, maps key by key.
 */
final class EntityCollectionHelpers {

  private EntityCollectionHelpers() {}

  /** The helpers of {@code p}, a collection or map of a {@code @Synced} type. */
  static List<MethodSpec> of(Property p) {
    return new EntityCollectionHelpers.Writer(p).methods();
  }

  /** Writes the helpers of one property. */
  private static final class Writer {
    private final Property p;
    private final Shape shape;
    private final boolean map;
    private final Shape.Container container;
    private final TypeName element;
    private final ClassName sync;
    private final ClassName implementation;
    private final String name;
    private final String part;

    Writer(Property p) {
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

    List<MethodSpec> methods() {
      List<MethodSpec> methods = new ArrayList<>();
      methods.add(
          copy(
              "copy",
              "A deep copy of {@code value}, a value of {@code $L}, for an entity to own: a new"
                  + " {@code $L} of copies of the elements, local-only fields included ({@link"
                  + " $T#copy}); $L",
              "copy",
              false));
      methods.add(
          copy(
              "synced",
              "A copy of {@code value}, a value of {@code $L}, for an entity that may leave the"
                  + " client: a new {@code $L} of copies of the elements' synced fields ({@link"
                  + " $T#syncedCopy}), local-only fields as a new instance has them; $L",
              "syncedCopy",
              false));
      methods.add(
          copy(
              "freeze",
              "An unmodifiable copy of {@code value}, a value of {@code $L}, for a snapshot or a"
                  + " patch to hold: $L of copies of the elements' synced fields"
                  + " ({@link $T#syncedCopy}); $L",
              "syncedCopy",
              true));
      methods.add(merge());
      methods.add(mergeElement());
      methods.add(index());
      methods.add(equal());
      methods.add(equalElement());
      methods.add(hash());
      methods.add(hashElement());
      methods.add(text());
      methods.add(view());
      return methods;
    }

    /** The simple name of a class as code with its article: an ArrayList, a TreeMap. */
    private static String article(String simpleName) {
      return (simpleName.startsWith("A") ? "an" : "a") + " {@code " + simpleName + "}";
    }

    private TypeName keyType() {
      return ((Shape.Keyed) shape).key().type();
    }

    /** {@code ArrayList<Subtask>} or {@code LinkedHashMap<String, Column>}. */
    private TypeName implementationType() {
      return map
          ? ParameterizedTypeName.get(implementation, keyType(), element)
          : ParameterizedTypeName.get(implementation, element);
    }

    private TypeName entryType() {
      return ParameterizedTypeName.get(ClassName.get(Map.Entry.class), keyType(), element);
    }

    /** {@code new ArrayList<>(size)}, {@code new TreeMap<>(comparator)}, for {@code from}. */
    private CodeBlock newCopy(String from) {
      String argument =
          container == Shape.Container.COLLECTION || container == Shape.Container.LIST
              ? from + ".size()"
              : container.isSorted() ? from + ".comparator()" : "";
      return CodeBlock.of("new $T<>($L)", implementation, argument);
    }

    private MethodSpec.Builder helper(String kind, TypeName returns, boolean shared) {
      return named(kind + name, returns, shared);
    }

    /** The helper of {@code kind} for one element: {@code mergeSubtasksElement}. */
    private MethodSpec.Builder elementHelper(String kind, TypeName returns) {
      return named(kind + name + part, returns, false);
    }

    private static MethodSpec.Builder named(String method, TypeName returns, boolean shared) {
      return MethodSpec.methodBuilder(method)
          .addModifiers(
              shared
                  ? new Modifier[] {Modifier.STATIC}
                  : new Modifier[] {Modifier.PRIVATE, Modifier.STATIC})
          .returns(returns);
    }

    /** {@code copySubtasks}, {@code syncedSubtasks} or {@code freezeSubtasks}. */
    private MethodSpec copy(String kind, String doc, String how, boolean frozen) {
      CodeBlock each = CodeBlock.of("item == null ? null : $T.TYPE.$L(item)", sync, how);
      MethodSpec.Builder method =
          helper(kind, p.type(), true)
              .addJavadoc(
                  Javadoc.of(
                      doc
                          + "\n\n@param value the value to copy, or {@code null}\n"
                          + "@return the copy, or {@code null} for {@code null}",
                      p.name(),
                      frozen ? article(implementation.simpleName()) : implementation.simpleName(),
                      sync,
                      map ? "{@code null} values are kept." : "{@code null} elements are kept."))
              .addParameter(p.type(), "value")
              .beginControlFlow("if (value == null)")
              .addStatement("return null")
              .endControlFlow()
              .addStatement("$T copy = $L", implementationType(), newCopy("value"));
      if (map) {
        method
            .beginControlFlow("for ($T entry : value.entrySet())", entryType())
            .addStatement("$T item = entry.getValue()", element)
            .addStatement("copy.put(entry.getKey(), $L)", each);
      } else {
        method
            .beginControlFlow("for ($T item : value)", element)
            .addStatement("copy.add($L)", each);
      }
      method.endControlFlow();
      return method
          .addStatement("return $L", Copies.wrap(shape, frozen, CodeBlock.of("copy")))
          .build();
    }

    private MethodSpec merge() {
      MethodSpec.Builder method =
          helper("merge", p.type(), true)
              .addJavadoc(
                  Javadoc.of(
                      "The value of {@code $L} after taking {@code server}'s, merged by the"
                          + " elements' ids$L: in {@code server}'s order, each element of {@code"
                          + " server} with the synced fields of {@code server}'s and, where {@code"
                          + " local} has an element with its id, that element's local-only fields"
                          + " ({@link $T#merge}); an element {@code local} does not have gets"
                          + " local-only fields as a new instance has them; elements {@code"
                          + " server} does not have are gone. A new {@code $L} of new elements:"
                          + " neither argument is changed. Where {@code local} has an id twice"
                          + " its first element counts; where {@code server} has it twice, both"
                          + " take that element's local-only fields.\n\n"
                          + "@param local the value the entity has, or {@code null}\n"
                          + "@param server the value to take the synced state of, or {@code"
                          + " null}\n"
                          + "@return the merged value, or {@code null} where {@code server} is"
                          + " {@code null}",
                      p.name(),
                      map ? " (not by the keys, which are {@code server}'s)" : "",
                      sync,
                      implementation.simpleName()))
              .addParameter(p.type(), "local")
              .addParameter(p.type(), "server")
              .beginControlFlow("if (server == null)")
              .addStatement("return null")
              .endControlFlow()
              .addStatement(
                  "$T ours = index$L($L)",
                  ParameterizedTypeName.get(
                      ClassName.get(Map.class), ClassName.get(Object.class), element),
                  name,
                  map ? "local == null ? null : local.values()" : "local")
              .addStatement("$T merged = $L", implementationType(), newCopy("server"));
      CodeBlock mine =
          CodeBlock.of("$T mine = item == null ? null : ours.get($T.TYPE.id(item))", element, sync);
      if (map) {
        method
            .beginControlFlow("for ($T entry : server.entrySet())", entryType())
            .addStatement("$T item = entry.getValue()", element)
            .addStatement(mine)
            .addStatement("merged.put(entry.getKey(), merge$L$L(mine, item))", name, part);
      } else {
        method
            .beginControlFlow("for ($T item : server)", element)
            .addStatement(mine)
            .addStatement("merged.add(merge$L$L(mine, item))", name, part);
      }
      return method.endControlFlow().addStatement("return merged").build();
    }

    private MethodSpec mergeElement() {
      return elementHelper("merge", element)
          .addJavadoc(
              Javadoc.of(
                  "One element of {@code $L} after taking {@code server}'s: a copy of {@code"
                      + " local} with the synced fields of {@code server}, or a synced copy of"
                      + " {@code server} where {@code local} is {@code null}; {@code null} where"
                      + " {@code server} is.\n\n"
                      + "@param local our element with the id of {@code server}, or {@code null}\n"
                      + "@param server the server's element, or {@code null}\n"
                      + "@return the merged element, or {@code null}",
                  p.name()))
          .addParameter(element, "local")
          .addParameter(element, "server")
          .beginControlFlow("if (server == null)")
          .addStatement("return null")
          .endControlFlow()
          .addStatement(
              "return local == null\n? $T.TYPE.syncedCopy(server)\n: $T.TYPE.merge($T.TYPE.copy(local), server)",
              sync,
              sync,
              sync)
          .build();
    }

    private MethodSpec index() {
      TypeName byId =
          ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(Object.class), element);
      return helper("index", byId, false)
          .addJavadoc(
              Javadoc.of(
                  "The elements of {@code values}, our elements of {@code $L}, by id: the first"
                      + " of each id; {@code null} elements and elements without an id ({@code"
                      + " null} or {@link $T#unsetId}) are left out.\n\n"
                      + "@param values our elements, or {@code null}\n"
                      + "@return a new map by id",
                  p.name(),
                  sync))
          .addParameter(
              ParameterizedTypeName.get(ClassName.get(Collection.class), element), "values")
          .addStatement("$T byId = new $T<>()", byId, HashMap.class)
          .beginControlFlow("if (values == null)")
          .addStatement("return byId")
          .endControlFlow()
          .beginControlFlow("for ($T item : values)", element)
          .addStatement("$T id = item == null ? null : $T.TYPE.id(item)", Object.class, sync)
          .beginControlFlow("if (id != null && !id.equals($T.TYPE.unsetId()))", sync)
          .addStatement("byId.putIfAbsent(id, item)")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return byId")
          .build();
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
            .beginControlFlow(
                "if (!equal$L$L(entry.getValue(), b.get(entry.getKey())))", name, part)
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
}
