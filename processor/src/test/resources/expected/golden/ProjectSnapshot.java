package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The synced fields of one {@link Project} at one moment, as an immutable value; local-only
 * fields are never part of it. Made by {@link ProjectSync#snapshot}, it is an undo point
 * ({@link ProjectSync#restore} puts its values back and keeps local-only ones), a comparison
 * of synced state ({@code equals}) and what a view can render.
 *
 * @param id the value of {@code id}
 * @param name the value of {@code name}
 * @param subtasks the value of {@code subtasks}
 * @param columns the value of {@code columns}
 * @param version the value of {@code version}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record ProjectSnapshot(String id, String name, List<Subtask> subtasks,
    Map<String, Column> columns, long version) implements Snapshot<Project> {
  /**
   * Keeps unmodifiable copies of the collections and maps it is given and copies of the arrays
   * and nested objects, so that changing them later changes no snapshot.
   *
   * @param id the value of {@code id}
   * @param name the value of {@code name}
   * @param subtasks the value of {@code subtasks}
   * @param columns the value of {@code columns}
   * @param version the value of {@code version}
   */
  public ProjectSnapshot {
    subtasks = ProjectSync.freezeSubtasks(subtasks);
    columns = ProjectSync.freezeColumns(columns);
  }

  /**
   * {@return a copy of the value of {@code subtasks}}: the snapshot keeps its own.
   */
  @Override
  public List<Subtask> subtasks() {
    return ProjectSync.copySubtasks(subtasks);
  }

  /**
   * {@return a copy of the value of {@code columns}}: the snapshot keeps its own.
   */
  @Override
  public Map<String, Column> columns() {
    return ProjectSync.copyColumns(columns);
  }

  /**
   * Whether {@code object} is a snapshot with equal values, as for a record (arrays with equal
   * elements, nested objects with equal synced fields).
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof ProjectSnapshot that
        && Objects.equals(this.id, that.id)
        && Objects.equals(this.name, that.name)
        && ProjectSync.equalSubtasks(this.subtasks, that.subtasks)
        && ProjectSync.equalColumns(this.columns, that.columns)
        && this.version == that.version;
  }

  /**
   * A hash of the values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, name, ProjectSync.hashSubtasks(subtasks),
        ProjectSync.hashColumns(columns), version);
  }

  /**
   * The values, as a record writes them.
   */
  @Override
  public String toString() {
    return "ProjectSnapshot["
        + "id=" + id
        + ", name=" + name
        + ", subtasks=" + ProjectSync.textSubtasks(subtasks)
        + ", columns=" + ProjectSync.textColumns(columns)
        + ", version=" + version
        + "]";
  }

  /**
   * The value of {@code field} in this snapshot (primitives boxed, arrays copied).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Project}
   */
  @Override
  public Object get(EntityField field) {
    return switch (ProjectField.of(field)) {
      case ID -> this.id;
      case NAME -> this.name;
      case SUBTASKS -> ProjectSync.copySubtasks(this.subtasks);
      case COLUMNS -> ProjectSync.copyColumns(this.columns);
      case VERSION -> this.version;
    };
  }
}
