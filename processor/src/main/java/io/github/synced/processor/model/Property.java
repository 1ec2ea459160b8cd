package io.github.synced.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.Set;

/**
 * One piece of an entity's state: a field of a class (its own or inherited) or a record component.
 *
 * @param name the Java name, for example {@code updatedAt}
 * @param type the declared type (generic superclasses resolved)
 * @param shape what it holds, for a synced property; {@code null} for a local-only property of a
 *     type generated code only passes around
 * @param role whether it is the id, the version, or neither
 * @param localOnly whether it is {@code @LocalOnly}
 * @param read how generated code reads it
 * @param write how generated code sets it
 * @param typeWarnings the lint keys ({@code deprecation}, {@code removal}) that naming its type
 *     raises
 * @param readWarnings the lint keys that reading it raises
 * @param writeWarnings the lint keys that setting it raises
 * @param jsonName its JSON property: its name, or what {@code @JsonProperty} says
 */
public record Property(
    String name,
    TypeName type,
    Shape shape,
    Role role,
    boolean localOnly,
    Access read,
    Access write,
    Set<String> typeWarnings,
    Set<String> readWarnings,
    Set<String> writeWarnings,
    String jsonName) {

  /** Copies the warning sets, so the model stays immutable. */
  public Property {
    typeWarnings = Set.copyOf(typeWarnings);
    readWarnings = Set.copyOf(readWarnings);
    writeWarnings = Set.copyOf(writeWarnings);
  }

  /** The special meaning a property has for the runtime. */
  public enum Role {
    /** The {@code @SyncId} property. */
    ID,
    /** The {@code @SyncVersion} property. */
    VERSION,
    /** Any other property. */
    PLAIN
  }

  /** The kind of a single value, or {@code null} for a collection, map or optional. */
  public ValueKind kind() {
    return shape instanceof Shape.Scalar scalar ? scalar.kind() : null;
  }

  /**
   * Whether generated code copies the value where it moves between entities, snapshots and patches
   * (a collection or map of a synced property), rather than sharing it.
   */
  public boolean copied() {
    return isSynced() && shape != null && !shape.immutable();
  }

  /** Whether the value is an array, compared, hashed and printed through {@code Arrays}. */
  public boolean isArray() {
    return shape instanceof Shape.Array;
  }

  /**
   * Whether snapshots and patches hand out copies of the value and compare it by what it holds: an
   * array or a nested object, which cannot be made unmodifiable.
   */
  public boolean copiedOnRead() {
    return isArray() || isNested();
  }

  /**
   * Whether the value holds other {@code @Synced} types' objects: a nested object, or a collection
   * or map of them (merged by id). Generated code moves, merges and compares such a value only
   * through the {@code XSync} helpers named after the property.
   */
  public boolean isNested() {
    return shape instanceof Shape.Nested || entityElement() != null;
  }

  /**
   * The shape of the elements of a collection, or the values of a map, of another {@code @Synced}
   * type; {@code null} for any other value.
   */
  public Shape.Nested entityElement() {
    if (shape instanceof Shape.Many many && many.element() instanceof Shape.Nested nested) {
      return nested;
    }
    if (shape instanceof Shape.Keyed keyed && keyed.value() instanceof Shape.Nested nested) {
      return nested;
    }
    return null;
  }

  /** Whether the value is a Java primitive (never {@code null}). */
  public boolean isPrimitive() {
    return type.isPrimitive();
  }

  /** The JVM parameter slots a value of this property takes: 2 for long and double, else 1. */
  public int slots() {
    return type.equals(TypeName.LONG) || type.equals(TypeName.DOUBLE) ? 2 : 1;
  }

  /** Whether the property is synced (owned by the server). */
  public boolean isSynced() {
    return !localOnly;
  }

  /** The enum constant name of this property in the generated field enum, e.g. UPDATED_AT. */
  public String constantName() {
    return constantName(name);
  }

  /**
   * The enum constant name of a property named {@code name} in the generated field enum: upper
   * case, with an underscore before every upper-case letter that follows a lower-case one.
   */
  public static String constantName(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
