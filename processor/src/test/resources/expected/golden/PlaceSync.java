package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The description of {@link Place} that the Synced runtime works through: id and version,
 * copies, snapshots, restore, merge, patches and diffs, in plain code without reflection.
 *
 * <p>{@code Place} is a record: every method that produces an entity from another returns a
 * new instance and leaves its arguments untouched.
 *
 * <p>Synced fields are the server's; local-only fields are the client's. Every method that
 * takes synced fields from one entity keeps the local-only fields of the other.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class PlaceSync implements EntityType<UUID, Place> {
  /**
   * The description of {@link Place}.
   */
  public static final PlaceSync TYPE = new PlaceSync();

  /**
   * The synced fields in declaration order, unmodifiable.
   */
  private static final List<PlaceField> FIELDS = List.of(PlaceField.values());

  /**
   * The one instance is {@link #TYPE}.
   */
  private PlaceSync() {
  }

  /**
   * {@code "Place"}, the entity's simple name.
   */
  @Override
  public String name() {
    return "Place";
  }

  /**
   * {@code Place.class}.
   */
  @Override
  public Class<Place> type() {
    return Place.class;
  }

  /**
   * The synced fields in declaration order (superclass fields first); unmodifiable.
   */
  @Override
  public List<PlaceField> fields() {
    return FIELDS;
  }

  /**
   * {@link PlaceField#ID}.
   */
  @Override
  public PlaceField idField() {
    return PlaceField.ID;
  }

  /**
   * {@code UUID.class}, the class of the id.
   */
  @Override
  public Class<UUID> idType() {
    return UUID.class;
  }

  /**
   * {@code null}, the id a new {@link Place} has before it is given one.
   */
  @Override
  public UUID unsetId() {
    return null;
  }

  /**
   * The entity's {@code id}.
   */
  @Override
  public UUID id(Place entity) {
    return entity.id();
  }

  /**
   * A new {@link Place} equal to {@code entity} but for its id; {@code entity} is left
   * untouched.
   */
  @Override
  public Place withId(Place entity, UUID id) {
    return new Place(
        id,
        entity.name(),
        entity.highlighted(),
        entity.latitude(),
        entity.longitude(),
        entity.revision());
  }

  /**
   * {@code true}: {@code revision} is the version.
   */
  @Override
  public boolean hasVersion() {
    return true;
  }

  /**
   * {@link PlaceField#REVISION}.
   */
  @Override
  public PlaceField versionField() {
    return PlaceField.REVISION;
  }

  /**
   * The entity's {@code revision}, boxed.
   */
  @Override
  public Object version(Place entity) {
    return entity.revision();
  }

  /**
   * Compares the {@code revision} of {@code a} and {@code b}: negative if {@code a} is older.
   */
  @Override
  public int compareVersions(Place a, Place b) {
    return Integer.compare(a.revision(), b.revision());
  }

  /**
   * A new {@link Place} equal to {@code entity} in every field, synced and local-only. Values
   * are copied as they are: a mutable local-only value, such as a list, is shared.
   */
  @Override
  public Place copy(Place entity) {
    return new Place(
        entity.id(),
        entity.name(),
        entity.highlighted(),
        entity.latitude(),
        entity.longitude(),
        entity.revision());
  }

  /**
   * A new {@link Place} with the synced components of {@code entity} and no local-only value
   * of it: what may leave the client. Local-only components get the values a user can
   * construct: an empty immutable {@code List}, {@code Set} or {@code Map},
   * {@code Optional.empty()}, {@code 0} or {@code false}, and {@code null} for other reference
   * types.
   */
  @Override
  public Place syncedCopy(Place entity) {
    return new Place(
        entity.id(),
        entity.name(),
        false,
        entity.latitude(),
        entity.longitude(),
        entity.revision());
  }

  /**
   * The synced fields of {@code entity}, as an immutable value: with {@link #restore}, an undo
   * of synced state; with {@code equals}, a comparison of it.
   */
  @Override
  public PlaceSnapshot snapshot(Place entity) {
    return new PlaceSnapshot(
        entity.id(),
        entity.name(),
        entity.latitude(),
        entity.longitude(),
        entity.revision());
  }

  /**
   * A new {@link Place} with every synced field taken from {@code snapshot} and every
   * local-only field from {@code target}, which is left untouched.
   *
   * @throws IllegalArgumentException if {@code snapshot} was not made by {@link #snapshot}
   */
  @Override
  public Place restore(Place target, Snapshot<Place> snapshot) {
    if (!(snapshot instanceof PlaceSnapshot values)) {
      throw new IllegalArgumentException("not a snapshot made by PlaceSync: " + snapshot);
    }
    return new Place(
        values.id(),
        values.name(),
        target.highlighted(),
        values.latitude(),
        values.longitude(),
        values.revision());
  }

  /**
   * A new {@link Place} with every synced field taken from {@code server} and every local-only
   * field from {@code local}; both arguments are left untouched.
   */
  @Override
  public Place merge(Place local, Place server) {
    return new Place(
        server.id(),
        server.name(),
        local.highlighted(),
        server.latitude(),
        server.longitude(),
        server.revision());
  }

  /**
   * A patch that sets {@code fields} to their values in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not a synced field of {@link Place}
   */
  @Override
  public PlacePatch patch(Place source, Set<? extends EntityField> fields) {
    long set = 0;
    for (EntityField each : fields) {
      set |= 1L << PlaceField.of(each).ordinal();
    }
    return new PlacePatch(
        set,
        (set & 1L << 0) != 0 ? source.id() : null,
        (set & 1L << 1) != 0 ? source.name() : null,
        (set & 1L << 2) != 0 ? source.latitude() : 0D,
        (set & 1L << 3) != 0 ? source.longitude() : 0D,
        (set & 1L << 4) != 0 ? source.revision() : 0);
  }

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration
   * order; unmodifiable. Values are compared with {@code ==} for primitives, {@code compare}
   * for floating-point values (so {@code NaN} equals itself) and {@code equals} otherwise (so
   * {@code BigDecimal} values of different scale differ).
   */
  @Override
  public FieldSet<PlaceField> diff(Place a, Place b) {
    long changed = 0L;
    if (!Objects.equals(a.id(), b.id())) {
      changed |= 1L << 0;
    }
    if (!Objects.equals(a.name(), b.name())) {
      changed |= 1L << 1;
    }
    if (Double.compare(a.latitude(), b.latitude()) != 0) {
      changed |= 1L << 2;
    }
    if (Double.compare(a.longitude(), b.longitude()) != 0) {
      changed |= 1L << 3;
    }
    if (a.revision() != b.revision()) {
      changed |= 1L << 4;
    }
    return FieldSet.of(FIELDS, changed);
  }

  /**
   * Whether every synced field of {@code a} equals that of {@code b}, compared as
   * {@link #diff} compares them; nothing is allocated.
   */
  @Override
  public boolean syncedEquals(Place a, Place b) {
    return Objects.equals(a.id(), b.id())
        && Objects.equals(a.name(), b.name())
        && Double.compare(a.latitude(), b.latitude()) == 0
        && Double.compare(a.longitude(), b.longitude()) == 0
        && a.revision() == b.revision();
  }

  /**
   * The value of {@code field} in {@code entity} (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Place}
   */
  @Override
  public Object get(Place entity, EntityField field) {
    return switch (PlaceField.of(field)) {
      case ID -> entity.id();
      case NAME -> entity.name();
      case LATITUDE -> entity.latitude();
      case LONGITUDE -> entity.longitude();
      case REVISION -> entity.revision();
    };
  }
}
