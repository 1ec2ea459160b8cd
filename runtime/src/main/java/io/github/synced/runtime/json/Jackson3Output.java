package io.github.synced.runtime.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * {@link JsonOutput} into a Jackson 3 generator ({@code tools.jackson}). {@link Json3Codecs} makes
 * one where it writes through Jackson 3; a codec written by hand against Jackson 3's streaming API
 * reaches the generator with {@link #generator}.
 */
public final class Jackson3Output extends JsonOutput {

  private final JsonGenerator out;

  Jackson3Output(JsonGenerator out) {
    this.out = out;
  }

  /** A writer into {@code generator}. */
  public static JsonOutput of(JsonGenerator generator) {
    return new Jackson3Output(generator);
  }

  /**
   * The Jackson 3 generator that {@code out} writes to, for codecs that write only through Jackson.
   * Where {@code out} writes bytes, this does not return: {@link Json3Codecs} writes the body again
   * through Jackson 3, where this answers its generator.
   *
   * @throws IllegalArgumentException if {@code out} writes through Jackson 2
   */
  public static JsonGenerator generator(JsonOutput out) {
    if (out instanceof Jackson3Output j) {
      return j.out;
    }
    if (out instanceof ByteOutput) {
      throw Declined.INSTANCE;
    }
    throw new IllegalArgumentException(
        "this codec writes through Jackson 3's generator; write with Json3Codecs, not " + out);
  }

  @Override
  public void startObject() throws IOException {
    out.writeStartObject();
  }

  @Override
  public void endObject() throws IOException {
    out.writeEndObject();
  }

  @Override
  public void name(JsonNames names, int index) throws IOException {
    SerializableString[] serialized = (SerializableString[]) names.jackson3;
    if (serialized == null) {
      serialized = new SerializableString[names.size()];
      for (int i = 0; i < serialized.length; i++) {
        serialized[i] = new SerializedString(names.name(i));
      }
      names.jackson3 = serialized;
    }
    out.writeName(serialized[index]);
  }

  @Override
  public void writeString(String value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  @Override
  public void writeBoolean(boolean value) throws IOException {
    out.writeBoolean(value);
  }

  @Override
  public void writeNull() throws IOException {
    out.writeNull();
  }

  @Override
  public void writeNumber(int value) throws IOException {
    out.writeNumber(value);
  }

  @Override
  public void writeNumber(long value) throws IOException {
    out.writeNumber(value);
  }

  @Override
  public void writeFloat(float value) throws IOException {
    if (Float.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  @Override
  public void writeDouble(double value) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  @Override
  void writeDecimal(BigDecimal value) throws IOException {
    out.writeNumber(value);
  }

  @Override
  void writeBigInteger(BigInteger value) throws IOException {
    out.writeNumber(value);
  }
}
