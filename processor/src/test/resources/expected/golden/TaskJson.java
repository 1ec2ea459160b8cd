package golden;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonInput;
import io.github.synced.runtime.json.JsonNames;
import io.github.synced.runtime.json.JsonOutput;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Task} and {@link TaskPatch} as JSON objects, without reflection:
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
public final class TaskJson implements JsonCodec<Task> {
  /**
   * The synced fields' property names, encoded once: name {@code i} is the field whose ordinal
   * is {@code i}.
   */
  private static final JsonNames NAMES = JsonNames.of("id", "title", "done", "updatedAt");

  /**
   * A codec of {@link Task}.
   */
  public TaskJson() {
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
  public void write(JsonOutput out, Task entity) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    out.writeString(entity.getId());
    out.name(NAMES, 1);
    out.writeString(entity.getTitle());
    out.name(NAMES, 2);
    out.writeBoolean(entity.isDone());
    out.name(NAMES, 3);
    out.writeNumber(entity.getUpdatedAt());
    out.endObject();
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
  public Task read(JsonInput in) throws IOException {
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
      throw JsonInput.refused("Task", fields.id(), setting, e);
    }
    return entity;
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonOutput out, Patch<Task> patch) throws IOException {
    out.startObject();
    for (EntityField each : patch.fields()) {
      TaskField field = TaskField.of(each);
      out.name(NAMES, field.ordinal());
      switch (field) {
        case ID -> out.writeString((String) patch.get(field));
        case TITLE -> out.writeString((String) patch.get(field));
        case DONE -> out.writeBoolean((Boolean) patch.get(field));
        case UPDATED_AT -> out.writeNumber((Long) patch.get(field));
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
  public TaskPatch readPatch(JsonInput in) throws IOException {
    in.startObject("Task");
    long set = 0L;
    String id = null;
    String title = null;
    boolean done = false;
    long updatedAt = 0L;
    try {
      for (int field = in.nextField(NAMES); field != JsonInput.END; field = in.nextField(NAMES)) {
        switch (field) {
          case 0 -> {
            id = in.readString("Task");
            set |= 1L << 0;
          }
          case 1 -> {
            title = in.readString("Task");
            set |= 1L << 1;
          }
          case 2 -> {
            done = in.readBoolean("Task");
            set |= 1L << 2;
          }
          case 3 -> {
            updatedAt = in.readLong("Task");
            set |= 1L << 3;
          }
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, id);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Task", id, e);
    }
    return new TaskPatch(set, id, title, done, updatedAt);
  }
}
