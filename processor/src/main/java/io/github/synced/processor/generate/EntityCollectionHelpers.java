package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Property;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static helpers {@code XSync} gets for a collection or map of another {@code @Synced} type
 * (merged by id): the same names as a nested object's ({@code copySubtasks}, {@code
 * syncedSubtasks}, {@code freezeSubtasks}, {@code mergeSubtasks}, and from {@link
 * EntityCollectionComparisons} {@code equalSubtasks}, {@code hashSubtasks}, {@code textSubtasks}),
 * each {@code null}-safe, keeping {@code null} elements, and going through the element type's own
 * {@code XSync}.
 *
 * <p>Merging matches elements by their ids, for a map too (by the values' ids, not by the keys), so
 * an element the server moved to another key keeps its local-only state.
 */
final class EntityCollectionHelpers extends EntityCollection {

  private EntityCollectionHelpers(Property p) {
    super(p);
  }

  /** The helpers of {@code p}, a collection or map of a {@code @Synced} type. */
  static List<MethodSpec> of(Property p) {
    return new EntityCollectionHelpers(p).methods();
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
    methods.addAll(new EntityCollectionComparisons(p).methods());
    return methods;
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
      method.beginControlFlow("for ($T item : value)", element).addStatement("copy.add($L)", each);
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
        .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class), element), "values")
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
}
