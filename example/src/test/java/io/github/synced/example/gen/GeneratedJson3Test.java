package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.Json3Codecs;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The generated codecs through Jackson 3 ({@link Json3Codecs}): the same codec as for Jackson 2,
 * the same values (BigDecimal scale, Instant nanos, absent apart from null, local-only never
 * written), the same refusals naming entity, id and field, and the same bytes (but for a surrogate
 * pair, which Jackson 3 writes as UTF-8 where Jackson 2 escapes it), whether the bytes are read and
 * written by the codec itself (a plain mapper) or by Jackson 3's streaming API (a mapper over a
 * subclassed factory).
 */
class GeneratedJson3Test {

  private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ObjectMapper STREAMING = new ObjectMapper(new JsonFactory() {});
  private static final FieldItemJson CODEC = new FieldItemJson();

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The value read, or what was refused: the exception's type, entity, id and field, and with
   * {@code message} its message.
   */
  private static Object outcome(Supplier<Object> read, boolean message) {
    try {
      return read.get();
    } catch (BadServerDataException e) {
      return e.getClass().getSimpleName()
          + " "
          + e.entity()
          + "/"
          + e.id()
          + "/"
          + e.field()
          + (message ? ": " + e.getMessage() : "");
    }
  }

  /**
   * Jackson 3, plain and streaming, reads {@code json} as Jackson 2 does: the same entity and
   * patch, or a refusal naming the same entity, id and field (messages from the JSON parser itself
   * are each Jackson's own words, so they are compared between the two Jackson 3 paths only).
   */
  private static <E> void readsAsJackson2(EntityType<?, E> type, JsonCodec<E> codec, String json) {
    byte[] bytes = utf8(json);
    for (boolean patch : new boolean[] {false, true}) {
      Supplier<Object> two =
          patch
              ? () -> JsonCodecs.readPatch(JACKSON2, codec, bytes, "x1")
              : () -> JsonCodecs.readEntity(JACKSON2, codec, bytes, "x1");
      Supplier<Object> plain =
          patch
              ? () -> Json3Codecs.readPatch(PLAIN, codec, bytes, "x1")
              : () -> Json3Codecs.readEntity(PLAIN, codec, bytes, "x1");
      Supplier<Object> streaming =
          patch
              ? () -> Json3Codecs.readPatch(STREAMING, codec, bytes, "x1")
              : () -> Json3Codecs.readEntity(STREAMING, codec, bytes, "x1");
      Object expected = outcome(two, false);
      Object fast = outcome(plain, false);
      Object slow = outcome(streaming, false);
      if (expected instanceof String || fast instanceof String || slow instanceof String) {
        assertEquals(expected, fast, json);
        assertEquals(expected, slow, json);
        assertEquals(outcome(streaming, true), outcome(plain, true), json);
      } else if (patch) {
        assertEquals(expected, fast, json);
        assertEquals(expected, slow, json);
      } else {
        @SuppressWarnings("unchecked")
        E a = (E) expected;
        @SuppressWarnings("unchecked")
        E b = (E) fast;
        @SuppressWarnings("unchecked")
        E c = (E) slow;
        assertTrue(type.syncedEquals(a, b), json);
        assertTrue(type.syncedEquals(a, c), json);
      }
    }
  }

