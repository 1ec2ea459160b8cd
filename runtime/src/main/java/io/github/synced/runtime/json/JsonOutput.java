package io.github.synced.runtime.json;

import java.io.IOException;

/**
 * What a generated codec ({@code TaskJson}) writes one JSON object through. Three writers implement
 * it: one into a Jackson 2 generator ({@link JacksonOutput}), one into a Jackson 3 generator
 * ({@link Jackson3Output}), and one into a byte buffer, which {@link JsonCodecs} and {@link
 * Json3Codecs} use for HTTP bodies where the mapper writes plain JSON: it writes exactly the bytes
 * Jackson writes, and where a value needs Jackson's own treatment (a surrogate character) the body
 * is written again through the caller's Jackson. No signature here names a Jackson type.
 *
 * <p>{@link #startObject}, then {@link #name} and one {@code write} per property, then {@link
 * #endObject}. Every {@code write} of a reference type writes {@code null} as JSON {@code null};
 * non-finite floating-point values are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}.
 *
 * <p>Public for generated code; only this package implements it.
 */
public abstract class JsonOutput {

  JsonOutput() {}

  /** Starts an object. */
  public abstract void startObject() throws IOException;

  /** Ends the object. */
  public abstract void endObject() throws IOException;

  /** Writes name {@code index} of {@code names}, encoded once. */
  public abstract void name(JsonNames names, int index) throws IOException;

  /** Writes a string, or {@code null}. */
  public abstract void writeString(String value) throws IOException;

  /** Writes {@code true} or {@code false}. */
  public abstract void writeBoolean(boolean value) throws IOException;

  /** Writes {@code true}, {@code false} or {@code null}. */
  public void writeBoolean(Boolean value) throws IOException {
    if (value == null) {
      writeNull();
    } else {
      writeBoolean(value.booleanValue());
    }
  }

  /** Writes {@code null}. */
  public abstract void writeNull() throws IOException;

  /** Writes an integer. */
  public abstract void writeNumber(int value) throws IOException;

  /** Writes an integer. */
  public abstract void writeNumber(long value) throws IOException;

  /** Writes a number; a non-finite value as its string. */
  public abstract void writeFloat(float value) throws IOException;

  /** Writes a number; a non-finite value as its string. */
  public abstract void writeDouble(double value) throws IOException;

  /** Writes a number exactly as {@code BigDecimal.toString()} gives it, or {@code null}. */
  abstract void writeDecimal(java.math.BigDecimal value) throws IOException;

  /** Writes an integer of any size, or {@code null}. */
  abstract void writeBigInteger(java.math.BigInteger value) throws IOException;

  /**
   * Writes a boxed number or {@code null}: integers as integers, {@code Float} and {@code Double}
   * as {@link #writeFloat} and {@link #writeDouble} do, {@code BigDecimal} exactly.
   */
  public void writeNumber(Number value) throws IOException {
    if (value == null) {
      writeNull();
    } else if (value instanceof Double d) {
      writeDouble(d);
    } else if (value instanceof Float f) {
      writeFloat(f);
    } else if (value instanceof java.math.BigDecimal d) {
      writeDecimal(d);
    } else if (value instanceof java.math.BigInteger i) {
      writeBigInteger(i);
    } else if (value instanceof Long l) {
      writeNumber(l.longValue());
    } else {
      writeNumber(value.intValue());
    }
  }

  /** Writes a character as a string of one. */
  public void writeChar(char value) throws IOException {
    writeString(String.valueOf(value));
  }

  /**
   * Writes the {@code toString()} of {@code value} as a string, or {@code null}: for {@code
   * Character}, {@code UUID} and {@code java.time} values.
   */
  public void writeText(Object value) throws IOException {
    writeString(value == null ? null : value.toString());
  }

  /** Writes the name of an enum constant, or {@code null}. */
  public void writeEnum(Enum<?> value) throws IOException {
    writeString(value == null ? null : value.name());
  }
}
