package golden;

import io.github.synced.runtime.ElementEdits;
import io.github.synced.runtime.EntryEdits;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * A typed partial update of {@link Project}: the synced fields it sets, each with its value.
 *
 * <p>Immutable: every setter returns a new patch, so a patch held by a pending mutation has
 * the same effect each time it is applied. A field that is not set is absent, which is
 * different from a field set to {@code null}. Start from {@link #empty()}, for example
 * {@code ProjectPatch.empty().name(...).subtasks(...)}.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class ProjectPatch implements Patch<Project> {
  /**
   * The patch that sets no field.
   */
  private static final ProjectPatch EMPTY = new ProjectPatch(0L, null, null, null, null, 0L);

  /**
   * The fields this patch sets: bit {@code i} for the field whose ordinal is {@code i}.
   */
  private final long fields;

  /**
   * The value this patch gives {@code id}, if it sets it; else the default.
   */
  private final String id;

  /**
   * The value this patch gives {@code name}, if it sets it; else the default.
   */
  private final String name;

  /**
   * The value this patch gives {@code subtasks}, if it sets it; else the default.
   */
  private final List<Subtask> subtasks;

  /**
   * The value this patch gives {@code columns}, if it sets it; else the default.
   */
  private final Map<String, Column> columns;

  /**
   * The value this patch gives {@code version}, if it sets it; else the default.
   */
  private final long version;

  /**
   * The elements of {@code subtasks} this patch changes by id, if it changes them rather than
   * set a whole value; else {@code null}.
   */
  private final ElementEdits<String, Subtask, SubtaskPatch> subtasksEdits;

  /**
   * The entries of {@code columns} this patch changes by key, if it changes them rather than
   * set a whole value; else {@code null}.
   */
  private final EntryEdits<String, Long, Column, ColumnPatch> columnsEdits;

  /**
   * A patch that sets {@code fields} to these values; every other value must be its type's
   * default. Not private: {@link ProjectSync} and the codec make patches too.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param name the value it gives {@code name}
   * @param subtasks the value it gives {@code subtasks}
   * @param columns the value it gives {@code columns}
   * @param version the value it gives {@code version}
   */
  ProjectPatch(long fields, String id, String name, List<Subtask> subtasks,
      Map<String, Column> columns, long version) {
    this(fields, id, name, subtasks, columns, version, null, null);
  }

  /**
   * A patch that sets {@code fields} to these values, and those it changes inside by these
   * changes.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param name the value it gives {@code name}
   * @param subtasks the value it gives {@code subtasks}
   * @param columns the value it gives {@code columns}
   * @param version the value it gives {@code version}
   * @param subtasksEdits the change it makes inside {@code subtasks}, or {@code null}
   * @param columnsEdits the change it makes inside {@code columns}, or {@code null}
   */
  private ProjectPatch(long fields, String id, String name, List<Subtask> subtasks,
      Map<String, Column> columns, long version,
      ElementEdits<String, Subtask, SubtaskPatch> subtasksEdits,
      EntryEdits<String, Long, Column, ColumnPatch> columnsEdits) {
    this.fields = fields;
    this.id = id;
    this.name = name;
    this.subtasks = subtasks;
    this.columns = columns;
    this.version = version;
    this.subtasksEdits = subtasksEdits;
    this.columnsEdits = columnsEdits;
  }

  /**
   * {@return a patch that sets no field}
   */
  public static ProjectPatch empty() {
    return EMPTY;
  }

  /**
   * A new patch that sets everything this one sets, and {@code id} to {@code id}.
   *
   * @param id the value to set
   * @return the new patch
   */
  public ProjectPatch id(String id) {
    return new ProjectPatch(fields | 1L << 0, id, name, subtasks, columns, version, subtasksEdits,
        columnsEdits);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String id() {
    return id;
  }

  /**
   * A new patch that sets everything this one sets, and {@code name} to {@code name}.
   *
   * @param name the value to set
   * @return the new patch
   */
  public ProjectPatch name(String name) {
    return new ProjectPatch(fields | 1L << 1, id, name, subtasks, columns, version, subtasksEdits,
        columnsEdits);
  }

  /**
   * {@return the value this patch gives {@code name}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String name() {
    return name;
  }

  /**
   * A new patch that sets everything this one sets, and {@code subtasks} to {@code subtasks}.
   *
   * @param subtasks the value to set
   * @return the new patch
   */
  public ProjectPatch subtasks(List<Subtask> subtasks) {
    return new ProjectPatch(fields | 1L << 2, id, name, ProjectSync.freezeSubtasks(subtasks),
        columns, version, null, columnsEdits);
  }

  /**
   * A new patch that sets everything this one sets, and changes elements of {@code subtasks}
   * by id as {@code edit} says: update some fields of one, add one, remove one. Elements it
   * does not name, and the local-only fields of those it updates, keep the values they have
   * when the patch is applied, so a mutation made of it changes only those elements, whatever
   * the server changes meanwhile. If this patch sets a whole {@code subtasks} already, the
   * changes are made to it.
   *
   * @param edit given the changes so far, returns them with more
   * @return the new patch
   */
  public ProjectPatch editSubtasks(
      UnaryOperator<ElementEdits<String, Subtask, SubtaskPatch>> edit) {
    ElementEdits<String, Subtask, SubtaskPatch> change =
        Objects.requireNonNull(edit.apply(subtasksEdits == null
        ? ElementEdits.of(SubtaskSync.TYPE, SubtaskPatch.empty()) : subtasksEdits),
        "the edit returned null");
    if ((fields & 1L << 2) != 0 && subtasksEdits == null) {
      return subtasks(change.applyTo(subtasks, ArrayList::new));
    }
    return new ProjectPatch(fields | 1L << 2, id, name, null, columns, version, change,
        columnsEdits);
  }

  /**
   * {@return the value this patch gives {@code subtasks}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public List<Subtask> subtasks() {
    return ProjectSync.copySubtasks(subtasks);
  }

  /**
   * A new patch that sets everything this one sets, and {@code columns} to {@code columns}.
   *
   * @param columns the value to set
   * @return the new patch
   */
  public ProjectPatch columns(Map<String, Column> columns) {
    return new ProjectPatch(fields | 1L << 3, id, name, subtasks,
        ProjectSync.freezeColumns(columns), version, subtasksEdits, null);
  }

  /**
   * A new patch that sets everything this one sets, and changes entries of {@code columns} by
   * key as {@code edit} says: update some fields of the element at a key, put an element at a
   * key, remove the entry at a key. Entries it does not name, and the local-only fields of the
   * elements it updates, keep the values they have when the patch is applied, so a mutation
   * made of it changes only those entries, whatever the server changes meanwhile; an update or
   * remove made through the store changes only the element the key holds as it is made. If
   * this patch sets a whole {@code columns} already, the changes are made to it.
   *
   * @param edit given the changes so far, returns them with more
   * @return the new patch
   */
  public ProjectPatch editColumns(
      UnaryOperator<EntryEdits<String, Long, Column, ColumnPatch>> edit) {
    EntryEdits<String, Long, Column, ColumnPatch> change =
        Objects.requireNonNull(edit.apply(columnsEdits == null
        ? EntryEdits.of(ColumnSync.TYPE, ColumnPatch.empty()) : columnsEdits),
        "the edit returned null");
    if ((fields & 1L << 3) != 0 && columnsEdits == null) {
      return columns(change.applyTo(columns, LinkedHashMap::new));
    }
    return new ProjectPatch(fields | 1L << 3, id, name, subtasks, null, version, subtasksEdits,
        change);
  }

  /**
   * {@return the value this patch gives {@code columns}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Map<String, Column> columns() {
    return ProjectSync.copyColumns(columns);
  }

  /**
   * A new patch that sets everything this one sets, and {@code version} to {@code version}.
   *
   * @param version the value to set
   * @return the new patch
   */
  public ProjectPatch version(long version) {
    return new ProjectPatch(fields | 1L << 4, id, name, subtasks, columns, version, subtasksEdits,
        columnsEdits);
  }

  /**
   * {@return the value this patch gives {@code version}, or {@code 0L} if it does not set it}
   * (See {@link #sets}.)
   */
  public long version() {
    return version;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public FieldSet<ProjectField> fields() {
    return FieldSet.of(ProjectSync.TYPE.fields(), fields);
  }

  /**
   * Whether this patch sets {@code field}; allocates nothing.
   */
  @Override
  public boolean sets(EntityField field) {
    return field instanceof ProjectField known && (fields & 1L << known.ordinal()) != 0;
  }

  /**
   * Whether this patch sets no field.
   */
  @Override
  public boolean isEmpty() {
    return fields == 0;
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if this patch does not set {@code field}
   */
  @Override
  public Object get(EntityField field) {
    ProjectField known = ProjectField.of(field);
    if (!sets(known)) {
      throw new IllegalArgumentException("ProjectPatch does not set '" + known.fieldName() + "'");
    }
    return switch (known) {
      case ID -> this.id;
      case NAME -> this.name;
      case SUBTASKS -> ProjectSync.copySubtasks(this.subtasks);
      case COLUMNS -> ProjectSync.copyColumns(this.columns);
      case VERSION -> this.version;
    };
  }

  /**
   * The change this patch makes inside {@code field}'s value, if it sets it that way; else
   * {@code null}.
   */
  @Override
  public Inside<?> inside(EntityField field) {
    if (field == ProjectField.SUBTASKS) {
      return subtasksEdits;
    }
    if (field == ProjectField.COLUMNS) {
      return columnsEdits;
    }
    return null;
  }

  /**
   * Whether this patch changes inside some field.
   */
  @Override
  public boolean changesInside() {
    return subtasksEdits != null || columnsEdits != null;
  }

  /**
   * A patch that sets what this one sets, with {@code field} set by the change {@code inside}
   * instead; {@code inside} is one this class made for {@code field}.
   */
  @Override
  @SuppressWarnings("unchecked")
  public ProjectPatch withInside(EntityField field, Inside<?> inside) {
    return switch (ProjectField.of(field)) {
      case SUBTASKS -> new ProjectPatch(fields | 1L << 2, id, name, null, columns, version,
          (ElementEdits<String, Subtask, SubtaskPatch>) inside, columnsEdits);
      case COLUMNS -> new ProjectPatch(fields | 1L << 3, id, name, subtasks, null, version,
          subtasksEdits, (EntryEdits<String, Long, Column, ColumnPatch>) inside);
      default -> throw new IllegalArgumentException("ProjectPatch changes nothing inside '"
          + field.fieldName() + "'");
    };
  }

  /**
   * Sets exactly this patch's fields on {@code target} and returns it; every other field,
   * local-only ones included, keeps its value.
   */
  @Override
  public Project applyTo(Project target) {
    if ((fields & 1L << 0) != 0) {
      target.id = this.id;
    }
    if ((fields & 1L << 1) != 0) {
      target.name = this.name;
    }
    if ((fields & 1L << 2) != 0) {
      target.subtasks = (this.subtasksEdits != null
          ? this.subtasksEdits.applyTo(target.subtasks, ArrayList::new)
          : ProjectSync.mergeSubtasks(target.subtasks, this.subtasks));
    }
    if ((fields & 1L << 3) != 0) {
      target.columns = (this.columnsEdits != null
          ? this.columnsEdits.applyTo(target.columns, LinkedHashMap::new)
          : ProjectSync.mergeColumns(target.columns, this.columns));
    }
    if ((fields & 1L << 4) != 0) {
      target.version = this.version;
    }
    return target;
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof ProjectPatch that
        && fields == that.fields
        && Objects.equals(this.id, that.id)
        && Objects.equals(this.name, that.name)
        && ProjectSync.equalSubtasks(this.subtasks, that.subtasks)
        && ProjectSync.equalColumns(this.columns, that.columns)
        && this.version == that.version
        && Objects.equals(this.subtasksEdits, that.subtasksEdits)
        && Objects.equals(this.columnsEdits, that.columnsEdits);
  }

  /**
   * A hash of the fields this patch sets and their values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(fields, id, name, ProjectSync.hashSubtasks(subtasks),
        ProjectSync.hashColumns(columns), version, subtasksEdits, columnsEdits);
  }

  /**
   * The fields this patch sets with their values, for example {@code ProjectPatch{id=...}}.
   */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "ProjectPatch{", "}");
    for (ProjectField field : fields()) {
      String text = switch (field) {
        case SUBTASKS -> subtasksEdits != null ? "changed inside " + subtasksEdits
            : ProjectSync.textSubtasks(this.subtasks);
        case COLUMNS -> columnsEdits != null ? "changed inside " + columnsEdits
            : ProjectSync.textColumns(this.columns);
        default -> String.valueOf(get(field));
      };
      joiner.add(field.fieldName() + "=" + text);
    }
    return joiner.toString();
  }
}
