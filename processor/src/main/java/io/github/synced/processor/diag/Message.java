package io.github.synced.processor.diag;

import javax.tools.Diagnostic;

/**
 * The catalogue of everything the processor reports. Each entry has a tag that starts its message
 * (so users can search for it), a kind, and a format string that says what is wrong and how to fix
 * it; the format strings are the documentation of the entries. Every entry is an error except
 * {@link #NO_VERSION}, a warning.
 */
public enum Message {
  NO_ID(
      "SyncedNoId",
      "@Synced type %s has no @SyncId: annotate the field (or getter) that holds the server's id"
          + " with @SyncId"),
  TWO_IDS(
      "SyncedTwoIds",
      "%s has a second @SyncId '%s' besides '%s': an entity has exactly one id; remove one of"
          + " them"),
  TWO_VERSIONS(
      "SyncedTwoVersions",
      "%s has a second @SyncVersion '%s' besides '%s': an entity has at most one version; remove"
          + " one of them"),
  LOCAL_ONLY_ID(
      "SyncedLocalOnlyId",
      "@LocalOnly on the id '%s' of %s: the id is the server's and must be synced; remove"
          + " @LocalOnly"),
  LOCAL_ONLY_VERSION(
      "SyncedLocalOnlyVersion",
      "@LocalOnly on the version '%s' of %s: the version is the server's and must be synced;"
          + " remove @LocalOnly"),
  ACCESSOR_TYPE(
      "SyncedAccessorType",
      "%s %s() of %s does not fit field '%s' of type %s: generated code cannot use it to %s the"
          + " field; make it %s %s, or make the field package-private"),
  UNREADABLE_FIELD(
      "SyncedUnreadableField",
      "field '%s' of %s is private and has no accessible getter %s(): generated code cannot read"
          + " it; make the field package-private or add a getter"),
  UNWRITABLE_FIELD(
      "SyncedUnwritableField",
      "field '%s' of %s is private and has no accessible setter %s(%s): generated code cannot"
          + " restore it; make the field package-private or add a setter"),
  FINAL_FIELD(
      "SyncedFinalField",
      "field '%s' of %s is final: generated code cannot restore or merge it in a mutable class;"
          + " make it non-final, or make %s a record"),
  NOT_A_CLASS(
      "SyncedNotAClass",
      "@Synced is on %s %s: only classes and records can be entities; move @Synced to a class or"
          + " record"),
  ABSTRACT_CLASS(
      "SyncedAbstractClass",
      "@Synced class %s is abstract: generated code must create instances of it; remove"
          + " abstract, or put @Synced on a concrete subclass"),
  INNER_CLASS(
      "SyncedInnerClass",
      "@Synced class %s is an inner class: generated code cannot create it without an enclosing"
          + " instance; make it static"),
  PRIVATE_CLASS(
      "SyncedPrivateClass",
      "@Synced type %s is not visible to generated code in package %s because %s is private; make"
          + " it package-private or public"),
  GENERIC_CLASS(
      "SyncedGenericClass",
      "@Synced type %s has type parameters: generated code needs one concrete type; remove the"
          + " type parameters, or put @Synced on a non-generic subclass"),
  NO_CONSTRUCTOR(
      "SyncedNoConstructor",
      "@Synced class %s has no accessible no-arg constructor: generated copy and JSON reading"
          + " create instances with it; add a non-private constructor that takes no arguments"),
  UNSUPPORTED_TYPE(
      "SyncedUnsupportedType",
      "field '%s' of %s has type %s, which generated code can neither copy safely nor read and"
          + " write as JSON; make it @Synced (a nested object), a record whose components are"
          + " supported types, or an immutable value type among the supported types ("
          + Message.SUPPORTED
          + "), or mark the field @LocalOnly (a local-only value is copied by reference, so give"
          + " it an immutable one)"),
  UNSUPPORTED_PART(
      "SyncedUnsupportedType",
      "field '%s' of %s has type %s, which holds %s: generated code can neither copy that safely"
          + " nor read and write it as JSON; use one of the supported types ("
          + Message.SUPPORTED
          + ") inside it, or mark the field @LocalOnly (a local-only value is copied by reference,"
          + " so give it an immutable one)"),
  ENTITY_INSIDE(
      "SyncedEntityInside",
      "field '%s' of %s has type %s, which holds the @Synced type %s where generated code cannot"
          + " merge it by id: a @Synced type is supported as a field's own type (one nested"
          + " object) and as the elements of a List, Set or Collection or the values of a Map"
          + " field, not inside an Optional, an array, a record or a collection inside a"
          + " collection; declare the field as one of those (null for none instead of an"
          + " Optional, a List instead of an array), hold the nested entities' ids instead, or"
          + " mark the field @LocalOnly (a local-only value is copied by reference)"),
  ELEMENT_NO_ID(
      "SyncedElementId",
      "field '%s' of %s has type %s, whose @Synced elements of type %s have no @SyncId: a"
          + " collection or map of entities is merged by its elements' ids, keeping each"
          + " element's local-only fields; add @SyncId to the id of %4$s, or mark the field"
          + " @LocalOnly"),
  ELEMENT_ID_TYPE(
      "SyncedElementId",
      "field '%s' of %s has type %s, whose @Synced elements of type %s have the id %s, which"
          + " cannot tell elements apart reliably when they are merged by id (a boolean has two"
          + " values; float, double and BigDecimal values the server means as one number can"
          + " differ in equals); give %4$s an id of type String, an integer type or UUID, or mark"
          + " the field @LocalOnly"),
  CONTAINER_TYPE(
      "SyncedContainerType",
      "field '%s' of %s has type %s, in which generated code cannot copy %s into a type of its"
          + " own; declare it as one of "
          + Message.CONTAINERS
          + " with type arguments that are neither wildcards nor missing, for example"
          + " List<String> or Map<String, Integer>"),
  MAP_KEY(
      "SyncedMapKey",
      "field '%s' of %s has type %s, whose key type %s cannot be a JSON property name; use String,"
          + " an enum, UUID, an integer, BigDecimal or a java.time type as the key"),
  OPTIONAL_INSIDE(
      "SyncedOptionalInside",
      "field '%s' of %s has type %s, which holds %s inside another type: Optional is supported"
          + " only as the type of a field itself (JSON null is its empty value); inside a"
          + " collection or map hold the value itself, with null for none"),
  ARRAY_INSIDE(
      "SyncedArrayInside",
      "field '%s' of %s has type %s, which holds the array type %s inside another type: there it"
          + " would be compared and hashed by identity, not by its elements; use a List instead of"
          + " that array (List<Byte>, List<String>), or a field of the array type itself"),
  RECORD_COMPONENT(
      "SyncedRecordComponent",
      "field '%s' of %s has type %s, which holds a record with a component of type %s, which can"
          + " change after the record is made: generated code shares a record between copies, so"
          + " its components must be immutable; give the component a supported value type, a"
          + " record or an Optional of one, or mark the field @LocalOnly"),
  UNSORTABLE(
      "SyncedUnsortable",
      "field '%s' of %s has type %s, whose elements or keys of type %s have no natural order to"
          + " sort them by; use a List, Set or Map instead, or a type with a natural order"),
  ID_TYPE(
      "SyncedIdType",
      "@SyncId '%s' of %s has type %s, which cannot be an id: an id is a single value that names"
          + " the entity in URLs and maps; use a String, a number, a UUID or another single value"),
  UNORDERED_VERSION(
      "SyncedUnorderedVersion",
      "@SyncVersion '%s' of %s has type %s, which Synced cannot use as a version: versions are"
          + " compared to drop stale server states, so they need a numeric or time order (a String"
          + " compares \"9\" after \"10\"); accepted version types: "
          + Message.VERSION_TYPES
          + "; change its type (parse a textual version into a long), or move @SyncVersion"),
  STATIC_KEY(
      "SyncedStaticKey",
      "@%s on static field '%s' of %s: a static field is not entity state; put @%s on an instance"
          + " field"),
  TRANSIENT_STATE(
      "SyncedTransientState",
      "@%s on transient field '%s' of %s: Synced skips transient fields, so its value would be lost"
          + " on every copy, merge and rollback; remove transient (@LocalOnly alone keeps a field"
          + " from the server)"),
  ON_INTERFACE(
      "SyncedOnInterface",
      "@%s on '%s' of interface %s: Synced reads its annotations from the fields and"
          + " getters of an entity and its superclasses, never from interfaces; put @%s on the"
          + " field or getter in the class that implements %s"),
  OUTSIDE_ENTITY(
      "SyncedOutsideEntity",
      "@%s on '%s' of %s, which is neither @Synced nor a superclass of a @Synced type; annotate %s"
          + " with @Synced, or remove @%s"),
  NOT_A_PROPERTY(
      "SyncedNotAProperty",
      "@%s on method %s() of %s, which is not the getter of a field; put @%s on the field or on its"
          + " getter"),
  CASE_CLASH(
      "SyncedCaseClash",
      "fields '%s' and '%s' of %s differ only in the case of their first letter, so they share"
          + " the accessor and generated method names %s; rename one of them"),
  RESERVED_NAME(
      "SyncedReservedName",
      "field '%s' of %s has a name that the generated %s already uses for one of its own members"
          + " or for a type it refers to; rename the field"),
  CONSTANT_CLASH(
      "SyncedConstantClash",
      "synced fields '%s' and '%s' of %s both become the constant %s of the generated %s; rename"
          + " one of them"),
  HIDDEN_FIELD(
      "SyncedHiddenField",
      "field '%s' of %s has the same name as field '%s' of its superclass %s, and generated code"
          + " reaches both by that name, so it cannot tell them apart; rename one of them, or mark"
          + " the superclass's field transient if it is not entity state (@LocalOnly does not"
          + " help)"),
  INACCESSIBLE_TYPE(
      "SyncedInaccessibleType",
      "field '%1$s' of %2$s has type %3$s, which generated code in package %4$s cannot access"
          + " because %5$s is %6$s; make %5$s public, or package-private if it is in package"
          + " %4$s"),
  DOLLAR_NAME(
      "SyncedDollarName",
      "field '%s' of %s has a '$' in its name, which the generated methods, constants and"
          + " Javadoc are named after; rename the field"),
  JSON_NAME(
      "SyncedJsonName",
      Diagnostic.Kind.WARNING,
      "field '%s' of %s carries @%s, which the generated %s does not honour: it reads and writes"
          + " only the JSON property '%s' (the field's name, or the one @JsonProperty gives it)"
          + " and never ignores a synced field; keep the field from the server with @LocalOnly,"
          + " or, where %s is not used, annotate the field or %s with"
          + " @SuppressWarnings(\"SyncedJsonName\")"),
  JSON_NAME_CLASH(
      "SyncedJsonNameClash",
      "synced fields '%s' and '%s' of %s both read and write the JSON property '%s'; give one of"
          + " them another name or @JsonProperty"),
  LOMBOK_ACCESSORS(
      "SyncedLombokAccessors",
      "@Synced type %s uses Lombok's @Accessors(%s), whose accessors are not JavaBeans getters"
          + " and setters (getTitle, isDone, setTitle), which Synced reads and writes; remove %s"
          + " (chain = true works), or make the fields package-private so that generated code uses"
          + " them directly"),
  INTERFACE_ANNOTATION(
      "SyncedOnInterface",
      "@%s on '%s' of interface %s, which %s implements: Synced reads its annotations from the"
          + " fields and getters of an entity and its superclasses, never from interfaces, so it"
          + " would treat '%s' as %s; put @%s on the field or getter in %s"),
  LOMBOK_NOT_RUN(
      "SyncedLombokNotRun",
      "@Synced type %s uses Lombok (%s), but Lombok's annotation processor did not run on it, so"
          + " the getters and setters it adds are missing; add org.projectlombok:lombok to the"
          + " annotation processor path beside synced-processor (annotationProcessorPaths in"
          + " Maven, annotationProcessor in Gradle; either order works): naming any processor"
          + " there turns off the discovery of all others"),
  UNRESOLVED_TYPE(
      "SyncedUnresolvedType",
      "field '%s' of %s has type %s, which could not be resolved; nothing was generated for %s"),
  UNEXPECTED(
      "SyncedUnexpected",
      "Synced could not process %s because of an unexpected %s; this is a bug in Synced, please"
          + " report it with this message and the entity's source: %s"),
  NAME_TAKEN(
      "SyncedNameTaken",
      "Synced generates %1$s for %2$s, but a type %3$s already exists (compiled on the class path,"
          + " or among the sources) and the generated one would silently replace it; rename that"
          + " type, or move %2$s to another package"),
  WRITE_FAILED(
      "SyncedWriteFailed",
      "could not write %s for %s (%s): another type in this compilation generates the same"
          + " name; rename one of them"),
  NO_VERSION(
      "SyncedNoVersion",
      Diagnostic.Kind.WARNING,
      "%s has no @SyncVersion: out-of-order responses cannot be detected without it; add"
          + " @SyncVersion to the server's version or updatedAt field, or, for a server without"
          + " versions, annotate %s (or a class that encloses it) with"
          + " @SuppressWarnings(\"SyncedNoVersion\")");

