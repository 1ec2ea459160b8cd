package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
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
  private static final PlacePatch EMPTY = new PlacePatch(Set.of(), null, null, 0D, 0D, 0);

  /**
   * The fields this patch sets.
   */
  private final Set<PlaceField> fields;

  /**
   * The value this patch gives {@code id}, if it sets it.
   */
  private final UUID id;

  /**
   * The value this patch gives {@code name}, if it sets it.
   */
  private final String name;

  /**
   * The value this patch gives {@code latitude}, if it sets it.
   */
  private final double latitude;

  /**
   * The value this patch gives {@code longitude}, if it sets it.
   */
  private final double longitude;

  /**
   * The value this patch gives {@code revision}, if it sets it.
   */
  private final int revision;

  /**
   * A patch that sets {@code fields} to these values.
   *
   * @param fields the fields it sets, unmodifiable
   * @param id the value it gives {@code id}, if it sets it
   * @param name the value it gives {@code name}, if it sets it
   * @param latitude the value it gives {@code latitude}, if it sets it
   * @param longitude the value it gives {@code longitude}, if it sets it
   * @param revision the value it gives {@code revision}, if it sets it
   */
  private PlacePatch(Set<PlaceField> fields, UUID id, String name, double latitude,
      double longitude, int revision) {
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
    return new PlacePatch(with(PlaceField.ID), id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new PlacePatch(with(PlaceField.NAME), id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code name}, or {@code null} if it does not set it}
   * (See {@link #fields()}.)
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
    return new PlacePatch(with(PlaceField.LATITUDE), id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code latitude}, or {@code 0D} if it does not set it}
   * (See {@link #fields()}.)
   */
  public double latitude() {
    return latitude;
  }

  /**
   * A new patch that sets everything this one sets, and {@code longitude} to {@code longitude}.
   *
   * @param longitude the value to set
   * @return the new patch
   */
  public PlacePatch longitude(double longitude) {
    return new PlacePatch(with(PlaceField.LONGITUDE), id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code longitude}, or {@code 0D} if it does not set it}
   * (See {@link #fields()}.)
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
    return new PlacePatch(with(PlaceField.REVISION), id, name, latitude, longitude, revision);
  }

  /**
   * {@return the value this patch gives {@code revision}, or {@code 0} if it does not set it}
   * (See {@link #fields()}.)
   */
  public int revision() {
    return revision;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public Set<PlaceField> fields() {
    return fields;
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if this patch does not set {@code field}
   */
  @Override
  public Object get(EntityField field) {
    PlaceField known = PlaceField.of(field);
    if (!fields.contains(known)) {
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
   * A new {@link Place} with exactly this patch's fields set and every other component, local-only
   * ones included, taken from {@code target}, which is left untouched.
   */
  @Override
  public Place applyTo(Place target) {
    return new Place(
        fields.contains(PlaceField.ID) ? this.id : target.id(),
        fields.contains(PlaceField.NAME) ? this.name : target.name(),
        target.highlighted(),
        fields.contains(PlaceField.LATITUDE) ? this.latitude : target.latitude(),
        fields.contains(PlaceField.LONGITUDE) ? this.longitude : target.longitude(),
        fields.contains(PlaceField.REVISION) ? this.revision : target.revision());
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof PlacePatch that
        && fields.equals(that.fields)
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
    for (PlaceField field : fields) {
      joiner.add(field.fieldName() + "=" + get(field));
    }
    return joiner.toString();
  }

  /**
   * {@return the fields this patch sets and {@code field}, unmodifiable}
   *
   * @param field the field to add
   */
  private Set<PlaceField> with(PlaceField field) {
    EnumSet<PlaceField> set = EnumSet.noneOf(PlaceField.class);
    set.addAll(fields);
    set.add(field);
    return Collections.unmodifiableSet(set);
  }
}
