package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole JSON documents read and written through a {@link JsonCodec} with a Jackson 2 {@link
 * ObjectMapper} ({@code com.fasterxml.jackson}): one entity, one patch, or an array of entities, as
 * bytes. Used by the HTTP remote; useful wherever a codec meets a body. {@link Json3Codecs} is the
 * same for Jackson 3.
 *
 * <p><b>Parser position.</b> A codec's {@code read} and {@code readPatch} are called the way
 * Jackson calls a deserializer: the parser stands on the value's first token (the opening brace of
 * a well-formed object; an array element may be any token, which the codec must refuse), and the
 * codec leaves it on the object's closing brace. A top-level document that is not an object is
 * refused here before the codec sees it.
 *
 * <p><b>Bytes.</b> Where the mapper reads and writes plain JSON as a default one does, bodies are
 * read and written by this package's byte reader and writer through the codec's {@link JsonInput}
 * and {@link JsonOutput} forms, without Jackson's parser and generator; wherever they meet
 * something they do not handle exactly as Jackson would (malformed input, a value of the wrong
 * type, an unusual character), the body is read or written again through Jackson from the start.
 * Values, bytes and errors are therefore Jackson's in every case.
 *
 * <p><b>Errors.</b> Every failure to read is a {@link BadServerDataException} naming the entity
 * type, the id (where known) and the field (where one is at fault): the codec's own exceptions pass
 * through, and malformed JSON that the codec did not classify is wrapped, naming the property the
 * parser was in when it failed.
 */
public final class JsonCodecs {

  private JsonCodecs() {}

