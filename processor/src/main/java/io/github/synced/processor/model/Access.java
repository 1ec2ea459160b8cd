package io.github.synced.processor.model;

/**
 * How generated code reaches one side (read or write) of a property.
 *
 * @param style direct field access, an accessor method, or (records, write side) the canonical
 *     constructor
 * @param name the field's or method's name; for {@link Style#CONSTRUCTOR} the component's name
 * @param converts whether the accessor's type differs from the property's (an {@code Integer}
 *     getter of an {@code int} field), so that generated code casts what it reads to the property's
 *     type
 */
public record Access(Style style, String name, boolean converts) {

  /** The ways in. */
  public enum Style {
    /** Direct field access: {@code entity.name}. */
    FIELD,
    /** An accessor: {@code entity.getName()} or {@code entity.setName(value)}. */
    METHOD,
    /** A record's canonical constructor (write side only). */
    CONSTRUCTOR
  }

  /** Through the field {@code name}. */
  public static Access field(String name) {
    return new Access(Style.FIELD, name, false);
  }

  /** Through the method {@code name}, whose type is the property's. */
  public static Access method(String name) {
    return new Access(Style.METHOD, name, false);
  }

  /** Through the method {@code name}, whose type is assignable to the property's but differs. */
  public static Access convertingMethod(String name) {
    return new Access(Style.METHOD, name, true);
  }

  /** Through the canonical constructor, as component {@code name}. */
  public static Access constructor(String name) {
    return new Access(Style.CONSTRUCTOR, name, false);
  }
}
