package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.github.synced.processor.model.Property;
import io.github.synced.processor.model.Shape;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The static helpers {@code XSync} gets for a field that holds another {@code @Synced} type (a
 * nested object): each is {@code null}-safe and goes through the nested type's own {@code XSync},
 * so the nested object is copied deeply, merged field by field and compared by its synced fields.
 */
final class NestedHelpers {

  private NestedHelpers() {}

  /** {@code copyAddress}, {@code freezeAddress}, {@code mergeAddress}, {@code equalAddress}, ... */
  static List<MethodSpec> of(Property p) {
    Shape.Nested nested = (Shape.Nested) p.shape();
    ClassName sync = nested.generated("Sync");
    TypeName type = p.type();
    String name = Code.capitalize(p.name());
    return List.of(
        helper("copy" + name, type)
            .addJavadoc(
                Javadoc.of(
                    "A deep copy of {@code value}, a value of {@code $L}, for an entity to own,"
                        + " local-only fields included ({@link $T#copy}).\n\n"
                        + "@param value the nested object, or {@code null}\n"
                        + "@return the copy, or {@code null} for {@code null}",
                    p.name(),
                    sync))
            .addParameter(type, "value")
            .addStatement("return value == null ? null : $T.TYPE.copy(value)", sync)
            .build(),
        helper("freeze" + name, type)
            .addJavadoc(
                Javadoc.of(
                    "A copy of the synced fields of {@code value}, a value of {@code $L}, for a"
                        + " snapshot or a patch to hold ({@link $T#syncedCopy}).\n\n"
                        + "@param value the nested object, or {@code null}\n"
                        + "@return the copy, or {@code null} for {@code null}",
                    p.name(),
                    sync))
            .addParameter(type, "value")
            .addStatement("return value == null ? null : $T.TYPE.syncedCopy(value)", sync)
            .build(),
        helper("merge" + name, type)
            .addJavadoc(
                Javadoc.of(
                    "The value of {@code $L} after taking {@code server}'s: every synced field of"
                        + " the nested object from {@code server}, every local-only one kept from"
                        + " {@code local} ({@link $T#merge}), as a new copy: neither argument is"
                        + " changed. A copy of {@code server} where {@code local} is {@code null},"
                        + " and {@code null} where {@code server} is.\n\n"
                        + "@param local the nested object the entity has, or {@code null}\n"
                        + "@param server the nested object to take the synced fields of, or {@code"
                        + " null}\n"
                        + "@return the merged nested object, or {@code null}",
                    p.name(),
                    sync))
            .addParameter(type, "local")
            .addParameter(type, "server")
            .beginControlFlow("if (server == null)")
            .addStatement("return null")
            .endControlFlow()
            .addStatement(
                "return local == null\n? $T.TYPE.syncedCopy(server)\n: $T.TYPE.merge($T.TYPE.copy(local), server)",
                sync,
                sync,
                sync)
            .build(),
        helper("equal" + name, TypeName.BOOLEAN)
            .addJavadoc(
                Javadoc.of(
                    "Whether {@code a} and {@code b}, values of {@code $L}, are both {@code null}"
                        + " or have equal synced fields ({@link $T#syncedEquals}).\n\n"
                        + "@param a a nested object, or {@code null}\n"
                        + "@param b another, or {@code null}\n"
                        + "@return whether they are equal as synced state",
                    p.name(),
                    sync))
            .addParameter(type, "a")
            .addParameter(type, "b")
            .addStatement(
                "return a == b || (a != null && b != null && $T.TYPE.syncedEquals(a, b))", sync)
            .build(),
        helper("hash" + name, TypeName.INT)
            .addJavadoc(
                Javadoc.of(
                    "A hash of the synced fields of {@code value}, a value of {@code $L}, that"
                        + " agrees with {@code equal$L}.\n\n"
                        + "@param value the nested object, or {@code null}\n"
                        + "@return the hash of its snapshot, or 0 for {@code null}",
                    p.name(),
                    name))
            .addParameter(type, "value")
            .addStatement("return value == null ? 0 : $T.TYPE.snapshot(value).hashCode()", sync)
            .build(),
        helper("text" + name, ClassName.get(String.class))
            .addJavadoc(
                Javadoc.of(
                    "The synced fields of {@code value}, a value of {@code $L}, as text.\n\n"
                        + "@param value the nested object, or {@code null}\n"
                        + "@return its snapshot's text, or {@code \"null\"}",
                    p.name()))
            .addParameter(type, "value")
            .addStatement(
                "return value == null ? $S : $T.TYPE.snapshot(value).toString()", "null", sync)
            .build());
  }

  private static MethodSpec.Builder helper(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.STATIC).returns(returns);
  }
}
