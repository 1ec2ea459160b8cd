package io.github.synced.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Arrays, keyed objects and nested entities on the byte reader and writer, against Jackson 2 and
 * Jackson 3: the byte reader reads every well-formed document here to what both Jacksons read (or
 * the same bad server data), declines what it must, and never accepts what Jackson refuses; the
 * byte writer writes both Jacksons' bytes.
 */
class ByteStructureTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final tools.jackson.databind.ObjectMapper MAPPER3 =
      new tools.jackson.databind.ObjectMapper();
  private static final JsonNames NAMES = JsonNames.of("a", "b");
  private static final PlainNoteJson NOTES = new PlainNoteJson();

  /** One way of reading the value of property {@code a}. */
  private interface Reading {
    Object read(JsonInput in) throws IOException;
  }

  private static final List<Reading> READINGS =
      List.of(
          in -> JsonValues.readList(in, "T", "a", e -> e.readBoxedInt("T")),
          in -> JsonValues.readList(in, "T", "a", e -> e.readString("T")),
          in ->
              JsonValues.readList(
                  in, "T", "a", e -> JsonValues.readList(e, "T", "a", f -> f.readBoxedLong("T"))),
          in ->
              JsonValues.readMap(
                  in, "T", "a", Function.identity(), "a string", e -> e.readBoxedInt("T")),
          in ->
              JsonValues.readSortedMap(
                  in,
                  "T",
                  "a",
                  Integer::valueOf,
                  "an integer",
                  e -> JsonValues.readList(e, "T", "a", f -> f.readString("T"))),
          in ->
              JsonValues.readList(
                  in,
                  "T",
                  "a",
                  e ->
                      JsonValues.readMap(
                          e,
                          "T",
                          "a",
                          Function.identity(),
                          "a string",
                          f -> {
                            f.skipValue();
                            return 0;
                          })),
          in -> JsonEntities.readList(in, "T", "a", NOTES),
          in -> JsonEntities.readMap(in, "T", "a", Function.identity(), "a string", NOTES));

  private static Object outcome(JsonInput in, Reading reading) {
    try {
      in.startObject("T");
      List<Object> values = new ArrayList<>();
      for (int f = in.nextField(NAMES); f != JsonInput.END; f = in.nextField(NAMES)) {
        if (f == 0) {
          values.add(reading.read(in));
        } else {
          values.add("skipped " + f);
          in.skipValue();
        }
      }
      if (in instanceof ByteInput bytes) {
        bytes.expectEnd();
      }
      return values;
    } catch (Declined d) {
      return d;
    } catch (IOException | RuntimeException e) {
      return e;
    }
  }

  /** What {@code o} says: a value's text, or an exception's class and message. */
  private static String said(Object o) {
    return o instanceof Exception e ? e.getClass().getSimpleName() + ": " + e.getMessage() : "" + o;
  }

  /**
   * The byte reader reads {@code json} as both Jacksons do with every reading, or declines.
   *
   * @return how many readings it read without declining
   */
  private static int sameAsJackson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int read = 0;
    for (Reading reading : READINGS) {
      Object fast =
          outcome(
              new ByteInput(bytes, JsonCodecs.limits(StreamReadConstraints.defaults())), reading);
      if (fast instanceof Declined) {
        continue;
      }
      read++;
      Object slow;
      try (JsonParser parser = MAPPER.createParser(bytes)) {
        slow = outcome(JacksonInput.of(parser), reading);
        if (!(slow instanceof Exception) && parser.nextToken() != null) {
          slow = "trailing " + parser.currentToken();
        }
      } catch (IOException e) {
        slow = e;
      }
      Object third;
      try (tools.jackson.core.JsonParser parser = MAPPER3.createParser(bytes)) {
        third = outcome(Jackson3Input.of(parser), reading);
      }
      assertEquals(said(slow), said(fast), json);
      assertEquals(said(third), said(fast), () -> "Jackson 3: " + json);
    }
    return read;
  }

  @Test
  void readsArraysAndKeyedObjectsAsJacksonDoes() {
    String[] read = {
      "{\"a\":[]}",
      "{\"a\":[],\"b\":1}",
      "{ \"a\" : [ ] , \"b\" : { } }",
      "{\"a\":[1,2,null]}",
      "{\"a\":[\"x\",\"y\\n\",\"é\"]}",
      "{\"a\":[[],[1],[2,3],null]}",
      "{\"a\":{}}",
      "{\"a\":{},\"b\":[{}]}",
      "{\"a\":{\"x\":1,\"y\":null,\"x\":3}}",
      "{\"a\":{\"1\":[\"p\"],\"2\":[]}}",
      "{\"a\":{\"\\u0078\":1,\"ä\":2,\"\":3}}",
      "{\"a\":[{},{\"k\":{}}]}",
      "{\"a\":null,\"b\":[]}",
      "{\"b\":[[],{}],\"a\":[]}",
      "{\"a\":[{\"id\":\"n1\",\"version\":1},{\"id\":\"n2\",\"text\":null,\"version\":2}]}",
      "{\"a\":{\"x\":{\"id\":\"n1\",\"version\":1,\"pinned\":true}}}",
      "{\"a\":[{\"id\":\"n1\",\"version\":1},null]}",
      "{\"a\":[{\"id\":\"n1\",\"version\":1},{\"id\":\"n1\",\"version\":2}]}",
      "{\"a\":{\"x\":{\"id\":\"n\",\"version\":1},\"y\":{\"id\":\"n\",\"version\":1}}}",
      "{\"a\":[{\"version\":1}]}",
      "{\"a\":{\"x\":1},\"b\":2}"
    };
    for (String doc : read) {
      assertTrue(sameAsJackson(doc) > 0, () -> "the byte reader declined " + doc);
    }
    String[] malformed = {
      "{\"a\":[]\"b\":1}",
      "{\"a\":{}\"b\":1}",
      "{\"a\":[1 2]}",
      "{\"a\":[1,]}",
      "{\"a\":[,1]}",
      "{\"a\":{\"x\" 1}}",
      "{\"a\":{\"x\":1,}}",
      "{\"a\":{,\"x\":1}}",
      "{\"a\":{\"x\":1 \"y\":2}}",
      "{\"a\":[{}{}]}",
      "{\"a\":[[]",
      "{\"a\":{x:1}}",
      "{\"a\":[1],}"
    };
    for (String doc : malformed) {
      sameAsJackson(doc);
    }
  }

  @Test
  void readsNestedEntitiesThroughTheirCodecWithTheSameMessages() throws IOException {
    byte[] json =
        "{\"a\":[{\"id\":\"n1\",\"text\":\"x\",\"version\":1},{\"id\":\"n2\",\"version\":2}],\"b\":0}"
            .getBytes(StandardCharsets.UTF_8);
    ByteInput in = new ByteInput(json, JsonCodecs.limits(StreamReadConstraints.defaults()));
    Object read = outcome(in, i -> JsonEntities.readList(i, "T", "a", NOTES));
    assertEquals(
        "[[Note{n1, x, null, v1, pinned=false}, Note{n2, null, null, v2, pinned=false}]"
            + ", skipped 1]",
        said(read));
    byte[] twice =
        "{\"a\":[{\"id\":\"n1\",\"version\":1},{\"id\":\"n1\",\"version\":2}]}"
            .getBytes(StandardCharsets.UTF_8);
    Object refused =
        outcome(
            new ByteInput(twice, JsonCodecs.limits(StreamReadConstraints.defaults())),
            i -> JsonEntities.readList(i, "T", "a", NOTES));
    assertEquals(
        "BadServerDataException: T (id unknown), field 'a': element 1 has the id 'n1' that element 0 has",
        said(refused));
  }

  @Test
  void aKeyLongerThanTheMappersNameLimitIsLeftToJackson() {
    StreamReadConstraints tight = StreamReadConstraints.builder().maxNameLength(3).build();
    byte[] json = "{\"a\":{\"abcd\":1}}".getBytes(StandardCharsets.UTF_8);
    Reading map =
        in -> JsonValues.readMap(in, "T", "a", Function.identity(), "", e -> e.readInt("T"));
    assertInstanceOf(Declined.class, outcome(new ByteInput(json, JsonCodecs.limits(tight)), map));
    byte[] fits = "{\"a\":{\"abc\":1}}".getBytes(StandardCharsets.UTF_8);
    assertEquals("[{abc=1}]", said(outcome(new ByteInput(fits, JsonCodecs.limits(tight)), map)));
  }

  // ------------------------------------------------------------------ writing

  /** Writes {@code value} as property {@code a}, then {@code null} as {@code b}. */
  private interface Writing {
    void write(JsonOutput out) throws IOException;
  }

  private static void object(JsonOutput out, Writing writing) throws IOException {
    out.startObject();
    out.name(NAMES, 0);
    writing.write(out);
    out.name(NAMES, 1);
    out.writeNull();
    out.endObject();
  }

  /** The byte writer writes both Jacksons' bytes, without declining. */
  private static void sameBytes(Writing writing, String what) throws IOException {
    ByteOutput fast = new ByteOutput();
    object(fast, writing);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
      object(JacksonOutput.of(g), writing);
    }
    String written = new String(fast.toByteArray(), StandardCharsets.UTF_8);
    assertArrayEquals(bytes.toByteArray(), fast.toByteArray(), () -> what + ": " + written);
    ByteArrayOutputStream bytes3 = new ByteArrayOutputStream();
    try (tools.jackson.core.JsonGenerator g =
        MAPPER3.createGenerator(bytes3, tools.jackson.core.JsonEncoding.UTF8)) {
      object(Jackson3Output.of(g), writing);
    }
    assertArrayEquals(bytes3.toByteArray(), fast.toByteArray(), () -> "Jackson 3, " + written);
  }

  @Test
  void writesArraysAndKeyedObjectsAsJacksonDoes() throws IOException {
    Map<Object, Object> keyed = new LinkedHashMap<>();
    keyed.put("plain", 1);
    keyed.put("a\"b\\c\n\u0001é日", List.of());
    keyed.put("", Map.of());
    keyed.put(DayOfWeek.MONDAY, Arrays.asList(null, 2.5, "x"));
    keyed.put(7, new TreeMap<>(Map.of("k", List.of(List.of(), List.of(true)))));
    List<Object> values =
        List.of(
            List.of(),
            List.of(1, 2, 3),
            Arrays.asList(null, null),
            List.of(List.of(), List.of(List.of()), List.of("x", 1L)),
            Map.of(),
            keyed,
            List.of(Map.of(), Map.of("k", List.of())),
            new int[] {1, -2},
            new double[] {0.5, Double.NaN},
            new String[] {"a", null},
            Optional.of(List.of(1)),
            List.of(Optional.empty(), Optional.of("x")));
    for (Object value : values) {
      sameBytes(out -> JsonValues.write(out, value), String.valueOf(value));
    }
  }

  @Test
  void writesNestedEntitiesThroughTheirCodecAsJacksonDoes() throws IOException {
    Note one = new Note("n1", "one", 3, 1);
    one.pin(true);
    Note two = new Note("n2", null, null, 2);
    sameBytes(out -> JsonEntities.write(out, one, NOTES), "one");
    sameBytes(out -> JsonEntities.write(out, null, NOTES), "null");
    sameBytes(out -> JsonEntities.write(out, List.of(one, two), NOTES), "list");
    sameBytes(out -> JsonEntities.write(out, Arrays.asList(null, one), NOTES), "null element");
    sameBytes(out -> JsonEntities.write(out, List.of(), NOTES), "empty");
    Map<String, Note> lanes = new LinkedHashMap<>();
    lanes.put("todo", one);
    lanes.put("done", null);
    sameBytes(out -> JsonEntities.write(out, lanes, NOTES), "map");
    ByteOutput out = new ByteOutput();
    JsonEntities.write(out, List.of(one, two), NOTES);
    assertEquals(
        "[{\"id\":\"n1\",\"text\":\"one\",\"priority\":3,\"version\":1},"
            + "{\"id\":\"n2\",\"text\":null,\"priority\":null,\"version\":2}]",
        new String(out.toByteArray(), StandardCharsets.UTF_8),
        "the local-only pinned is never written");
  }

  @Test
  void base64IsStillLeftToJackson() {
    ByteOutput out = new ByteOutput();
    out.startObject();
    out.name(NAMES, 0);
    assertInstanceOf(
        Declined.class,
        org.junit.jupiter.api.Assertions.assertThrows(
            RuntimeException.class, () -> JsonValues.write(out, new byte[] {1, 2})));
  }
}
