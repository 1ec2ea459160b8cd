package io.github.synced.runtime.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.spi.Patch;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole documents through a codec: {@link JsonCodecs}. */
class JsonCodecsTest {

  private final ObjectMapper mapper = new ObjectMapper();
  private final NoteJson codec = new NoteJson(mapper);

  private static byte[] json(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void anEntityRoundTripsWithoutItsLocalOnlyField() {
    Note note = new Note("n1", "hello", null, 4);
    note.pin(true);

    byte[] written = JsonCodecs.writeEntity(mapper, codec, note);
    Note read = JsonCodecs.readEntity(mapper, codec, written, null);

    assertEquals(
        "{\"id\":\"n1\",\"text\":\"hello\",\"priority\":null,\"version\":4}",
        new String(written, UTF_8));
    assertEquals(NoteType.TYPE.snapshot(note), NoteType.TYPE.snapshot(read));
    assertEquals(false, read.pinned());
  }

  @Test
  void aPatchKeepsAbsentApartFromNull() {
    Patch<Note> patch = NotePatch.empty().priority(null);

    byte[] written = JsonCodecs.writePatch(mapper, codec, patch);
    Patch<Note> read = JsonCodecs.readPatch(mapper, codec, written, "n1");

    assertEquals("{\"priority\":null}", new String(written, UTF_8));
    assertEquals(Set.of(NoteField.PRIORITY), read.fields());
    assertNull(read.get(NoteField.PRIORITY));
  }

  @Test
  void aListIsReadInOrder() {
    List<Note> notes =
        JsonCodecs.readList(
            mapper, codec, json("[{\"id\":\"b\",\"version\":1},{\"id\":\"a\",\"version\":2}]"));

    assertEquals(List.of("b", "a"), notes.stream().map(Note::id).toList());
  }

  @Test
  void anEmptyListIsEmpty() {
    assertTrue(JsonCodecs.readList(mapper, codec, json(" [ ] ")).isEmpty());
  }

  @Test
  void malformedJsonNamesThePropertyTheParserWasIn() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    mapper, codec, json("{\"id\":\"n1\",\"version\": 7x}"), "n1"));

    assertEquals("Note", e.entity());
    assertEquals("n1", e.id());
    assertEquals("version", e.field());
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
  }

  @Test
  void contentAfterTheDocumentIsRefused() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () ->
                JsonCodecs.readEntity(
                    mapper, codec, json("{\"id\":\"n1\",\"version\":1} {}"), "n1"));

    assertTrue(e.getMessage().contains("after the document"), e.getMessage());
  }

  @Test
  void aMissingVersionIsRefusedByTheCodecNamingTheField() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () -> JsonCodecs.readEntity(mapper, codec, json("{\"id\":\"n1\"}"), null));

    assertEquals("Note 'n1', field 'version': missing", e.getMessage());
  }

  @Test
  void anArrayWhereAnObjectBelongsIsRefused() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () -> JsonCodecs.readEntity(mapper, codec, json("[1]"), "n1"));

    assertEquals("n1", e.id());
    assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
  }

  @Test
  void anEmptyListDocumentIsRefused() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class, () -> JsonCodecs.readList(mapper, codec, json("")));

    assertTrue(e.getMessage().contains("an empty document"), e.getMessage());
  }
}
