package io.github.synced.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharTypes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte reader and writer against Jackson 2 and Jackson 3: whatever the byte reader reads, both
 * read to the same value, and what it cannot read exactly as Jackson would it declines; the byte
 * writer writes both Jacksons' bytes, or declines.
 */
class ByteJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Jackson 3: whatever the byte reader reads and writes, Jackson 3 reads and writes the same. */
  private static final tools.jackson.databind.ObjectMapper MAPPER3 =
      new tools.jackson.databind.ObjectMapper();

  private static final JsonNames NAMES = JsonNames.of("a", "größe");

  /** One way of reading the value of property {@code a}. */
  private interface Reading {
    Object read(JsonInput in) throws IOException;
  }

  private static final List<Reading> READINGS =
      List.of(
          in -> in.readString("T"),
          in -> in.readBoolean("T"),
          in -> in.readBoxedBoolean("T"),
          in -> in.readByte("T"),
          in -> in.readShort("T"),
          in -> in.readInt("T"),
          in -> in.readBoxedInt("T"),
          in -> in.readLong("T"),
          in -> in.readBoxedLong("T"),
          in -> in.readBigInteger("T"),
          in -> in.readFloat("T"),
          in -> in.readDouble("T"),
          in -> in.readBoxedDouble("T"),
          in -> in.readBigDecimal("T"),
          in -> in.readChar("T"),
          in -> in.readUuid("T"));

  /** What reading {@code json} with {@code reading} gives: a value, or the exception thrown. */
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

  /** The byte reader reads {@code json} as Jackson does, or declines; returns whether it read. */
  private static boolean sameAsJackson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    boolean read = false;
    for (Reading reading : READINGS) {
      Object fast =
          outcome(
              new ByteInput(bytes, JsonCodecs.limits(StreamReadConstraints.defaults())), reading);
      if (fast instanceof Declined) {
        continue;
      }
      read = true;
      Object slow;
      try (JsonParser parser = MAPPER.createParser(bytes)) {
        slow = outcome(JacksonInput.of(parser), reading);
        if (!(slow instanceof Exception) && parser.nextToken() != null) {
          slow = "trailing " + parser.currentToken();
        }
      } catch (IOException e) {
        slow = e;
      }
      assertFalse(fast instanceof Exception, () -> json + " → " + fast);
      assertEquals(String.valueOf(slow), String.valueOf(fast), json);
      assertTrue(Objects.equals(slow, fast), json);
      Object third;
      try (tools.jackson.core.JsonParser parser = MAPPER3.createParser(bytes)) {
        third = outcome(Jackson3Input.of(parser), reading);
        if (!(third instanceof Exception) && parser.nextToken() != null) {
          third = "trailing " + parser.currentToken();
        }
      }
      assertEquals(String.valueOf(third), String.valueOf(fast), () -> "Jackson 3: " + json);
      assertTrue(Objects.equals(third, fast), () -> "Jackson 3: " + json);
    }
    return read;
  }

  @Test
  void readsNumbersAsJacksonDoes() {
    String[] numbers = {
      "0",
      "-0",
      "1",
      "-1",
      "7",
      "255",
      "-128",
      "128",
      "32767",
      "32768",
      "2147483647",
      "2147483648",
      "-2147483649",
      "123456789012345678",
      "1234567890123456789",
      "1.5",
      "2.5",
      "0.1",
      "0.3",
      "-0.0",
      "1e10",
      "1E-5",
      "-2.5e+3",
      "1.7976931348623157e308",
      "4.9e-324",
      "123.456e-7",
      "9007199254740993",
      "0.1e1",
      "100e-2",
      "1e22",
      "1e23",
      "1e-22",
      "1e-23",
      "12345678901234567890",
      "3.141592653589793",
      "2.718281828459045e0",
      "1e400",
      "-1e-400",
      "00",
      "01",
      "1.",
      ".5",
      "+1",
      "-",
      "1e",
      "1e+",
      "0x10",
      "1.5.5",
      "1ee5",
      "--1"
    };
    int read = 0;
    for (String n : numbers) {
      if (sameAsJackson("{\"a\":" + n + "}")) {
        read++;
      }
      sameAsJackson("{\"a\": " + n + " }");
    }
    assertTrue(read > 30, "most numbers are read without Jackson: " + read);
  }

  @Test
  void readsRandomDecimalsToTheSameDoubleAsJackson() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder n = new StringBuilder();
      if (random.nextBoolean()) {
        n.append('-');
      }
      n.append(1 + random.nextInt(9));
      int digits = random.nextInt(18);
      for (int d = 0; d < digits; d++) {
        n.append(random.nextInt(10));
      }
      if (random.nextBoolean()) {
        n.insert(n.length() - random.nextInt(digits + 1), '.');
        if (n.charAt(n.length() - 1) == '.') {
          n.append('0');
        }
      }
      if (random.nextInt(3) == 0) {
        n.append('e').append(random.nextInt(61) - 30);
      }
      sameAsJackson("{\"a\":" + n.toString().replace("-.", "-0.").replaceFirst("^\\.", "0.") + "}");
    }
  }

  @Test
  void readsStringsAsJacksonDoes() {
    String[] strings = {
      "\"plain\"",
      "\"\"",
      "\"Buy \\\"oat\\\" milk\"",
      "\"tab\\there\"",
      "\"\\u00e9t\\u00E9\"",
      "\"\\ud83d\\ude00\"",
      "\"\\ud83d\"",
      "\"été\"",
      "\"日本\"",
      "\"😀\"",
      "\"a/b\\/c\"",
      "\"\\\\\"",
      "\"\\x\"",
      "\"\\u12\"",
      "\"raw\ttab\"",
      "\"unterminated",
      "null",
      "nul",
      "nulls",
      "true",
      "false",
      "tru",
      "\"123e4567-e89b-12d3-a456-426614174000\"",
      "\"not-a-uuid\"",
      "\"B\""
    };
    for (String s : strings) {
      sameAsJackson("{\"a\":" + s + "}");
    }
    // invalid UTF-8 and encoded surrogates are declined
    for (byte[] bad :
        new byte[][] {
          {(byte) 0xC3},
          {(byte) 0xC0, (byte) 0x80},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xFF}
        }) {
      byte[] json = new byte[7 + bad.length];
      System.arraycopy("{\"a\":\"".getBytes(StandardCharsets.US_ASCII), 0, json, 0, 6);
      System.arraycopy(bad, 0, json, 6, bad.length);
      json[json.length - 1] = '"';
      Object fast =
          outcome(
              new ByteInput(json, JsonCodecs.limits(StreamReadConstraints.defaults())),
              in -> in.readString("T"));
      assertTrue(fast instanceof Declined, () -> "declines " + fast);
    }
  }

  @Test
  void skipsAndMatchesNamesAsJacksonDoes() {
    String[] docs = {
      "{}",
      " { } ",
      "{\"b\":1,\"a\":2}",
      "{\"a\":1,\"a\":2}",
      "{\"größe\":1,\"a\":2}",
      "{\"a\":1,\"größe\":[1,{\"x\":[true,false,null]}],\"zz\":{}}",
      "{\"x\":\"\\u0041\",\"a\":3}",
      "{\"b\":[1,2,],\"a\":1}",
      "{\"a\":1,}",
      "{\"a\" 1}",
      "{\"a\":1 \"b\":2}",
      "{\"a\":1}x",
      "{\"a\":1}{}",
      "{\"\\u0061\":1}",
      "{\"ä\":1,\"a\":1}",
      "{'a':1}",
      "{\"a\":1/*c*/}",
      "[]",
      "{\"a\":{\"deep\":[[[[]]]]}}",
      "{\"a\":\"x\"}   ",
      "\uFEFF{\"a\":1}",
      "{\"a\":1}\n"
    };
    for (String doc : docs) {
      sameAsJackson(doc);
    }
  }

  @Test
  void escapesAsJacksonDoes() {
    assertArrayEquals(CharTypes.get7BitOutputEscapes(), ByteOutput.ESCAPES);
    assertArrayEquals(
        new SerializedString("a\"b\\c\u0001\n\u00e9").asQuotedUTF8(),
        StringBytes.quotedUtf8("a\"b\\c\u0001\n\u00e9"));
  }

  @Test
  void honoursTheMappersLimits() {
    StreamReadConstraints tight = StreamReadConstraints.builder().maxStringLength(3).build();
    byte[] json = "{\"a\":\"abcd\"}".getBytes(StandardCharsets.UTF_8);
    assertTrue(
        outcome(new ByteInput(json, JsonCodecs.limits(tight)), in -> in.readString("T"))
            instanceof Declined);
    StreamReadConstraints documents = StreamReadConstraints.builder().maxDocumentLength(5).build();
    assertThrows(Declined.class, () -> new ByteInput(json, JsonCodecs.limits(documents)));
  }

  // ------------------------------------------------------------------ writing

  /** One way of writing a value as property {@code a}. */
  private interface Writing {
    void write(JsonOutput out) throws IOException;
  }

  private static void sameBytes(Writing writing, String what) throws IOException {
    ByteOutput fast = new ByteOutput();
    boolean declined = false;
    try {
      fast.startObject();
      fast.name(NAMES, 0);
      writing.write(fast);
      fast.name(NAMES, 1);
      fast.writeNull();
      fast.endObject();
    } catch (Declined d) {
      declined = true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
      JsonOutput slow = JacksonOutput.of(g);
      slow.startObject();
      slow.name(NAMES, 0);
      writing.write(slow);
      slow.name(NAMES, 1);
      slow.writeNull();
      slow.endObject();
    } catch (IOException e) {
      if (declined) {
        return;
      }
      throw e;
    }
    if (!declined) {
      assertArrayEquals(
          bytes.toByteArray(),
          fast.toByteArray(),
          () -> what + ": " + new String(fast.toByteArray(), StandardCharsets.UTF_8));
      ByteArrayOutputStream bytes3 = new ByteArrayOutputStream();
      try (tools.jackson.core.JsonGenerator g =
          MAPPER3.createGenerator(bytes3, tools.jackson.core.JsonEncoding.UTF8)) {
        JsonOutput slow = Jackson3Output.of(g);
        slow.startObject();
        slow.name(NAMES, 0);
        writing.write(slow);
        slow.name(NAMES, 1);
        slow.writeNull();
        slow.endObject();
      }
      assertArrayEquals(
          bytes3.toByteArray(),
          fast.toByteArray(),
          () ->
              "Jackson 3, " + what + ": " + new String(fast.toByteArray(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void writesStringsAsJacksonDoes() throws IOException {
    for (char c = 0; c < 0x3000; c++) {
      String s = "x" + c + "y";
      sameBytes(out -> out.writeString(s), "char " + (int) c);
    }
    for (String s :
        new String[] {"", "Buy \"oat\" milk", "a\\b/c", "é日本", "😀", "\uD83D", "\uDE00x", null}) {
      sameBytes(out -> out.writeString(s), String.valueOf(s));
    }
    sameBytes(out -> out.writeChar('"'), "char");
    java.util.UUID uuid = java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    sameBytes(out -> out.writeText(uuid), "uuid");
    sameBytes(out -> out.writeEnum(java.time.DayOfWeek.MONDAY), "enum");
    sameBytes(out -> out.writeBoolean(Boolean.TRUE), "Boolean");
    sameBytes(out -> out.writeBoolean(false), "false");
  }

  @Test
  void writesNumbersAsJacksonDoes() throws IOException {
    Random random = new Random(7);
    List<Number> numbers =
        new ArrayList<>(
            List.of(
                0,
                -1,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                10L,
                1_000_000_000_000L,
                2.5,
                0.1,
                -0.0,
                1e21,
                1e-7,
                Double.MIN_VALUE,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY,
                1.5f,
                0.1f,
                new BigDecimal("12.50"),
                new BigDecimal("1E+3"),
                new BigInteger("123456789012345678901234567890"),
                (short) 7,
                (byte) -3));
    for (double d :
        new double[] {1e-3, -1e-3, 9.99e-4, 0.5, -0.5, -0.125, 3.0, -3.0, 1e7, 9_999_999.5, 0.3}) {
      numbers.add(d); // around the edges of ByteOutput's short-decimal path
    }
    for (int i = 0; i < 20_000; i++) { // short decimals, which that path writes itself
      long m = random.nextLong() % 10_000_000_000L;
      numbers.add(m / Math.pow(10, random.nextInt(10)));
    }
    for (int i = 0; i < 2000; i++) {
      numbers.add(random.nextLong() >> random.nextInt(64));
      numbers.add(Double.longBitsToDouble(random.nextLong()));
      numbers.add(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15));
      numbers.add(Float.intBitsToFloat(random.nextInt()));
    }
    for (Number n : numbers) {
      sameBytes(out -> out.writeNumber(n), n + " as Number");
      if (n instanceof Double d) {
        sameBytes(out -> out.writeDouble(d), n + " as double");
      } else if (n instanceof Float f) {
        sameBytes(out -> out.writeFloat(f), n + " as float");
      } else if (n instanceof Long l) {
        sameBytes(out -> out.writeNumber(l.longValue()), n + " as long");
      } else if (n instanceof Integer v) {
        sameBytes(out -> out.writeNumber(v.intValue()), n + " as int");
      }
    }
  }

  // ------------------------------------------------------------------ which mappers

  @Test
  void onlyPlainMappersGoThroughBytes() {
    assertTrue(Plain.reads(new ObjectMapper()));
    assertTrue(Plain.writes(new ObjectMapper()));
    assertFalse(Plain.writes(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)));
    assertFalse(
        Plain.writes(
            new ObjectMapper().configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)));
    assertFalse(
        Plain.reads(
            new ObjectMapper().configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)));
    ObjectMapper subclassed = new ObjectMapper(new JsonFactory() {});
    assertFalse(Plain.reads(subclassed));
    assertFalse(Plain.writes(subclassed));
  }

  @Test
  void aNumberOutOfTheRangeOfAFloatIsBadServerDataOnEveryReader() throws IOException {
    // Found by an outside tester: 1e50 read into a float field became Infinity without a word,
    // where an int or long out of range is refused.
    byte[] json = "{\"a\":1e50}".getBytes(StandardCharsets.UTF_8);
    Reading toFloat = in -> in.readFloat("T");
    assertTrue(
        outcome(new ByteInput(json, JsonCodecs.limits(StreamReadConstraints.defaults())), toFloat)
            instanceof Declined,
        "the byte reader leaves it to Jackson");
    try (JsonParser parser = MAPPER.createParser(json)) {
      Object two = outcome(JacksonInput.of(parser), toFloat);
      assertTrue(two instanceof io.github.synced.runtime.BadServerDataException, "" + two);
      assertTrue(((Exception) two).getMessage().contains("out of range of a float"), "" + two);
    }
    try (tools.jackson.core.JsonParser parser = MAPPER3.createParser(json)) {
      Object three = outcome(Jackson3Input.of(parser), toFloat);
      assertTrue(three instanceof io.github.synced.runtime.BadServerDataException, "" + three);
    }
    byte[] fine = "{\"a\":1e30}".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        List.of(1e30f),
        outcome(new ByteInput(fine, JsonCodecs.limits(StreamReadConstraints.defaults())), toFloat));
  }
}
