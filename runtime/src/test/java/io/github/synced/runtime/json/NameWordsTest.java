package io.github.synced.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names compared and written a word at a time ({@link JsonNames#matches}, {@link JsonNames#put}):
 * every length of {@code "name":}, from the empty name's 3 bytes past two longs, each at the very
 * end of the input and with each byte changed; and strings scanned a word at a time, with a special
 * byte at every place.
 */
class NameWordsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Names of 0 to 20 characters, some not ASCII, some escaped. */
  private static String[] names() {
    String[] names = new String[24];
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      names[i] = name.toString();
      name.append((char) ('a' + i));
    }
    names[21] = "é";
    names[22] = "quote\"d";
    names[23] = "tab\tbed name";
    return names;
  }

  @Test
  void writesEveryLengthAsJacksonDoes() throws Exception {
    String[] names = names();
    JsonNames json = JsonNames.of(names);
    Map<String, Integer> expected = new LinkedHashMap<>();
    ByteOutput out = ByteOutput.acquire();
    try {
      out.startObject();
      for (int i = 0; i < names.length; i++) {
        out.name(json, i);
        out.writeNumber(i);
        expected.put(names[i], i);
      }
      out.endObject();
      assertArrayEquals(MAPPER.writeValueAsBytes(expected), out.toByteArray());
    } finally {
      out.release();
    }
  }

  @Test
  void matchesEveryLengthAndNoNearMiss() {
    byte[] open = {'{'};
    byte[] value = {'0', '}'};
    for (String name : names()) {
      // One name, so it is the one expected first, compared word by word.
      JsonNames json = JsonNames.of(name);
      byte[] quoted = json.quoted(0);
      // At the very end of the input, so that no word reads past it.
      assertEquals(0, first(json, concat(open, quoted)), name);
      assertEquals(0, first(json, concat(open, quoted, value)), name);
      for (int b = 0; b < quoted.length; b++) {
        byte[] changed = quoted.clone();
        changed[b] ^= 0x01;
        int found;
        try {
          found = first(json, concat(open, changed, value));
        } catch (Declined declined) {
          continue; // a quote, colon or escape changed: no name the reader takes
        }
        assertNotEquals(0, found, name + " matched with byte " + b + " changed");
      }
    }
  }

  @Test
  void readsStringsWithASpecialByteAnywhere() throws Exception {
    String[] specials = {"\\\"", "\\\\", "\\n", "\\u0041", "é", "\u20ac", "\uD83D\uDE00", "~", " "};
    for (int length = 0; length < 20; length++) {
      for (int at = 0; at <= length; at++) {
        for (String special : specials) {
          String text =
              "abcdefghijklmnopqrstu".substring(0, at)
                  + special
                  + "ABCDEFGHIJKLMNOPQRSTU".substring(at, length);
          byte[] doc = ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
          ByteInput in = new ByteInput(doc, JsonCodecs.limits(StreamReadConstraints.defaults()));
          assertEquals(MAPPER.readValue(doc, String.class), in.readString("T"), text);
          in.expectEnd();
        }
      }
    }
  }

  /** The index {@code nextField} gives the first name of {@code doc}. */
  private static int first(JsonNames json, byte[] doc) {
    ByteInput in = new ByteInput(doc, JsonCodecs.limits(StreamReadConstraints.defaults()));
    in.startObject("T");
    return in.nextField(json);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
