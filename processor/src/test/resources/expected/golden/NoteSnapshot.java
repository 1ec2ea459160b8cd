package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The synced fields of one {@link Note} at one moment, as an immutable value; local-only
 * fields are never part of it. Made by {@link NoteSync#snapshot}, it is an undo point
 * ({@link NoteSync#restore} puts its values back and keeps local-only ones), a comparison of
 * synced state ({@code equals}) and what a view can render.
 *
 * @param id the value of {@code id}
 * @param text the value of {@code text}
 * @param priority the value of {@code priority}
 * @param stars the value of {@code stars}
 * @param price the value of {@code price}
 * @param owner the value of {@code owner}
 * @param due the value of {@code due}
 * @param updatedAt the value of {@code updatedAt}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record NoteSnapshot(long id, String text, Priority priority, Integer stars, BigDecimal price,
    UUID owner, LocalDate due, Instant updatedAt) implements Snapshot<Note> {
  /**
   * The value of {@code field} in this snapshot (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Note}
   */
  @Override
  public Object get(EntityField field) {
    return switch (NoteField.of(field)) {
      case ID -> this.id;
      case TEXT -> this.text;
      case PRIORITY -> this.priority;
      case STARS -> this.stars;
      case PRICE -> this.price;
      case OWNER -> this.owner;
      case DUE -> this.due;
      case UPDATED_AT -> this.updatedAt;
    };
  }
}