  private static final String[] FIELD_ITEMS = {
    "{\"id\":\"a1\",\"title\":\"Buy \\\"oat\\\" milk\",\"count\":-3,\"ratio\":0.25,\"grade\":\"B\","
        + "\"price\":12.50,\"status\":\"DONE\",\"due\":\"2026-11-28\","
        + "\"owner\":\"123e4567-e89b-12d3-a456-426614174000\",\"version\":17}",
    "{\"version\":1,\"id\":\"a1\",\"title\":null,\"ratio\":\"NaN\",\"expanded\":true,\"draft\":\"x\"}",
    "{\"id\":\"a1\",\"version\":1,\"extra\":{\"nested\":[1,{\"x\":2}]},\"title\":\"été 日本 😀\"}",
    "{\"id\":\"a1\",\"title\":5,\"version\":1}",
    "{\"id\":\"a1\",\"count\":null,\"version\":1}",
    "{\"id\":\"a1\",\"count\":99999999999,\"version\":1}",
    "{\"id\":\"a1\",\"count\":1.5,\"version\":1}",
    "{\"id\":\"a1\",\"status\":\"LATE\",\"version\":1}",
    "{\"id\":\"a1\",\"owner\":\"not-a-uuid\",\"version\":1}",
    "{\"id\":\"a1\",\"due\":\"28/11/2026\",\"version\":1}",
    "{\"id\":\"a1\",\"grade\":\"BB\",\"version\":1}",
    "{\"id\":\"a1\",\"ratio\":\"nan\",\"version\":1}",
    "{\"id\":\"a1\",\"ratio\":NaN,\"version\":1}",
    "{\"id\":\"a1\",\"title\":tru}",
    "{\"title\":\"t\",\"version\":1}",
    "{\"id\":null,\"version\":1}",
    "{\"id\":\"a1\",\"title\":\"t\"}",
    "{\"id\":\"a1\",\"version\":1}{}",
    "[1, 2]",
    "\"a1\"",
    "",
    "<html></html>",
    "{\"title\":42,\"id\":\"a1\",\"version\":1}",
    "{\"id\":\"a1\",\"version\":1,\"price\":1E+3,\"ratio\":-0}",
    "  {\"id\" : \"a1\" , \"version\" : 1 }  "
  };

  @Test
  void everyAnswerIsReadAsJackson2ReadsIt() {
    for (String json : FIELD_ITEMS) {
      readsAsJackson2(FieldItemSync.TYPE, CODEC, json);
    }
    for (String json :
        List.of(
            "{\"id\":9,\"name\":\"n\",\"done\":true,\"updatedAt\":\"2026-11-28T18:00:00.123456789Z\"}",
            "{\"id\":9,\"updatedAt\":\"yesterday\"}",
            "{\"name\":\"n\"}")) {
      readsAsJackson2(BeanItemSync.TYPE, new BeanItemJson(), json);
    }
    for (String json :
        List.of(
            "{\"id\":\"r\",\"label\":\"l\",\"highlighted\":true,\"rank\":3,\"revision\":7}",
            "{\"id\":\"r\",\"label\":\"l\",\"rank\":3}")) {
      readsAsJackson2(RecordItemSync.TYPE, new RecordItemJson(), json);
    }
    for (String json : List.of("{\"id\":\"i1\",\"stock\":-2,\"version\":1}")) {
      readsAsJackson2(CheckedItemSync.TYPE, new CheckedItemJson(), json);
    }
  }

  @Test
  void bigDecimalKeepsItsScaleAndInstantItsNanos() {
    for (ObjectMapper mapper : List.of(PLAIN, STREAMING)) {
      FieldItem item =
          Json3Codecs.readEntity(
              mapper, CODEC, utf8("{\"id\":\"a1\",\"price\":12.50,\"version\":1}"), null);
      assertEquals(new BigDecimal("12.50"), item.price);
      assertEquals(2, item.price.scale());
      String written =
          new String(Json3Codecs.writeEntity(mapper, CODEC, item), StandardCharsets.UTF_8);
      assertTrue(written.contains("\"price\":12.50"), written);

      BeanItemJson beans = new BeanItemJson();
      Instant nanos = Instant.parse("2026-11-28T18:00:00.123456789Z");
      BeanItem bean = new BeanItem();
      bean.setId(9);
      bean.setUpdatedAt(nanos);
      BeanItem back =
          Json3Codecs.readEntity(mapper, beans, Json3Codecs.writeEntity(mapper, beans, bean), 9L);
      assertEquals(nanos, back.getUpdatedAt());
    }
  }

  @Test
  void aPatchKeepsAbsentApartFromNull() {
    for (ObjectMapper mapper : List.of(PLAIN, STREAMING)) {
      Patch<FieldItem> patch =
          Json3Codecs.readPatch(
              mapper, CODEC, utf8("{\"id\":\"a1\",\"title\":null,\"count\":4}"), "a1");
      assertEquals(
          Set.of(FieldItemField.ID, FieldItemField.TITLE, FieldItemField.COUNT), patch.fields());
      assertNull(patch.get(FieldItemField.TITLE));
      Patch<FieldItem> nulls = FieldItemPatch.empty().title(null).version(3);
      assertEquals(
          "{\"title\":null,\"version\":3}",
          new String(Json3Codecs.writePatch(mapper, CODEC, nulls), StandardCharsets.UTF_8));
    }
  }

