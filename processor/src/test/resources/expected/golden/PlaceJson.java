package golden;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonValues;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Place} and {@link PlacePatch} as JSON objects with Jackson's
 * streaming API, without reflection: property names are encoded once, and a read object
 * becomes one patch, then the entity.
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
   * The property name {@code id}, encoded once.
   */
  private static final SerializableString ID_NAME = JsonValues.name("id");

  /**
   * The property name {@code name}, encoded once.
   */
  private static final SerializableString NAME_NAME = JsonValues.name("name");

  /**
   * The property name {@code latitude}, encoded once.
   */
  private static final SerializableString LATITUDE_NAME = JsonValues.name("latitude");

  /**
   * The property name {@code longitude}, encoded once.
   */
  private static final SerializableString LONGITUDE_NAME = JsonValues.name("longitude");

  /**
   * The property name {@code revision}, encoded once.
   */
  private static final SerializableString REVISION_NAME = JsonValues.name("revision");

  /**
   * A codec of {@link Place}.
   */
  public PlaceJson() {
  }

  /**
   * The same as {@link #PlaceJson()}: the codec uses no mapper. For code written when the
   * codec took one; prefer the constructor without.
   *
   * @param unused not used
   */
  public PlaceJson(ObjectMapper unused) {
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
  public void write(JsonGenerator out, Place entity) throws IOException {
    out.writeStartObject();
    out.writeFieldName(ID_NAME);
    JsonValues.writeText(out, entity.id());
    out.writeFieldName(NAME_NAME);
    JsonValues.writeString(out, entity.name());
    out.writeFieldName(LATITUDE_NAME);
    JsonValues.writeDouble(out, entity.latitude());
    out.writeFieldName(LONGITUDE_NAME);
    JsonValues.writeDouble(out, entity.longitude());
    out.writeFieldName(REVISION_NAME);
    out.writeNumber(entity.revision());
    out.writeEndObject();
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
  public Place read(JsonParser in) throws IOException {
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
  public void writePatch(JsonGenerator out, Patch<Place> patch) throws IOException {
    out.writeStartObject();
    for (EntityField each : patch.fields()) {
      PlaceField field = PlaceField.of(each);
      out.writeFieldName(field.fieldName());
      switch (field) {
        case ID -> JsonValues.writeText(out, (UUID) patch.get(field));
        case NAME -> JsonValues.writeString(out, (String) patch.get(field));
        case LATITUDE -> JsonValues.writeNumber(out, (Double) patch.get(field));
        case LONGITUDE -> JsonValues.writeNumber(out, (Double) patch.get(field));
        case REVISION -> JsonValues.writeNumber(out, (Integer) patch.get(field));
      }
    }
    out.writeEndObject();
  }

  /**
   * Reads one JSON object into a patch that sets exactly the synced properties present: an
   * absent property is not set, a property present with {@code null} is set to {@code null}.
   *
   * @throws BadServerDataException if the input is not an object or a value does not fit its
   *     field
   */
  @Override
  public PlacePatch readPatch(JsonParser in) throws IOException {
    JsonValues.startObject(in, "Place");
    long set = 0L;
    UUID id = null;
    String name = null;
    double latitude = 0D;
    double longitude = 0D;
    int revision = 0;
    try {
      for (String name_ = in.nextFieldName(); name_ != null; name_ = in.nextFieldName()) {
        in.nextToken();
        switch (name_) {
          case "id" -> {
            id = JsonValues.readUuid(in, "Place");
            set |= 1L << 0;
          }
          case "name" -> {
            name = JsonValues.readString(in, "Place");
            set |= 1L << 1;
          }
          case "latitude" -> {
            latitude = JsonValues.readDouble(in, "Place");
            set |= 1L << 2;
          }
          case "longitude" -> {
            longitude = JsonValues.readDouble(in, "Place");
            set |= 1L << 3;
          }
          case "revision" -> {
            revision = JsonValues.readInt(in, "Place");
            set |= 1L << 4;
          }
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw JsonValues.malformed("Place", id, in, e);
    } catch (BadServerDataException e) {
      throw JsonValues.withId(e, id);
    }
    return new PlacePatch(set, id, name, latitude, longitude, revision);
  }
}
