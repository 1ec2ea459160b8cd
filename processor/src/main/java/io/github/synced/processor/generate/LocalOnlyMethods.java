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
import java.util.List;
import java.util.Map;

/**
 * {@code XSync.withLocalOnly(target, from)} for an entity that holds other {@code @Synced} objects,
 * and its helper per such field: the local-only values of {@code from} carried onto {@code target}
 * at every depth, nested objects and elements matched by id, where {@code merge} would give an
 * element it does not match a new instance's values. The store uses it to keep the local-only state
 * of elements that only a pending mutation holds.
 */
final class LocalOnlyMethods {

  private LocalOnlyMethods() {}

  /** The override and its helpers; none for an entity that holds no other {@code @Synced} type. */
  static List<MethodSpec> of(EntityModel model) {
    List<MethodSpec> methods = new ArrayList<>();
    if (model.synced().stream().noneMatch(Property::isNested)) {
      return methods;
    }
    methods.add(
        Code.override(
                "withLocalOnly",
                model.entity(),
                model.immutable()
                    ? "A new {@link $T} with the synced fields of {@code target} and the local-only"
                        + " fields of {@code from}, in nested objects and in elements matched by id"
                        + " too; elements {@code from} does not have keep their own. Neither"
                        + " argument is changed."
                    : "Sets every local-only field of {@code target} to its value in {@code"
                        + " from}, in nested objects and in elements matched by id too, and"
                        + " returns {@code target}; elements {@code from} does not have keep their"
                        + " own. {@code from} is not changed.",
                model.immutable() ? new Object[] {model.entity()} : new Object[0])
            .addParameter(model.entity(), "target")
            .addParameter(model.entity(), "from")
            .addCode(
                Instances.returnChanged(
                    model,
                    "target",
                    p ->
                        !p.isSynced()
                            ? Code.read(p, "from")
                            : p.isNested()
                                ? Copies.call(
                                    model, p, "local", Code.read(p, "target"), Code.read(p, "from"))
                                : null,
                    null))
            .build());
    for (Property p : model.synced()) {
      if (p.isNested()) {
        methods.add(helper(p));
      }
    }
    return methods;
  }

  private static MethodSpec helper(Property p) {
    boolean object = p.shape() instanceof Shape.Nested;
    Shape.Nested n = object ? (Shape.Nested) p.shape() : p.entityElement();
    ClassName sync = n.generated("Sync");
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("local" + Code.capitalize(p.name()))
            .addModifiers(
                javax.lang.model.element.Modifier.PRIVATE, javax.lang.model.element.Modifier.STATIC)
            .returns(p.type())
            .addJavadoc(
                Javadoc.of(
                    "{@code target}, a value of {@code $L}, with the local-only fields of {@code"
                        + " from} ({@link $T#withLocalOnly})$L; a new value of changed copies."
                        + "\n\n@param target the value to change a copy of, or {@code null}\n"
                        + "@param from the value to take local-only fields from, or {@code null}\n"
                        + "@return the value, {@code target} itself where either is {@code null}",
                    p.name(),
                    sync,
                    object ? "" : ", element by element matched by id"))
            .addParameter(p.type(), "target")
            .addParameter(p.type(), "from")
            .beginControlFlow("if (target == null || from == null)")
            .addStatement("return target")
            .endControlFlow();
    if (object) {
      return m.addStatement("return $T.TYPE.withLocalOnly($T.TYPE.copy(target), from)", sync, sync)
          .build();
    }
    Shape.Container container =
        p.shape() instanceof Shape.Keyed k ? k.container() : ((Shape.Many) p.shape()).container();
    boolean map = container.isMap();
    ClassName implementation = ClassName.bestGuess(container.copy());
    TypeName element = n.type();
    String name = Code.capitalize(p.name());
    m.addStatement(
        "$T theirs = index$L($L)",
        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(Object.class), element),
        name,
        map ? "from.values()" : "from");
    CodeBlock each =
        CodeBlock.of(
            "$T source = item == null ? null : theirs.get($T.TYPE.id(item))", element, sync);
    CodeBlock kept =
        CodeBlock.of(
            "source == null ? item : $T.TYPE.withLocalOnly($T.TYPE.copy(item), source)",
            sync,
            sync);
    String argument =
        container == Shape.Container.COLLECTION || container == Shape.Container.LIST
            ? "target.size()"
            : container.isSorted() ? "target.comparator()" : "";
    if (map) {
      TypeName key = ((Shape.Keyed) p.shape()).key().type();
      m.addStatement(
              "$T kept = new $T<>($L)",
              ParameterizedTypeName.get(implementation, key, element),
              implementation,
              argument)
          .beginControlFlow(
              "for ($T entry : target.entrySet())",
              ParameterizedTypeName.get(ClassName.get(Map.Entry.class), key, element))
          .addStatement("$T item = entry.getValue()", element)
          .addStatement(each)
          .addStatement("kept.put(entry.getKey(), $L)", kept);
    } else {
      m.addStatement(
              "$T kept = new $T<>($L)",
              ParameterizedTypeName.get(implementation, element),
              implementation,
              argument)
          .beginControlFlow("for ($T item : target)", element)
          .addStatement(each)
          .addStatement("kept.add($L)", kept);
    }
    return m.endControlFlow().addStatement("return kept").build();
  }
}
