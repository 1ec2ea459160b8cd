package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.github.synced.processor.model.EntityModel;

/**
 * Writes the methods of {@code XSync} that move synced state between entities and snapshots: {@code
 * snapshot}, {@code restore} and {@code merge}.
 */
final class SyncStateMethods {

  private SyncStateMethods() {}

  static MethodSpec snapshot(EntityModel model) {
    ClassName snapshot = model.generated("Snapshot");
    return Code.override(
            "snapshot",
            snapshot,
            "The synced fields of {@code entity}, as an immutable value: with {@link #restore},"
                + " an undo of synced state; with {@code equals}, a comparison of it.")
        .addParameter(model.entity(), "entity")
        .addStatement(
            "return new $T($L)",
            snapshot,
            model.wide()
                ? CodeBlock.of("entity")
                : Code.arguments(model.synced().stream().map(p -> Code.read(p, "entity")).toList()))
        .build();
  }

  static MethodSpec restore(EntityModel model) {
    ClassName snapshot = model.generated("Snapshot");
    return Code.override(
            "restore",
            model.entity(),
            (model.immutable()
                    ? "A new {@link $T} with every synced field taken from {@code snapshot} and"
                        + " every local-only field from {@code target}, which is left untouched."
                    : "Sets every synced field of {@code target} to its value in {@code snapshot}"
                        + " and returns {@code target}; local-only fields keep their values.")
                + "\n\n@throws IllegalArgumentException if {@code snapshot} was not made by {@link"
                + " #snapshot}",
            model.immutable() ? new Object[] {model.entity()} : new Object[0])
        .addParameter(model.entity(), "target")
        .addParameter(ParameterizedTypeName.get(Code.SNAPSHOT, model.entity()), "snapshot")
        .beginControlFlow("if (!(snapshot instanceof $T values))", snapshot)
        .addStatement(
            "throw new $T($S + snapshot)",
            IllegalArgumentException.class,
            "not a snapshot made by " + model.generated("Sync").simpleName() + ": ")
        .endControlFlow()
        .addCode(
            Instances.returnChanged(
                model,
                "target",
                p ->
                    p.isSynced()
                        ? Copies.into(model, p, "target", CodeBlock.of("values.$L()", p.name()))
                        : null,
                null))
        .build();
  }

  static MethodSpec merge(EntityModel model) {
    return Code.override(
            "merge",
            model.entity(),
            model.immutable()
                ? "A new {@link $T} with every synced field taken from {@code server} and every"
                    + " local-only field from {@code local}; both arguments are left untouched."
                : "Sets every synced field of {@code local} to its value in {@code server} and"
                    + " returns {@code local}; local-only fields keep their values and {@code"
                    + " server} is not changed.",
            model.immutable() ? new Object[] {model.entity()} : new Object[0])
        .addParameter(model.entity(), "local")
        .addParameter(model.entity(), "server")
        .addCode(
            Instances.returnChanged(
                model,
                "local",
                p -> p.isSynced() ? Copies.into(model, p, "local", Code.read(p, "server")) : null,
                null))
        .build();
  }
}
