package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Patch;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * A typed partial update of {@link Place}: the synced fields it sets, each with its value.
 *
 * <p>Immutable: every setter returns a new patch, so a patch held by a pending mutation has
 * the same effect each time it is applied. A field that is not set is absent, which is
 * different from a field set to {@code null}. Start from {@link #empty()}, for example
 * {@code PlacePatch.empty().name(...).latitude(...)}.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class PlacePatch implements Patch<Place> {
  /**
   * The patch that sets no field.
   */
  private static final PlacePatch EMPTY = new PlacePatch(0L, null, null, 0D, 0D, 0);

  /**
   * The fields this patch sets: bit {@code i} for the field whose ordinal is {@code i}.
   */
  private final long fields;

  /**
   * The value this patch gives {@code id}, if it sets it; else the default.
   */
  private final UUID id;

  /**
   * The value this patch gives {@code name}, if it sets it; else the default.
   */
  private final String name;

  /**
   * The value this patch gives {@code latitude}, if it sets it; else the default.
   */
  private final double latitude;

  /**
   * The value this patch gives {@code longitude}, if it sets it; else the default.
   */
  private final double longitude;

  /**
   * The value this patch gives {@code revision}, if it sets it; else the default.
   */
  private final int revision;

  /**
   * A patch that sets {@code fields} to these values; every other value must be its type's
   * default. Not private: {@link PlaceSync} and the codec make patches too.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param name the value it gives {@code name}
   * @param latitude the value it gives {@code latitude}
   * @param longitude the value it gives {@code longitude}
   * @param revision the value it gives {@code revision}
   */
  PlacePatch(long fields, UUID id, String name, double latitude, double longitude, int revision) {
    this.fields = fields;
    this.id = id;
    this.name = name;
    this.latitude = latitude;
    this.longitude = longitude;
    this.revision = revision;
  }

  /**
   * {@return a patch that sets no field}
   */
  public static PlacePatch empty() {
    return EMPTY;
  }

  /**
   * A new patch that sets everything this one sets, and {@code id} to {@code id}.
   *
   * @param id the value to set
   * @return the new patch
   */
  public PlacePatch id(UUID id) {
    return new PlacePatch(fields | 1L << 0, id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public UUID id() {
    return id;
  }

  /**
   * A new patch that sets everything this one sets, and {@code name} to {@code name}.
   *
   * @param name the value to set
   * @return the new patch
   */
  public PlacePatch name(String name) {
    return new PlacePatch(fields | 1L << 1, id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code name}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String name() {
    return name;
  }

  /**
   * A new patch that sets everything this one sets, and {@code latitude} to {@code latitude}.
   *
   * @param latitude the value to set
   * @return the new patch
   */
  public PlacePatch latitude(double latitude) {
    return new PlacePatch(fields | 1L << 2, id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code latitude}, or {@code 0D} if it does not set it}
   * (See {@link #sets}.)
   */
  public double latitude() {
    return latitude;
  }

  /**
   * A new patch that sets everything this one sets, and {@code longitude} to
   * {@code longitude}.
   *
   * @param longitude the value to set
   * @return the new patch
   */
  public PlacePatch longitude(double longitude) {
    return new PlacePatch(fields | 1L << 3, id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code longitude}, or {@code 0D} if it does not set it}
   * (See {@link #sets}.)
   */
  public double longitude() {
    return longitude;
  }

  /**
   * A new patch that sets everything this one sets, and {@code revision} to {@code revision}.
   *
   * @param revision the value to set
   * @return the new patch
   */
  public PlacePatch revision(int revision) {
    return new PlacePatch(fields | 1L << 4, id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code revision}, or {@code 0} if it does not set it}
   * (See {@link #sets}.)
   */
  public int revision() {
    return revision;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public FieldSet<PlaceField> fields() {
    return FieldSet.of(PlaceSync.TYPE.fields(), fields);
  }

  /**
   * Whether this patch sets {@code field}; allocates nothing.
   */
  @Override
  public boolean sets(EntityField field) {
    return field instanceof PlaceField known && (fields & 1L << known.ordinal()) != 0;
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
    PlaceField known = PlaceField.of(field);
    if (!sets(known)) {
      throw new IllegalArgumentException("PlacePatch does not set '" + known.fieldName() + "'");
    }
    return switch (known) {
      case ID -> this.id;
      case NAME -> this.name;
      case LATITUDE -> this.latitude;
      case LONGITUDE -> this.longitude;
      case REVISION -> this.revision;
    };
  }

  /**
   * A new {@link Place} with exactly this patch's fields set and every other component,
   * local-only ones included, taken from {@code target}, which is left untouched.
   */
  @Override
  public Place applyTo(Place target) {
    return new Place(
        (fields & 1L << 0) != 0 ? this.id : target.id(),
        (fields & 1L << 1) != 0 ? this.name : target.name(),
        target.highlighted(),
        (fields & 1L << 2) != 0 ? this.latitude : target.latitude(),
        (fields & 1L << 3) != 0 ? this.longitude : target.longitude(),
        (fields & 1L << 4) != 0 ? this.revision : target.revision());
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof PlacePatch that
        && fields == that.fields
        && Objects.equals(this.id, that.id)
        && Objects.equals(this.name, that.name)
        && Double.compare(this.latitude, that.latitude) == 0
        && Double.compare(this.longitude, that.longitude) == 0
        && this.revision == that.revision;
  }

  /**
   * A hash of the fields this patch sets and their values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(fields, id, name, latitude, longitude, revision);
  }

  /**
   * The fields this patch sets with their values, for example {@code PlacePatch{id=...}}.
   */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "PlacePatch{", "}");
    for (PlaceField field : fields()) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }
}
