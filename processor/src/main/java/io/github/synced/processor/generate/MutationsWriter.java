package io.github.synced.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.github.synced.processor.model.EntityModel;
import io.github.synced.processor.model.Property;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XMutations}: typed mutation wrappers over the runtime's store. A thin layer with no
 * logic of its own: it names fields through {@code XPatch} and {@code XField} so user code never
 * names a field by string or casts, and passes everything else to the store.
 */
public final class MutationsWriter {

  private static final ClassName SYNC_STORE = ClassName.get(Code.RUNTIME, "SyncStore");
  private static final ClassName MUTATION = ClassName.get(Code.RUNTIME, "Mutation");
  private static final String RETURNS =
      "@return the mutation's handle: its state, its error and its result";
  private static final String ID = "@param id the entity's id";
  private static final String NOT_VISIBLE =
      "@throws $T if the entity is not in the store or hidden by a pending delete";

  /** The mutations class of {@code model}. */
  public TypeSpec.Builder write(EntityModel model) {
    ClassName self = model.generated("Mutations");
    ClassName entity = model.entity();
    ClassName patch = model.generated("Patch");
    ClassName field = model.generated("Field");
    TypeName idType = model.id().type().box();
    TypeName store = ParameterizedTypeName.get(SYNC_STORE, idType, entity);
    TypeName mutation = ParameterizedTypeName.get(MUTATION, idType, entity);
    List<Property> localOnly = model.properties().stream().filter(Property::localOnly).toList();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                Javadoc.of(
                    "Typed mutations of {@link $T} through a {@link $T}: fields are named through"
                        + " {@link $T} and {@link $T}, never by string, and nothing needs a cast.\n\n"
                        + "<p>Every mutation made here is applied to the store's view and announced"
                        + " to its listeners before any I/O starts, then sent through the store's"
                        + " remote, per entity in the order made. If it fails for good, only its own"
                        + " effect is rolled back: other pending mutations of the entity keep theirs"
                        + " and local-only values stay as they are. $L",
                    entity,
                    SYNC_STORE,
                    patch,
                    field,
                    localOnly.isEmpty()
                        ? "Only synced fields are ever sent."
                        : "Local-only fields ("
                            + names(localOnly)
                            + ") are never sent and never taken from the server."))
            .addAnnotations(Code.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL);

    Code.suppressWarnings(
        type, java.util.stream.Stream.of(model.entityWarnings(), model.id().typeWarnings()));
    type.addField(
        Code.privateField(store, "store", "The store these mutations go through.").build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addJavadoc(
                Javadoc.of(
                    "Typed mutations through {@code store}, a store of {@link $T#TYPE}.\n\n"
                        + "@param store the store to go through",
                    model.generated("Sync")))
            .addModifiers(Modifier.PUBLIC)
            .addParameter(store, "store")
            .addStatement("this.store = $T.requireNonNull(store, $S)", Objects.class, "store")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("store")
            .addJavadoc(
                Javadoc.of(
                    "{@return the store these mutations go through, for reads, subscriptions,"
                        + " loads and refetches}"))
            .addModifiers(Modifier.PUBLIC)
            .returns(store)
            .addStatement("return store")
            .build());

