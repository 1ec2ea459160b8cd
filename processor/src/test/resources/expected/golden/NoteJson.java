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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Note} and {@link NotePatch} as JSON objects with Jackson's
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
public final class NoteJson implements JsonCodec<Note> {
  /**
   * The property name {@code id}, encoded once.
   */
  private static final SerializableString ID_NAME = JsonValues.name("id");

  /**
   * The property name {@code text}, encoded once.
   */
  private static final SerializableString TEXT_NAME = JsonValues.name("text");

  /**
   * The property name {@code priority}, encoded once.
   */
  private static final SerializableString PRIORITY_NAME = JsonValues.name("priority");

  /**
   * The property name {@code stars}, encoded once.
   */
  private static final SerializableString STARS_NAME = JsonValues.name("stars");

  /**
   * The property name {@code price}, encoded once.
   */
  private static final SerializableString PRICE_NAME = JsonValues.name("price");

  /**
   * The property name {@code owner}, encoded once.
   */
  private static final SerializableString OWNER_NAME = JsonValues.name("owner");

  /**
   * The property name {@code due}, encoded once.
   */
  private static final SerializableString DUE_NAME = JsonValues.name("due");

  /**
   * The property name {@code updatedAt}, encoded once.
   */
  private static final SerializableString UPDATED_AT_NAME = JsonValues.name("updatedAt");

  /**
   * A codec of {@link Note}.
   */
  public NoteJson() {
  }

  /**
   * The same as {@link #NoteJson()}: the codec uses no mapper. For code written when the codec
   * took one; prefer the constructor without.
   *
   * @param unused not used
   */
  public NoteJson(ObjectMapper unused) {
  }

  /**
   * {@link NoteSync#TYPE}.
   */
  @Override
  public NoteSync type() {
    return NoteSync.TYPE;
  }

  /**
   * Writes the synced fields of {@code entity} as one JSON object.
   */
  @Override
  public void write(JsonGenerator out, Note entity) throws IOException {
    out.writeStartObject();
    out.writeFieldName(ID_NAME);
    out.writeNumber(entity.id);
    out.writeFieldName(TEXT_NAME);
    JsonValues.writeString(out, entity.text);
    out.writeFieldName(PRIORITY_NAME);
    JsonValues.writeEnum(out, entity.priority);
    out.writeFieldName(STARS_NAME);
    JsonValues.writeNumber(out, entity.stars);
    out.writeFieldName(PRICE_NAME);
    JsonValues.writeNumber(out, entity.price);
    out.writeFieldName(OWNER_NAME);
    JsonValues.writeText(out, entity.owner);
    out.writeFieldName(DUE_NAME);
    JsonValues.writeText(out, entity.due);
    out.writeFieldName(UPDATED_AT_NAME);
    JsonValues.writeText(out, entity.updatedAt);
    out.writeEndObject();
  }

  /**
   * Reads one JSON object into a new {@link Note}; unknown properties are skipped. Local-only
   * fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Note read(JsonParser in) throws IOException {
    NotePatch fields = readPatch(in);
    if (!fields.sets(NoteField.ID)) {
      throw new BadServerDataException("Note", null, "id", "the id is missing");
    }
    if (!fields.sets(NoteField.UPDATED_AT) || fields.updatedAt() == null) {
      throw new BadServerDataException("Note", fields.id(), "updatedAt", "the version is missing");
    }
    return fields.applyTo(new Note());
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonGenerator out, Patch<Note> patch) throws IOException {
    out.writeStartObject();
    for (EntityField each : patch.fields()) {
      NoteField field = NoteField.of(each);
      out.writeFieldName(field.fieldName());
      switch (field) {
        case ID -> JsonValues.writeNumber(out, (Long) patch.get(field));
        case TEXT -> JsonValues.writeString(out, (String) patch.get(field));
        case PRIORITY -> JsonValues.writeEnum(out, (Priority) patch.get(field));
        case STARS -> JsonValues.writeNumber(out, (Integer) patch.get(field));
        case PRICE -> JsonValues.writeNumber(out, (BigDecimal) patch.get(field));
        case OWNER -> JsonValues.writeText(out, (UUID) patch.get(field));
        case DUE -> JsonValues.writeText(out, (LocalDate) patch.get(field));
        case UPDATED_AT -> JsonValues.writeText(out, (Instant) patch.get(field));
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
  public NotePatch readPatch(JsonParser in) throws IOException {
    JsonValues.startObject(in, "Note");
    long set = 0L;
    long id = 0L;
    String text = null;
    Priority priority = null;
    Integer stars = null;
    BigDecimal price = null;
    UUID owner = null;
    LocalDate due = null;
    Instant updatedAt = null;
    try {
      for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
        in.nextToken();
        switch (name) {
          case "id" -> {
            id = JsonValues.readLong(in, "Note");
            set |= 1L << 0;
          }
          case "text" -> {
            text = JsonValues.readString(in, "Note");
            set |= 1L << 1;
          }
          case "priority" -> {
            priority = JsonValues.readEnum(in, "Note", Priority::valueOf, Priority::values, "Priority");
            set |= 1L << 2;
          }
          case "stars" -> {
            stars = JsonValues.readBoxedInt(in, "Note");
            set |= 1L << 3;
          }
          case "price" -> {
            price = JsonValues.readBigDecimal(in, "Note");
            set |= 1L << 4;
          }
          case "owner" -> {
            owner = JsonValues.readUuid(in, "Note");
            set |= 1L << 5;
          }
          case "due" -> {
            due = JsonValues.readParsed(in, "Note", LocalDate::parse, "an ISO-8601 LocalDate");
            set |= 1L << 6;
          }
          case "updatedAt" -> {
            updatedAt = JsonValues.readParsed(in, "Note", Instant::parse, "an ISO-8601 Instant");
            set |= 1L << 7;
          }
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw JsonValues.malformed("Note", (set & 1L << 0) != 0 ? (Long) id : null, in, e);
    } catch (BadServerDataException e) {
      throw JsonValues.withId(e, (set & 1L << 0) != 0 ? (Long) id : null);
    }
    return new NotePatch(set, id, text, priority, stars, price, owner, due, updatedAt);
  }
}
