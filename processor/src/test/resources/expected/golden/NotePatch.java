package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
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
  private static final NotePatch EMPTY = new NotePatch(Set.of(), 0L, null, null, null, null, null,
      null, null);

  /**
   * The fields this patch sets.
   */
  private final Set<NoteField> fields;

  /**
   * The value this patch gives {@code id}, if it sets it.
   */
  private final long id;

  /**
   * The value this patch gives {@code text}, if it sets it.
   */
  private final String text;

  /**
   * The value this patch gives {@code priority}, if it sets it.
   */
  private final Priority priority;

  /**
   * The value this patch gives {@code stars}, if it sets it.
   */
  private final Integer stars;

  /**
   * The value this patch gives {@code price}, if it sets it.
   */
  private final BigDecimal price;

  /**
   * The value this patch gives {@code owner}, if it sets it.
   */
  private final UUID owner;

  /**
   * The value this patch gives {@code due}, if it sets it.
   */
  private final LocalDate due;

  /**
   * The value this patch gives {@code updatedAt}, if it sets it.
   */
  private final Instant updatedAt;

  /**
   * A patch that sets {@code fields} to these values.
   *
   * @param fields the fields it sets, unmodifiable
   * @param id the value it gives {@code id}, if it sets it
   * @param text the value it gives {@code text}, if it sets it
   * @param priority the value it gives {@code priority}, if it sets it
   * @param stars the value it gives {@code stars}, if it sets it
   * @param price the value it gives {@code price}, if it sets it
   * @param owner the value it gives {@code owner}, if it sets it
   * @param due the value it gives {@code due}, if it sets it
   * @param updatedAt the value it gives {@code updatedAt}, if it sets it
   */
  private NotePatch(Set<NoteField> fields, long id, String text, Priority priority, Integer stars,
      BigDecimal price, UUID owner, LocalDate due, Instant updatedAt) {
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
    return new NotePatch(with(NoteField.ID), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code 0L} if it does not set it}
   * (See {@link #fields()}.)
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
    return new NotePatch(with(NoteField.TEXT), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code text}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new NotePatch(with(NoteField.PRIORITY), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code priority}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new NotePatch(with(NoteField.STARS), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code stars}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new NotePatch(with(NoteField.PRICE), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code price}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new NotePatch(with(NoteField.OWNER), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code owner}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new NotePatch(with(NoteField.DUE), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code due}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
   */
  public LocalDate due() {
    return due;
  }

  /**
   * A new patch that sets everything this one sets, and {@code updatedAt} to {@code updatedAt}.
   *
   * @param updatedAt the value to set
   * @return the new patch
   */
  public NotePatch updatedAt(Instant updatedAt) {
    return new NotePatch(with(NoteField.UPDATED_AT), id, text, priority, stars, price, owner, due,
        updatedAt);
  }

  /**
   * {@return the value this patch gives {@code updatedAt}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
   */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public Set<NoteField> fields() {
    return fields;
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if this patch does not set {@code field}
   */
  @Override
  public Object get(EntityField field) {
    NoteField known = NoteField.of(field);
    if (!fields.contains(known)) {
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
    if (fields.contains(NoteField.ID)) {
      target.id = this.id;
    }
    if (fields.contains(NoteField.TEXT)) {
      target.text = this.text;
    }
    if (fields.contains(NoteField.PRIORITY)) {
      target.priority = this.priority;
    }
    if (fields.contains(NoteField.STARS)) {
      target.stars = this.stars;
    }
    if (fields.contains(NoteField.PRICE)) {
      target.price = this.price;
    }
    if (fields.contains(NoteField.OWNER)) {
      target.owner = this.owner;
    }
    if (fields.contains(NoteField.DUE)) {
      target.due = this.due;
    }
    if (fields.contains(NoteField.UPDATED_AT)) {
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
        && fields.equals(that.fields)
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
    for (NoteField field : fields) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }

  /**
   * {@return the fields this patch sets and {@code field}, unmodifiable}
   *
   * @param field the field to add
   */
  private Set<NoteField> with(NoteField field) {
    EnumSet<NoteField> set = EnumSet.noneOf(NoteField.class);
    set.addAll(fields);
    set.add(field);
    return Collections.unmodifiableSet(set);
  }
}
