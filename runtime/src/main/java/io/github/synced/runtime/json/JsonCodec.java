package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;

/**
 * Typed JSON reading and writing of one entity type and its patches, without reflection. The
 * processor generates one per {@code @Synced} type ({@code TaskJson}) when Jackson is on the
 * compile class path: it reads and writes the synced fields without reflection and without an
 * {@code ObjectMapper}; it holds no state, so one instance serves every thread.
 *
 * <p>Each operation has two forms: over Jackson's {@link JsonGenerator} and {@link JsonParser}, and
 * over {@link JsonOutput} and {@link JsonInput}, which {@link JsonCodecs} uses to read and write
 * whole bodies as bytes without Jackson's tokens where the mapper reads and writes plain JSON.
 * Generated codecs implement both; a codec written by hand may implement only the Jackson form,
 * which the other form's default methods then use.
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
  void write(JsonGenerator out, E entity) throws IOException;

  /**
   * Reads one JSON object into a new entity whose local-only fields have their defaults; unknown
   * properties are skipped.
   *
   * @throws io.github.synced.runtime.BadServerDataException if the input is not an object, a value
   *     has the wrong type, or the id or (where the entity has one) the version is missing; the
   *     message names entity, id and field
   */
  E read(JsonParser in) throws IOException;

  /** Writes the fields of {@code patch} as one JSON object, {@code null} values included. */
  void writePatch(JsonGenerator out, Patch<E> patch) throws IOException;

  /**
   * Reads one JSON object into a patch that sets exactly the properties present.
   *
   * @throws io.github.synced.runtime.BadServerDataException as {@link #read}
   */
  Patch<E> readPatch(JsonParser in) throws IOException;

  /**
   * As {@link #write(JsonGenerator, Object)}, through {@code out}. The default writes through
   * {@link JsonOutput#generator()}.
   */
  default void write(JsonOutput out, E entity) throws IOException {
    write(out.generator(), entity);
  }

  /**
   * As {@link #read(JsonParser)}, through {@code in}. The default reads through {@link
   * JsonInput#parser()}.
   */
  default E read(JsonInput in) throws IOException {
    return read(in.parser());
  }

  /**
   * As {@link #writePatch(JsonGenerator, Patch)}, through {@code out}. The default writes through
   * {@link JsonOutput#generator()}.
   */
  default void writePatch(JsonOutput out, Patch<E> patch) throws IOException {
    writePatch(out.generator(), patch);
  }

  /**
   * As {@link #readPatch(JsonParser)}, through {@code in}. The default reads through {@link
   * JsonInput#parser()}.
   */
  default Patch<E> readPatch(JsonInput in) throws IOException {
    return readPatch(in.parser());
  }
}
