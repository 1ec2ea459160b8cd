package io.github.synced.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the generators need to know about one {@code @Synced} type. Immutable; built by the
 * scanner after validation, read by the generators, which never see an {@code Element}.
 *
 * @param entity the entity class
 * @param generatedPrefix the prefix of the generated type names: the simple name for a top-level
 *     type, enclosing names joined by {@code _} for a nested one
 * @param immutable whether the entity is changed through the constructor that takes all its state
 *     (its canonical constructor): a record, or a class whose fields are all final, such as
 *     Lombok's {@code @Value}
 * @param properties every property in declaration order (superclass first; for a record, component
 *     order), local-only ones included
 * @param json whether to generate a JSON codec (Jackson 2 or 3 is on the class path)
 * @param mayRefuse whether setting a value runs user code that may refuse it: a setter, or a
 *     record's explicitly declared canonical (or compact) constructor
 * @param entityWarnings the lint keys ({@code deprecation}, {@code removal}) that naming the entity
 *     type raises
 * @param constructorWarnings the lint keys that calling the constructor generated code uses (the
 *     no-arg one, or a record's canonical one) raises
 * @param markGenerated whether generated types carry {@code javax.annotation.processing.Generated}:
 *     only where the entity's module reads {@code java.compiler}
 */
public record EntityModel(
    ClassName entity,
    String generatedPrefix,
    boolean immutable,
    List<Property> properties,
    boolean json,
    boolean mayRefuse,
    Set<String> entityWarnings,
    Set<String> constructorWarnings,
    boolean markGenerated) {

  /** Copies the collections, so the model stays immutable. */
  public EntityModel {
    properties = List.copyOf(properties);
    entityWarnings = Set.copyOf(entityWarnings);
    constructorWarnings = Set.copyOf(constructorWarnings);
  }

  /** The package everything is generated in. */
  public String packageName() {
    return entity.packageName();
  }

  /** The entity's simple name, used in messages. */
  public String name() {
    return entity.simpleName();
  }

  /** The synced properties in declaration order. */
  public List<Property> synced() {
    return properties.stream().filter(Property::isSynced).toList();
  }

  /**
   * The most JVM parameter slots a constructor may take besides {@code this} and one more argument:
   * the limit is 255 slots, a {@code long} or {@code double} taking two.
   */
  private static final int SLOTS = 253;

  /**
   * Whether the synced fields are too many for a constructor that takes them all (a record's
   * canonical constructor): then the snapshot is a class made from the entity, and a patch is made
   * from the patch before it.
   */
  public boolean wide() {
    return synced().stream().mapToInt(Property::slots).sum() > SLOTS;
  }

  /** How many synced fields fit the bits of one {@code long}. */
  private static final int BITS = 64;

  /**
   * Whether the synced fields are more than the bits of one {@code long}: then a set of fields is
   * an array of words, and a patch is made from the patch before it.
   */
  public boolean manyFields() {
    return synced().size() > BITS;
  }

  /** The index of {@code p} among the synced properties: its bit in a set of fields. */
  public int index(Property p) {
    int i = synced().indexOf(p);
    if (i < 0) {
      throw new IllegalArgumentException(p.name() + " is not synced");
    }
    return i;
  }

  /** The id property. */
  public Property id() {
    return properties.stream()
        .filter(p -> p.role() == Property.Role.ID)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name() + " has no id"));
  }

  /** The version property, if there is one. */
  public Optional<Property> version() {
    return properties.stream().filter(p -> p.role() == Property.Role.VERSION).findFirst();
  }

  /** The name of a generated type, for example {@code TaskSync} for suffix {@code Sync}. */
  public ClassName generated(String suffix) {
    return ClassName.get(packageName(), generatedPrefix + suffix);
  }
}
