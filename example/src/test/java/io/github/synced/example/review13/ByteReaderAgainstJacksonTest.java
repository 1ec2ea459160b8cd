package io.github.synced.example.review13;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.json.JsonCodecs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review 13: the generated codec read through the byte reader (a plain mapper) and through
 * Jackson's parser (a mapper that counts tokens, which the byte reader leaves to Jackson) must read
 * the same documents the same way, or fail alike: names at the end, escaped and non-ASCII names and
 * values, unknown long names, numbers at the 18/19-digit boundary and at Long's limits.
 */
class ByteReaderAgainstJacksonTest {

  private static final ObjectMapper BYTES = new ObjectMapper();
  private static final ObjectMapper JACKSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxTokenCount(1_000_000).build())
              .build());
  private static final Shelf13Json JSON = new Shelf13Json();

  private static String read(ObjectMapper mapper, String doc) {
    try {
      Shelf13 s = JsonCodecs.readEntity(mapper, JSON, doc.getBytes(StandardCharsets.UTF_8), "h1");
      return s.id
          + "|"
          + s.name
          + "|"
          + s.version
          + "|"
          + (s.slots == null ? null : s.slots.size());
    } catch (RuntimeException e) {
      return "failed: " + e.getClass().getSimpleName();
    }
  }

  @Test
  void bothReadersAgree() {
    List<String> docs = new ArrayList<>();
    String[] versions = {
      "1",
      "0",
      "-1",
      "123456789012345678",
      "999999999999999999",
      "1234567890123456789",
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "-9223372036854775809",
      "1.0",
      "1e3",
      "01",
      "-0",
      "1 ",
      "12}",
      "1\t"
    };
    for (String v : versions) {
      docs.add("{\"id\":\"h1\",\"name\":\"n\",\"version\":" + v + "}");
      docs.add("{\"version\":" + v + ",\"id\":\"h1\"}");
    }
    String[] names = {
      "na\\u006de",
      "n\\\"ame",
      "nam\u00e9",
      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
      "x".repeat(300),
      "\u20ac".repeat(40),
      "version ",
      "versio",
      "versionX",
      ""
    };
    for (String n : names) {
      docs.add("{\"id\":\"h1\",\"" + n + "\":\"v\",\"version\":3}");
      docs.add("{\"id\":\"h1\",\"version\":3,\"" + n + "\":7}");
    }
    String[] values = {
      "\\u00e9", "\u00e9", "a\\/b", "\\uD83D\\uDE00", "\uD83D\uDE00", "tab\\tx", "x".repeat(70)
    };
    for (String v : values) {
      docs.add("{\"id\":\"h1\",\"name\":\"" + v + "\",\"version\":2}");
    }
    docs.add("{\"id\":\"h1\",\"name\":\"n\",\"version\":2,\"slots\":{\"a\":{\"id\":\"b1\"}}}");
    docs.add("{\"id\":\"h1\",\"slots\":{},\"version\":2,\"name\":null}");
    docs.add("{\"id\":\"h1\" , \"version\" : 2 }");
    List<String> differ = new ArrayList<>();
    for (String doc : docs) {
      String a = read(BYTES, doc);
      String b = read(JACKSON, doc);
      if (!a.equals(b)) {
        differ.add(doc + " -> bytes " + a + ", jackson " + b);
      }
    }
    assertEquals(List.of(), differ);
  }
}
