package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The structure {@link JsonValues} and {@link JsonEntities} read and write beside an object's
 * properties (arrays, objects with keys of their own, Base64 strings) on each of this package's
 * readers and writers. The byte reader and writer handle arrays and keyed objects themselves, at
 * any depth; the byte writer declines Base64 (see {@link Declined}), so such bodies are written
 * through Jackson. Jackson's own types are named only in {@link Jackson2Tokens} and {@link
 * Jackson3Tokens}, which are loaded only for their own readers and writers.
 */
final class JsonTokens {

  private JsonTokens() {}

  /**
   * Moves onto the start of an array, or consumes a {@code null}.
   *
   * @return {@code true} at an array, {@code false} for {@code null}
   * @throws BadServerDataException if the value is neither
   */
  static boolean startArray(JsonInput in, String entity, String field) throws IOException {
    if (in instanceof ByteInput bytes) {
      if (bytes.readNull()) {
        return false;
      }
      bytes.startArray();
      return true;
    }
    if (in instanceof JacksonInput) {
      return Jackson2Tokens.startArray(in, entity, field);
    }
    return Jackson3Tokens.startArray(in, entity, field);
  }

  /** Moves onto the array's next element: {@code false} where the array ends, which it consumes. */
  static boolean nextElement(JsonInput in) throws IOException {
    if (in instanceof ByteInput bytes) {
      return bytes.nextElement();
    }
    if (in instanceof JacksonInput) {
      return Jackson2Tokens.nextElement(in);
    }
    return Jackson3Tokens.nextElement(in);
  }

  /**
   * Moves onto the start of an object read by its keys, or consumes a {@code null}.
   *
   * @return {@code true} at an object, {@code false} for {@code null}
   * @throws BadServerDataException if the value is neither
   */
  static boolean startObject(JsonInput in, String entity, String field) throws IOException {
    if (in instanceof ByteInput bytes) {
      if (bytes.readNull()) {
        return false;
      }
      bytes.startObject(entity);
      return true;
    }
    if (in instanceof JacksonInput) {
      return Jackson2Tokens.startObject(in, entity, field);
    }
    return Jackson3Tokens.startObject(in, entity, field);
  }

  /** The object's next key, moving onto its value; {@code null} where the object ends. */
  static String nextKey(JsonInput in) throws IOException {
    if (in instanceof ByteInput bytes) {
      return bytes.nextKey();
    }
    if (in instanceof JacksonInput) {
      return Jackson2Tokens.nextKey(in);
    }
    return Jackson3Tokens.nextKey(in);
  }

  /** A Base64 string as bytes, or {@code null}. */
  static byte[] readBinary(JsonInput in, String entity, String field) throws IOException {
    if (in instanceof ByteInput bytes) {
      String text = bytes.readString(entity);
      if (text == null) {
        return null;
      }
      // Jackson's default Base64 wants the padding; anything unusual goes to Jackson.
      if (text.length() % 4 != 0) {
        throw Declined.INSTANCE;
      }
      try {
        return Base64.getDecoder().decode(text.getBytes(StandardCharsets.ISO_8859_1));
      } catch (IllegalArgumentException e) {
        throw Declined.INSTANCE;
      }
    }
    if (in instanceof JacksonInput) {
      return Jackson2Tokens.readBinary(in, entity, field);
    }
    return Jackson3Tokens.readBinary(in, entity, field);
  }

  /** Starts an array. */
  static void startArray(JsonOutput out) throws IOException {
    if (out instanceof ByteOutput bytes) {
      bytes.startArray();
    } else if (out instanceof JacksonOutput) {
      Jackson2Tokens.startArray(out);
    } else {
      Jackson3Tokens.startArray(out);
    }
  }

  /**
   * Before element {@code index} of an array: from the second on, the byte writer writes the comma;
   * Jackson's generators write their own.
   */
  static void comma(JsonOutput out, int index) {
    if (index > 0 && out instanceof ByteOutput bytes) {
      bytes.comma();
    }
  }

  /** Ends the array. */
  static void endArray(JsonOutput out) throws IOException {
    if (out instanceof ByteOutput bytes) {
      bytes.endArray();
    } else if (out instanceof JacksonOutput) {
      Jackson2Tokens.endArray(out);
    } else {
      Jackson3Tokens.endArray(out);
    }
  }

  /** Starts an object written by its keys. */
  static void startObject(JsonOutput out) throws IOException {
    out.startObject();
  }

  /** Writes a key of an object started with {@link #startObject(JsonOutput)}. */
  static void key(JsonOutput out, String key) throws IOException {
    if (out instanceof ByteOutput bytes) {
      bytes.key(key);
    } else if (out instanceof JacksonOutput) {
      Jackson2Tokens.key(out, key);
    } else {
      Jackson3Tokens.key(out, key);
    }
  }

  /** Writes bytes as a Base64 string, as Jackson writes a {@code byte[]}. */
  static void writeBinary(JsonOutput out, byte[] value) throws IOException {
    if (out instanceof ByteOutput) {
      throw Declined.INSTANCE;
    }
    if (out instanceof JacksonOutput) {
      Jackson2Tokens.writeBinary(out, value);
    } else {
      Jackson3Tokens.writeBinary(out, value);
    }
  }
}
