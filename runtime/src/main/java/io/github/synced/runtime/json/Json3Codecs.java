package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.spi.Patch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Whole JSON documents read and written through a {@link JsonCodec} with a Jackson 3 {@link
 * ObjectMapper} ({@code tools.jackson}): one entity, one patch, or an array of entities, as bytes;
 * {@link JsonCodecs} with Jackson 2's mapper in every respect (the same codec, bytes, values and
 * errors). Used by the HTTP remote when it is given a Jackson 3 mapper.
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
public final class Json3Codecs {

  private Json3Codecs() {}

  /** The synced fields of {@code entity} as one JSON object. */
  public static <E> byte[] writeEntity(ObjectMapper mapper, JsonCodec<E> codec, E entity) {
    return write(mapper, codec, entity, null);
  }

  /** The fields of {@code patch} as one JSON object, {@code null} values included. */
  public static <E> byte[] writePatch(ObjectMapper mapper, JsonCodec<E> codec, Patch<E> patch) {
    WholeValues.refuse(patch);
    return write(mapper, codec, null, patch);
  }

  /** {@code entity}, or where it is {@code null} {@code patch}, as bytes. */
  private static <E> byte[] write(
      ObjectMapper mapper, JsonCodec<E> codec, E entity, Patch<E> patch) {
    if (Plain3.writes(mapper)) {
      ByteOutput out = ByteOutput.acquire();
      try {
        if (patch == null) {
          codec.write(out, entity);
        } else {
          codec.writePatch(out, patch);
        }
        return out.toByteArray();
      } catch (Declined declined) {
        // written again through Jackson below
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out.release();
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = mapper.createGenerator(bytes, JsonEncoding.UTF8)) {
      JsonOutput out = Jackson3Output.of(generator);
      if (patch == null) {
        codec.write(out, entity);
      } else {
        codec.writePatch(out, patch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
      ObjectMapper mapper, JsonCodec<E> codec, JsonNode json, Object id) {
    @SuppressWarnings("unchecked") // read with patch = false answers an entity
    E entity = (E) readParsed(codec, mapper.treeAsTokens(json), id, false);
    return entity;
  }

  /**
   * One patch from a JSON tree (an object); see {@link #readEntity(ObjectMapper, JsonCodec,
   * JsonNode, Object)}.
   */
  public static <E> Patch<E> readPatch(
      ObjectMapper mapper, JsonCodec<E> codec, JsonNode json, Object id) {
    @SuppressWarnings("unchecked") // read with patch = true answers a patch
    Patch<E> patch = (Patch<E>) readParsed(codec, mapper.treeAsTokens(json), id, true);
    return patch;
  }

  /** One object of {@code json}: the entity, or with {@code patch} its patch. */
  private static <E> Object readObject(
      ObjectMapper mapper, JsonCodec<E> codec, byte[] json, Object id, boolean patch) {
    if (Plain3.reads(mapper)) {
      try {
        ByteInput in = new ByteInput(json, limits(mapper));
        Object value = patch ? codec.readPatch(in) : codec.read(in);
        in.expectEnd();
        return value;
      } catch (Declined declined) {
        // read again through Jackson below
      } catch (BadServerDataException e) {
        throw JsonInput.withId(e, id);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return readParsed(codec, mapper.createParser(json), id, patch);
  }

  private static <E> Object readParsed(
      JsonCodec<E> codec, JsonParser parser, Object id, boolean patch) {
    try (JsonParser in = parser) {
      try {
        expectObject(codec, in, id);
        JsonInput input = Jackson3Input.of(in);
        Object value = patch ? codec.readPatch(input) : codec.read(input);
        expectEnd(codec, in, id);
        return value;
      } catch (BadServerDataException e) {
        throw JsonInput.withId(e, id);
      } catch (JacksonException e) {
        throw malformed(codec, in, id, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The entities of a JSON array of objects, in order.
   *
   * @throws BadServerDataException if the document is not an array, or an element is not a
   *     well-formed object of the entity
   */
  public static <E> List<E> readList(ObjectMapper mapper, JsonCodec<E> codec, byte[] json) {
    if (Plain3.reads(mapper)) {
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
        JsonInput input = Jackson3Input.of(in);
        while (in.nextToken() != JsonToken.END_ARRAY) {
          list.add(codec.read(input));
        }
        expectEnd(codec, in, null);
        return list;
      } catch (JacksonException e) {
        throw malformed(codec, in, null, e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The mapper's read limits, for the byte reader. */
  private static ReadLimits limits(ObjectMapper mapper) {
    StreamReadConstraints c = mapper.tokenStreamFactory().streamReadConstraints();
    return new ReadLimits(
        c.hasMaxDocumentLength() ? c.getMaxDocumentLength() : -1,
        c.hasMaxTokenCount(),
        c.getMaxStringLength(),
        c.getMaxNameLength(),
        c.getMaxNumberLength());
  }

  private static void expectObject(JsonCodec<?> codec, JsonParser in, Object id) {
    JsonToken first = in.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          codec.type().name(), id, null, "expected a JSON object, found " + describe(first));
    }
  }

  private static void expectEnd(JsonCodec<?> codec, JsonParser in, Object id) {
    JsonToken next = in.nextToken();
    if (next != null) {
      throw new BadServerDataException(
          codec.type().name(), id, null, "unexpected " + describe(next) + " after the document");
    }
  }

  private static BadServerDataException malformed(
      JsonCodec<?> codec, JsonParser in, Object id, JacksonException e) {
    String field = in.streamReadContext() == null ? null : in.streamReadContext().currentName();
    return new BadServerDataException(
        codec.type().name(), id, field, "malformed JSON: " + e.getOriginalMessage(), e);
  }

  private static String describe(JsonToken token) {
    return token == null
        ? "an empty document"
        : token.asString() == null ? token.name() : "'" + token.asString() + "'";
  }
}
