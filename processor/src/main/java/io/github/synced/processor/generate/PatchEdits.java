package io.github.synced.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * The part of {@code XPatch} that reaches inside a field's value: for a nested {@code @Synced}
 * object, {@code editOwner(o -> o.name(..))}; for a list, set or collection of {@code @Synced}
 * elements, {@code editSubtasks(s -> s.update(id, ..).add(..).remove(id))}; for a map of
 * {@code @Synced} values, {@code editColumns(c -> c.update(key, ..).put(key, ..).remove(key))}.
 * Such a change is kept as a {@code NestedEdit}, {@code ElementEdits} or {@code EntryEdits} beside
 * the field's value and applied relative to whatever value the field has, which is what lets two
 * mutations change two elements independently.
 */
final class PatchEdits {

  private static final ClassName INSIDE = ClassName.get(Code.RUNTIME + ".spi", "Inside");
  private static final ClassName ELEMENT_EDITS = ClassName.get(Code.RUNTIME, "ElementEdits");
  private static final ClassName NESTED_EDIT = ClassName.get(Code.RUNTIME, "NestedEdit");
  private static final ClassName ENTRY_EDITS = ClassName.get(Code.RUNTIME, "EntryEdits");

  private PatchEdits() {}

  /**
   * The synced properties a patch of {@code model} can change inside: nested objects, and
   * collections and maps of {@code @Synced} elements. None for a patch too wide for one {@code
   * long} of bits.
   */
  static List<Property> of(EntityModel model) {
    if (model.manyFields()) {
      return List.of();
    }
    return model.synced().stream()
        .filter(p -> p.shape() instanceof Shape.Nested || p.entityElement() != null)
        .toList();
  }

  /** The name of the field that holds the change inside {@code p}. */
  static String name(Property p) {
    return p.name() + "Edits";
  }

  private static Shape.Nested nested(Property p) {
    return p.shape() instanceof Shape.Nested n ? n : p.entityElement();
  }

  /**
   * {@code ElementEdits<String, Subtask, SubtaskPatch>}, {@code EntryEdits<String, String, Column,
   * ColumnPatch>} or {@code NestedEdit<Owner, OwnerPatch>}.
   */
  static TypeName type(EntityModel model, Property p) {
    Shape.Nested n = nested(p);
    ClassName patch = n.generated("Patch");
    if (p.shape() instanceof Shape.Nested) {
      return ParameterizedTypeName.get(NESTED_EDIT, n.type(), patch);
    }
    if (p.shape() instanceof Shape.Keyed keyed) {
      return ParameterizedTypeName.get(
          ENTRY_EDITS, keyed.key().type().box(), n.id(), n.type(), patch);
    }
    return ParameterizedTypeName.get(ELEMENT_EDITS, n.id(), n.type(), patch);
  }

  /**
   * The function that makes the container of {@code p}'s new value from its current one: {@code
   * ArrayList::new}, {@code LinkedHashMap::new}, and for a sorted map {@code
   * EntryEdits::treeMapLike}, which keeps the map's comparator.
   */
  private static CodeBlock factory(Property p) {
    ClassName container = implementation(p);
    return p.shape() instanceof Shape.Keyed && container.simpleName().equals("TreeMap")
        ? CodeBlock.of("$T::treeMapLike", ENTRY_EDITS)
        : CodeBlock.of("$T::new", container);
  }

  /**
   * The class a changed collection or map is made as: {@code ArrayList}, {@code LinkedHashSet},
   * {@code LinkedHashMap}, {@code TreeMap}.
   */
  private static ClassName implementation(Property p) {
    return ClassName.bestGuess(
        (p.shape() instanceof Shape.Keyed keyed
                ? keyed.container()
                : ((Shape.Many) p.shape()).container())
            .copy());
  }

  /** The fields that hold the changes. */
  static void addFields(EntityModel model, TypeSpec.Builder type) {
    for (Property p : of(model)) {
      type.addField(
          Code.privateField(
                  type(model, p),
                  name(p),
                  p.shape() instanceof Shape.Nested
                      ? "The fields of {@code $L} this patch changes, if it changes them rather than"
                          + " set a whole value; else {@code null}."
                      : p.shape() instanceof Shape.Keyed
                          ? "The entries of {@code $L} this patch changes by key, if it changes them"
                              + " rather than set a whole value; else {@code null}."
                          : "The elements of {@code $L} this patch changes by id, if it changes them"
                              + " rather than set a whole value; else {@code null}.",
                  p.name())
              .build());
    }
  }

  /**
   * The value {@code applyTo} gives {@code p} on {@code target}: the change inside applied to its
   * value, or else {@code whole}.
   */
  static CodeBlock applied(EntityModel model, Property p, String target, CodeBlock whole) {
    if (!of(model).contains(p)) {
      return whole;
    }
    CodeBlock current = Code.read(p, target);
    CodeBlock inside =
        p.shape() instanceof Shape.Nested
            ? CodeBlock.of("this.$L.applyTo($L)", name(p), current)
            : CodeBlock.of("this.$L.applyTo($L, $L)", name(p), current, factory(p));
    return CodeBlock.of("(this.$L != null$W? $L$W: $L)", name(p), inside, whole);
  }

