package golden;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonInput;
import io.github.synced.runtime.json.JsonNames;
import io.github.synced.runtime.json.JsonOutput;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Place} and {@link PlacePatch} as JSON objects, without reflection:
 * through Jackson 2's or Jackson 3's streaming API, or straight from and to the bytes of
 * whole bodies where {@code JsonCodecs} or {@code Json3Codecs} reads and writes them. The
 * codec names no Jackson type, so it serves either. Property names are encoded once, and a
 * read object becomes one patch, then the entity.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id
 * (where it was read before the problem) and the field. The codec holds no state: one
 * instance serves every thread.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class PlaceJson implements JsonCodec<Place> {
  /**
   * The synced fields' property names, encoded once: name {@code i} is the field whose ordinal
   * is {@code i}.
   */
  private static final JsonNames NAMES = JsonNames.of("id", "name", "latitude", "longitude",
      "revision");

  /**
   * A codec of {@link Place}.
   */
  public PlaceJson() {
  }

  /**
   * {@link PlaceSync#TYPE}.
   */
  @Override
  public PlaceSync type() {
    return PlaceSync.TYPE;
  }

  /**
   * Writes the synced fields of {@code entity} as one JSON object.
   */
  @Override
  public void write(JsonOutput out, Place entity) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    out.writeText(entity.id());
    out.name(NAMES, 1);
    out.writeString(entity.name());
    out.name(NAMES, 2);
    out.writeDouble(entity.latitude());
    out.name(NAMES, 3);
    out.writeDouble(entity.longitude());
    out.name(NAMES, 4);
    out.writeNumber(entity.revision());
    out.endObject();
  }

  /**
   * Reads one JSON object into a new {@link Place}; unknown properties are skipped. Local-only
   * components get the values a user can construct: an empty immutable {@code List},
   * {@code Set} or {@code Map}, {@code Optional.empty()}, {@code 0} or {@code false}, and
   * {@code null} for other reference types.
   *
   * @throws BadServerDataException if the input is not an object, a value does not fit its
   *     field, or the id or the version is missing
   */
  @Override
  public Place read(JsonInput in) throws IOException {
    PlacePatch fields = readPatch(in);
    if (!fields.sets(PlaceField.ID) || fields.id() == null) {
      throw new BadServerDataException("Place", null, "id", "the id is missing");
    }
    if (!fields.sets(PlaceField.REVISION)) {
      throw new BadServerDataException("Place", fields.id(), "revision", "the version is missing");
    }
    return new Place(
        fields.id(),
        fields.name(),
        false,
        fields.latitude(),
        fields.longitude(),
        fields.revision());
  }

  /**
   * Writes the fields {@code patch} sets as one JSON object, {@code null} values included.
   */
  @Override
  public void writePatch(JsonOutput out, Patch<Place> patch) throws IOException {
    out.startObject();
    for (EntityField each : patch.fields()) {
      PlaceField field = PlaceField.of(each);
      out.name(NAMES, field.ordinal());
      switch (field) {
        case ID -> out.writeText((UUID) patch.get(field));
        case NAME -> out.writeString((String) patch.get(field));
        case LATITUDE -> out.writeNumber((Double) patch.get(field));
        case LONGITUDE -> out.writeNumber((Double) patch.get(field));
        case REVISION -> out.writeNumber((Integer) patch.get(field));
      }
    }
    out.endObject();
  }

  /**
   * Reads one JSON object into a patch that sets exactly the synced properties present: an
   * absent property is not set, a property present with {@code null} is set to {@code null}.
   *
   * @throws BadServerDataException if the input is not an object or a value does not fit its
   *     field
   */
  @Override
  public PlacePatch readPatch(JsonInput in) throws IOException {
    in.startObject("Place");
    long set = 0L;
    UUID id = null;
    String name = null;
    double latitude = 0D;
    double longitude = 0D;
    int revision = 0;
    try {
      for (int field = in.nextField(NAMES); field != JsonInput.END; field = in.nextField(NAMES)) {
        switch (field) {
          case 0 -> {
            id = in.readUuid("Place");
            set |= 1L << 0;
          }
          case 1 -> {
            name = in.readString("Place");
            set |= 1L << 1;
          }
          case 2 -> {
            latitude = in.readDouble("Place");
            set |= 1L << 2;
          }
          case 3 -> {
            longitude = in.readDouble("Place");
            set |= 1L << 3;
          }
          case 4 -> {
            revision = in.readInt("Place");
            set |= 1L << 4;
          }
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, id);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Place", id, e);
    }
    return new PlacePatch(set, id, name, latitude, longitude, revision);
  }
}
