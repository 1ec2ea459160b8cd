package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a generated codec ({@code TaskJson}) reads one JSON object through: the properties one at a
 * time, each value by its field's type. Three readers implement it: one over a Jackson 2 parser
 * ({@link JacksonInput}), one over a Jackson 3 parser ({@link Jackson3Input}), and one over the
 * bytes of a whole document, which {@link JsonCodecs} and {@link Json3Codecs} use for HTTP bodies:
 * it reads the JSON its codec reads without Jackson's tokens and strings, and where it meets
 * anything it does not handle exactly as Jackson would (malformed JSON, a value of the wrong type,
 * an escaped property name), the document is read again through the caller's Jackson, so values and
 * errors are Jackson's in every case. No signature here names a Jackson type.
 *
 * <p><b>Reading.</b> {@link #startObject} at the object, then {@link #nextField} until it answers
 * {@link #END}; after each field, exactly one {@code read} method or {@link #skipValue}. A {@code
 * null} is accepted for reference types and refused for primitives. Enums, {@code UUID} and {@code
 * java.time} values are strings; floating-point fields also accept the strings {@code NaN}, {@code
 * Infinity} and {@code -Infinity}, which is how non-finite values are written. A value that does
 * not fit fails with a {@link BadServerDataException} naming the entity and the property, never the
 * id, which the codec adds with {@link #withId}.
 *
 * <p>Public for generated code; only this package implements it.
 */
public abstract class JsonInput {

  /** {@link #nextField} at the end of the object. */
  public static final int END = -2;

  /** {@link #nextField} for a property that is none of the names: skip its value. */
  public static final int UNKNOWN = -1;

  JsonInput() {}

  /**
   * Moves onto the start of an object.
   *
   * @param entity the entity's name, for messages
   * @throws BadServerDataException if the value is not an object
   */
  public abstract void startObject(String entity) throws IOException;

  /**
   * Moves to the next property of the object and onto its value.
   *
   * @return the index of its name among {@code names}, {@link #UNKNOWN} for another name (skip the
   *     value), or {@link #END} where the object ends
   */
  public abstract int nextField(JsonNames names) throws IOException;

  /** Skips the current value, with everything nested in it. */
  public abstract void skipValue() throws IOException;

  /**
   * What a codec throws for {@code e}, which reading an object raised: bad server data naming
   * {@code id} and the property where {@code e} is the reader's Jackson saying the input is not
   * well-formed JSON (or a number does not fit); any other exception is thrown again as it is.
   *
   * @param id the entity's id as far as it was read, or {@code null}
   * @throws IOException {@code e} itself, where it is an I/O failure of another kind
   */
  public abstract BadServerDataException malformed(String entity, Object id, Exception e)
      throws IOException;

  /** Throws {@code e}, which is an {@code IOException} or unchecked: for {@link #malformed}. */
  static BadServerDataException rethrow(Exception e) throws IOException {
    if (e instanceof IOException io) {
      throw io;
    }
    throw (RuntimeException) e;
  }

  /** Whether the value is {@code null}, which it then consumes. */
  abstract boolean readNull() throws IOException;

  /**
   * Bad server data about the current value, whose string could not be made into its type; the byte
   * reader declines instead.
   */
  abstract BadServerDataException unparsable(String entity, String problem, RuntimeException cause)
      throws IOException;

  // ------------------------------------------------------------------ values

  /** A string or {@code null}. */
  public abstract String readString(String entity) throws IOException;

  /** {@code true} or {@code false}. */
  public abstract boolean readBoolean(String entity) throws IOException;

  /** {@code true}, {@code false} or {@code null}. */
  public Boolean readBoxedBoolean(String entity) throws IOException {
    return readNull() ? null : readBoolean(entity);
  }

  /** An integer that fits a {@code byte}. */
  public abstract byte readByte(String entity) throws IOException;

  /** An integer that fits a {@code byte}, or {@code null}. */
  public Byte readBoxedByte(String entity) throws IOException {
    return readNull() ? null : readByte(entity);
  }

  /** An integer that fits a {@code short}. */
  public abstract short readShort(String entity) throws IOException;

  /** An integer that fits a {@code short}, or {@code null}. */
  public Short readBoxedShort(String entity) throws IOException {
    return readNull() ? null : readShort(entity);
  }

  /** An integer that fits an {@code int}. */
  public abstract int readInt(String entity) throws IOException;

  /** An integer that fits an {@code int}, or {@code null}. */
  public Integer readBoxedInt(String entity) throws IOException {
    return readNull() ? null : readInt(entity);
  }

  /** An integer that fits a {@code long}. */
  public abstract long readLong(String entity) throws IOException;

  /** An integer that fits a {@code long}, or {@code null}. */
  public Long readBoxedLong(String entity) throws IOException {
    return readNull() ? null : readLong(entity);
  }

  /** An integer of any size, or {@code null}. */
  public abstract BigInteger readBigInteger(String entity) throws IOException;

  /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public abstract float readFloat(String entity) throws IOException;

  /** As {@link #readFloat}, or {@code null}. */
  public Float readBoxedFloat(String entity) throws IOException {
    return readNull() ? null : readFloat(entity);
  }

  /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public abstract double readDouble(String entity) throws IOException;

  /** As {@link #readDouble}, or {@code null}. */
  public Double readBoxedDouble(String entity) throws IOException {
    return readNull() ? null : readDouble(entity);
  }

  /** A number, exactly as written, or {@code null}. */
  public abstract BigDecimal readBigDecimal(String entity) throws IOException;

  /** A string of exactly one character. */
  public abstract char readChar(String entity) throws IOException;

  /** A string of exactly one character, or {@code null}. */
  public Character readBoxedChar(String entity) throws IOException {
    return readNull() ? null : readChar(entity);
  }

  /** A UUID in its string form, or {@code null}. */
  public UUID readUuid(String entity) throws IOException {
    return readParsed(entity, UUID::fromString, "a UUID");
  }

  /**
   * A string parsed by {@code parse}, or {@code null}: for {@code java.time} values, {@code
   * LocalDate::parse}.
   *
   * @param what the value expected, for messages: {@code "an ISO-8601 LocalDate"}
   * @throws BadServerDataException with the parser's exception as its cause, if {@code parse}
   *     refuses the string
   */
  public <T> T readParsed(String entity, Function<String, T> parse, String what)
      throws IOException {
    String text = readString(entity);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw unparsable(entity, "'" + text + "' is not " + what, e);
    }
  }

  /**
   * The name of a constant of an enum, or {@code null}.
   *
   * @param valueOf the enum's {@code valueOf}
   * @param values the enum's {@code values}, called only for the message when the name is unknown
   * @param type the enum's simple name, for the message
   */
  public <T extends Enum<T>> T readEnum(
      String entity, Function<String, T> valueOf, Supplier<T[]> values, String type)
      throws IOException {
    String text = readString(entity);
    if (text == null) {
      return null;
    }
    try {
      return valueOf.apply(text);
    } catch (IllegalArgumentException e) {
      throw unparsable(
          entity,
          "'"
              + text
              + "' is not a constant of "
              + type
              + "; expected one of "
              + java.util.Arrays.toString(values.get()),
          e);
    }
  }

  // ------------------------------------------------------------------ errors the codec makes

  /**
   * {@code e} naming {@code id}, where the value that failed came before the id was read, or the
   * reader could not know it.
   */
  public static BadServerDataException withId(BadServerDataException e, Object id) {
    if (e.id() != null || id == null) {
      return e;
    }
    return new BadServerDataException(e.entity(), id, e.field(), e.problem(), e.getCause());
  }

  /**
   * Bad server data: the entity (a setter, or a record's constructor) refused a value the server
   * sent; the refusal's message is the problem and the refusal the cause.
   *
   * @param field the field refused, or {@code null} where the values are refused together
   */
  public static BadServerDataException refused(
      String entity, Object id, String field, RuntimeException refusal) {
    String problem = refusal.getMessage() != null ? refusal.getMessage() : refusal.toString();
    return new BadServerDataException(entity, id, field, problem, refusal);
  }
}