  /** The {@code editX} method of {@code p}. */
  static MethodSpec edit(EntityModel model, Property p, ClassName self, List<CodeBlock> args) {
    Shape.Nested n = nested(p);
    boolean object = p.shape() instanceof Shape.Nested;
    TypeName edits = type(model, p);
    TypeName given = object ? n.generated("Patch") : edits;
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("edit" + Code.capitalize(p.name()))
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addParameter(
                ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), given), "edit");
    if (object) {
      m.addJavadoc(
              Javadoc.of(
                  "A new patch that sets everything this one sets, and changes fields of {@code $L}"
                      + " with the patch {@code edit} makes from the one given: the fields it"
                      + " does not set, and the object's local-only fields, keep the values they"
                      + " have when the patch is applied, so a mutation made of it changes only"
                      + " those fields, whatever the server changes meanwhile. If this patch sets"
                      + " a whole {@code $L} already, the change is made to it.\n\n"
                      + "@param edit given the fields changed so far, returns the fields to change"
                      + "\n@return the new patch",
                  p.name(),
                  p.name()))
          .addStatement(
              "$T change =$W$T.of($T.TYPE,$W$T.requireNonNull(edit.apply($L == null$W? $T.empty()"
                  + "$W: $L.patch()),$W$S))",
              edits,
              NESTED_EDIT,
              n.generated("Sync"),
              Objects.class,
              name(p),
              n.generated("Patch"),
              name(p),
              "the edit returned null");
    } else {
      boolean keyed = p.shape() instanceof Shape.Keyed;
      m.addJavadoc(
              Javadoc.of(
                  keyed
                      ? "A new patch that sets everything this one sets, and changes entries of"
                          + " {@code $L} by key as {@code edit} says: update some fields of the"
                          + " element at a key, put an element at a key, remove the entry at a key."
                          + " Entries it does not name, and the local-only fields of the elements"
                          + " it updates, keep the values they have when the patch is applied, so"
                          + " a mutation made of it changes only those entries, whatever the server"
                          + " changes meanwhile; an update or remove made through the store changes"
                          + " only the element the key holds as it is made. If this patch sets a"
                          + " whole {@code $L} already, the changes are made to it.\n\n"
                          + "@param edit given the changes so far, returns them with more\n"
                          + "@return the new patch"
                      : "A new patch that sets everything this one sets, and changes elements of"
                          + " {@code $L} by id as {@code edit} says: update some fields of one, add"
                          + " one, remove one. Elements it does not name, and the local-only fields"
                          + " of those it updates, keep the values they have when the patch is"
                          + " applied, so a mutation made of it changes only those elements,"
                          + " whatever the server changes meanwhile. If this patch sets a whole"
                          + " {@code $L} already, the changes are made to it.\n\n"
                          + "@param edit given the changes so far, returns them with more\n"
                          + "@return the new patch",
                  p.name(),
                  p.name()))
          .addStatement(
              "$T change =$W$T.requireNonNull(edit.apply($L == null$W? $T.of($T.TYPE, $T.empty())"
                  + "$W: $L),$W$S)",
              edits,
              Objects.class,
              name(p),
              keyed ? ENTRY_EDITS : ELEMENT_EDITS,
              n.generated("Sync"),
              n.generated("Patch"),
              name(p),
              "the edit returned null");
    }
    CodeBlock bit = FieldBits.has(model, p, "fields");
    m.beginControlFlow("if ($L && $L == null)", bit, name(p))
        .addStatement(
            object
                ? CodeBlock.of("return $L(change.applyTo($L))", p.name(), p.name())
                : CodeBlock.of("return $L(change.applyTo($L, $L))", p.name(), p.name(), factory(p)))
        .endControlFlow();
    return m.addStatement("return new $T($L)", self, Code.wrapped(args)).build();
  }

  /** The overrides of {@code inside}, {@code changesInside} and {@code withInside}. */
  static void addOverrides(
      EntityModel model, TypeSpec.Builder type, ClassName self, List<CodeBlock> withArgs) {
    List<Property> trees = of(model);
    ClassName field = model.generated("Field");
    CodeBlock.Builder inside = CodeBlock.builder();
    for (Property p : trees) {
      inside
          .beginControlFlow("if (field == $L)", Code.constant(model, p))
          .addStatement("return $L", name(p))
          .endControlFlow();
    }
    type.addMethod(
        Code.override(
                "inside",
                ParameterizedTypeName.get(INSIDE, WildcardTypeName.subtypeOf(Object.class)),
                "The change this patch makes inside {@code field}'s value, if it sets it that way;"
                    + " else {@code null}.")
            .addParameter(Code.ENTITY_FIELD, "field")
            .addCode(inside.build())
            .addStatement("return null")
            .build());
    type.addMethod(
        Code.override(
                "changesInside", boolean.class, "Whether this patch changes inside some field.")
            .addStatement(
                "return $L",
                CodeBlock.join(
                    trees.stream().map(p -> CodeBlock.of("$L != null", name(p))).toList(), " || "))
            .build());
    CodeBlock.Builder with = CodeBlock.builder().add("return switch ($T.of(field)) {\n$>", field);
    for (int i = 0; i < trees.size(); i++) {
      Property p = trees.get(i);
      with.add("case $L -> new $T($L);\n", p.constantName(), self, withArgs.get(i));
    }
    with.add(
        "default -> throw new $T($S$W+ field.fieldName() + $S);\n$<};\n",
        IllegalArgumentException.class,
        self.simpleName() + " changes nothing inside '",
        "'");
    type.addMethod(
        Code.override(
                "withInside",
                self,
                "A patch that sets what this one sets, with {@code field} set by the change {@code"
                    + " inside} instead; {@code inside} is one this class made for {@code field}.")
            .addAnnotation(
                AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build())
            .addParameter(Code.ENTITY_FIELD, "field")
            .addParameter(
                ParameterizedTypeName.get(INSIDE, WildcardTypeName.subtypeOf(Object.class)),
                "inside")
            .addCode(with.build())
            .build());
  }

  /** The arguments of the full constructor after the values: each change, or {@code null}. */
  static Stream<CodeBlock> args(EntityModel model, Property replaced, CodeBlock by) {
    return of(model).stream().map(t -> t.equals(replaced) ? by : CodeBlock.of("$L", name(t)));
  }
}
