package io.github.synced.processor.model;

/**
 * How generated code reaches one side (read or write) of a property.
 *
 * @param style direct field access, an accessor method, or (records, write side) the canonical
 *     constructor
 * @param name the field's or method's name; for {@link Style#CONSTRUCTOR} the component's name
 */
public record Access(Style style, String name) {

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
    return new Access(Style.FIELD, name);
  }

  /** Through the method {@code name}. */
  public static Access method(String name) {
    return new Access(Style.METHOD, name);
  }

  /** Through the canonical constructor, as component {@code name}. */
  public static Access constructor(String name) {
    return new Access(Style.CONSTRUCTOR, name);
  }
}
