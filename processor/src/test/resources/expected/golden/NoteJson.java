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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Note} and {@link NotePatch} as JSON objects with Jackson's
 * streaming API, without reflection.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id (where it
 * was read before the problem) and the field.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class NoteJson implements JsonCodec<Note> {
  private final ObjectMapper mapper;

  /**
   * A codec that hands field types beyond the simple ones to {@code mapper}.
   */
  public NoteJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * The mapper this codec hands field types beyond the simple ones to.
   */
  public ObjectMapper mapper() {
    return mapper;
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
    writeId(out, entity.id);
    writeText(out, entity.text);
    writePriority(out, entity.priority);
    writeStars(out, entity.stars);
    writePrice(out, entity.price);
    writeOwner(out, entity.owner);
    writeDue(out, entity.due);
    writeUpdatedAt(out, entity.updatedAt);
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
    NotePatch fields = readFields(in);
    if (!fields.fields().contains(NoteField.ID)) {
      throw new BadServerDataException("Note", null, "id", "the id is missing");
    }
    if (!fields.fields().contains(NoteField.UPDATED_AT) || fields.updatedAt() == null) {
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
    for (EntityField field : patch.fields()) {
      switch (NoteField.of(field)) {
        case ID -> writeId(out, (Long) patch.get(field));
        case TEXT -> writeText(out, (String) patch.get(field));
        case PRIORITY -> writePriority(out, (Priority) patch.get(field));
        case STARS -> writeStars(out, (Integer) patch.get(field));
        case PRICE -> writePrice(out, (BigDecimal) patch.get(field));
        case OWNER -> writeOwner(out, (UUID) patch.get(field));
        case DUE -> writeDue(out, (LocalDate) patch.get(field));
        case UPDATED_AT -> writeUpdatedAt(out, (Instant) patch.get(field));
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
    return readFields(in);
  }

  private static NotePatch readFields(JsonParser in) throws IOException {
    JsonToken start = in.currentToken() == null ? in.nextToken() : in.currentToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          "Note", null, null, "expected an object, found " + describe(start));
    }
    NotePatch fields = NotePatch.empty();
    try {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String property = in.currentName();
        in.nextToken();
        switch (property) {
          case "id" -> fields = fields.id(readId(in, idOf(fields)));
          case "text" -> fields = fields.text(readText(in, idOf(fields)));
          case "priority" -> fields = fields.priority(readPriority(in, idOf(fields)));
          case "stars" -> fields = fields.stars(readStars(in, idOf(fields)));
          case "price" -> fields = fields.price(readPrice(in, idOf(fields)));
          case "owner" -> fields = fields.owner(readOwner(in, idOf(fields)));
          case "due" -> fields = fields.due(readDue(in, idOf(fields)));
          case "updatedAt" -> fields = fields.updatedAt(readUpdatedAt(in, idOf(fields)));
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new BadServerDataException(
          "Note", idOf(fields), in.currentName(), e.getOriginalMessage(), e);
    }
    return fields;
  }

  private static Object idOf(NotePatch fields) {
    return fields.fields().contains(NoteField.ID) ? fields.id() : null;
  }

  private static void writeId(JsonGenerator out, long value) throws IOException {
    out.writeFieldName("id");
    out.writeNumber(value);
  }

  private static void writeText(JsonGenerator out, String value) throws IOException {
    out.writeFieldName("text");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  private static void writePriority(JsonGenerator out, Priority value) throws IOException {
    out.writeFieldName("priority");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.name());
    }
  }

  private static void writeStars(JsonGenerator out, Integer value) throws IOException {
    out.writeFieldName("stars");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  private static void writePrice(JsonGenerator out, BigDecimal value) throws IOException {
    out.writeFieldName("price");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  private static void writeOwner(JsonGenerator out, UUID value) throws IOException {
    out.writeFieldName("owner");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  private static void writeDue(JsonGenerator out, LocalDate value) throws IOException {
    out.writeFieldName("due");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  private static void writeUpdatedAt(JsonGenerator out, Instant value) throws IOException {
    out.writeFieldName("updatedAt");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  private static long readId(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "id", "an integer");
    }
    return in.getLongValue();
  }

  private static String readText(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "text", "a string");
    }
    return in.getText();
  }

  private static Priority readPriority(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "priority", "a string");
    }
    String text = in.getText();
    try {
      return Priority.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new BadServerDataException(
          "Note", id, "priority", "'" + text + "' is not a constant of Priority; expected one of "
              + Arrays.toString(Priority.values()), e);
    }
  }

  private static Integer readStars(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "stars", "an integer");
    }
    return in.getIntValue();
  }

  private static BigDecimal readPrice(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw unexpected(token, id, "price", "a number");
    }
    return in.getDecimalValue();
  }

  private static UUID readOwner(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "owner", "a string");
    }
    String text = in.getText();
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new BadServerDataException(
          "Note", id, "owner", "'" + text + "' is not a UUID", e);
    }
  }

  private static LocalDate readDue(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "due", "a string");
    }
    String text = in.getText();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadServerDataException(
          "Note", id, "due", "'" + text + "' is not an ISO-8601 LocalDate", e);
    }
  }

  private static Instant readUpdatedAt(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "updatedAt", "a string");
    }
    String text = in.getText();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadServerDataException(
          "Note", id, "updatedAt", "'" + text + "' is not an ISO-8601 Instant", e);
    }
  }

  private static BadServerDataException unexpected(JsonToken token, Object id, String field,
      String expected) {
    return new BadServerDataException(
        "Note", id, field, "expected " + expected + ", found " + describe(token));
  }

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