    type.addMethod(
        MethodSpec.methodBuilder("update")
            .addJavadoc(
                Javadoc.of(
                    "Sets on the entity {@code id} the fields that {@code patch} sets on {@link"
                        + " $T#empty()}$L: applied to the view at once, then sent with exactly those"
                        + " fields.\n\n"
                        + ID
                        + "\n@param patch the fields to set, as a change to the empty patch\n"
                        + RETURNS
                        + "\n@throws IllegalArgumentException if the patch sets no field or sets the"
                        + " id\n"
                        + NOT_VISIBLE,
                    patch,
                    example(model),
                    NoSuchElementException.class))
            .addModifiers(Modifier.PUBLIC)
            .returns(mutation)
            .addParameter(idType, "id")
            .addParameter(
                ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), patch), "patch")
            .addStatement("return store.update(id, patch.apply($T.empty()))", patch)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("update")
            .addJavadoc(
                Javadoc.of(
                    "Sets the fields of {@code patch} on the entity {@code id}: applied to the view"
                        + " at once, then sent with exactly those fields. A patch can be made once"
                        + " and reused.\n\n"
                        + ID
                        + "\n@param patch the fields to set\n"
                        + RETURNS
                        + "\n@throws IllegalArgumentException if the patch sets no field or sets the"
                        + " id\n"
                        + NOT_VISIBLE,
                    NoSuchElementException.class))
            .addModifiers(Modifier.PUBLIC)
            .returns(mutation)
            .addParameter(idType, "id")
            .addParameter(patch, "patch")
            .addStatement("return store.update(id, patch)")
            .build());
    type.addMethod(modify(model, idType, mutation));
    type.addMethod(
        MethodSpec.methodBuilder("create")
            .addJavadoc(
                Javadoc.of(
                    "Creates {@code draft}, which is copied, never kept: the entity appears in the"
                        + " store at once, under its own id or, if it has none, under a temporary"
                        + " one from the store's supplier. When the server assigns the real id the"
                        + " store re-keys the entity, and mutations made on it meanwhile are sent"
                        + " against the real id. If the create fails the entity leaves the store and"
                        + " those mutations are rolled back.\n\n"
                        + "@param draft the entity to create\n"
                        + "@return the mutation's handle; its {@link $T#id()} follows the real id\n"
                        + "@throws IllegalArgumentException if the draft has no id and the store has"
                        + " no temporary id supplier, or its id is already in the store",
                    MUTATION))
            .addModifiers(Modifier.PUBLIC)
            .returns(mutation)
            .addParameter(entity, "draft")
            .addStatement("return store.create(draft)")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("delete")
            .addJavadoc(
                Javadoc.of(
                    "Deletes the entity {@code id}: hidden at once, then sent; if the delete fails"
                        + " the entity comes back where it was.\n\n"
                        + ID
                        + "\n"
                        + RETURNS
                        + "\n"
                        + NOT_VISIBLE,
                    NoSuchElementException.class))
            .addModifiers(Modifier.PUBLIC)
            .returns(mutation)
            .addParameter(idType, "id")
            .addStatement("return store.delete(id)")
            .build());
    List<Property> holding = model.synced().stream().filter(Property::isNested).toList();
    if (!localOnly.isEmpty() || !holding.isEmpty()) {
      // An entity whose only local-only values are its nested objects' (a subtask's expanded)
      // has them changed here too.
      String which =
          Stream.of(
                  localOnly.isEmpty() ? null : names(localOnly),
                  holding.isEmpty()
                      ? null
                      : (localOnly.isEmpty() ? "" : "and ")
                          + "those of the {@code @Synced} objects in "
                          + names(holding))
              .filter(Objects::nonNull)
              .collect(Collectors.joining(", "));
      type.addMethod(local(model, idType, which));
    }
    type.addMethod(pendingFields(field, idType, mutation));
    return type;
  }

  private static MethodSpec modify(EntityModel model, TypeName idType, TypeName mutation) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(model.immutable() ? "modifyWith" : "modify")
            .addModifiers(Modifier.PUBLIC)
            .returns(mutation)
            .addParameter(idType, "id");
    String guarantees =
        " A custom optimistic update, for effects such as an increment: applied to the view at"
            + " once, and run again on top of every new server state while the mutation is"
            + " pending, so it never undoes a newer server value. What is sent is the synced"
            + " fields it changed, with their values when it last ran; changes to the version and"
            + " to local-only fields are not sent.\n\n"
            + ID
            + "\n@param $L the change, which may run more than once\n"
            + RETURNS
            + "\n@throws IllegalArgumentException if it changes the id or no synced field\n"
            + NOT_VISIBLE;
    if (model.immutable()) {
      return method
          .addJavadoc(
              Javadoc.of(
                  "Changes the entity {@code id} with {@code updater}, which gets the current"
                      + " state and returns the new one."
                      + guarantees,
                  "updater",
                  NoSuchElementException.class))
          .addParameter(
              ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), model.entity()),
              "updater")
          .addStatement("return store.modifyWith(id, updater)")
          .build();
    }
    return method
        .addJavadoc(
            Javadoc.of(
                "Changes the entity {@code id} with {@code edit}, which gets a copy and changes it."
                    + guarantees,
                "edit",
                NoSuchElementException.class))
        .addParameter(consumerOf(model.entity()), "edit")
        .addStatement("return store.modify(id, edit)")
        .build();
  }

  private static MethodSpec local(EntityModel model, TypeName idType, String which) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(model.immutable() ? "localWith" : "local")
            .addModifiers(Modifier.PUBLIC)
            .returns(model.entity())
            .addParameter(idType, "id");
    String guarantees =
        " The change is visible at once, is never sent, and no server state, confirm or rollback"
            + " overwrites it.\n\n"
            + ID
            + "\n@param edit the change of local-only values\n"
            + "@return a copy of the entity after the edit\n"
            + "@throws IllegalArgumentException if the edit changed a synced field (named in the"
            + " message); the store is then unchanged\n"
            + NOT_VISIBLE;
    if (model.immutable()) {
      return method
          .addJavadoc(
              Javadoc.of(
                  "Changes local-only values ($L) of the entity {@code id}: {@code edit} gets the"
                      + " current state and returns the edited one."
                      + guarantees,
                  which,
                  NoSuchElementException.class))
          .addParameter(
              ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), model.entity()), "edit")
          .addStatement("return store.localWith(id, edit)")
          .build();
    }
    return method
        .addJavadoc(
            Javadoc.of(
                "Changes local-only values ($L) of the entity {@code id}: {@code edit} gets a copy"
                    + " and changes it."
                    + guarantees,
                which,
                NoSuchElementException.class))
        .addParameter(consumerOf(model.entity()), "edit")
        .addStatement("return store.local(id, edit)")
        .build();
  }

  private static MethodSpec pendingFields(ClassName field, TypeName idType, TypeName mutation) {
    TypeName mutations = ParameterizedTypeName.get(ClassName.get(List.class), mutation);
    TypeName typed = ParameterizedTypeName.get(ClassName.get(Map.class), field, mutations);
    TypeName untyped =
        ParameterizedTypeName.get(ClassName.get(Map.class), Code.ENTITY_FIELD, mutations);
    return MethodSpec.methodBuilder("pendingFields")
        .addJavadoc(
            Javadoc.of(
                "Which synced fields of the entity {@code id} are pending, and from which"
                    + " mutations (oldest first), in declaration order: the data behind a"
                    + " field-level spinner. Empty when nothing is pending; a new map the caller"
                    + " owns.\n\n"
                    + ID
                    + "\n@return the pending fields, each with its mutations"))
        .addModifiers(Modifier.PUBLIC)
        .returns(typed)
        .addParameter(idType, "id")
        .addStatement("$T pending =$Wstore.pendingFields(id)", untyped)
        .addStatement("$T byField =$Wnew $T<>($T.class)", typed, EnumMap.class, field)
        .addStatement("pending.forEach((f, m) -> byField.put($T.of(f), m))", field)
        .addStatement("return byField")
        .build();
  }

  private static TypeName consumerOf(ClassName entity) {
    return ParameterizedTypeName.get(
        ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(entity));
  }

  /** The names of the given properties, each in a Javadoc code tag, comma-separated. */
  private static String names(List<Property> properties) {
    return properties.stream()
        .map(p -> "{@code " + p.name() + "}")
        .collect(Collectors.joining(", "));
  }

  /** An example use of the patch operator, for example {@code (p -> p.title(...))}. */
  private static String example(EntityModel model) {
    List<Property> plain =
        model.synced().stream().filter(p -> p.role() == Property.Role.PLAIN).limit(2).toList();
    if (plain.isEmpty()) {
      return "";
    }
    return " (for example {@code p -> p"
        + plain.stream().map(p -> "." + p.name() + "(...)").collect(Collectors.joining())
        + "})";
  }
}
