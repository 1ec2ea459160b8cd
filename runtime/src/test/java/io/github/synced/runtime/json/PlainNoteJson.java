package io.github.synced.runtime.json;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.util.EnumSet;

/**
 * A {@link JsonCodec} for {@link Note} written by hand as the processor writes one: only through
 * {@link JsonInput} and {@link JsonOutput}, so it names no Jackson and serves either.
 */
public final class PlainNoteJson implements JsonCodec<Note> {

  private static final JsonNames NAMES = JsonNames.of("id", "text", "priority", "version");

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
    String id = (String) patch.get(NoteField.ID);
    if (!patch.fields().contains(NoteField.ID) || id == null) {
      throw new BadServerDataException("Note", null, "id", "the id is missing");
    }
    if (!patch.fields().contains(NoteField.VERSION)) {
      throw new BadServerDataException("Note", id, "version", "the version is missing");
    }
    return patch.applyTo(new Note());
  }

  @Override
  public void writePatch(JsonOutput out, Patch<Note> patch) throws IOException {
    out.startObject();
    for (EntityField f : patch.fields()) {
      NoteField field = (NoteField) f;
      switch (field) {
        case ID -> {
          out.name(NAMES, 0);
          out.writeString((String) patch.get(field));
        }
        case TEXT -> {
          out.name(NAMES, 1);
          out.writeString((String) patch.get(field));
        }
        case PRIORITY -> {
          out.name(NAMES, 2);
          out.writeNumber((Integer) patch.get(field));
        }
        case VERSION -> {
          out.name(NAMES, 3);
          out.writeNumber((long) (Long) patch.get(field));
        }
      }
    }
    out.endObject();
  }

  @Override
  public NotePatch readPatch(JsonInput in) throws IOException {
    in.startObject("Note");
    NotePatch patch = NotePatch.empty();
    String id = null;
    try {
      for (int f = in.nextField(NAMES); f != JsonInput.END; f = in.nextField(NAMES)) {
        switch (f) {
          case 0 -> {
            id = in.readString("Note");
            patch = patch.id(id);
          }
          case 1 -> patch = patch.text(in.readString("Note"));
          case 2 -> patch = patch.priority(in.readBoxedInt("Note"));
          case 3 -> patch = patch.version(in.readLong("Note"));
          default -> in.skipValue();
        }
      }
    } catch (BadServerDataException e) {
      throw JsonInput.withId(e, id);
    } catch (IOException | RuntimeException e) {
      throw in.malformed("Note", id, e);
    }
    return patch;
  }
}
