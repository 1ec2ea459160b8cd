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
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Task} and {@link TaskPatch} as JSON objects with Jackson's
 * streaming API, without reflection.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id (where it
 * was read before the problem) and the field.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class TaskJson implements JsonCodec<Task> {
  /**
   * The mapper that field types beyond the simple ones go to.
   */
  private final ObjectMapper mapper;

  /**
   * A codec that hands field types beyond the simple ones to {@code mapper}.
   *
   * @param mapper the mapper for field types beyond the simple ones
   */
  public TaskJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * {@return the mapper this codec hands field types beyond the simple ones to}
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * {@link TaskSync#TYPE}.
   */
  @Override
  public TaskSync type() {
    return TaskSync.TYPE;
  }

  /**
   * Writes the synced fields of {@code entity} as one JSON object.
   */
  @Override
  public void write(JsonGenerator out, Task entity) throws IOException {
    out.writeStartObject();
    writeId(out, entity.getId());
    writeTitle(out, entity.getTitle());
    writeDone(out, entity.isDone());
    writeUpdatedAt(out, entity.getUpdatedAt());
    out.writeEndObject();
  }

  /**
   * Reads one JSON object into a new {@link Task}; unknown properties are skipped. Local-only
   * fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, the id or the version is missing, or a setter of Task refuses a value (its
   *     exception is the cause)
   */
  @Override
  public Task read(JsonParser in) throws IOException {
    TaskPatch fields = readFields(in);
    if (!fields.fields().contains(TaskField.ID) || fields.id() == null) {
      throw new BadServerDataException("Task", null, "id", "the id is missing");
    }
    if (!fields.fields().contains(TaskField.UPDATED_AT)) {
      throw new BadServerDataException("Task", fields.id(), "updatedAt", "the version is missing");
    }
    Task entity = new Task();
    for (TaskField field : fields.fields()) {
      try {
        switch (field) {
          case ID -> entity.setId(fields.id());
          case TITLE -> entity.setTitle(fields.title());
          case DONE -> entity.setDone(fields.done());
          case UPDATED_AT -> entity.setUpdatedAt(fields.updatedAt());
        }
      } catch (RuntimeException e) {
        throw refused(fields, field.fieldName(), e);
      }
    }
    return entity;
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonGenerator out, Patch<Task> patch) throws IOException {
    out.writeStartObject();
    for (EntityField field : patch.fields()) {
      switch (TaskField.of(field)) {
        case ID -> writeId(out, (String) patch.get(field));
        case TITLE -> writeTitle(out, (String) patch.get(field));
        case DONE -> writeDone(out, (Boolean) patch.get(field));
        case UPDATED_AT -> writeUpdatedAt(out, (Long) patch.get(field));
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
  public TaskPatch readPatch(JsonParser in) throws IOException {
    return readFields(in);
  }

  /**
   * {@return the synced properties of one JSON object, as a patch that sets those present}
   *
   * @param in the parser, before or on the object's start
   * @throws IOException if the input cannot be read
   */
  private static TaskPatch readFields(JsonParser in) throws IOException {
    JsonToken start = in.currentToken() == null ? in.nextToken() : in.currentToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          "Task", null, null, "expected an object, found " + describe(start));
    }
    TaskPatch fields = TaskPatch.empty();
    try {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String property = in.currentName();
        in.nextToken();
        switch (property) {
          case "id" -> fields = fields.id(readId(in, idOf(fields)));
          case "title" -> fields = fields.title(readTitle(in, idOf(fields)));
          case "done" -> fields = fields.done(readDone(in, idOf(fields)));
          case "updatedAt" -> fields = fields.updatedAt(readUpdatedAt(in, idOf(fields)));
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new BadServerDataException(
          "Task", idOf(fields), in.currentName(), e.getOriginalMessage(), e);
    }
    return fields;
  }

  /**
   * {@return the id among {@code fields}, or {@code null} if it was not read (yet)}
   *
   * @param fields the fields read so far
   */
  private static Object idOf(TaskPatch fields) {
    return fields.fields().contains(TaskField.ID) ? fields.id() : null;
  }

  /**
   * {@return bad server data: a setter of Task refused a value the server sent, with its message as the problem}
   *
   * @param fields the fields read
   * @param field the field refused, or {@code null} where the values are refused together
   * @param refusal what the entity threw
   */
  private static BadServerDataException refused(TaskPatch fields, String field,
      RuntimeException refusal) {
    String problem = refusal.getMessage() != null ? refusal.getMessage() : refusal.toString();
    return new BadServerDataException("Task", idOf(fields), field, problem, refusal);
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
   * Writes {@code title} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeTitle(JsonGenerator out, String value) throws IOException {
    out.writeFieldName("title");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  /**
   * Writes {@code done} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeDone(JsonGenerator out, boolean value) throws IOException {
    out.writeFieldName("done");
    out.writeBoolean(value);
  }

  /**
   * Writes {@code updatedAt} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeUpdatedAt(JsonGenerator out, long value) throws IOException {
    out.writeFieldName("updatedAt");
    out.writeNumber(value);
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
   * {@return the value of {@code title}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static String readTitle(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "title", "a string");
    }
    return in.getText();
  }

  /**
   * {@return the value of {@code done}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static boolean readDone(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw unexpected(token, id, "done", "a boolean");
    }
    return in.getBooleanValue();
  }

  /**
   * {@return the value of {@code updatedAt}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static long readUpdatedAt(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "updatedAt", "an integer");
    }
    return in.getLongValue();
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
        "Task", id, field, "expected " + expected + ", found " + describe(token));
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
