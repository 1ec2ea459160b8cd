package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XPatch}: an immutable typed partial update of an entity, one object holding the
 * fields it sets as bits of a {@code long} and the value of each.
 */
public final class PatchWriter {

  /** The patch class of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Patch");
    ClassName field = model.generated("Field");
    List<Property> synced = model.synced();
    boolean many = model.manyFields();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                Javadoc.of(
                    "A typed partial update of {@link $T}: the synced fields it sets, each with its"
                        + " value.\n\n"
                        + "<p>Immutable: every setter returns a new patch, so a patch held by a"
                        + " pending mutation has the same effect each time it is applied. A field"
                        + " that is not set is absent, which is different from a field set to"
                        + " {@code null}. Start from {@link #empty()}, for example {@code"
                        + " $T.empty()$L}.",
                    model.entity(),
                    self,
                    synced.stream()
                        .filter(p -> p.role() == Property.Role.PLAIN)
                        .limit(2)
                        .map(p -> "." + p.name() + "(...)")
                        .reduce("", String::concat)))
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Code.PATCH, model.entity()));

    Code.suppressWarnings(
        type,
        Stream.of(
                Stream.of(model.entityWarnings()),
                Code.typeWarnings(synced),
                model.immutable()
                    ? Stream.concat(
                        model.properties().stream().map(Property::readWarnings),
                        Stream.of(model.constructorWarnings()))
                    : synced.stream().map(Property::writeWarnings))
            .flatMap(s -> s));
    Code.qualifyObscured(type, model);
    type.addField(
        FieldSpec.builder(self, "EMPTY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(Javadoc.of("The patch that sets no field."))
            .initializer(
                many
                    ? CodeBlock.of("new $T()", self)
                    : CodeBlock.of(
                        "new $T($L)",
                        self,
                        Code.wrapped(
                            Stream.concat(
                                    Stream.of(CodeBlock.of("0L")),
                                    synced.stream().map(p -> Code.defaultValue(p.type())))
                                .toList())))
            .build());
    type.addField(
        Code.privateField(
                FieldBits.bitsType(model),
                "fields",
                many
                    ? "The fields this patch sets: bit {@code i % 64} of word {@code i / 64} for"
                        + " the field whose ordinal is {@code i}. Never changed."
                    : "The fields this patch sets: bit {@code i} for the field whose ordinal is"
                        + " {@code i}.")
            .build());
    for (Property p : synced) {
      type.addField(
          Code.privateField(
                  p.type(),
                  p.name(),
                  "The value this patch gives {@code $L}, if it sets it; else the default.",
                  p.name())
              .build());
    }
    PatchEdits.addFields(model, type);
    List<Property> trees = PatchEdits.of(model);
    if (many) {
      PatchMethods.addWideConstructors(model, type, self);
    } else {
      StringBuilder params = new StringBuilder("\n\n@param fields the fields it sets, as bits");
      MethodSpec.Builder constructor =
          MethodSpec.constructorBuilder().addParameter(long.class, "fields");
      MethodSpec.Builder full =
          MethodSpec.constructorBuilder()
              .addParameter(long.class, "fields")
              .addStatement("this.fields = fields");
      StringBuilder fullParams = new StringBuilder(params);
      for (Property p : synced) {
        params.append("\n@param ").append(p.name()).append(" the value it gives {@code ");
        params.append(p.name()).append('}');
        constructor.addParameter(p.type(), p.name());
        full.addParameter(p.type(), p.name()).addStatement("this.$L = $L", p.name(), p.name());
      }
      fullParams.append(params.substring(fullParams.length()));
      for (Property p : trees) {
        fullParams.append("\n@param ").append(PatchEdits.name(p));
        fullParams.append(" the change it makes inside {@code ").append(p.name());
        fullParams.append("}, or {@code null}");
        full.addParameter(PatchEdits.type(model, p), PatchEdits.name(p))
            .addStatement("this.$L = $L", PatchEdits.name(p), PatchEdits.name(p));
      }
      if (trees.isEmpty()) {
        constructor = full;
      } else {
        constructor.addStatement(
            "this($L)",
            Code.wrapped(
                Stream.of(
                        Stream.of(CodeBlock.of("fields")),
                        synced.stream().map(q -> CodeBlock.of("$L", q.name())),
                        trees.stream().map(q -> CodeBlock.of("null")))
                    .flatMap(x -> x)
                    .toList()));
        full.addModifiers(Modifier.PRIVATE)
            .addJavadoc(
                Javadoc.of(
                    "A patch that sets {@code fields} to these values, and those it changes"
                        + " inside by these changes."
                        + fullParams));
      }
      constructor.addJavadoc(
          Javadoc.of(
              "A patch that sets {@code fields} to these values; every other value"
                  + " must be its type's default. Not private: {@link $T} and the codec make"
                  + " patches too."
                  + params,
              model.generated("Sync")));
      type.addMethod(constructor.build());
      if (!trees.isEmpty()) {
        type.addMethod(full.build());
      }
    }

    type.addMethod(
        MethodSpec.methodBuilder("empty")
            .addJavadoc(Javadoc.of("{@return a patch that sets no field}"))
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addStatement("return EMPTY")
            .build());

    for (Property p : synced) {
      type.addMethod(
          MethodSpec.methodBuilder(p.name())
              .addJavadoc(
                  Javadoc.of(
                      "A new patch that sets everything this one sets, and {@code $L} to {@code"
                          + " $L}.\n\n"
                          + "@param $L the value to set\n"
                          + "@return the new patch",
                      p.name(),
                      p.name(),
                      p.name()))
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addParameter(p.type(), p.name())
              .addStatement(
                  "return new $T($L)",
                  self,
                  many
                      ? CodeBlock.of("this, $L, $L", Code.constant(model, p), p.name())
                      : Code.wrapped(
                          arguments(
                              model,
                              p,
                              Copies.frozen(model, p, CodeBlock.of("$L", p.name())),
                              CodeBlock.of("null"))))
              .build());
      if (trees.contains(p)) {
        type.addMethod(
            PatchEdits.edit(
                model, p, self, arguments(model, p, CodeBlock.of("null"), CodeBlock.of("change"))));
      }
      type.addMethod(
          MethodSpec.methodBuilder(p.name())
              .addJavadoc(
                  Javadoc.of(
                      "{@return the value this patch gives {@code $L}, or $L if it does not set"
                          + " it} (See {@link #sets}.)",
                      p.name(),
                      p.isPrimitive()
                          ? "{@code " + Code.defaultValue(p.type()) + "}"
                          : "{@code null}"))
              .addModifiers(Modifier.PUBLIC)
              .returns(p.type())
              .addStatement(
                  "return $L",
                  p.copiedOnRead() // the patch keeps its own array
                      ? Copies.owned(model, p, CodeBlock.of("$L", p.name()))
                      : CodeBlock.of("$L", p.name()))
              .build());
    }

    type.addMethod(
        Code.override(
                "fields",
                ParameterizedTypeName.get(Code.FIELD_SET, field),
                "The fields this patch sets, in declaration order; unmodifiable.")
            .addStatement(
                "return $T.of($T.TYPE.fields(), fields)", Code.FIELD_SET, model.generated("Sync"))
            .build());
    type.addMethod(
        Code.override(
                "sets", boolean.class, "Whether this patch sets {@code field}; allocates nothing.")
            .addParameter(Code.ENTITY_FIELD, "field")
            .addStatement(
                many
                    ? "return field instanceof $T known && (fields[known.ordinal() / 64] & 1L <<"
                        + " known.ordinal() % 64) != 0"
                    : "return field instanceof $T known && (fields & 1L << known.ordinal()) != 0",
                field)
            .build());
    type.addMethod(
        Code.override("isEmpty", boolean.class, "Whether this patch sets no field.")
            .addStatement(
                many
                    ? CodeBlock.of("return $T.equals(fields, EMPTY.fields)", Arrays.class)
                    : CodeBlock.of("return fields == 0"))
            .build());
    type.addMethod(
        Code.override(
                "get",
                Object.class,
                "The value this patch gives {@code field} (primitives boxed).\n\n"
                    + "@throws IllegalArgumentException if this patch does not set {@code field}")
            .addParameter(Code.ENTITY_FIELD, "field")
            .addStatement("$T known = $T.of(field)", field, field)
            .beginControlFlow("if (!sets(known))")
            .addStatement(
                "throw new $T($S + known.fieldName() + $S)",
                IllegalArgumentException.class,
                self.simpleName() + " does not set '",
                "'")
            .endControlFlow()
            .addCode(
                Code.returnSwitch(
                    model,
                    CodeBlock.of("known"),
                    p ->
                        p.copiedOnRead()
                            ? Copies.owned(model, p, CodeBlock.of("this.$L", p.name()))
                            : CodeBlock.of("this.$L", p.name())))
            .build());

    if (!trees.isEmpty()) {
      PatchEdits.addOverrides(
          model,
          type,
          self,
          trees.stream()
              .map(
                  t ->
                      Code.wrapped(
                          arguments(
                              model,
                              t,
                              CodeBlock.of("null"),
                              CodeBlock.of("($T) inside", PatchEdits.type(model, t)))))
              .toList());
    }
    type.addMethod(PatchMethods.applyTo(model));
    type.addMethod(PatchMethods.equalsMethod(model, self));
    type.addMethod(
        Code.override(
                "hashCode", int.class, "A hash of the fields this patch sets and their values.")
            .addStatement(
                "return $T.hash($L)",
                Objects.class,
                Code.wrapped(
                    Stream.concat(
                            Stream.of(
                                many
                                    ? CodeBlock.of("$T.hashCode(fields)", Arrays.class)
                                    : CodeBlock.of("fields")),
                            Stream.concat(
                                synced.stream()
                                    .map(p -> Code.hashed(model, p, CodeBlock.of("$L", p.name()))),
                                trees.stream().map(p -> CodeBlock.of("$L", PatchEdits.name(p)))))
                        .toList()))
            .build());
    type.addMethod(
        Code.override(
                "toString",
                String.class,
                "The fields this patch sets with their values, for example {@code $L{$L=...}}.",
                self.simpleName(),
                synced.get(0).name())
            .addStatement(
                "$T joiner = new $T($S, $S, $S)",
                StringJoiner.class,
                StringJoiner.class,
                ", ",
                self.simpleName() + "{",
                "}")
            .beginControlFlow("for ($T field : fields())", field)
            .addCode(PatchMethods.fieldText(model))
            .endControlFlow()
            .addStatement("return joiner.toString()")
            .build());
    return type;
  }

  /**
   * The arguments of the constructor that makes a patch that sets what this one sets, and {@code p}
   * to {@code value} with {@code inside} as its change inside.
   */
  private static List<CodeBlock> arguments(
      EntityModel model, Property p, CodeBlock value, CodeBlock inside) {
    return Stream.of(
            Stream.of(CodeBlock.of("fields | 1L << $L", model.index(p))),
            model.synced().stream().map(q -> q.equals(p) ? value : CodeBlock.of("$L", q.name())),
            PatchEdits.args(model, p, inside))
        .flatMap(x -> x)
        .toList();
  }
}
