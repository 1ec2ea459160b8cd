package golden;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonEntities;
import io.github.synced.runtime.json.JsonInput;
import io.github.synced.runtime.json.JsonNames;
import io.github.synced.runtime.json.JsonOutput;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Project} and {@link ProjectPatch} as JSON objects, without
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
public final class ProjectJson implements JsonCodec<Project> {
  /**
   * The synced fields' property names, encoded once: name {@code i} is the field whose ordinal
   * is {@code i}.
   */
  private static final JsonNames NAMES = JsonNames.of("id", "name", "subtasks", "columns",
      "version");

  /**
   * The codec of the nested {@link Subtask}.
   */
  private static final SubtaskJson SUBTASK_JSON = new SubtaskJson();

  /**
   * The codec of the nested {@link Column}.
   */
  private static final ColumnJson COLUMN_JSON = new ColumnJson();

  /**
   * A codec of {@link Project}.
   */
  public ProjectJson() {
  }

  /**
   * {@link ProjectSync#TYPE}.
   */
  @Override
  public ProjectSync type() {
    return ProjectSync.TYPE;
  }

  /**
   * The codec of the {@code @Synced} objects {@code field} holds; {@code null} for a field
   * that holds none.
   */
  @Override
  public JsonCodec<?> nested(EntityField field) {
    if (field == ProjectField.SUBTASKS) {
      return SUBTASK_JSON;
    }
    if (field == ProjectField.COLUMNS) {
      return COLUMN_JSON;
    }
    return null;
  }

  /**
   * Writes the synced fields of {@code entity} as one JSON object.
   */
  @Override
  public void write(JsonOutput out, Project entity) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    out.writeString(entity.id);
    out.name(NAMES, 1);
    out.writeString(entity.name);
    out.name(NAMES, 2);
    JsonEntities.write(out, entity.subtasks, SUBTASK_JSON);
    out.name(NAMES, 3);
    JsonEntities.write(out, entity.columns, COLUMN_JSON);
    out.name(NAMES, 4);
    out.writeNumber(entity.version);
    out.endObject();
  }

  /**
   * Reads one JSON object into a new {@link Project}; unknown properties are skipped.
   * Local-only fields keep the values a new instance has.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Project read(JsonInput in) throws IOException {
    ProjectPatch fields = readPatch(in);
    if (!fields.sets(ProjectField.ID) || fields.id() == null) {
      throw new BadServerDataException("Project", null, "id", "the id is missing");
    }
    if (!fields.sets(ProjectField.VERSION)) {
      throw new BadServerDataException("Project", fields.id(), "version", "the version is missing");
    }
    return fields.applyTo(new Project());
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonOutput out, Patch<Project> patch) throws IOException {
    out.startObject();
    for (EntityField each : patch.fields()) {
      ProjectField field = ProjectField.of(each);
      out.name(NAMES, field.ordinal());
      switch (field) {
        case ID -> out.writeString((String) patch.get(field));
        case NAME -> out.writeString((String) patch.get(field));
        case SUBTASKS -> JsonEntities.write(out, patch.get(field), SUBTASK_JSON);
        case COLUMNS -> JsonEntities.write(out, patch.get(field), COLUMN_JSON);
        case VERSION -> out.writeNumber((Long) patch.get(field));
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
  public ProjectPatch readPatch(JsonInput in) throws IOException {
    in.startObject("Project");
    long set = 0L;
    String id = null;
    String name = null;
    List<Subtask> subtasks = null;
    Map<String, Column> columns = null;
    long version = 0L;
    try {
      for (int field = in.nextField(NAMES); field != JsonInput.END; field = in.nextField(NAMES)) {
        switch (field) {
          case 0 -> {
            id = in.readString("Project");
            set |= 1L << 0;
          }
          case 1 -> {
            name = in.readString("Project");
            set |= 1L << 1;
          }
          case 2 -> {
            subtasks = subtasksFrom(in);
            set |= 1L << 2;
          }
          case 3 -> {
            columns = columnsFrom(in);
            set |= 1L << 3;
          }
          case 4 -> {
            version = in.readLong("Project");
            set |= 1L << 4;
          }
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, id);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Project", id, e);
    }
    return new ProjectPatch(set, id, name, subtasks, columns, version);
  }

  /**
   * Reads a value of {@code subtasks}: an array of objects each read as {@link SubtaskJson}
   * reads one, into an unmodifiable collection; a {@code null} element, one without an id and
   * an id twice are bad server data.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static List<Subtask> subtasksFrom(JsonInput in) throws IOException {
    return JsonEntities.readList(
        in,
        "Project",
        "subtasks",
        SUBTASK_JSON);
  }

  /**
   * Reads a value of {@code columns}: an object whose property names are the keys, of objects
   * each read as {@link ColumnJson} reads one, into an unmodifiable map; a {@code null}
   * element, one without an id and an id twice are bad server data.
   *
   * @param in the reader, on the value
   * @return the value read, {@code null} for JSON {@code null}
   * @throws BadServerDataException if the value does not fit
   * @throws IOException if the input cannot be read
   */
  private static Map<String, Column> columnsFrom(JsonInput in) throws IOException {
    return JsonEntities.readMap(
        in,
        "Project",
        "columns",
        Function.identity(),
        "a string",
        COLUMN_JSON);
  }
}
