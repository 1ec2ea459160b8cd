package io.github.synced.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dslplatform.json.DslJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.benchmarks.baseline.HandItem;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.Items;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The three JSON libraries read and write the same thing, and DSL-JSON runs compiled code. */
class JsonAgreeTest {

  private final JsonBench bench = new JsonBench();
  private final ObjectMapper mapper = new ObjectMapper();

  JsonAgreeTest() {
    bench.setUp();
  }

  @Test
  void readersReadTheSameEntity() throws Exception {
    Item expected = Items.server(7);
    expected.setVersion(1008);
    expected.setDone(true);
    for (Item read :
        new Item[] {bench.read_generated(), bench.read_databind(), bench.read_dsljson()}) {
      assertEquals(0, HandItem.diff(expected, read), read::toString);
    }
  }

  @Test
  void writersWriteTheSameObjectWithoutLocalOnlyFields() throws Exception {
    JsonNode expected = mapper.readTree(bench.write_databind());
    for (byte[] written : new byte[][] {bench.write_generated(), bench.write_dsljson()}) {
      assertEquals(expected, mapper.readTree(written), new String(written, StandardCharsets.UTF_8));
    }
    assertEquals(10, expected.size());
    assertFalse(expected.has("expanded") || expected.has("selected"));
  }

  @Test
  void updatesAgree() throws Exception {
    Item generated = bench.readForUpdate_generated();
    Item databind = bench.readForUpdate_databind();
    assertEquals(0, HandItem.diff(generated, databind));
    assertEquals("Write the yearly report", generated.getTitle());
    assertTrue(generated.isExpanded());
  }

  @Test
  void dslJsonUsesItsCompiledConverter() {
    DslJson<Object> dsl = Codecs.dslJson();
    Object reader = dsl.tryFindReader(Item.class);
    assertTrue(
        reader != null && reader.getClass().getName().contains("_Item_DslJsonConverter"),
        "DSL-JSON reads Item with " + reader);
  }
}
