package golden;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonInput;
import io.github.synced.runtime.json.JsonNames;
import io.github.synced.runtime.json.JsonOutput;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Invoice} and {@link InvoicePatch} as JSON objects, without
 * reflection: through Jackson 2's or Jackson 3's streaming API, or straight from and to the
 * bytes of whole bodies where {@code JsonCodecs} or {@code Json3Codecs} reads and writes
 * them. The codec names no Jackson type, so it serves either. Property names are encoded
 * once, and a read object becomes one patch, then the entity.
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
   * The synced fields' property names, encoded once: name {@code i} is the field whose ordinal
   * is {@code i}.
   */
  private static final JsonNames NAMES = JsonNames.of("id", "version", "amount", "currency",
      "discount", "lines", "rate", "paid", "issuedAt", "terms");

  /**
   * A codec of {@link Invoice}.
   */
  public InvoiceJson() {
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
  public void write(JsonOutput out, Invoice entity) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    out.writeString(entity.id);
    out.name(NAMES, 1);
    out.writeNumber(entity.version);
    out.name(NAMES, 2);
    out.writeNumber(entity.amount);
    out.name(NAMES, 3);
    out.writeChar(entity.currency);
    out.name(NAMES, 4);
    out.writeNumber(entity.discount);
    out.name(NAMES, 5);
    out.writeNumber(entity.lines);
    out.name(NAMES, 6);
    out.writeFloat(entity.rate);
    out.name(NAMES, 7);
    out.writeBoolean(entity.paid);
    out.name(NAMES, 8);
    out.writeText(entity.issuedAt);
    out.name(NAMES, 9);
    out.writeText(entity.terms);
    out.endObject();
  }

  /**
   * Reads one JSON object into a new {@link Invoice}; unknown properties are skipped.
   * Local-only fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Invoice read(JsonInput in) throws IOException {
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
  public void writePatch(JsonOutput out, Patch<Invoice> patch) throws IOException {
    out.startObject();
    for (EntityField each : patch.fields()) {
      InvoiceField field = InvoiceField.of(each);
      out.name(NAMES, field.ordinal());
      switch (field) {
        case ID -> out.writeString((String) patch.get(field));
        case VERSION -> out.writeNumber((Long) patch.get(field));
        case AMOUNT -> out.writeNumber((BigInteger) patch.get(field));
        case CURRENCY -> out.writeText((Character) patch.get(field));
        case DISCOUNT -> out.writeNumber((Byte) patch.get(field));
        case LINES -> out.writeNumber((Short) patch.get(field));
        case RATE -> out.writeNumber((Float) patch.get(field));
        case PAID -> out.writeBoolean((Boolean) patch.get(field));
        case ISSUED_AT -> out.writeText((OffsetDateTime) patch.get(field));
        case TERMS -> out.writeText((Duration) patch.get(field));
      }
    }
    out.endObject();
  }

  /**
   * Reads one JSON object into a patch that sets exactly the synced properties present: an
   * absent property is not set, a property present with {@code null} is set to {@code null}.
   *
   * @throws BadServerDataException if the input is not an object or a value does not fit its
   *     field
   */
  @Override
  public InvoicePatch readPatch(JsonInput in) throws IOException {
    in.startObject("Invoice");
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
      for (int field = in.nextField(NAMES); field != JsonInput.END; field = in.nextField(NAMES)) {
        switch (field) {
          case 0 -> {
            id = in.readString("Invoice");
            set |= 1L << 0;
          }
          case 1 -> {
            version = in.readBoxedLong("Invoice");
            set |= 1L << 1;
          }
          case 2 -> {
            amount = in.readBigInteger("Invoice");
            set |= 1L << 2;
          }
          case 3 -> {
            currency = in.readChar("Invoice");
            set |= 1L << 3;
          }
          case 4 -> {
            discount = in.readByte("Invoice");
            set |= 1L << 4;
          }
          case 5 -> {
            lines = in.readShort("Invoice");
            set |= 1L << 5;
          }
          case 6 -> {
            rate = in.readFloat("Invoice");
            set |= 1L << 6;
          }
          case 7 -> {
            paid = in.readBoxedBoolean("Invoice");
            set |= 1L << 7;
          }
          case 8 -> {
            issuedAt = in.readParsed("Invoice", OffsetDateTime::parse, "an ISO-8601 OffsetDateTime");
            set |= 1L << 8;
          }
          case 9 -> {
            terms = in.readParsed("Invoice", Duration::parse, "an ISO-8601 Duration");
            set |= 1L << 9;
          }
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, id);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Invoice", id, e);
    }
    return new InvoicePatch(set, id, version, amount, currency, discount, lines, rate, paid,
        issuedAt, terms);
  }
}
