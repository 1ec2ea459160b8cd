package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * A typed partial update of {@link Note}: the synced fields it sets, each with its value.
 *
 * <p>Immutable: every setter returns a new patch, so a patch held by a pending mutation has
 * the same effect each time it is applied. A field that is not set is absent, which is
 * different from a field set to {@code null}. Start from {@link #empty()}, for example
 * {@code NotePatch.empty().text(...).priority(...)}.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class NotePatch implements Patch<Note> {
  /**
   * The patch that sets no field.
   */
  private static final NotePatch EMPTY = new NotePatch(0L, 0L, null, null, null, null, null, null,
      null);

  /**
   * The fields this patch sets: bit {@code i} for the field whose ordinal is {@code i}.
   */
  private final long fields;

  /**
   * The value this patch gives {@code id}, if it sets it; else the default.
   */
  private final long id;

  /**
   * The value this patch gives {@code text}, if it sets it; else the default.
   */
  private final String text;

  /**
   * The value this patch gives {@code priority}, if it sets it; else the default.
   */
  private final Priority priority;

  /**
   * The value this patch gives {@code stars}, if it sets it; else the default.
   */
  private final Integer stars;

  /**
   * The value this patch gives {@code price}, if it sets it; else the default.
   */
  private final BigDecimal price;

  /**
   * The value this patch gives {@code owner}, if it sets it; else the default.
   */
  private final UUID owner;

  /**
   * The value this patch gives {@code due}, if it sets it; else the default.
   */
  private final LocalDate due;

  /**
   * The value this patch gives {@code updatedAt}, if it sets it; else the default.
   */
  private final Instant updatedAt;

  /**
   * A patch that sets {@code fields} to these values; every other value must be its type's
   * default. Not private: {@link NoteSync} and the codec make patches too.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param text the value it gives {@code text}
   * @param priority the value it gives {@code priority}
   * @param stars the value it gives {@code stars}
   * @param price the value it gives {@code price}
   * @param owner the value it gives {@code owner}
   * @param due the value it gives {@code due}
   * @param updatedAt the value it gives {@code updatedAt}
   */
  NotePatch(long fields, long id, String text, Priority priority, Integer stars, BigDecimal price,
      UUID owner, LocalDate due, Instant updatedAt) {
    this.fields = fields;
    this.id = id;
    this.text = text;
    this.priority = priority;
    this.stars = stars;
    this.price = price;
    this.owner = owner;
    this.due = due;
    this.updatedAt = updatedAt;
  }

  /**
   * {@return a patch that sets no field}
   */
  public static NotePatch empty() {
    return EMPTY;
  }

  /**
   * A new patch that sets everything this one sets, and {@code id} to {@code id}.
   *
   * @param id the value to set
   * @return the new patch
   */
  public NotePatch id(long id) {
    return new NotePatch(fields | 1L << 0, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code 0L} if it does not set it} (See
   * {@link #sets}.)
   */
  public long id() {
    return id;
  }

  /**
   * A new patch that sets everything this one sets, and {@code text} to {@code text}.
   *
   * @param text the value to set
   * @return the new patch
   */
  public NotePatch text(String text) {
    return new NotePatch(fields | 1L << 1, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code text}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String text() {
    return text;
  }

  /**
   * A new patch that sets everything this one sets, and {@code priority} to {@code priority}.
   *
   * @param priority the value to set
   * @return the new patch
   */
  public NotePatch priority(Priority priority) {
    return new NotePatch(fields | 1L << 2, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code priority}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Priority priority() {
    return priority;
  }

  /**
   * A new patch that sets everything this one sets, and {@code stars} to {@code stars}.
   *
   * @param stars the value to set
   * @return the new patch
   */
  public NotePatch stars(Integer stars) {
    return new NotePatch(fields | 1L << 3, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code stars}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Integer stars() {
    return stars;
  }

  /**
   * A new patch that sets everything this one sets, and {@code price} to {@code price}.
   *
   * @param price the value to set
   * @return the new patch
   */
  public NotePatch price(BigDecimal price) {
    return new NotePatch(fields | 1L << 4, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code price}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public BigDecimal price() {
    return price;
  }

  /**
   * A new patch that sets everything this one sets, and {@code owner} to {@code owner}.
   *
   * @param owner the value to set
   * @return the new patch
   */
  public NotePatch owner(UUID owner) {
    return new NotePatch(fields | 1L << 5, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code owner}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public UUID owner() {
    return owner;
  }

  /**
   * A new patch that sets everything this one sets, and {@code due} to {@code due}.
   *
   * @param due the value to set
   * @return the new patch
   */
  public NotePatch due(LocalDate due) {
    return new NotePatch(fields | 1L << 6, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code due}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public LocalDate due() {
    return due;
  }

  /**
   * A new patch that sets everything this one sets, and {@code updatedAt} to
   * {@code updatedAt}.
   *
   * @param updatedAt the value to set
   * @return the new patch
   */
  public NotePatch updatedAt(Instant updatedAt) {
    return new NotePatch(fields | 1L << 7, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * {@return the value this patch gives {@code updatedAt}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public FieldSet<NoteField> fields() {
    return FieldSet.of(NoteSync.TYPE.fields(), fields);
  }

  /**
   * Whether this patch sets {@code field}; allocates nothing.
   */
  @Override
  public boolean sets(EntityField field) {
    return field instanceof NoteField known && (fields & 1L << known.ordinal()) != 0;
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
    NoteField known = NoteField.of(field);
    if (!sets(known)) {
      throw new IllegalArgumentException("NotePatch does not set '" + known.fieldName() + "'");
    }
    return switch (known) {
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

  /**
   * Sets exactly this patch's fields on {@code target} and returns it; every other field,
   * local-only ones included, keeps its value.
   */
  @Override
  public Note applyTo(Note target) {
    if ((fields & 1L << 0) != 0) {
      target.id = this.id;
    }
    if ((fields & 1L << 1) != 0) {
      target.text = this.text;
    }
    if ((fields & 1L << 2) != 0) {
      target.priority = this.priority;
    }
    if ((fields & 1L << 3) != 0) {
      target.stars = this.stars;
    }
    if ((fields & 1L << 4) != 0) {
      target.price = this.price;
    }
    if ((fields & 1L << 5) != 0) {
      target.owner = this.owner;
    }
    if ((fields & 1L << 6) != 0) {
      target.due = this.due;
    }
    if ((fields & 1L << 7) != 0) {
      target.updatedAt = this.updatedAt;
    }
    return target;
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof NotePatch that
        && fields == that.fields
        && this.id == that.id
        && Objects.equals(this.text, that.text)
        && Objects.equals(this.priority, that.priority)
        && Objects.equals(this.stars, that.stars)
        && Objects.equals(this.price, that.price)
        && Objects.equals(this.owner, that.owner)
        && Objects.equals(this.due, that.due)
        && Objects.equals(this.updatedAt, that.updatedAt);
  }

  /**
   * A hash of the fields this patch sets and their values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(fields, id, text, priority, stars, price, owner, due, updatedAt);
  }

  /**
   * The fields this patch sets with their values, for example {@code NotePatch{id=...}}.
   */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "NotePatch{", "}");
    for (NoteField field : fields()) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }
}
