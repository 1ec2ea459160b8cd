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
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Task} and {@link TaskPatch} as JSON objects with Jackson's
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
public final class TaskJson implements JsonCodec<Task> {
  /**
   * The property name {@code id}, encoded once.
   */
  private static final SerializableString ID_NAME = JsonValues.name("id");

  /**
   * The property name {@code title}, encoded once.
   */
  private static final SerializableString TITLE_NAME = JsonValues.name("title");

  /**
   * The property name {@code done}, encoded once.
   */
  private static final SerializableString DONE_NAME = JsonValues.name("done");

  /**
   * The property name {@code updatedAt}, encoded once.
   */
  private static final SerializableString UPDATED_AT_NAME = JsonValues.name("updatedAt");

  /**
   * A codec of {@link Task}.
   */
  public TaskJson() {
  }

  /**
   * The same as {@link #TaskJson()}: the codec uses no mapper. For code written when the codec
   * took one; prefer the constructor without.
   *
   * @param unused not used
   */
  public TaskJson(ObjectMapper unused) {
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
    out.writeFieldName(ID_NAME);
    JsonValues.writeString(out, entity.getId());
    out.writeFieldName(TITLE_NAME);
    JsonValues.writeString(out, entity.getTitle());
    out.writeFieldName(DONE_NAME);
    out.writeBoolean(entity.isDone());
    out.writeFieldName(UPDATED_AT_NAME);
    out.writeNumber(entity.getUpdatedAt());
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
    TaskPatch fields = readPatch(in);
    if (!fields.sets(TaskField.ID) || fields.id() == null) {
      throw new BadServerDataException("Task", null, "id", "the id is missing");
    }
    if (!fields.sets(TaskField.UPDATED_AT)) {
      throw new BadServerDataException("Task", fields.id(), "updatedAt", "the version is missing");
    }
    Task entity = new Task();
    String setting = null;
    try {
      if (fields.sets(TaskField.ID)) {
        setting = "id";
        entity.setId(fields.id());
      }
      if (fields.sets(TaskField.TITLE)) {
        setting = "title";
        entity.setTitle(fields.title());
      }
      if (fields.sets(TaskField.DONE)) {
        setting = "done";
        entity.setDone(fields.done());
      }
      if (fields.sets(TaskField.UPDATED_AT)) {
        setting = "updatedAt";
        entity.setUpdatedAt(fields.updatedAt());
      }
    } catch (RuntimeException e) {
      throw JsonValues.refused("Task", fields.id(), setting, e);
    }
    return entity;
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonGenerator out, Patch<Task> patch) throws IOException {
    out.writeStartObject();
    for (EntityField each : patch.fields()) {
      TaskField field = TaskField.of(each);
      out.writeFieldName(field.fieldName());
      switch (field) {
        case ID -> JsonValues.writeString(out, (String) patch.get(field));
        case TITLE -> JsonValues.writeString(out, (String) patch.get(field));
        case DONE -> JsonValues.writeBoolean(out, (Boolean) patch.get(field));
        case UPDATED_AT -> JsonValues.writeNumber(out, (Long) patch.get(field));
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
    JsonValues.startObject(in, "Task");
    long set = 0L;
    String id = null;
    String title = null;
    boolean done = false;
    long updatedAt = 0L;
    try {
      for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
        in.nextToken();
        switch (name) {
          case "id" -> {
            id = JsonValues.readString(in, "Task");
            set |= 1L << 0;
          }
          case "title" -> {
            title = JsonValues.readString(in, "Task");
            set |= 1L << 1;
          }
          case "done" -> {
            done = JsonValues.readBoolean(in, "Task");
            set |= 1L << 2;
          }
          case "updatedAt" -> {
            updatedAt = JsonValues.readLong(in, "Task");
            set |= 1L << 3;
          }
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw JsonValues.malformed("Task", id, in, e);
    } catch (BadServerDataException e) {
      throw JsonValues.withId(e, id);
    }
    return new TaskPatch(set, id, title, done, updatedAt);
  }
}
