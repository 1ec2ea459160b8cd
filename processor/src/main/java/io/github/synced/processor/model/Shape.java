package io.github.synced.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * The shape of a synced value, as far as generated code cares: how to copy it, compare it and read
 * and write it as JSON. A value is a {@link Scalar} (a primitive, a boxed primitive, {@code
 * String}, an enum, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, a {@code java.time}
 * value), or a collection ({@link Many}), a map ({@link Keyed}) or an {@code Optional} ({@link
 * Maybe}) of supported values.
 */
public sealed interface Shape {

  /** The declared Java type. */
  TypeName type();

  /**
   * Whether values of this shape are immutable, so that generated code shares them between copies
   * instead of copying them.
   */
  default boolean immutable() {
    return true;
  }

  /**
   * A single value of a {@link ValueKind}.
   *
   * @param type its type, primitive or not
   * @param kind what it is
   */
  record Scalar(TypeName type, ValueKind kind) implements Shape {}

  /**
   * A collection of values.
   *
   * @param type the declared type, for example {@code List<String>}
   * @param container the collection interface it is declared as
   * @param element the elements' shape
   */
  record Many(TypeName type, Container container, Shape element) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /**
   * A map of values by keys that are scalars, written as a JSON object whose property names are the
   * keys.
   *
   * @param type the declared type, for example {@code Map<String, Integer>}
   * @param container the map interface it is declared as
   * @param key the keys' shape
   * @param value the values' shape
   */
  record Keyed(TypeName type, Container container, Scalar key, Shape value) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /**
   * An optional value: {@code Optional<T>}, whose element is {@code T}, or {@code OptionalInt},
   * {@code OptionalLong} or {@code OptionalDouble}, whose element is the primitive. Immutable when
   * its element is. JSON {@code null} is the empty value.
   *
   * @param type the declared type
   * @param element the shape of the value inside
   */
  record Maybe(TypeName type, Shape element) implements Shape {
    @Override
    public boolean immutable() {
      return element.immutable();
    }
  }

  /**
   * An array of single values, primitive or not: cloned wherever it moves, compared with {@code
   * Arrays.equals}; a {@code byte[]} is a Base64 string in JSON, other arrays JSON arrays.
   *
   * @param type the array type, for example {@code byte[]}
   * @param component the components' shape
   */
  record Array(TypeName type, Scalar component) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /**
   * A record of supported values, used as one value: immutable (its components are), so shared
   * between copies and compared with its own {@code equals}; a JSON object of its components.
   *
   * @param type the record
   * @param components its components in declaration order
   */
  record Composite(com.palantir.javapoet.ClassName type, java.util.List<Component> components)
      implements Shape {
    /** Copies the components, so the model stays immutable. */
    public Composite {
      components = java.util.List.copyOf(components);
    }
  }

  /**
   * A component of a {@link Composite}.
   *
   * @param name its name, which is its JSON property
   * @param shape its shape: a scalar, a record, or an optional of one
   */
  record Component(String name, Shape shape) {}

  /**
   * Another {@code @Synced} type held as one nested object: copied deeply through its generated
   * {@code XSync}, merged field by field (its local-only fields kept), read and written through its
   * {@code XJson}.
   *
   * @param type the nested entity type
   * @param prefix the prefix of its generated types' names, as {@code EntityModel} has it
   * @param id the type of its {@code @SyncId}, boxed ({@code null} if it has none)
   */
  record Nested(com.palantir.javapoet.ClassName type, String prefix, TypeName id) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }

    /** Its generated type with {@code suffix}, for example {@code AddressSync}. */
    public com.palantir.javapoet.ClassName generated(String suffix) {
      return com.palantir.javapoet.ClassName.get(type.packageName(), prefix + suffix);
    }
  }

  /** The interfaces a collection or map may be declared as, and what generated code copies into. */
  enum Container {
    COLLECTION("java.util.Collection", "java.util.ArrayList"),
    LIST("java.util.List", "java.util.ArrayList"),
    SET("java.util.Set", "java.util.LinkedHashSet"),
    SORTED_SET("java.util.SortedSet", "java.util.TreeSet"),
    NAVIGABLE_SET("java.util.NavigableSet", "java.util.TreeSet"),
    MAP("java.util.Map", "java.util.LinkedHashMap"),
    SORTED_MAP("java.util.SortedMap", "java.util.TreeMap"),
    NAVIGABLE_MAP("java.util.NavigableMap", "java.util.TreeMap");

    private final String declared;
    private final String copy;

    Container(String declared, String copy) {
      this.declared = declared;
      this.copy = copy;
    }

    /** The interface's qualified name. */
    public String declared() {
      return declared;
    }

    /** The qualified name of the class generated code copies into. */
    public String copy() {
      return copy;
    }

    /** Whether this is a map. */
    public boolean isMap() {
      return this == MAP || this == SORTED_MAP || this == NAVIGABLE_MAP;
    }

    /** Whether its elements or keys are kept in their natural order. */
    public boolean isSorted() {
      return this == SORTED_SET
          || this == NAVIGABLE_SET
          || this == SORTED_MAP
          || this == NAVIGABLE_MAP;
    }

    /** The container declared as {@code qualifiedName}, or {@code null}. */
    public static Container of(String qualifiedName) {
      for (Container c : values()) {
        if (c.declared.equals(qualifiedName)) {
          return c;
        }
      }
      return null;
    }
  }
}
