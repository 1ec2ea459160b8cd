package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Snapshot;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The description of {@link Note} that the Synced runtime works through: id and version,
 * copies, snapshots, restore, merge, patches and diffs, in plain code without reflection.
 *
 * <p>{@code Note} is a mutable class: {@code withId}, {@code restore} and {@code merge}
 * change their first argument in place and return it.
 *
 * <p>Synced fields are the server's; local-only fields are the client's. Every method that
 * takes synced fields from one entity keeps the local-only fields of the other.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class NoteSync implements EntityType<Long, Note> {
  /**
   * The description of {@link Note}.
   */
  public static final NoteSync TYPE = new NoteSync();

  /**
   * The synced fields in declaration order, unmodifiable.
   */
  private static final List<NoteField> FIELDS = List.of(NoteField.values());

  /**
   * The order of versions: {@code null} first, then natural.
   */
  private static final Comparator<Instant> VERSION_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

  /**
   * The one instance is {@link #TYPE}.
   */
  private NoteSync() {
  }

  /**
   * {@code "Note"}, the entity's simple name.
   */
  @Override
  public String name() {
    return "Note";
  }

  /**
   * {@code Note.class}.
   */
  @Override
  public Class<Note> type() {
    return Note.class;
  }

  /**
   * The synced fields in declaration order (superclass fields first); unmodifiable.
   */
  @Override
  public List<NoteField> fields() {
    return FIELDS;
  }

  /**
   * {@link NoteField#ID}.
   */
  @Override
  public NoteField idField() {
    return NoteField.ID;
  }

  /**
   * {@code Long.class}, the class of the id.
   */
  @Override
  public Class<Long> idType() {
    return Long.class;
  }

  /**
   * {@code 0L}, the id a new {@link Note} has before it is given one.
   */
  @Override
  public Long unsetId() {
    return 0L;
  }

  /**
   * The entity's {@code id}.
   */
  @Override
  public Long id(Note entity) {
    return entity.id;
  }

  /**
   * Sets the id of {@code entity} to {@code id} and returns {@code entity}.
   */
  @Override
  public Note withId(Note entity, Long id) {
    entity.id = id;
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
   * {@link NoteField#UPDATED_AT}.
   */
  @Override
  public NoteField versionField() {
    return NoteField.UPDATED_AT;
  }

  /**
   * The entity's {@code updatedAt}.
   */
  @Override
  public Object version(Note entity) {
    return entity.updatedAt;
  }

  /**
   * Compares the {@code updatedAt} of {@code a} and {@code b}: negative if {@code a} is older.
   * A {@code null} version is older than any other.
   */
  @Override
  public int compareVersions(Note a, Note b) {
    return VERSION_ORDER.compare(a.updatedAt, b.updatedAt);
  }

  /**
   * A new {@link Note} equal to {@code entity} in every field, synced and local-only. Values
   * are copied as they are: a mutable local-only value, such as a list, is shared.
   */
  @Override
  public Note copy(Note entity) {
    Note copy = new Note();
    copy.id = entity.id;
    copy.text = entity.text;
    copy.priority = entity.priority;
    copy.stars = entity.stars;
    copy.price = entity.price;
    copy.owner = entity.owner;
    copy.due = entity.due;
    copy.updatedAt = entity.updatedAt;
    copy.pinned = entity.pinned;
    copy.highlights = entity.highlights;
    return copy;
  }

  /**
   * A new {@link Note} with the synced fields of {@code entity} and every local-only field as
   * a new instance has it: what may leave the client.
   */
  @Override
  public Note syncedCopy(Note entity) {
    Note copy = new Note();
    copy.id = entity.id;
    copy.text = entity.text;
    copy.priority = entity.priority;
    copy.stars = entity.stars;
    copy.price = entity.price;
    copy.owner = entity.owner;
    copy.due = entity.due;
    copy.updatedAt = entity.updatedAt;
    return copy;
  }

  /**
   * The synced fields of {@code entity}, as an immutable value: with {@link #restore}, an undo
   * of synced state; with {@code equals}, a comparison of it.
   */
  @Override
  public NoteSnapshot snapshot(Note entity) {
    return new NoteSnapshot(
        entity.id,
        entity.text,
        entity.priority,
        entity.stars,
        entity.price,
        entity.owner,
        entity.due,
        entity.updatedAt);
  }

  /**
   * Sets every synced field of {@code target} to its value in {@code snapshot} and returns
   * {@code target}; local-only fields keep their values.
   *
   * @throws IllegalArgumentException if {@code snapshot} was not made by {@link #snapshot}
   */
  @Override
  public Note restore(Note target, Snapshot<Note> snapshot) {
    if (!(snapshot instanceof NoteSnapshot values)) {
      throw new IllegalArgumentException("not a snapshot made by NoteSync: " + snapshot);
    }
    target.id = values.id();
    target.text = values.text();
    target.priority = values.priority();
    target.stars = values.stars();
    target.price = values.price();
    target.owner = values.owner();
    target.due = values.due();
    target.updatedAt = values.updatedAt();
    return target;
  }

  /**
   * Sets every synced field of {@code local} to its value in {@code server} and returns
   * {@code local}; local-only fields keep their values and {@code server} is not changed.
   */
  @Override
  public Note merge(Note local, Note server) {
    local.id = server.id;
    local.text = server.text;
    local.priority = server.priority;
    local.stars = server.stars;
    local.price = server.price;
    local.owner = server.owner;
    local.due = server.due;
    local.updatedAt = server.updatedAt;
    return local;
  }

  /**
   * A patch that sets {@code fields} to their values in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not a synced field of {@link Note}
   */
  @Override
  public NotePatch patch(Note source, Set<? extends EntityField> fields) {
    long set = 0;
    for (EntityField each : fields) {
      set |= 1L << NoteField.of(each).ordinal();
    }
    return new NotePatch(
        set,
        (set & 1L << 0) != 0 ? source.id : 0L,
        (set & 1L << 1) != 0 ? source.text : null,
        (set & 1L << 2) != 0 ? source.priority : null,
        (set & 1L << 3) != 0 ? source.stars : null,
        (set & 1L << 4) != 0 ? source.price : null,
        (set & 1L << 5) != 0 ? source.owner : null,
        (set & 1L << 6) != 0 ? source.due : null,
        (set & 1L << 7) != 0 ? source.updatedAt : null);
  }

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration
   * order; unmodifiable. Values are compared with {@code ==} for primitives, {@code compare}
   * for floating-point values (so {@code NaN} equals itself) and {@code equals} otherwise (so
   * {@code BigDecimal} values of different scale differ).
   */
  @Override
  public FieldSet<NoteField> diff(Note a, Note b) {
    long changed = 0L;
    if (a.id != b.id) {
      changed |= 1L << 0;
    }
    if (!Objects.equals(a.text, b.text)) {
      changed |= 1L << 1;
    }
    if (!Objects.equals(a.priority, b.priority)) {
      changed |= 1L << 2;
    }
    if (!Objects.equals(a.stars, b.stars)) {
      changed |= 1L << 3;
    }
    if (!Objects.equals(a.price, b.price)) {
      changed |= 1L << 4;
    }
    if (!Objects.equals(a.owner, b.owner)) {
      changed |= 1L << 5;
    }
    if (!Objects.equals(a.due, b.due)) {
      changed |= 1L << 6;
    }
    if (!Objects.equals(a.updatedAt, b.updatedAt)) {
      changed |= 1L << 7;
    }
    return FieldSet.of(FIELDS, changed);
  }

  /**
   * Whether every synced field of {@code a} equals that of {@code b}, compared as
   * {@link #diff} compares them; nothing is allocated.
   */
  @Override
  public boolean syncedEquals(Note a, Note b) {
    return a.id == b.id
        && Objects.equals(a.text, b.text)
        && Objects.equals(a.priority, b.priority)
        && Objects.equals(a.stars, b.stars)
        && Objects.equals(a.price, b.price)
        && Objects.equals(a.owner, b.owner)
        && Objects.equals(a.due, b.due)
        && Objects.equals(a.updatedAt, b.updatedAt);
  }

  /**
   * The value of {@code field} in {@code entity} (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Note}
   */
  @Override
  public Object get(Note entity, EntityField field) {
    return switch (NoteField.of(field)) {
      case ID -> entity.id;
      case TEXT -> entity.text;
      case PRIORITY -> entity.priority;
      case STARS -> entity.stars;
      case PRICE -> entity.price;
      case OWNER -> entity.owner;
      case DUE -> entity.due;
      case UPDATED_AT -> entity.updatedAt;
    };
  }
}
