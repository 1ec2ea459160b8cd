package io.github.synced.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.util.EnumSet;

/**
 * A hand-written {@link JsonCodec} for {@link Note}, standing in for a generated one. It reads the
 * object as a tree first, so that errors name the id wherever it appears in the object; it reads
 * and writes through Jackson 2's parser and generator, reached through {@link JacksonInput#parser}
 * and {@link JacksonOutput#generator}.
 */
public final class NoteJson implements JsonCodec<Note> {

  private final ObjectMapper mapper;

  /** A codec reading through {@code mapper}. */
  public NoteJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public NoteType type() {
    return NoteType.TYPE;
  }

  @Override
  public void write(JsonOutput out, Note note) throws IOException {
    writePatch(out, NoteType.TYPE.patch(note, EnumSet.allOf(NoteField.class)));
  }

  @Override
  public Note read(JsonInput in) throws IOException {
    NotePatch patch = readPatch(in);
    String id = patch.fields().contains(NoteField.ID) ? (String) patch.get(NoteField.ID) : null;
    for (NoteField required : new NoteField[] {NoteField.ID, NoteField.VERSION}) {
      if (!patch.fields().contains(required) || patch.get(required) == null) {
        throw new BadServerDataException("Note", id, required.fieldName(), "missing");
      }
    }
    return patch.applyTo(new Note());
  }

  @Override
  public void writePatch(JsonOutput output, Patch<Note> patch) throws IOException {
    JsonGenerator out = JacksonOutput.generator(output);
    out.writeStartObject();
    for (EntityField f : patch.fields()) {
      Object value = patch.get(f);
      out.writeFieldName(f.fieldName());
      switch ((NoteField) f) {
        case ID, TEXT -> out.writeString((String) value);
        case PRIORITY -> {
          if (value == null) {
            out.writeNull();
          } else {
            out.writeNumber((Integer) value);
          }
        }
        case VERSION -> out.writeNumber((Long) value);
      }
    }
    out.writeEndObject();
  }

  @Override
  public NotePatch readPatch(JsonInput input) throws IOException {
    JsonParser in = JacksonInput.parser(input);
    if (in.currentToken() != JsonToken.START_OBJECT) {
      throw new BadServerDataException(
          "Note", null, null, "expected a JSON object, found " + in.currentToken());
    }
    JsonNode tree = mapper.readTree(in);
    JsonNode idNode = tree.get("id");
    String id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
    NotePatch patch = NotePatch.empty();
    for (NoteField f : NoteField.values()) {
      JsonNode v = tree.get(f.fieldName());
      if (v == null) {
        continue;
      }
      patch =
          switch (f) {
            case ID -> {
              if (!v.isTextual()) {
                throw mistyped(id, f, "a string", v);
              }
              yield patch.id(v.textValue());
            }
            case TEXT -> {
              if (!v.isTextual() && !v.isNull()) {
                throw mistyped(id, f, "a string or null", v);
              }
              yield patch.text(v.isNull() ? null : v.textValue());
            }
            case PRIORITY -> {
              if (!v.isNull() && !(v.isIntegralNumber() && v.canConvertToInt())) {
                throw mistyped(id, f, "an integer or null", v);
              }
              yield patch.priority(v.isNull() ? null : v.intValue());
            }
            case VERSION -> {
              if (!v.isIntegralNumber()) {
                throw mistyped(id, f, "an integer", v);
              }
              yield patch.version(v.longValue());
            }
          };
    }
    return patch;
  }

  private static BadServerDataException mistyped(
      String id, NoteField field, String expected, JsonNode found) {
    return new BadServerDataException(
        "Note", id, field.fieldName(), "expected " + expected + ", found " + found);
  }
}
