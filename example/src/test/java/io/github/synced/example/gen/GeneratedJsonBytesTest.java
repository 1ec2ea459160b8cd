package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Whole bodies through {@link JsonCodecs}: with a plain mapper the generated codecs read and write
 * the bytes themselves, and every answer (entity, patch, bytes, or the exception and its message)
 * is the one Jackson's streaming API gives, which a mapper over a subclassed factory forces.
 */
class GeneratedJsonBytesTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ObjectMapper JACKSON = new ObjectMapper(new JsonFactory() {});

  /** {@code read()} with either mapper: the value, or the message of what it threw. */
  private static Object outcome(Supplier<Object> read) {
    try {
      return read.get();
    } catch (BadServerDataException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage() + " / " + e.field();
    }
  }

  private static <E> void readsAlike(EntityType<?, E> type, JsonCodec<E> codec, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Object fast = outcome(() -> JsonCodecs.readEntity(PLAIN, codec, bytes, "x1"));
    Object slow = outcome(() -> JsonCodecs.readEntity(JACKSON, codec, bytes, "x1"));
    if (fast instanceof String || slow instanceof String) {
      assertEquals(slow, fast, json);
    } else {
      @SuppressWarnings("unchecked")
      E a = (E) fast;
      @SuppressWarnings("unchecked")
      E b = (E) slow;
      assertTrue(type.syncedEquals(a, b), json);
    }
    Object fastPatch = outcome(() -> JsonCodecs.readPatch(PLAIN, codec, bytes, "x1"));
    Object slowPatch = outcome(() -> JsonCodecs.readPatch(JACKSON, codec, bytes, "x1"));
    assertEquals(slowPatch, fastPatch, json);
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
  void fieldItemsReadAlike() {
    for (String json : FIELD_ITEMS) {
      readsAlike(FieldItemSync.TYPE, new FieldItemJson(), json);
    }
  }

  @Test
  void beansRecordsAndRefusingEntitiesReadAlike() {
    for (String json :
        List.of(
            "{\"id\":9,\"name\":\"n\",\"done\":true,\"updatedAt\":\"2026-11-28T18:00:00Z\"}",
            "{\"id\":9,\"updatedAt\":\"yesterday\"}",
            "{\"name\":\"n\"}",
            "{\"id\":-0,\"updatedAt\":\"2026-11-28T18:00:00Z\"}")) {
      readsAlike(BeanItemSync.TYPE, new BeanItemJson(), json);
    }
    for (String json :
        List.of(
            "{\"id\":\"r\",\"label\":\"l\",\"highlighted\":true,\"rank\":3,\"revision\":7}",
            "{\"id\":\"r\",\"label\":\"l\",\"rank\":3}")) {
      readsAlike(RecordItemSync.TYPE, new RecordItemJson(), json);
    }
    for (String json :
        List.of(
            "{\"id\":\"i1\",\"stock\":-2,\"version\":1}",
            "{\"id\":\"i1\",\"stock\":4,\"version\":1}")) {
      readsAlike(CheckedItemSync.TYPE, new CheckedItemJson(), json);
    }
    for (String json :
        List.of(
            "{\"id\":\"c1\",\"title\":\" \",\"version\":7}",
            "{\"id\":\"c1\",\"title\":\"Plan\",\"version\":7}")) {
      readsAlike(CardSync.TYPE, new CardJson(), json);
    }
  }

  @Test
  void listsReadAlike() {
    FieldItemJson codec = new FieldItemJson();
    for (String json :
        List.of(
            "[]",
            "[" + FIELD_ITEMS[0] + "," + FIELD_ITEMS[1] + "]",
            "[" + FIELD_ITEMS[0] + ",]",
            "[1]",
            "{}")) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Object fast = outcome(() -> JsonCodecs.readList(PLAIN, codec, bytes).size());
      Object slow = outcome(() -> JsonCodecs.readList(JACKSON, codec, bytes).size());
      assertEquals(slow, fast, json);
    }
  }

  @Test
  void entitiesAndPatchesAreWrittenToTheSameBytes() {
    FieldItemJson codec = new FieldItemJson();
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
    assertArrayEquals(
        JsonCodecs.writeEntity(JACKSON, codec, item), JsonCodecs.writeEntity(PLAIN, codec, item));
    item.title = "emoji 😀 goes through Jackson";
    assertArrayEquals(
        JsonCodecs.writeEntity(JACKSON, codec, item), JsonCodecs.writeEntity(PLAIN, codec, item));
    Patch<FieldItem> patch = FieldItemPatch.empty().ratio(1e21).title(null).version(3).grade('x');
    assertArrayEquals(
        JsonCodecs.writePatch(JACKSON, codec, patch), JsonCodecs.writePatch(PLAIN, codec, patch));
    BeanItemJson beans = new BeanItemJson();
    BeanItem bean = new BeanItem();
    bean.setId(9);
    bean.setUpdatedAt(Instant.parse("2026-11-28T18:00:00Z"));
    assertArrayEquals(
        JsonCodecs.writeEntity(JACKSON, beans, bean), JsonCodecs.writeEntity(PLAIN, beans, bean));
  }
}
