package io.github.synced.example.server;

import java.util.List;
import java.util.Objects;

/**
 * The JSON shape of a {@link RestServer}'s entities: the id property and how ids are made, the
 * version property (if the server has versions), the other properties with their types, and the
 * property a second writer edits.
 *
 * @param entity the entity's name in messages, for example {@code task}
 * @param ids how ids look and are assigned
 * @param idPrefix for {@link Ids#PREFIXED} ids, the prefix before the counter ({@code t} makes
 *     {@code t1}, {@code t2}, ...); empty for numeric ids
 * @param version the version property, for example {@code updatedAt}, or {@code null} for a server
 *     without versions
 * @param fields the other properties, in the order they are written
 * @param edited the {@link Type#STRING} property the second writer changes
 */
public record Shape(
    String entity, Ids ids, String idPrefix, String version, List<Field> fields, String edited) {

  /** The id property's name, the same for every shape. */
  public static final String ID = "id";

  /** The most characters a subtask's title may have: a longer one is refused with 422. */
  public static final int MAX_SUBTASK_TITLE = 60;

  /** How ids look and are assigned. */
  public enum Ids {
    /** JSON strings of a prefix and a counter: {@code "t1"}, {@code "t2"}, ... */
    PREFIXED,
    /** JSON integers: one more than the largest id held, as json-server assigns them. */
    NUMERIC
  }

  /** The JSON type of a property. */
  public enum Type {
    /** A JSON string, never {@code null}. */
    STRING,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON integer. */
    INTEGER,
    /**
     * A JSON array of subtasks, each {@code {"id": "s1", "title": "...", "done": false}}: the id
     * and the title are required strings, {@code done} is optional ({@code false}), and the ids are
     * unique within the array. A write replaces the whole array (JSON merge patch: arrays are not
     * merged); {@code null} in a write removes it, which leaves the empty array. A subtask's title
     * is at most {@link Shape#MAX_SUBTASK_TITLE} characters and not blank, else the write is
     * refused with 422.
     */
    SUBTASKS
  }

  /**
   * One property besides id and version.
   *
   * @param name the property's name
   * @param type its JSON type
   * @param required whether a create must send it; an absent optional property starts as {@code
   *     false}, {@code 0} or {@code []}
   */
  public record Field(String name, Type type, boolean required) {
    /** Checks the components. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (required != (type == Type.STRING)) {
        throw new IllegalArgumentException(
            "strings have no default, so exactly the string properties are required: " + name);
      }
    }
  }

  /**
   * Tasks: {@code {"id": "t1", "title": "...", "done": false, "subtasks": [{"id": "s1", "title":
   * "...", "done": false}], "updatedAt": 7}}, versioned; the second writer edits the title (or, of
   * a task with subtasks, now and then a subtask's title).
   */
  public static final Shape TASK =
      new Shape(
          "task",
          Ids.PREFIXED,
          "t",
          "updatedAt",
          List.of(
              new Field("title", Type.STRING, true),
              new Field("done", Type.BOOLEAN, false),
              new Field("subtasks", Type.SUBTASKS, false)),
          "title");

  /**
   * Notes as json-server keeps them: {@code {"id": 1, "text": "...", "stars": 0}}, numeric ids, no
   * version; the second writer edits the text.
   */
  public static final Shape NOTE =
      new Shape(
          "note",
          Ids.NUMERIC,
          "",
          null,
          List.of(new Field("text", Type.STRING, true), new Field("stars", Type.INTEGER, false)),
          "text");

  /** Checks the components. */
  public Shape {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(idPrefix, "idPrefix");
    fields = List.copyOf(fields);
    Objects.requireNonNull(edited, "edited");
    if (fields.stream().noneMatch(f -> f.name().equals(edited) && f.type() == Type.STRING)) {
      throw new IllegalArgumentException("the edited property must be a string field: " + edited);
    }
  }

  /** Whether the entities have a version property. */
  public boolean versioned() {
    return version != null;
  }

  /** The property of this name, or {@code null}. */
  Field field(String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
