package io.github.synced.processor.scan;

import javax.lang.model.type.TypeMirror;

/**
 * Why generated code cannot hold a synced property's type, and the part of the type at fault.
 *
 * @param reason what is wrong
 * @param part the type at fault: the property's type itself, or a type argument in it
 * @param whole whether {@code part} is the property's type itself
 * @param detail what the message needs besides {@code part} (the elements' id), or {@code null}
 */
public record TypeProblem(Reason reason, TypeMirror part, boolean whole, String detail) {

  /** A problem whose message needs nothing besides {@code part}. */
  public TypeProblem(Reason reason, TypeMirror part, boolean whole) {
    this(reason, part, whole, null);
  }

  /** What is wrong with a type. */
  public enum Reason {
    /** A type generated code can neither copy safely nor read and write as JSON. */
    UNSUPPORTED,
    /**
     * A {@code @Synced} type where it cannot be merged by id: inside an {@code Optional}, an array,
     * a record or a collection inside a collection.
     */
    NESTED_ENTITY,
    /** A collection or map of {@code @Synced} elements whose type has no {@code @SyncId}. */
    ELEMENT_NO_ID,
    /**
     * A collection or map of {@code @Synced} elements whose id cannot tell them apart reliably
     * ({@code boolean}, {@code float}, {@code double}, {@code BigDecimal}).
     */
    ELEMENT_ID_TYPE,
    /**
     * A collection or map declared as a class, raw, or with a wildcard: generated code needs one of
     * the interfaces it copies into, with concrete type arguments.
     */
    CONTAINER_DECLARATION,
    /** A map whose key cannot be a JSON property name. */
    MAP_KEY,
    /** An {@code Optional} inside another type. */
    OPTIONAL_INSIDE,
    /** An array inside another type, or an array of arrays. */
    ARRAY_INSIDE,
    /**
     * A record with a component that can change after it is made, or a generic or recursive one.
     */
    RECORD_COMPONENT,
    /** A sorted set or map whose elements or keys have no natural order generated code knows. */
    UNSORTABLE
  }
}
