package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Patch;
import java.util.Objects;
import java.util.StringJoiner;
import javax.annotation.processing.Generated;

/**
 * A typed partial update of {@link Task}: the synced fields it sets, each with its value.
 *
 * <p>Immutable: every setter returns a new patch, so a patch held by a pending mutation has
 * the same effect each time it is applied. A field that is not set is absent, which is
 * different from a field set to {@code null}. Start from {@link #empty()}, for example
 * {@code TaskPatch.empty().title(...).done(...)}.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class TaskPatch implements Patch<Task> {
  /**
   * The patch that sets no field.
   */
  private static final TaskPatch EMPTY = new TaskPatch(0L, null, null, false, 0L);

  /**
   * The fields this patch sets: bit {@code i} for the field whose ordinal is {@code i}.
   */
  private final long fields;

  /**
   * The value this patch gives {@code id}, if it sets it; else the default.
   */
  private final String id;

  /**
   * The value this patch gives {@code title}, if it sets it; else the default.
   */
  private final String title;

  /**
   * The value this patch gives {@code done}, if it sets it; else the default.
   */
  private final boolean done;

  /**
   * The value this patch gives {@code updatedAt}, if it sets it; else the default.
   */
  private final long updatedAt;

  /**
   * A patch that sets {@code fields} to these values; every other value must be its type's
   * default. Not private: {@link TaskSync} and the codec make patches too.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param title the value it gives {@code title}
   * @param done the value it gives {@code done}
   * @param updatedAt the value it gives {@code updatedAt}
   */
  TaskPatch(long fields, String id, String title, boolean done, long updatedAt) {
    this.fields = fields;
    this.id = id;
    this.title = title;
    this.done = done;
    this.updatedAt = updatedAt;
  }

  /**
   * {@return a patch that sets no field}
   */
  public static TaskPatch empty() {
    return EMPTY;
  }

  /**
   * A new patch that sets everything this one sets, and {@code id} to {@code id}.
   *
   * @param id the value to set
   * @return the new patch
   */
  public TaskPatch id(String id) {
    return new TaskPatch(fields | 1L << 0, id, title, done, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String id() {
    return id;
  }

  /**
   * A new patch that sets everything this one sets, and {@code title} to {@code title}.
   *
   * @param title the value to set
   * @return the new patch
   */
  public TaskPatch title(String title) {
    return new TaskPatch(fields | 1L << 1, id, title, done, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code title}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String title() {
    return title;
  }

  /**
   * A new patch that sets everything this one sets, and {@code done} to {@code done}.
   *
   * @param done the value to set
   * @return the new patch
   */
  public TaskPatch done(boolean done) {
    return new TaskPatch(fields | 1L << 2, id, title, done, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code done}, or {@code false} if it does not set it}
   * (See {@link #sets}.)
   */
  public boolean done() {
    return done;
  }

  /**
   * A new patch that sets everything this one sets, and {@code updatedAt} to
   * {@code updatedAt}.
   *
   * @param updatedAt the value to set
   * @return the new patch
   */
  public TaskPatch updatedAt(long updatedAt) {
    return new TaskPatch(fields | 1L << 3, id, title, done, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code updatedAt}, or {@code 0L} if it does not set it}
   * (See {@link #sets}.)
   */
  public long updatedAt() {
    return updatedAt;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public FieldSet<TaskField> fields() {
    return FieldSet.of(TaskSync.TYPE.fields(), fields);
  }

  /**
   * Whether this patch sets {@code field}; allocates nothing.
   */
  @Override
  public boolean sets(EntityField field) {
    return field instanceof TaskField known && (fields & 1L << known.ordinal()) != 0;
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
    TaskField known = TaskField.of(field);
    if (!sets(known)) {
      throw new IllegalArgumentException("TaskPatch does not set '" + known.fieldName() + "'");
    }
    return switch (known) {
      case ID -> this.id;
      case TITLE -> this.title;
      case DONE -> this.done;
      case UPDATED_AT -> this.updatedAt;
    };
  }

  /**
   * Sets exactly this patch's fields on {@code target} and returns it; every other field,
   * local-only ones included, keeps its value.
   */
  @Override
  public Task applyTo(Task target) {
    if ((fields & 1L << 0) != 0) {
      target.setId(this.id);
    }
    if ((fields & 1L << 1) != 0) {
      target.setTitle(this.title);
    }
    if ((fields & 1L << 2) != 0) {
      target.setDone(this.done);
    }
    if ((fields & 1L << 3) != 0) {
      target.setUpdatedAt(this.updatedAt);
    }
    return target;
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof TaskPatch that
        && fields == that.fields
        && Objects.equals(this.id, that.id)
        && Objects.equals(this.title, that.title)
        && this.done == that.done
        && this.updatedAt == that.updatedAt;
  }

  /**
   * A hash of the fields this patch sets and their values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(fields, id, title, done, updatedAt);
  }

  /**
   * The fields this patch sets with their values, for example {@code TaskPatch{id=...}}.
   */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "TaskPatch{", "}");
    for (TaskField field : fields()) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }
}
