package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The description of {@link Task} that the Synced runtime works through: id and version,
 * copies, snapshots, restore, merge, patches and diffs, in plain code without reflection.
 *
 * <p>{@code Task} is a mutable class: {@code withId}, {@code restore} and {@code merge}
 * change their first argument in place and return it.
 *
 * <p>Synced fields are the server's; local-only fields are the client's. Every method that
 * takes synced fields from one entity keeps the local-only fields of the other.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class TaskSync implements EntityType<String, Task> {
  /**
   * The description of {@link Task}.
   */
  public static final TaskSync TYPE = new TaskSync();

  /**
   * The synced fields in declaration order, unmodifiable.
   */
  private static final List<TaskField> FIELDS = List.of(TaskField.values());

  /**
   * The one instance is {@link #TYPE}.
   */
  private TaskSync() {
  }

  /**
   * {@code "Task"}, the entity's simple name.
   */
  @Override
  public String name() {
    return "Task";
  }

  /**
   * {@code Task.class}.
   */
  @Override
  public Class<Task> type() {
    return Task.class;
  }

  /**
   * The synced fields in declaration order (superclass fields first); unmodifiable.
   */
  @Override
  public List<TaskField> fields() {
    return FIELDS;
  }

  /**
   * {@link TaskField#ID}.
   */
  @Override
  public TaskField idField() {
    return TaskField.ID;
  }

  /**
   * {@code String.class}, the class of the id.
   */
  @Override
  public Class<String> idType() {
    return String.class;
  }

  /**
   * {@code null}, the id a new {@link Task} has before it is given one.
   */
  @Override
  public String unsetId() {
    return null;
  }

  /**
   * The entity's {@code id}.
   */
  @Override
  public String id(Task entity) {
    return entity.getId();
  }

  /**
   * Sets the id of {@code entity} to {@code id} and returns {@code entity}.
   */
  @Override
  public Task withId(Task entity, String id) {
    entity.setId(id);
    return entity;
  }

  /**
   * {@code true}: {@code updatedAt} is the version.
   */
  @Override
  public boolean hasVersion() {
    return true;
  }

  /**
   * {@link TaskField#UPDATED_AT}.
   */
  @Override
  public TaskField versionField() {
    return TaskField.UPDATED_AT;
  }

  /**
   * The entity's {@code updatedAt}, boxed.
   */
  @Override
  public Object version(Task entity) {
    return entity.getUpdatedAt();
  }

  /**
   * Compares the {@code updatedAt} of {@code a} and {@code b}: negative if {@code a} is older.
   */
  @Override
  public int compareVersions(Task a, Task b) {
    return Long.compare(a.getUpdatedAt(), b.getUpdatedAt());
  }

  /**
   * A new {@link Task} equal to {@code entity} in every field, synced and local-only. Values
   * are copied as they are: a mutable local-only value, such as a list, is shared.
   */
  @Override
  public Task copy(Task entity) {
    Task copy = new Task();
    copy.setId(entity.getId());
    copy.setTitle(entity.getTitle());
    copy.setDone(entity.isDone());
    copy.setUpdatedAt(entity.getUpdatedAt());
    copy.setExpanded(entity.isExpanded());
    return copy;
  }

  /**
   * A new {@link Task} with the synced fields of {@code entity} and every local-only field as
   * a new instance has it: what may leave the client.
   */
  @Override
  public Task syncedCopy(Task entity) {
    Task copy = new Task();
    copy.setId(entity.getId());
    copy.setTitle(entity.getTitle());
    copy.setDone(entity.isDone());
    copy.setUpdatedAt(entity.getUpdatedAt());
    return copy;
  }

  /**
   * The synced fields of {@code entity}, as an immutable value: with {@link #restore}, an undo
   * of synced state; with {@code equals}, a comparison of it.
   */
  @Override
  public TaskSnapshot snapshot(Task entity) {
    return new TaskSnapshot(
        entity.getId(),
        entity.getTitle(),
        entity.isDone(),
        entity.getUpdatedAt());
  }

  /**
   * Sets every synced field of {@code target} to its value in {@code snapshot} and returns
   * {@code target}; local-only fields keep their values.
   *
   * @throws IllegalArgumentException if {@code snapshot} was not made by {@link #snapshot}
   */
  @Override
  public Task restore(Task target, Snapshot<Task> snapshot) {
    if (!(snapshot instanceof TaskSnapshot values)) {
      throw new IllegalArgumentException("not a snapshot made by TaskSync: " + snapshot);
    }
    target.setId(values.id());
    target.setTitle(values.title());
    target.setDone(values.done());
    target.setUpdatedAt(values.updatedAt());
    return target;
  }

  /**
   * Sets every synced field of {@code local} to its value in {@code server} and returns
   * {@code local}; local-only fields keep their values and {@code server} is not changed.
   */
  @Override
  public Task merge(Task local, Task server) {
    local.setId(server.getId());
    local.setTitle(server.getTitle());
    local.setDone(server.isDone());
    local.setUpdatedAt(server.getUpdatedAt());
    return local;
  }

  /**
   * A patch that sets {@code fields} to their values in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not a synced field of {@link Task}
   */
  @Override
  public TaskPatch patch(Task source, Set<? extends EntityField> fields) {
    long set = 0;
    for (EntityField each : fields) {
      set |= 1L << TaskField.of(each).ordinal();
    }
    return new TaskPatch(
        set,
        (set & 1L << 0) != 0 ? source.getId() : null,
        (set & 1L << 1) != 0 ? source.getTitle() : null,
        (set & 1L << 2) != 0 ? source.isDone() : false,
        (set & 1L << 3) != 0 ? source.getUpdatedAt() : 0L);
  }

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration
   * order; unmodifiable. Values are compared with {@code ==} for primitives, {@code compare}
   * for floating-point values (so {@code NaN} equals itself) and {@code equals} otherwise (so
   * {@code BigDecimal} values of different scale differ).
   */
  @Override
  public FieldSet<TaskField> diff(Task a, Task b) {
    long changed = 0L;
    if (!Objects.equals(a.getId(), b.getId())) {
      changed |= 1L << 0;
    }
    if (!Objects.equals(a.getTitle(), b.getTitle())) {
      changed |= 1L << 1;
    }
    if (a.isDone() != b.isDone()) {
      changed |= 1L << 2;
    }
    if (a.getUpdatedAt() != b.getUpdatedAt()) {
      changed |= 1L << 3;
    }
    return FieldSet.of(FIELDS, changed);
  }

  /**
   * Whether every synced field of {@code a} equals that of {@code b}, compared as
   * {@link #diff} compares them; nothing is allocated.
   */
  @Override
  public boolean syncedEquals(Task a, Task b) {
    return Objects.equals(a.getId(), b.getId())
        && Objects.equals(a.getTitle(), b.getTitle())
        && a.isDone() == b.isDone()
        && a.getUpdatedAt() == b.getUpdatedAt();
  }

  /**
   * The value of {@code field} in {@code entity} (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Task}
   */
  @Override
  public Object get(Task entity, EntityField field) {
    return switch (TaskField.of(field)) {
      case ID -> entity.getId();
      case TITLE -> entity.getTitle();
      case DONE -> entity.isDone();
      case UPDATED_AT -> entity.getUpdatedAt();
    };
  }
}
