package golden;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonValues;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Invoice} and {@link InvoicePatch} as JSON objects with Jackson's
 * streaming API, without reflection: property names are encoded once, and a read object
 * becomes one patch, then the entity.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id
 * (where it was read before the problem) and the field. The codec holds no state: one
 * instance serves every thread.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class InvoiceJson implements JsonCodec<Invoice> {
  /**
   * The property name {@code id}, encoded once.
   */
  private static final SerializableString ID_NAME = JsonValues.name("id");

  /**
   * The property name {@code version}, encoded once.
   */
  private static final SerializableString VERSION_NAME = JsonValues.name("version");

  /**
   * The property name {@code amount}, encoded once.
   */
  private static final SerializableString AMOUNT_NAME = JsonValues.name("amount");

  /**
   * The property name {@code currency}, encoded once.
   */
  private static final SerializableString CURRENCY_NAME = JsonValues.name("currency");

  /**
   * The property name {@code discount}, encoded once.
   */
  private static final SerializableString DISCOUNT_NAME = JsonValues.name("discount");

  /**
   * The property name {@code lines}, encoded once.
   */
  private static final SerializableString LINES_NAME = JsonValues.name("lines");

  /**
   * The property name {@code rate}, encoded once.
   */
  private static final SerializableString RATE_NAME = JsonValues.name("rate");

  /**
   * The property name {@code paid}, encoded once.
   */
  private static final SerializableString PAID_NAME = JsonValues.name("paid");

  /**
   * The property name {@code issuedAt}, encoded once.
   */
  private static final SerializableString ISSUED_AT_NAME = JsonValues.name("issuedAt");

  /**
   * The property name {@code terms}, encoded once.
   */
  private static final SerializableString TERMS_NAME = JsonValues.name("terms");

  /**
   * A codec of {@link Invoice}.
   */
  public InvoiceJson() {
  }

  /**
   * The same as {@link #InvoiceJson()}: the codec uses no mapper. For code written when the
   * codec took one; prefer the constructor without.
   *
   * @param unused not used
   */
  public InvoiceJson(ObjectMapper unused) {
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
    out.writeFieldName(ID_NAME);
    JsonValues.writeString(out, entity.id);
    out.writeFieldName(VERSION_NAME);
    JsonValues.writeNumber(out, entity.version);
    out.writeFieldName(AMOUNT_NAME);
    JsonValues.writeNumber(out, entity.amount);
    out.writeFieldName(CURRENCY_NAME);
    out.writeString(String.valueOf(entity.currency));
    out.writeFieldName(DISCOUNT_NAME);
    out.writeNumber(entity.discount);
    out.writeFieldName(LINES_NAME);
    out.writeNumber(entity.lines);
    out.writeFieldName(RATE_NAME);
    JsonValues.writeFloat(out, entity.rate);
    out.writeFieldName(PAID_NAME);
    JsonValues.writeBoolean(out, entity.paid);
    out.writeFieldName(ISSUED_AT_NAME);
    JsonValues.writeText(out, entity.issuedAt);
    out.writeFieldName(TERMS_NAME);
    JsonValues.writeText(out, entity.terms);
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
    InvoicePatch fields = readPatch(in);
    if (!fields.sets(InvoiceField.ID) || fields.id() == null) {
      throw new BadServerDataException("Invoice", null, "id", "the id is missing");
    }
    if (!fields.sets(InvoiceField.VERSION) || fields.version() == null) {
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
    for (EntityField each : patch.fields()) {
      InvoiceField field = InvoiceField.of(each);
      out.writeFieldName(field.fieldName());
      switch (field) {
        case ID -> JsonValues.writeString(out, (String) patch.get(field));
        case VERSION -> JsonValues.writeNumber(out, (Long) patch.get(field));
        case AMOUNT -> JsonValues.writeNumber(out, (BigInteger) patch.get(field));
        case CURRENCY -> JsonValues.writeText(out, (Character) patch.get(field));
        case DISCOUNT -> JsonValues.writeNumber(out, (Byte) patch.get(field));
        case LINES -> JsonValues.writeNumber(out, (Short) patch.get(field));
        case RATE -> JsonValues.writeNumber(out, (Float) patch.get(field));
        case PAID -> JsonValues.writeBoolean(out, (Boolean) patch.get(field));
        case ISSUED_AT -> JsonValues.writeText(out, (OffsetDateTime) patch.get(field));
        case TERMS -> JsonValues.writeText(out, (Duration) patch.get(field));
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
    JsonValues.startObject(in, "Invoice");
    long set = 0L;
    String id = null;
    Long version = null;
    BigInteger amount = null;
    char currency = '\0';
    byte discount = (byte) 0;
    short lines = (short) 0;
    float rate = 0F;
    Boolean paid = null;
    OffsetDateTime issuedAt = null;
    Duration terms = null;
    try {
      for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
        in.nextToken();
        switch (name) {
          case "id" -> {
            id = JsonValues.readString(in, "Invoice");
            set |= 1L << 0;
          }
          case "version" -> {
            version = JsonValues.readBoxedLong(in, "Invoice");
            set |= 1L << 1;
          }
          case "amount" -> {
            amount = JsonValues.readBigInteger(in, "Invoice");
            set |= 1L << 2;
          }
          case "currency" -> {
            currency = JsonValues.readChar(in, "Invoice");
            set |= 1L << 3;
          }
          case "discount" -> {
            discount = JsonValues.readByte(in, "Invoice");
            set |= 1L << 4;
          }
          case "lines" -> {
            lines = JsonValues.readShort(in, "Invoice");
            set |= 1L << 5;
          }
          case "rate" -> {
            rate = JsonValues.readFloat(in, "Invoice");
            set |= 1L << 6;
          }
          case "paid" -> {
            paid = JsonValues.readBoxedBoolean(in, "Invoice");
            set |= 1L << 7;
          }
          case "issuedAt" -> {
            issuedAt = JsonValues.readParsed(in, "Invoice", OffsetDateTime::parse, "an ISO-8601 OffsetDateTime");
            set |= 1L << 8;
          }
          case "terms" -> {
            terms = JsonValues.readParsed(in, "Invoice", Duration::parse, "an ISO-8601 Duration");
            set |= 1L << 9;
          }
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw JsonValues.malformed("Invoice", id, in, e);
    } catch (BadServerDataException e) {
      throw JsonValues.withId(e, id);
    }
    return new InvoicePatch(set, id, version, amount, currency, discount, lines, rate, paid,
        issuedAt, terms);
  }
}
