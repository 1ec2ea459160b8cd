package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;

/** {@link JsonTokens} over Jackson 2 ({@code com.fasterxml.jackson})'s parser and generator. */
final class Jackson2Tokens {

  private Jackson2Tokens() {}

  static boolean startArray(JsonInput in, String entity, String field) throws IOException {
    return start(JacksonInput.parser(in), JsonToken.START_ARRAY, "an array", entity, field);
  }

  static boolean startObject(JsonInput in, String entity, String field) throws IOException {
    return start(JacksonInput.parser(in), JsonToken.START_OBJECT, "an object", entity, field);
  }

  private static boolean start(
      JsonParser parser, JsonToken start, String expected, String entity, String field) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != start) {
      throw unexpected(entity, field, expected, token);
    }
    return true;
  }

  static boolean nextElement(JsonInput in) throws IOException {
    return JacksonInput.parser(in).nextToken() != JsonToken.END_ARRAY;
  }

  static String nextKey(JsonInput in) throws IOException {
    JsonParser parser = JacksonInput.parser(in);
    String key = parser.nextFieldName();
    if (key != null) {
      parser.nextToken();
    }
    return key;
  }

  static byte[] readBinary(JsonInput in, String entity, String field) throws IOException {
    JsonParser parser = JacksonInput.parser(in);
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(entity, field, "a Base64 string", token);
    }
    return parser.getBinaryValue();
  }

  private static BadServerDataException unexpected(
      String entity, String field, String expected, JsonToken token) {
    return new BadServerDataException(
        entity, null, field, "expected " + expected + ", found " + describe(token));
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
      case START_OBJECT -> "OBJECT";
      case START_ARRAY -> "ARRAY";
      default -> token.name();
    };
  }

  static void startArray(JsonOutput out) throws IOException {
    JacksonOutput.generator(out).writeStartArray();
  }

  static void endArray(JsonOutput out) throws IOException {
    JacksonOutput.generator(out).writeEndArray();
  }

  static void key(JsonOutput out, String key) throws IOException {
    JacksonOutput.generator(out).writeFieldName(key);
  }

  static void writeBinary(JsonOutput out, byte[] value) throws IOException {
    JacksonOutput.generator(out).writeBinary(value);
  }
}
