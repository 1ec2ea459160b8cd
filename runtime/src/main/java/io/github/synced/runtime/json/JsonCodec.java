package io.github.synced.runtime.json;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;

/**
 * Typed JSON reading and writing of one entity type and its patches, without reflection. The
 * processor generates one per {@code @Synced} type ({@code TaskJson}) when Jackson 2 or Jackson 3
 * is on the compile class path: it reads and writes the synced fields through {@link JsonInput} and
 * {@link JsonOutput}, without reflection and without an {@code ObjectMapper}; it holds no state, so
 * one instance serves every thread.
 *
 * <p>The contract names no Jackson type, so one codec serves either Jackson: {@link JsonCodecs}
 * runs it over Jackson 2 ({@code com.fasterxml.jackson}) and {@link Json3Codecs} over Jackson 3
 * ({@code tools.jackson}), both over a body's bytes without Jackson's tokens where the mapper reads
 * and writes plain JSON. A codec written by hand against Jackson 2's streaming API reaches the
 * parser and generator through {@link JacksonInput#parser(JsonInput)} and {@link
 * JacksonOutput#generator(JsonOutput)}.
 *
 * <p>Only synced fields are written; local-only fields are never written and are ignored when read.
 * Reading a patch keeps absent apart from {@code null}: a field missing from the object is not in
 * the patch, a field present with {@code null} is set to {@code null}.
 *
 * @param <E> the entity type
 */
public interface JsonCodec<E> {

  /** The entity type this codec reads and writes. */
  EntityType<?, E> type();

  /** Writes the synced fields of {@code entity} as one JSON object. */
  void write(JsonOutput out, E entity) throws IOException;

  /**
   * Reads one JSON object into a new entity whose local-only fields have their defaults; unknown
   * properties are skipped.
   *
   * @throws io.github.synced.runtime.BadServerDataException if the input is not an object, a value
   *     has the wrong type, or the id or (where the entity has one) the version is missing; the
   *     message names entity, id and field
   */
  E read(JsonInput in) throws IOException;

  /** Writes the fields of {@code patch} as one JSON object, {@code null} values included. */
  void writePatch(JsonOutput out, Patch<E> patch) throws IOException;

  /**
   * Reads one JSON object into a patch that sets exactly the properties present.
   *
   * @throws io.github.synced.runtime.BadServerDataException as {@link #read}
   */
  Patch<E> readPatch(JsonInput in) throws IOException;

  /**
   * The JSON property that holds {@code field}: its name, unless the entity renames it with
   * Jackson's {@code @JsonProperty}, which the generated codec honours.
   */
  default String property(EntityField field) {
    return field.fieldName();
  }

  /**
   * The codec of the {@code @Synced} objects {@code field} holds: the object itself, a collection's
   * elements or a map's values; {@code null} for a field that holds none (the default). {@code
   * HttpRemote} uses it to take what an answer leaves out of such an object as written, as it does
   * for the entity's own fields. The generated codec overrides it.
   */
  default JsonCodec<?> nested(EntityField field) {
    return null;
  }
}
