package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/** {@link JsonOutput} into a Jackson generator. */
final class JacksonOutput extends JsonOutput {

  private final JsonGenerator out;

  JacksonOutput(JsonGenerator out) {
    this.out = out;
  }

  @Override
  public JsonGenerator generator() {
    return out;
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
    out.writeFieldName(names.serialized(index));
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
