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
  /**
   * The mapper that field types beyond the simple ones go to.
   */
  private final ObjectMapper mapper;

  /**
   * A codec that hands field types beyond the simple ones to {@code mapper}.
   *
   * @param mapper the mapper for field types beyond the simple ones
   */
  public NoteJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * {@return the mapper this codec hands field types beyond the simple ones to}
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

  /**
   * {@return the synced properties of one JSON object, as a patch that sets those present}
   *
   * @param in the parser, before or on the object's start
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the id among {@code fields}, or {@code null} if it was not read (yet)}
   *
   * @param fields the fields read so far
   */
  private static Object idOf(NotePatch fields) {
    return fields.fields().contains(NoteField.ID) ? fields.id() : null;
  }

  /**
   * Writes {@code id} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeId(JsonGenerator out, long value) throws IOException {
    out.writeFieldName("id");
    out.writeNumber(value);
  }

  /**
   * Writes {@code text} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeText(JsonGenerator out, String value) throws IOException {
    out.writeFieldName("text");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  /**
   * Writes {@code priority} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writePriority(JsonGenerator out, Priority value) throws IOException {
    out.writeFieldName("priority");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.name());
    }
  }

  /**
   * Writes {@code stars} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeStars(JsonGenerator out, Integer value) throws IOException {
    out.writeFieldName("stars");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  /**
   * Writes {@code price} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writePrice(JsonGenerator out, BigDecimal value) throws IOException {
    out.writeFieldName("price");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeNumber(value);
    }
  }

  /**
   * Writes {@code owner} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeOwner(JsonGenerator out, UUID value) throws IOException {
    out.writeFieldName("owner");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  /**
   * Writes {@code due} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeDue(JsonGenerator out, LocalDate value) throws IOException {
    out.writeFieldName("due");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  /**
   * Writes {@code updatedAt} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeUpdatedAt(JsonGenerator out, Instant value) throws IOException {
    out.writeFieldName("updatedAt");
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
  private static long readId(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "id", "an integer");
    }
    return in.getLongValue();
  }

  /**
   * {@return the value of {@code text}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the value of {@code priority}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the value of {@code stars}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the value of {@code price}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the value of {@code owner}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the value of {@code due}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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

  /**
   * {@return the value of {@code updatedAt}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
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
        "Note", id, field, "expected " + expected + ", found " + describe(token));
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