  @Test
  void localOnlyFieldsAreNeverWrittenNorRead() {
    FieldItem item = new FieldItem();
    item.id = "a1";
    item.expanded = true;
    item.draft = "unsent";
    for (ObjectMapper mapper : List.of(PLAIN, STREAMING)) {
      String written =
          new String(Json3Codecs.writeEntity(mapper, CODEC, item), StandardCharsets.UTF_8);
      assertFalse(written.contains("expanded") || written.contains("draft"), written);
      FieldItem read =
          Json3Codecs.readEntity(
              mapper,
              CODEC,
              utf8("{\"id\":\"a1\",\"version\":1,\"expanded\":true,\"draft\":\"server\"}"),
              null);
      assertFalse(read.expanded);
      assertNull(read.draft);
    }
  }

  @Test
  void bareNaNIsRefusedAndTheStringIsRead() {
    for (ObjectMapper mapper : List.of(PLAIN, STREAMING)) {
      BadServerDataException e =
          assertThrows(
              BadServerDataException.class,
              () ->
                  Json3Codecs.readEntity(
                      mapper, CODEC, utf8("{\"id\":\"a1\",\"ratio\":NaN,\"version\":1}"), null));
      assertEquals("FieldItem", e.entity());
      assertEquals("a1", e.id());
      assertEquals("ratio", e.field());
      FieldItem item =
          Json3Codecs.readEntity(
              mapper, CODEC, utf8("{\"id\":\"a1\",\"ratio\":\"NaN\",\"version\":1}"), null);
      assertTrue(Double.isNaN(item.ratio));
    }
  }

  @Test
  void aMistypedValueNamesEntityIdAndField() {
    for (ObjectMapper mapper : List.of(PLAIN, STREAMING)) {
      BadServerDataException e =
          assertThrows(
              BadServerDataException.class,
              () ->
                  Json3Codecs.readEntity(
                      mapper, CODEC, utf8("{\"id\":\"a1\",\"title\":5,\"version\":1}"), null));
      assertEquals("FieldItem", e.entity());
      assertEquals("a1", e.id());
      assertEquals("title", e.field());
    }
  }

  @Test
  void entitiesPatchesAndListsAreWrittenAndReadAsJackson2Does() {
    FieldItem item = new FieldItem();
    item.id = "a1";
    item.title = "Buy \"oat\" milk\n\tété 日本";
    item.count = -3;
    item.ratio = Double.NaN;
    item.grade = '"';
    item.price = new BigDecimal("12.50");
    item.status = Status.OPEN;
    item.due = LocalDate.of(2026, 11, 28);
    item.owner = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    item.version = Long.MIN_VALUE;
    Patch<FieldItem> patch = FieldItemPatch.empty().ratio(1e21).title(null).version(3).grade('x');
    for (ObjectMapper mapper : List.of(PLAIN, STREAMING)) {
      assertArrayEquals(
          JsonCodecs.writeEntity(JACKSON2, CODEC, item),
          Json3Codecs.writeEntity(mapper, CODEC, item));
      // A surrogate pair goes through each Jackson: Jackson 2 escapes it, Jackson 3 writes its
      // four UTF-8 bytes; either way the same string is read back.
      item.title = "emoji 😀 goes through Jackson";
      assertArrayEquals(
          Json3Codecs.writeEntity(STREAMING, CODEC, item),
          Json3Codecs.writeEntity(mapper, CODEC, item));
      assertEquals(
          item.title,
          JsonCodecs.readEntity(JACKSON2, CODEC, Json3Codecs.writeEntity(mapper, CODEC, item), null)
              .title);
      item.title = "Buy \"oat\" milk\n\tété 日本";
      assertArrayEquals(
          JsonCodecs.writePatch(JACKSON2, CODEC, patch),
          Json3Codecs.writePatch(mapper, CODEC, patch));
      byte[] list = utf8("[" + FIELD_ITEMS[0] + "," + FIELD_ITEMS[1] + "]");
      List<FieldItem> two = JsonCodecs.readList(JACKSON2, CODEC, list);
      List<FieldItem> three = Json3Codecs.readList(mapper, CODEC, list);
      assertEquals(two.size(), three.size());
      for (int i = 0; i < two.size(); i++) {
        assertTrue(FieldItemSync.TYPE.syncedEquals(two.get(i), three.get(i)));
      }
      assertThrows(
          BadServerDataException.class, () -> Json3Codecs.readList(mapper, CODEC, utf8("{}")));
    }
  }
}
