package golden;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Invoice} and {@link InvoicePatch} as JSON objects with Jackson's
 * streaming API, without reflection.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id (where it
 * was read before the problem) and the field.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class InvoiceJson implements JsonCodec<Invoice> {
  /**
   * The mapper that field types beyond the simple ones go to.
   */
  private final ObjectMapper mapper;

  /**
   * A codec that hands field types beyond the simple ones to {@code mapper}.
   *
   * @param mapper the mapper for field types beyond the simple ones
   */
  public InvoiceJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * {@return the mapper this codec hands field types beyond the simple ones to}
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * {@link InvoiceSync#TYPE}.
   */
  @Override
  public InvoiceSync type() {
    return InvoiceSync.TYPE;
  }

  /**
   * Writes the synced fields of {@code entity} as one JSON object.
   */
  @Override
  public void write(JsonGenerator out, Invoice entity) throws IOException {
    out.writeStartObject();
    writeId(out, entity.id);
    writeVersion(out, entity.version);
    writeAmount(out, entity.amount);
    writeCurrency(out, entity.currency);
    writeDiscount(out, entity.discount);
    writeLines(out, entity.lines);
    writeRate(out, entity.rate);
    writePaid(out, entity.paid);
    writeIssuedAt(out, entity.issuedAt);
    writeTerms(out, entity.terms);
    out.writeEndObject();
  }

  /**
   * Reads one JSON object into a new {@link Invoice}; unknown properties are skipped.
   * Local-only fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Invoice read(JsonParser in) throws IOException {
    InvoicePatch fields = readFields(in);
    if (!fields.fields().contains(InvoiceField.ID) || fields.id() == null) {
      throw new BadServerDataException("Invoice", null, "id", "the id is missing");
    }
    if (!fields.fields().contains(InvoiceField.VERSION) || fields.version() == null) {
      throw new BadServerDataException("Invoice", fields.id(), "version", "the version is missing");
    }
    return fields.applyTo(new Invoice());
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonGenerator out, Patch<Invoice> patch) throws IOException {
    out.writeStartObject();
    for (EntityField field : patch.fields()) {
      switch (InvoiceField.of(field)) {
        case ID -> writeId(out, (String) patch.get(field));
        case VERSION -> writeVersion(out, (Long) patch.get(field));
        case AMOUNT -> writeAmount(out, (BigInteger) patch.get(field));
        case CURRENCY -> writeCurrency(out, (Character) patch.get(field));
        case DISCOUNT -> writeDiscount(out, (Byte) patch.get(field));
        case LINES -> writeLines(out, (Short) patch.get(field));
        case RATE -> writeRate(out, (Float) patch.get(field));
        case PAID -> writePaid(out, (Boolean) patch.get(field));
        case ISSUED_AT -> writeIssuedAt(out, (OffsetDateTime) patch.get(field));
        case TERMS -> writeTerms(out, (Duration) patch.get(field));
      }
    }
    out.writeEndObject();
  }

  /**
   * Reads one JSON object into a patch that sets exactly the synced properties present: an
   * absent property is not set, a property present with {@code null} is set to {@code null}.
   *
   * @throws BadServerDataException if the input is not an object or a value does not fit its
   *     field
   */
  @Override
  public InvoicePatch readPatch(JsonParser in) throws IOException {
    return readFields(in);
  }

  /**
   * {@return the synced properties of one JSON object, as a patch that sets those present}
   *
   * @param in the parser, before or on the object's start
   * @throws IOException if the input cannot be read
   */
  private static InvoicePatch readFields(JsonParser in) throws IOException {
    JsonToken start = in.currentToken() == null ? in.nextToken() : in.currentToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          "Invoice", null, null, "expected an object, found " + describe(start));
    }
    InvoicePatch fields = InvoicePatch.empty();
    try {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String property = in.currentName();
        in.nextToken();
        switch (property) {
          case "id" -> fields = fields.id(readId(in, idOf(fields)));
          case "version" -> fields = fields.version(readVersion(in, idOf(fields)));
          case "amount" -> fields = fields.amount(readAmount(in, idOf(fields)));
          case "currency" -> fields = fields.currency(readCurrency(in, idOf(fields)));
          case "discount" -> fields = fields.discount(readDiscount(in, idOf(fields)));
          case "lines" -> fields = fields.lines(readLines(in, idOf(fields)));
          case "rate" -> fields = fields.rate(readRate(in, idOf(fields)));
          case "paid" -> fields = fields.paid(readPaid(in, idOf(fields)));
          case "issuedAt" -> fields = fields.issuedAt(readIssuedAt(in, idOf(fields)));
          case "terms" -> fields = fields.terms(readTerms(in, idOf(fields)));
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new BadServerDataException(
          "Invoice", idOf(fields), in.currentName(), e.getOriginalMessage(), e);
    }
    return fields;
  }

  /**
   * {@return the id among {@code fields}, or {@code null} if it was not read (yet)}
   *
   * @param fields the fields read so far
   */
  private static Object idOf(InvoicePatch fields) {
    return fields.fields().contains(InvoiceField.ID) ? fields.id() : null;
  }

  /**
   * Writes {@code id} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeId(JsonGenerator out, String value) throws IOException {
    out.writeFieldName("id");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  /**
   * Writes {@code version} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeVersion(JsonGenerator out, Long value) throws IOException {
    out.writeFieldName("version");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  /**
   * Writes {@code amount} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeAmount(JsonGenerator out, BigInteger value) throws IOException {
    out.writeFieldName("amount");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  /**
   * Writes {@code currency} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeCurrency(JsonGenerator out, char value) throws IOException {
    out.writeFieldName("currency");
    out.writeString(String.valueOf(value));
  }

  /**
   * Writes {@code discount} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeDiscount(JsonGenerator out, byte value) throws IOException {
    out.writeFieldName("discount");
    out.writeNumber(value);
  }

  /**
   * Writes {@code lines} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeLines(JsonGenerator out, short value) throws IOException {
    out.writeFieldName("lines");
    out.writeNumber(value);
  }

  /**
   * Writes {@code rate} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeRate(JsonGenerator out, float value) throws IOException {
    out.writeFieldName("rate");
    if (Float.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /**
   * Writes {@code paid} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writePaid(JsonGenerator out, Boolean value) throws IOException {
    out.writeFieldName("paid");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeBoolean(value);
    }
  }

  /**
   * Writes {@code issuedAt} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeIssuedAt(JsonGenerator out, OffsetDateTime value) throws IOException {
    out.writeFieldName("issuedAt");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  /**
   * Writes {@code terms} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeTerms(JsonGenerator out, Duration value) throws IOException {
    out.writeFieldName("terms");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  /**
   * {@return the value of {@code id}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static String readId(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "id", "a string");
    }
    return in.getText();
  }

  /**
   * {@return the value of {@code version}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static Long readVersion(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "version", "an integer");
    }
    return in.getLongValue();
  }

  /**
   * {@return the value of {@code amount}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static BigInteger readAmount(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "amount", "an integer");
    }
    return in.getBigIntegerValue();
  }

  /**
   * {@return the value of {@code currency}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static char readCurrency(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "currency", "a string");
    }
    String text = in.getText();
    if (text.length() != 1) {
      throw new BadServerDataException(
          "Invoice", id, "currency", "expected one character, found '" + text + "'");
    }
    return text.charAt(0);
  }

  /**
   * {@return the value of {@code discount}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static byte readDiscount(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "discount", "an integer");
    }
    return in.getByteValue();
  }

  /**
   * {@return the value of {@code lines}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static short readLines(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "lines", "an integer");
    }
    return in.getShortValue();
  }

  /**
   * {@return the value of {@code rate}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static float readRate(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (isNonFinite(in)) {
      return Float.parseFloat(in.getText());
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw unexpected(token, id, "rate",
          "a number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
    }
    return in.getFloatValue();
  }

  /**
   * {@return the value of {@code paid}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static Boolean readPaid(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw unexpected(token, id, "paid", "a boolean");
    }
    return in.getBooleanValue();
  }

  /**
   * {@return the value of {@code issuedAt}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static OffsetDateTime readIssuedAt(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "issuedAt", "a string");
    }
    String text = in.getText();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadServerDataException(
          "Invoice", id, "issuedAt", "'" + text + "' is not an ISO-8601 OffsetDateTime", e);
    }
  }

  /**
   * {@return the value of {@code terms}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static Duration readTerms(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "terms", "a string");
    }
    String text = in.getText();
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadServerDataException(
          "Invoice", id, "terms", "'" + text + "' is not an ISO-8601 Duration", e);
    }
  }

  /**
   * {@return whether the current token is one of the strings {@code NaN}, {@code Infinity} and {@code -Infinity} that this codec writes for non-finite floating-point values}
   *
   * @param in the parser, on the value
   * @throws IOException if the parser cannot read the value
   */
  private static boolean isNonFinite(JsonParser in) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      return false;
    }
    String text = in.getText();
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }

  /**
   * {@return bad server data: a value of the wrong JSON type}
   *
   * @param token the value's token
   * @param id the entity's id, or {@code null} if not read yet
   * @param field the field
   * @param expected what the field takes
   */
  private static BadServerDataException unexpected(JsonToken token, Object id, String field,
      String expected) {
    return new BadServerDataException(
        "Invoice", id, field, "expected " + expected + ", found " + describe(token));
  }

  /**
   * {@return the JSON type of {@code token}, for messages}
   *
   * @param token a token, or {@code null} at the end of the input
   */
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
}