  /** The synced fields of {@code entity} as one JSON object. */
  public static <E> byte[] writeEntity(ObjectMapper mapper, JsonCodec<E> codec, E entity) {
    if (Plain.writes(mapper)) {
      ByteOutput out = ByteOutput.acquire();
      try {
        codec.write(out, entity);
        return out.toByteArray();
      } catch (Declined declined) {
        // written again through Jackson below
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out.release();
      }
    }
    BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator out = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
        codec.write(JacksonOutput.of(out), entity);
      }
      return done(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** The fields of {@code patch} as one JSON object, {@code null} values included. */
  public static <E> byte[] writePatch(ObjectMapper mapper, JsonCodec<E> codec, Patch<E> patch) {
    WholeValues.refuse(patch);
    if (Plain.writes(mapper)) {
      ByteOutput out = ByteOutput.acquire();
      try {
        codec.writePatch(out, patch);
        return out.toByteArray();
      } catch (Declined declined) {
        // written again through Jackson below
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out.release();
      }
    }
    BufferRecycler recycler = mapper.getFactory()._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator out = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
        codec.writePatch(JacksonOutput.of(out), patch);
      }
      return done(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /**
   * The bytes written to {@code bytes}, whose buffer goes back to Jackson's recycler (and the
   * recycler to its pool, in the callers): writing a body costs one array of its exact size, as
   * {@code ObjectMapper.writeValueAsBytes} does.
   */
  private static byte[] done(ByteArrayBuilder bytes) {
    byte[] body = bytes.toByteArray();
    bytes.release();
    return body;
  }

  /**
   * One entity from a JSON object.
   *
   * @param id the id the caller expects, named in messages where the codec could not read one; or
   *     {@code null}
   * @throws BadServerDataException if the document is not a well-formed object of the entity
   */
  public static <E> E readEntity(ObjectMapper mapper, JsonCodec<E> codec, byte[] json, Object id) {
    @SuppressWarnings("unchecked") // read with patch = false answers an entity
    E entity = (E) readObject(mapper, codec, json, id, false);
    return entity;
  }

  /**
   * One patch from a JSON object: exactly the properties present are set.
   *
   * @param id as {@link #readEntity}
   * @throws BadServerDataException if the document is not a well-formed object of the entity
   */
  public static <E> Patch<E> readPatch(
      ObjectMapper mapper, JsonCodec<E> codec, byte[] json, Object id) {
    @SuppressWarnings("unchecked") // read with patch = true answers a patch
    Patch<E> patch = (Patch<E>) readObject(mapper, codec, json, id, true);
    return patch;
  }

  /**
   * One entity from a JSON tree (an object), as {@link #readEntity(ObjectMapper, JsonCodec, byte[],
   * Object)} reads it from bytes: for answers whose properties were moved or added before reading
   * (an id from a link, a version from a header).
   */
  public static <E> E readEntity(
      ObjectMapper mapper, JsonCodec<E> codec, TreeNode json, Object id) {
    @SuppressWarnings("unchecked") // read with patch = false answers an entity
    E entity = (E) readParsed(codec, parser(mapper, json), id, false);
    return entity;
  }

  /**
   * One patch from a JSON tree (an object); see {@link #readEntity(ObjectMapper, JsonCodec,
   * TreeNode, Object)}.
   */
  public static <E> Patch<E> readPatch(
      ObjectMapper mapper, JsonCodec<E> codec, TreeNode json, Object id) {
    @SuppressWarnings("unchecked") // read with patch = true answers a patch
    Patch<E> patch = (Patch<E>) readParsed(codec, parser(mapper, json), id, true);
    return patch;
  }

  private static JsonParser parser(ObjectMapper mapper, TreeNode json) {
    return mapper.treeAsTokens(json);
  }

  /**
   * One object of {@code json}: the entity, or with {@code patch} its patch. (A flag rather than a
   * function: a function bound to the codec would be made on every call.)
   */
  private static <E> Object readObject(
      ObjectMapper mapper, JsonCodec<E> codec, byte[] json, Object id, boolean patch) {
    if (Plain.reads(mapper)) {
      try {
        ByteInput in = new ByteInput(json, limits(mapper));
        Object value = patch ? codec.readPatch(in) : codec.read(in);
        in.expectEnd();
        return value;
      } catch (Declined declined) {
        // read again through Jackson below
      } catch (BadServerDataException e) {
        throw withId(e, id);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      return readParsed(codec, mapper.createParser(json), id, patch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <E> Object readParsed(
      JsonCodec<E> codec, JsonParser parser, Object id, boolean patch) {
    try (JsonParser in = parser) {
      try {
        expectObject(codec, in, id);
        JsonInput input = JacksonInput.of(in);
        Object value = patch ? codec.readPatch(input) : codec.read(input);
        expectEnd(codec, in, id);
        return value;
      } catch (JsonProcessingException e) {
        throw malformed(codec, in, id, e);
      } catch (BadServerDataException e) {
        throw withId(e, id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The entities of a JSON array of objects, in order.
   *
   * @throws BadServerDataException if the document is not an array, or an element is not a
   *     well-formed object of the entity
   */
  public static <E> List<E> readList(ObjectMapper mapper, JsonCodec<E> codec, byte[] json) {
    if (Plain.reads(mapper)) {
      try {
        ByteInput in = new ByteInput(json, limits(mapper));
        in.startArray();
        List<E> list = new ArrayList<>();
        while (in.nextElement()) {
          list.add(codec.read(in));
        }
        in.expectEnd();
        return list;
      } catch (Declined declined) {
        // read again through Jackson below
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (JsonParser in = mapper.createParser(json)) {
      try {
        JsonToken first = in.nextToken();
        if (first != JsonToken.START_ARRAY) {
          throw new BadServerDataException(
              codec.type().name(), null, null, "expected a JSON array, found " + describe(first));
        }
        List<E> list = new ArrayList<>();
        JsonInput input = JacksonInput.of(in);
        while (in.nextToken() != JsonToken.END_ARRAY) {
          list.add(codec.read(input));
        }
        expectEnd(codec, in, null);
        return list;
      } catch (JsonProcessingException e) {
        throw malformed(codec, in, null, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mapper's read limits, for the byte reader. */
  private static ReadLimits limits(ObjectMapper mapper) {
    return limits(mapper.getFactory().streamReadConstraints());
  }

  /** {@code c} as plain values, for the byte reader. */
  static ReadLimits limits(StreamReadConstraints c) {
    return new ReadLimits(
        c.hasMaxDocumentLength() ? c.getMaxDocumentLength() : -1,
        c.hasMaxTokenCount(),
        c.getMaxStringLength(),
        c.getMaxNameLength(),
        c.getMaxNumberLength());
  }

  private static void expectObject(JsonCodec<?> codec, JsonParser in, Object id)
      throws IOException {
    JsonToken first = in.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          codec.type().name(), id, null, "expected a JSON object, found " + describe(first));
    }
  }

  private static void expectEnd(JsonCodec<?> codec, JsonParser in, Object id) throws IOException {
    JsonToken next = in.nextToken();
    if (next != null) {
      throw new BadServerDataException(
          codec.type().name(), id, null, "unexpected " + describe(next) + " after the document");
    }
  }

  private static BadServerDataException malformed(
      JsonCodec<?> codec, JsonParser in, Object id, JsonProcessingException e) {
    String field = in.getParsingContext() == null ? null : in.getParsingContext().getCurrentName();
    return new BadServerDataException(
        codec.type().name(), id, field, "malformed JSON: " + e.getOriginalMessage(), e);
  }

  private static String describe(JsonToken token) {
    return token == null
        ? "an empty document"
        : token.asString() == null ? token.name() : "'" + token.asString() + "'";
  }

  /** {@code e}, naming {@code id} where the codec failed before it could read one. */
  private static BadServerDataException withId(BadServerDataException e, Object id) {
    if (e.id() != null || id == null) {
      return e;
    }
    return new BadServerDataException(e.entity(), id, e.field(), e.problem(), e.getCause());
  }
}
