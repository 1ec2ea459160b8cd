package golden;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonInput;
import io.github.synced.runtime.json.JsonNames;
import io.github.synced.runtime.json.JsonOutput;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Note} and {@link NotePatch} as JSON objects, without reflection:
 * through Jackson 2's or Jackson 3's streaming API, or straight from and to the bytes of
 * whole bodies where {@code JsonCodecs} or {@code Json3Codecs} reads and writes them. The
 * codec names no Jackson type, so it serves either. Property names are encoded once, and a
 * read object becomes one patch, then the entity.
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
   * The synced fields' property names, encoded once: name {@code i} is the field whose ordinal
   * is {@code i}.
   */
  private static final JsonNames NAMES = JsonNames.of("id", "text", "priority", "stars", "price",
      "owner", "due", "updatedAt");

  /**
   * A codec of {@link Note}.
   */
  public NoteJson() {
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
  public void write(JsonOutput out, Note entity) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    out.writeNumber(entity.id);
    out.name(NAMES, 1);
    out.writeString(entity.text);
    out.name(NAMES, 2);
    out.writeEnum(entity.priority);
    out.name(NAMES, 3);
    out.writeNumber(entity.stars);
    out.name(NAMES, 4);
    out.writeNumber(entity.price);
    out.name(NAMES, 5);
    out.writeText(entity.owner);
    out.name(NAMES, 6);
    out.writeText(entity.due);
    out.name(NAMES, 7);
    out.writeText(entity.updatedAt);
    out.endObject();
  }

  /**
   * Reads one JSON object into a new {@link Note}; unknown properties are skipped. Local-only
   * fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Note read(JsonInput in) throws IOException {
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
  public void writePatch(JsonOutput out, Patch<Note> patch) throws IOException {
    out.startObject();
    for (EntityField each : patch.fields()) {
      NoteField field = NoteField.of(each);
      out.name(NAMES, field.ordinal());
      switch (field) {
        case ID -> out.writeNumber((Long) patch.get(field));
        case TEXT -> out.writeString((String) patch.get(field));
        case PRIORITY -> out.writeEnum((Priority) patch.get(field));
        case STARS -> out.writeNumber((Integer) patch.get(field));
        case PRICE -> out.writeNumber((BigDecimal) patch.get(field));
        case OWNER -> out.writeText((UUID) patch.get(field));
        case DUE -> out.writeText((LocalDate) patch.get(field));
        case UPDATED_AT -> out.writeText((Instant) patch.get(field));
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
  public NotePatch readPatch(JsonInput in) throws IOException {
    in.startObject("Note");
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
      for (int field = in.nextField(NAMES); field != JsonInput.END; field = in.nextField(NAMES)) {
        switch (field) {
          case 0 -> {
            id = in.readLong("Note");
            set |= 1L << 0;
          }
          case 1 -> {
            text = in.readString("Note");
            set |= 1L << 1;
          }
          case 2 -> {
            priority = in.readEnum("Note", Priority::valueOf, Priority::values, "Priority");
            set |= 1L << 2;
          }
          case 3 -> {
            stars = in.readBoxedInt("Note");
            set |= 1L << 3;
          }
          case 4 -> {
            price = in.readBigDecimal("Note");
            set |= 1L << 4;
          }
          case 5 -> {
            owner = in.readUuid("Note");
            set |= 1L << 5;
          }
          case 6 -> {
            due = in.readParsed("Note", LocalDate::parse, "an ISO-8601 LocalDate");
            set |= 1L << 6;
          }
          case 7 -> {
            updatedAt = in.readParsed("Note", Instant::parse, "an ISO-8601 Instant");
            set |= 1L << 7;
          }
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, (set & 1L << 0) != 0 ? (Long) id : null);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Note", (set & 1L << 0) != 0 ? (Long) id : null, e);
    }
    return new NotePatch(set, id, text, priority, stars, price, owner, due, updatedAt);
  }
}
