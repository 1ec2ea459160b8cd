package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.json.JacksonInput;
import io.github.synced.runtime.json.JacksonOutput;
import io.github.synced.runtime.json.JsonCodec;
import io.github.synced.runtime.spi.Patch;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour of the generated Jackson codecs, with real Jackson. */
class GeneratedJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final FieldItemJson FIELD_JSON = new FieldItemJson();

  private static <E> String write(JsonCodec<E> codec, E entity) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      codec.write(JacksonOutput.of(generator), entity);
    }
    return out.toString();
  }

  private static <E> String writePatch(JsonCodec<E> codec, Patch<E> patch) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      codec.writePatch(JacksonOutput.of(generator), patch);
    }
    return out.toString();
  }

  private static <E> E read(JsonCodec<E> codec, String json) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      return codec.read(JacksonInput.of(parser));
    }
  }

  private static <E> Patch<E> readPatch(JsonCodec<E> codec, String json) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      return codec.readPatch(JacksonInput.of(parser));
    }
  }

  private static FieldItem sample() {
    FieldItem item = new FieldItem();
    item.id = "a1";
    item.title = "Buy \"oat\" milk";
    item.count = -3;
    item.ratio = 0.25;
    item.grade = 'B';
    item.price = new BigDecimal("12.50");
    item.status = Status.DONE;
    item.due = LocalDate.of(2026, 11, 28);
    item.owner = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    item.version = 17;
    item.expanded = true;
    item.draft = "secret";
    return item;
  }

  private static BadServerDataException bad(String json) {
    return assertThrows(BadServerDataException.class, () -> read(FIELD_JSON, json));
  }

  @Test
  void entityRoundTripsThroughJson() throws IOException {
    FieldItem item = sample();
    FieldItem back = read(FIELD_JSON, write(FIELD_JSON, item));
    assertEquals(Set.of(), FieldItemSync.TYPE.diff(item, back));
    assertEquals(
        "{\"id\":\"a1\",\"title\":\"Buy \\\"oat\\\" milk\",\"count\":-3,\"ratio\":0.25,\"grade\":\"B\","
            + "\"price\":12.50,\"status\":\"DONE\",\"due\":\"2026-11-28\","
            + "\"owner\":\"123e4567-e89b-12d3-a456-426614174000\",\"version\":17}",
        write(FIELD_JSON, item));
    assertSame(FieldItemSync.TYPE, FIELD_JSON.type());
  }

  @Test
  void nullsRoundTrip() throws IOException {
    FieldItem item = new FieldItem();
    item.id = "n";
    FieldItem back = read(FIELD_JSON, write(FIELD_JSON, item));
    assertEquals(Set.of(), FieldItemSync.TYPE.diff(item, back));
    assertTrue(write(FIELD_JSON, item).contains("\"title\":null"));
  }

  @Test
  void localOnlyFieldsAreNeverWritten() throws IOException {
    String json = write(FIELD_JSON, sample());
    assertFalse(json.contains("expanded"), json);
    assertFalse(json.contains("draft"), json);
    assertFalse(json.contains("secret"), json);
  }

  @Test
  void localOnlyAndUnknownPropertiesAreIgnoredWhenRead() throws IOException {
    FieldItem item =
        read(
            FIELD_JSON,
            "{\"id\":\"a1\",\"version\":1,\"expanded\":true,\"draft\":\"from server\","
                + "\"extra\":{\"nested\":[1,{\"x\":2}]},\"title\":\"t\"}");
    assertFalse(item.expanded);
    assertNull(item.draft);
    assertEquals("t", item.title);
  }

  @Test
  void patchReadKeepsAbsentApartFromNull() throws IOException {
    Patch<FieldItem> withNull = readPatch(FIELD_JSON, "{\"title\":null}");
    assertEquals(Set.of(FieldItemField.TITLE), withNull.fields());
    assertNull(withNull.get(FieldItemField.TITLE));

    Patch<FieldItem> some = readPatch(FIELD_JSON, "{\"count\":5,\"expanded\":true}");
    assertEquals(Set.of(FieldItemField.COUNT), some.fields());
    FieldItem target = sample();
    some.applyTo(target);
    assertEquals(5, target.count);
    assertEquals("Buy \"oat\" milk", target.title, "absent fields are left alone");

    assertTrue(readPatch(FIELD_JSON, "{}").isEmpty());
  }

  @Test
  void patchWritesExactlyItsFieldsNullsIncluded() throws IOException {
    assertEquals(
        "{\"title\":null,\"version\":3}",
        writePatch(FIELD_JSON, FieldItemPatch.empty().version(3).title(null)));
    FieldItemPatch patch = FieldItemPatch.empty().status(Status.OPEN).due(LocalDate.of(2027, 1, 2));
    assertEquals(patch, readPatch(FIELD_JSON, writePatch(FIELD_JSON, patch)));
  }

  @Test
  void beanRecordAndSubclassRoundTrip() throws IOException {
    BeanItemJson beans = new BeanItemJson();
    BeanItem bean = new BeanItem();
    bean.setId(9);
    bean.setName("n");
    bean.setDone(true);
    bean.setUpdatedAt(Instant.parse("2026-11-28T18:00:00Z"));
    bean.setSelected(true);
    String json = write(beans, bean);
    assertEquals(
        "{\"id\":9,\"name\":\"n\",\"done\":true,\"updatedAt\":\"2026-11-28T18:00:00Z\"}", json);
    BeanItem back = read(beans, json);
    assertEquals(Set.of(), BeanItemSync.TYPE.diff(bean, back));
    assertFalse(back.isSelected());

    RecordItemJson records = new RecordItemJson();
    RecordItem record = new RecordItem("r", "label", true, 3, 7);
    assertEquals(new RecordItem("r", "label", false, 3, 7), read(records, write(records, record)));
    BadServerDataException noRevision =
        assertThrows(
            BadServerDataException.class,
            () -> read(records, write(records, new RecordItem("r", "label", true, 3, null))));
    assertEquals(
        "RecordItem 'r', field 'revision': the version is missing", noRevision.getMessage());

    SubItemJson subs = new SubItemJson();
    SubItem sub = new SubItem();
    sub.id = "s";
    sub.owner = "o";
    sub.note = "n";
    sub.open = true;
    assertEquals("{\"id\":\"s\",\"version\":0,\"owner\":\"o\",\"note\":\"n\"}", write(subs, sub));
  }

  @Test
  void wholeEntityWithoutItsVersionIsRefusedNamingIdAndField() {
    BadServerDataException e =
        assertThrows(
            BadServerDataException.class,
            () -> read(FIELD_JSON, "{\"id\":\"a1\",\"title\":\"t\"}"));
    assertEquals("FieldItem 'a1', field 'version': the version is missing", e.getMessage());
  }

  @Test
  void notAnObjectIsRefused() {
    BadServerDataException e = bad("[1, 2]");
    assertEquals("FieldItem", e.entity());
    assertNull(e.id());
    assertNull(e.field());
    assertEquals("FieldItem (id unknown): expected an object, found ARRAY", e.getMessage());
  }

  @Test
  void wrongTokenNamesEntityIdAndField() {
    BadServerDataException e = bad("{\"id\":\"a1\",\"title\":5}");
    assertEquals("FieldItem", e.entity());
    assertEquals("a1", e.id());
    assertEquals("title", e.field());
    assertEquals("FieldItem 'a1', field 'title': expected a string, found NUMBER", e.getMessage());
  }

  @Test
  void nullForAPrimitiveIsRefused() {
    BadServerDataException e = bad("{\"id\":\"a1\",\"count\":null}");
    assertEquals("count", e.field());
    assertEquals("a1", e.id());
    assertTrue(e.getMessage().contains("expected an integer, found null"), e.getMessage());
  }

  @Test
  void unknownEnumConstantIsRefusedListingTheConstants() {
    BadServerDataException e = bad("{\"id\":\"a1\",\"status\":\"LATE\"}");
    assertEquals("status", e.field());
    assertEquals(
        "FieldItem 'a1', field 'status': 'LATE' is not a constant of Status; expected one of"
            + " [OPEN, DONE]",
        e.getMessage());
  }

  @Test
  void unparseableUuidAndDateAreRefused() {
    BadServerDataException uuid = bad("{\"id\":\"a1\",\"owner\":\"not-a-uuid\"}");
    assertEquals("owner", uuid.field());
    assertTrue(uuid.getMessage().endsWith("'not-a-uuid' is not a UUID"), uuid.getMessage());
    BadServerDataException date = bad("{\"id\":\"a1\",\"due\":\"28/11/2026\"}");
    assertEquals("due", date.field());
    assertTrue(date.getMessage().endsWith("'28/11/2026' is not an ISO-8601 LocalDate"));
    BadServerDataException instant =
        assertThrows(
            BadServerDataException.class,
            () -> read(new BeanItemJson(), "{\"id\":1,\"updatedAt\":\"yesterday\"}"));
    assertEquals(1L, instant.id());
    assertEquals("updatedAt", instant.field());
  }

  @Test
  void numberOutOfRangeIsRefused() {
    BadServerDataException e = bad("{\"id\":\"a1\",\"count\":99999999999}");
    assertEquals("count", e.field());
    assertEquals("a1", e.id());
  }

  @Test
  void missingOrNullIdIsRefusedOnRead() throws IOException {
    BadServerDataException missing = bad("{\"title\":\"t\"}");
    assertEquals("id", missing.field());
    assertNull(missing.id());
    assertEquals("FieldItem (id unknown), field 'id': the id is missing", missing.getMessage());
    assertEquals("id", bad("{\"id\":null}").field());
    assertEquals(
        "id",
        assertThrows(
                BadServerDataException.class, () -> read(new BeanItemJson(), "{\"name\":\"n\"}"))
            .field());
    assertEquals(
        List.of(), List.copyOf(readPatch(FIELD_JSON, "{}").fields()), "a patch needs no id");
  }

  @Test
  void malformedJsonNamesTheField() {
    BadServerDataException e = bad("{\"id\":\"a1\",\"title\":tru}");
    assertEquals("title", e.field());
    assertEquals("a1", e.id());
  }

  @Test
  void nonFiniteDoublesRoundTripAsTheStringsJacksonWrites() throws IOException {
    for (double value :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      FieldItem item = sample();
      item.ratio = value;
      String json = write(FIELD_JSON, item);
      assertTrue(json.contains("\"ratio\":\"" + value + "\""), json);
      assertEquals(Double.valueOf(value), Double.valueOf(read(FIELD_JSON, json).ratio));
      Patch<FieldItem> patch =
          readPatch(FIELD_JSON, writePatch(FIELD_JSON, FieldItemPatch.empty().ratio(value)));
      assertEquals(Double.valueOf(value), patch.get(FieldItemField.RATIO));
    }
  }

  @Test
  void nonFiniteNumbersAreReadWhenAServerWritesThemBare() throws IOException {
    ObjectMapper lenient =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    try (JsonParser parser =
        lenient.getFactory().createParser("{\"id\":\"a1\",\"ratio\":NaN,\"version\":1}")) {
      assertTrue(Double.isNaN(FIELD_JSON.read(JacksonInput.of(parser)).ratio));
    }
  }

  @Test
  void otherStringsForADoubleAreBadServerData() {
    BadServerDataException e = bad("{\"id\":\"a1\",\"ratio\":\"nan\",\"version\":1}");
    assertEquals("ratio", e.field());
    assertEquals(
        "expected a number or one of \"NaN\", \"Infinity\", \"-Infinity\", found STRING",
        e.problem());
  }
}
