package golden;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Reads and writes {@link Place} and {@link PlacePatch} as JSON objects with Jackson's
 * streaming API, without reflection.
 *
 * <p>Only synced fields are written, under their Java names; local-only fields are never
 * written and are ignored when read, as are unknown properties. Enums are written by name,
 * numbers as JSON numbers, {@code UUID} and {@code java.time} values as ISO strings. Input
 * that does not fit fails with a {@link BadServerDataException} naming the entity, the id (where it
 * was read before the problem) and the field.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class PlaceJson implements JsonCodec<Place> {
  /**
   * The mapper that field types beyond the simple ones go to.
   */
  private final ObjectMapper mapper;

  /**
   * A codec that hands field types beyond the simple ones to {@code mapper}.
   *
   * @param mapper the mapper for field types beyond the simple ones
   */
  public PlaceJson(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * {@return the mapper this codec hands field types beyond the simple ones to}
   */
  public ObjectMapper mapper() {
    return mapper;
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
    writeId(out, entity.id());
    writeName(out, entity.name());
    writeLatitude(out, entity.latitude());
    writeLongitude(out, entity.longitude());
    writeRevision(out, entity.revision());
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
    PlacePatch fields = readFields(in);
    if (!fields.fields().contains(PlaceField.ID) || fields.id() == null) {
      throw new BadServerDataException("Place", null, "id", "the id is missing");
    }
    if (!fields.fields().contains(PlaceField.REVISION)) {
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
    for (EntityField field : patch.fields()) {
      switch (PlaceField.of(field)) {
        case ID -> writeId(out, (UUID) patch.get(field));
        case NAME -> writeName(out, (String) patch.get(field));
        case LATITUDE -> writeLatitude(out, (Double) patch.get(field));
        case LONGITUDE -> writeLongitude(out, (Double) patch.get(field));
        case REVISION -> writeRevision(out, (Integer) patch.get(field));
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
    return readFields(in);
  }

  /**
   * {@return the synced properties of one JSON object, as a patch that sets those present}
   *
   * @param in the parser, before or on the object's start
   * @throws IOException if the input cannot be read
   */
  private static PlacePatch readFields(JsonParser in) throws IOException {
    JsonToken start = in.currentToken() == null ? in.nextToken() : in.currentToken();
    if (start != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          "Place", null, null, "expected an object, found " + describe(start));
    }
    PlacePatch fields = PlacePatch.empty();
    try {
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String property = in.currentName();
        in.nextToken();
        switch (property) {
          case "id" -> fields = fields.id(readId(in, idOf(fields)));
          case "name" -> fields = fields.name(readName(in, idOf(fields)));
          case "latitude" -> fields = fields.latitude(readLatitude(in, idOf(fields)));
          case "longitude" -> fields = fields.longitude(readLongitude(in, idOf(fields)));
          case "revision" -> fields = fields.revision(readRevision(in, idOf(fields)));
          default -> in.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new BadServerDataException(
          "Place", idOf(fields), in.currentName(), e.getOriginalMessage(), e);
    }
    return fields;
  }

  /**
   * {@return the id among {@code fields}, or {@code null} if it was not read (yet)}
   *
   * @param fields the fields read so far
   */
  private static Object idOf(PlacePatch fields) {
    return fields.fields().contains(PlaceField.ID) ? fields.id() : null;
  }

  /**
   * Writes {@code id} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeId(JsonGenerator out, UUID value) throws IOException {
    out.writeFieldName("id");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value.toString());
    }
  }

  /**
   * Writes {@code name} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeName(JsonGenerator out, String value) throws IOException {
    out.writeFieldName("name");
    if (value == null) {
      out.writeNull();
    } else {
      out.writeString(value);
    }
  }

  /**
   * Writes {@code latitude} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeLatitude(JsonGenerator out, double value) throws IOException {
    out.writeFieldName("latitude");
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /**
   * Writes {@code longitude} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeLongitude(JsonGenerator out, double value) throws IOException {
    out.writeFieldName("longitude");
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      out.writeString(String.valueOf(value));
    }
  }

  /**
   * Writes {@code revision} as a property.
   *
   * @param out the generator, inside an object
   * @param value the value
   * @throws IOException if writing fails
   */
  private static void writeRevision(JsonGenerator out, int value) throws IOException {
    out.writeFieldName("revision");
    out.writeNumber(value);
  }

  /**
   * {@return the value of {@code id}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static UUID readId(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "id", "a string");
    }
    String text = in.getText();
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new BadServerDataException(
          "Place", id, "id", "'" + text + "' is not a UUID", e);
    }
  }

  /**
   * {@return the value of {@code name}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static String readName(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw unexpected(token, id, "name", "a string");
    }
    return in.getText();
  }

  /**
   * {@return the value of {@code latitude}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static double readLatitude(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (isNonFinite(in)) {
      return Double.parseDouble(in.getText());
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw unexpected(token, id, "latitude",
          "a number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
    }
    return in.getDoubleValue();
  }

  /**
   * {@return the value of {@code longitude}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static double readLongitude(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (isNonFinite(in)) {
      return Double.parseDouble(in.getText());
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw unexpected(token, id, "longitude",
          "a number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
    }
    return in.getDoubleValue();
  }

  /**
   * {@return the value of {@code revision}}
   *
   * @param in the parser, on the value
   * @param id the entity's id, or {@code null} if not read yet
   * @throws IOException if the input cannot be read
   */
  private static int readRevision(JsonParser in, Object id) throws IOException {
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(token, id, "revision", "an integer");
    }
    return in.getIntValue();
  }

  /**
   * {@return whether the current token is one of the strings {@code NaN}, {@code Infinity} and {@code -Infinity} that this codec writes for non-finite floating-point values}
   *
   * @param in the parser, on the value
   * @throws IOException if the parser cannot read the value
   */
  private static boolean isNonFinite(JsonParser in) throws IOException {
    if (in.currentToken() != JsonToken.VALUE_STRING) {
      return false;
    }
    String text = in.getText();
    return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
  }

  /**
   * {@return bad server data: a value of the wrong JSON type}
   *
   * @param token the value's token
   * @param id the entity's id, or {@code null} if not read yet
   * @param field the field
   * @param expected what the field takes
   */
  private static BadServerDataException unexpected(JsonToken token, Object id, String field,
      String expected) {
    return new BadServerDataException(
        "Place", id, field, "expected " + expected + ", found " + describe(token));
  }

  /**
   * {@return the JSON type of {@code token}, for messages}
   *
   * @param token a token, or {@code null} at the end of the input
   */
  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case VALUE_STRING -> "STRING";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "NUMBER";
      case VALUE_TRUE, VALUE_FALSE -> "BOOLEAN";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "OBJECT";
      case START_ARRAY -> "ARRAY";
      default -> token.name();
    };
  }
}
