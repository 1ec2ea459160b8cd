package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import javax.annotation.processing.Generated;

/**
 * The synced fields of one {@link Task} at one moment, as an immutable value; local-only
 * fields are never part of it. Made by {@link TaskSync#snapshot}, it is an undo point
 * ({@link TaskSync#restore} puts its values back and keeps local-only ones), a comparison of
 * synced state ({@code equals}) and what a view can render.
 *
 * @param id the value of {@code id}
 * @param title the value of {@code title}
 * @param done the value of {@code done}
 * @param updatedAt the value of {@code updatedAt}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record TaskSnapshot(String id, String title, boolean done,
    long updatedAt) implements Snapshot<Task> {
  /**
   * The value of {@code field} in this snapshot (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Task}
   */
  @Override
  public Object get(EntityField field) {
    return switch (TaskField.of(field)) {
      case ID -> this.id;
      case TITLE -> this.title;
      case DONE -> this.done;
      case UPDATED_AT -> this.updatedAt;
    };
  }
}
