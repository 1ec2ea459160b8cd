package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The synced fields of one {@link Place} at one moment, as an immutable value; local-only
 * fields are never part of it. Made by {@link PlaceSync#snapshot}, it is an undo point
 * ({@link PlaceSync#restore} puts its values back and keeps local-only ones), a comparison
 * of synced state ({@code equals}) and what a view can render.
 *
 * @param id the value of {@code id}
 * @param name the value of {@code name}
 * @param latitude the value of {@code latitude}
 * @param longitude the value of {@code longitude}
 * @param revision the value of {@code revision}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record PlaceSnapshot(UUID id, String name, double latitude, double longitude,
    int revision) implements Snapshot<Place> {
  /**
   * The value of {@code field} in this snapshot (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Place}
   */
  @Override
  public Object get(EntityField field) {
    return switch (PlaceField.of(field)) {
      case ID -> this.id;
      case NAME -> this.name;
      case LATITUDE -> this.latitude;
      case LONGITUDE -> this.longitude;
      case REVISION -> this.revision;
    };
  }
}
