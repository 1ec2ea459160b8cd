package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The values of synced fields read from and written to Jackson's streaming API: what every
 * generated codec ({@code TaskJson}) does per field, written once. Generated code calls it; it is
 * public only for that.
 *
 * <p><b>Reading.</b> Each {@code read} method is called with the parser on a property's value, and
 * returns it or throws a {@link BadServerDataException} naming the entity and the property ({@link
 * JsonParser#currentName()}), never the id, which the codec adds with {@link #withId}. A {@code
 * null} is accepted for reference types and refused for primitives. Enums, {@code UUID} and {@code
 * java.time} values are strings; floating-point fields also accept the strings {@code NaN}, {@code
 * Infinity} and {@code -Infinity}, which is how non-finite values are written.
 *
 * <p><b>Writing.</b> Each {@code write} method writes one value, {@code null} as JSON {@code null}.
 */
public final class JsonValues {

  private JsonValues() {}

  /** {@return a property name encoded once, to be written many times} */
  public static SerializableString name(String name) {
    return new SerializedString(name);
  }

  // ------------------------------------------------------------------ reading: objects and errors

  /**
   * Moves {@code in} onto the start of an object where it stands before one.
   *
   * @param entity the entity's name, for messages
   * @throws BadServerDataException if the value is not an object
   */
  public static void startObject(JsonParser in, String entity) throws IOException {
    JsonToken start = in.currentToken() == null ? in.nextToken() : in.currentToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          entity, null, null, "expected an object, found " + describe(start));
    }
  }

  /**
   * {@code e} naming {@code id}, where the value that failed came before the id was read or the id
   * was not yet known to the reader.
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

  /** Malformed JSON met while reading one object, naming the property the parser was in. */
  public static BadServerDataException malformed(
      String entity, Object id, JsonParser in, JsonProcessingException e) throws IOException {
    return new BadServerDataException(entity, id, in.currentName(), e.getOriginalMessage(), e);
  }

  private static BadServerDataException unexpected(JsonParser in, String entity, String expected)
      throws IOException {
    return new BadServerDataException(
        entity,
        null,
        in.currentName(),
        "expected " + expected + ", found " + describe(in.currentToken()));
  }

  /** {@return the JSON type of {@code token}, for messages} */
  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case VALUE_STRING -> "STRING";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
      case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "OBJECT";
      case START_ARRAY -> "ARRAY";
      default -> token.name();
    };
  }

  // ------------------------------------------------------------------ reading: values

  /** A string or {@code null}. */
  public static String readString(JsonParser in, String entity) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return in.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw unexpected(in, entity, "a string");
  }

  /** {@code true} or {@code false}. */
  public static boolean readBoolean(JsonParser in, String entity) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw unexpected(in, entity, "a boolean");
  }

  /** {@code true}, {@code false} or {@code null}. */
  public static Boolean readBoxedBoolean(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readBoolean(in, entity);
  }

  /** The integer, refused where it is no JSON integer. */
  private static void expectInteger(JsonParser in, String entity) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(in, entity, "an integer");
    }
  }

  /** An integer that fits a {@code byte}. */
  public static byte readByte(JsonParser in, String entity) throws IOException {
    expectInteger(in, entity);
    return in.getByteValue();
  }

  /** An integer that fits a {@code byte}, or {@code null}. */
  public static Byte readBoxedByte(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readByte(in, entity);
  }

  /** An integer that fits a {@code short}. */
  public static short readShort(JsonParser in, String entity) throws IOException {
    expectInteger(in, entity);
    return in.getShortValue();
  }

  /** An integer that fits a {@code short}, or {@code null}. */
  public static Short readBoxedShort(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readShort(in, entity);
  }

  /** An integer that fits an {@code int}. */
  public static int readInt(JsonParser in, String entity) throws IOException {
    expectInteger(in, entity);
    return in.getIntValue();
  }

  /** An integer that fits an {@code int}, or {@code null}. */
  public static Integer readBoxedInt(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readInt(in, entity);
  }

  /** An integer that fits a {@code long}. */
  public static long readLong(JsonParser in, String entity) throws IOException {
    expectInteger(in, entity);
    return in.getLongValue();
  }

  /** An integer that fits a {@code long}, or {@code null}. */
  public static Long readBoxedLong(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readLong(in, entity);
  }

  /** An integer of any size, or {@code null}. */
  public static BigInteger readBigInteger(JsonParser in, String entity) throws IOException {
    if (in.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectInteger(in, entity);
    return in.getBigIntegerValue();
  }

  /** Whether the value is one of the strings written for non-finite floating-point values. */
  private static boolean isNonFinite(JsonParser in) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      return false;
    }
    String text = in.getText();
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }

  /** The value, refused where it is no JSON number. */
  private static void expectNumber(JsonParser in, String entity, String expected)
      throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw unexpected(in, entity, expected);
    }
  }

  private static final String FLOATING = "a number or one of \"NaN\", \"Infinity\", \"-Infinity\"";

  /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public static float readFloat(JsonParser in, String entity) throws IOException {
    if (isNonFinite(in)) {
      return Float.parseFloat(in.getText());
    }
    expectNumber(in, entity, FLOATING);
    return in.getFloatValue();
  }

  /** As {@link #readFloat}, or {@code null}. */
  public static Float readBoxedFloat(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readFloat(in, entity);
  }

  /** A number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
  public static double readDouble(JsonParser in, String entity) throws IOException {
    if (isNonFinite(in)) {
      return Double.parseDouble(in.getText());
    }
    expectNumber(in, entity, FLOATING);
    return in.getDoubleValue();
  }

  /** As {@link #readDouble}, or {@code null}. */
  public static Double readBoxedDouble(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readDouble(in, entity);
  }

  /** A number, exactly as written, or {@code null}. */
  public static BigDecimal readBigDecimal(JsonParser in, String entity) throws IOException {
    if (in.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expectNumber(in, entity, "a number");
    return in.getDecimalValue();
  }

  /** A string of exactly one character. */
  public static char readChar(JsonParser in, String entity) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      throw unexpected(in, entity, "a string");
    }
    String text = in.getText();
    if (text.length() != 1) {
      throw new BadServerDataException(
          entity, null, in.currentName(), "expected one character, found '" + text + "'");
    }
    return text.charAt(0);
  }

  /** A string of exactly one character, or {@code null}. */
  public static Character readBoxedChar(JsonParser in, String entity) throws IOException {
    return in.currentToken() == JsonToken.VALUE_NULL ? null : readChar(in, entity);
  }

  /** A UUID in its string form, or {@code null}. */
  public static UUID readUuid(JsonParser in, String entity) throws IOException {
    return readParsed(in, entity, UUID::fromString, "a UUID");
  }

  /**
   * A string parsed by {@code parse}, or {@code null}: for {@code java.time} values, {@code
   * LocalDate::parse}.
   *
   * @param what the value expected, for messages: {@code "an ISO-8601 LocalDate"}
   * @throws BadServerDataException with the parser's exception as its cause, if {@code parse}
   *     refuses the string
   */
  public static <T> T readParsed(
      JsonParser in, String entity, Function<String, T> parse, String what) throws IOException {
    String text = readString(in, entity);
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new BadServerDataException(
          entity, null, in.currentName(), "'" + text + "' is not " + what, e);
    }
  }

  /**
   * The name of a constant of an enum, or {@code null}.
   *
   * @param valueOf the enum's {@code valueOf}
   * @param values the enum's {@code values}, called only for the message when the name is unknown
   * @param type the enum's simple name, for the message
   */
  public static <T extends Enum<T>> T readEnum(
      JsonParser in, String entity, Function<String, T> valueOf, Supplier<T[]> values, String type)
      throws IOException {
    String text = readString(in, entity);
    if (text == null) {
      return null;
    }
    try {
      return valueOf.apply(text);
    } catch (IllegalArgumentException e) {
      throw new BadServerDataException(
          entity,
          null,
          in.currentName(),
          "'"
              + text
              + "' is not a constant of "
              + type
              + "; expected one of "
              + Arrays.toString(values.get()),
          e);
    }
  }

  // ------------------------------------------------------------------ writing

  /** Writes {@code value} as a string, or {@code null}. */
  public static void writeString(JsonGenerator out, String value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  /**
   * Writes {@code value} as the string of its {@code toString()}, or {@code null}: for {@code
   * Character}, {@code UUID} and {@code java.time} values.
   */
  public static void writeText(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  /** Writes the name of {@code value}, or {@code null}. */
  public static void writeEnum(JsonGenerator out, Enum<?> value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.name());
    }
  }

  /** Writes {@code value}, or {@code null}. */
  public static void writeBoolean(JsonGenerator out, Boolean value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      out.writeBoolean(value);
    }
  }

  /** Writes {@code value} as a number, a non-finite value as its string ({@code "NaN"}). */
  public static void writeDouble(JsonGenerator out, double value) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /** Writes {@code value} as a number, a non-finite value as its string ({@code "NaN"}). */
  public static void writeFloat(JsonGenerator out, float value) throws IOException {
    if (Float.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /**
   * Writes a boxed number or {@code null}: integers as integers, {@code Float} and {@code Double}
   * as {@link #writeFloat} and {@link #writeDouble} do, {@code BigDecimal} exactly.
   */
  public static void writeNumber(JsonGenerator out, Number value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Double d) {
      writeDouble(out, d);
    } else if (value instanceof Float f) {
      writeFloat(out, f);
    } else if (value instanceof BigDecimal d) {
      out.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      out.writeNumber(i);
    } else if (value instanceof Long l) {
      out.writeNumber(l.longValue());
    } else {
      out.writeNumber(value.intValue());
    }
  }
}
