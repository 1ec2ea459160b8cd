package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * {@link JsonInput} over a Jackson 3 parser ({@code tools.jackson}): every check and message of a
 * generated codec, as {@link JacksonInput} gives them over Jackson 2. {@link Json3Codecs} makes one
 * where it reads through Jackson 3; a codec written by hand against Jackson 3's streaming API
 * reaches the parser with {@link #parser}.
 */
public final class Jackson3Input extends JsonInput {

  private static final String FLOATING = "a number or one of \"NaN\", \"Infinity\", \"-Infinity\"";

  private final JsonParser in;

  Jackson3Input(JsonParser in) {
    this.in = in;
  }

  /** A reader over {@code parser}, which stands before or on the start of an object. */
  public static JsonInput of(JsonParser parser) {
    return new Jackson3Input(parser);
  }

  /**
   * The Jackson 3 parser that {@code in} reads from, for codecs that read only through Jackson.
   * Where {@code in} reads a body's bytes, this does not return: {@link Json3Codecs} reads the body
   * again through Jackson 3, where this answers its parser.
   *
   * @throws IllegalArgumentException if {@code in} reads through Jackson 2
   */
  public static JsonParser parser(JsonInput in) {
    if (in instanceof Jackson3Input j) {
      return j.in;
    }
    if (in instanceof ByteInput) {
      throw Declined.INSTANCE;
    }
    throw new IllegalArgumentException(
        "this codec reads through Jackson 3's parser; read with Json3Codecs, not " + in);
  }

  @Override
  public void startObject(String entity) throws IOException {
    JsonToken start = in.currentToken() == null ? in.nextToken() : in.currentToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          entity, null, null, "expected an object, found " + describe(start));
    }
  }

  @Override
  public int nextField(JsonNames names) throws IOException {
    String name = in.nextName();
    if (name == null) {
      return END;
    }
    in.nextToken();
    return names.indexOf(name);
  }

  @Override
  public void skipValue() throws IOException {
    in.skipChildren();
  }

  @Override
  public BadServerDataException malformed(String entity, Object id, Exception e)
      throws IOException {
    if (e instanceof JacksonException j) {
      return new BadServerDataException(entity, id, in.currentName(), j.getOriginalMessage(), j);
    }
    return rethrow(e);
  }

  @Override
  boolean readNull() {
    return in.currentToken() == JsonToken.VALUE_NULL;
  }

  @Override
  BadServerDataException unparsable(String entity, String problem, RuntimeException cause)
      throws IOException {
    return new BadServerDataException(entity, null, in.currentName(), problem, cause);
  }

  private BadServerDataException unexpected(String entity, String expected) throws IOException {
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

  @Override
  public String readString(String entity) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return in.getString();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw unexpected(entity, "a string");
  }

  @Override
  public boolean readBoolean(String entity) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw unexpected(entity, "a boolean");
  }

  private void expectInteger(String entity) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(entity, "an integer");
    }
  }

  @Override
  public byte readByte(String entity) throws IOException {
    expectInteger(entity);
    return in.getByteValue();
  }

  @Override
  public short readShort(String entity) throws IOException {
    expectInteger(entity);
    return in.getShortValue();
  }

  @Override
  public int readInt(String entity) throws IOException {
    expectInteger(entity);
    return in.getIntValue();
  }

  @Override
  public long readLong(String entity) throws IOException {
    expectInteger(entity);
    return in.getLongValue();
  }

  @Override
  public BigInteger readBigInteger(String entity) throws IOException {
    if (readNull()) {
      return null;
    }
    expectInteger(entity);
    return in.getBigIntegerValue();
  }

  /** Whether the value is one of the strings written for non-finite floating-point values. */
  private boolean isNonFinite() throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      return false;
    }
    String text = in.getString();
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }

  private void expectNumber(String entity, String expected) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw unexpected(entity, expected);
    }
  }

  @Override
  public float readFloat(String entity) throws IOException {
    if (isNonFinite()) {
      return Float.parseFloat(in.getString());
    }
    expectNumber(entity, FLOATING);
    float value = in.getFloatValue();
    if (Float.isInfinite(value)) {
      throw unparsable(
          entity, "the number " + in.getString() + " is out of range of a float", null);
    }
    return value;
  }

  @Override
  public double readDouble(String entity) throws IOException {
    if (isNonFinite()) {
      return Double.parseDouble(in.getString());
    }
    expectNumber(entity, FLOATING);
    return in.getDoubleValue();
  }

  @Override
  public BigDecimal readBigDecimal(String entity) throws IOException {
    if (readNull()) {
      return null;
    }
    expectNumber(entity, "a number");
    return in.getDecimalValue();
  }

  @Override
  public char readChar(String entity) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      throw unexpected(entity, "a string");
    }
    String text = in.getString();
    if (text.length() != 1) {
      throw new BadServerDataException(
          entity, null, in.currentName(), "expected one character, found '" + text + "'");
    }
    return text.charAt(0);
  }
}