  /** The field types the processor supports, listed in messages. */
  public static final String SUPPORTED =
      "primitives, boxed primitives, String, enums, BigDecimal, BigInteger, UUID and the java.time"
          + " types Instant, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, OffsetTime,"
          + " ZonedDateTime, Duration, Period, Year, YearMonth, MonthDay; collections and maps of"
          + " them (Collection, List, Set, SortedSet, NavigableSet, Map, SortedMap, NavigableMap),"
          + " nested too; Optional of them, OptionalInt, OptionalLong and OptionalDouble; arrays"
          + " of them (byte[], String[]); Currency; records whose components are of those"
          + " types, records, or Optional of them; a @Synced type, as one nested object, and List, Set,"
          + " Collection and Map (values) of a @Synced type with a @SyncId, merged by id";

  /** The interfaces a collection or map may be declared as, listed in messages. */
  public static final String CONTAINERS =
      "Collection, List, Set, SortedSet, NavigableSet, Map, SortedMap or NavigableMap";

  /** The types a {@code @SyncVersion} may have, listed in messages. */
  public static final String VERSION_TYPES =
      "byte, short, int, long, float, double and their boxed types, BigInteger, BigDecimal, and"
          + " the java.time types Instant, LocalDate, LocalDateTime, OffsetDateTime, ZonedDateTime";

  private final String tag;
  private final Diagnostic.Kind kind;
  private final String format;

  Message(String tag, String format) {
    this(tag, Diagnostic.Kind.ERROR, format);
  }

  Message(String tag, Diagnostic.Kind kind, String format) {
    this.tag = tag;
    this.kind = kind;
    this.format = format;
  }

  /** The tag, for example {@code SyncedNoId}. */
  public String tag() {
    return tag;
  }

  /** Whether this is an error or a warning. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The full message text for {@code args}, starting with the tag in brackets. */
  public String format(Object... args) {
    return "[" + tag + "] " + String.format(format, args);
  }
}
