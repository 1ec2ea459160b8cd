package io.github.synced.example.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.json.JacksonInput;
import io.github.synced.runtime.json.JacksonOutput;
import io.github.synced.runtime.spi.Snapshot;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An entity whose synced fields pass the JVM's 255 parameter slots: everything still works. */
class WideEntityTest {

  private static WideItem item(long base) {
    WideItem item = new WideItem();
    item.id = "w1";
    item.f001 = base;
    item.f065 = base + 65;
    item.f130 = base + 130;
    item.version = base;
    return item;
  }

  @Test
  void snapshotAndRestoreCoverEveryField() {
    WideItem item = item(1);
    Snapshot<WideItem> before = WideItemSync.TYPE.snapshot(item);
    assertEquals(before, WideItemSync.TYPE.snapshot(item(1)));
    assertEquals(before.hashCode(), WideItemSync.TYPE.snapshot(item(1)).hashCode());
    assertTrue(
        before.toString().startsWith("WideItemSnapshot[id=w1, f001=1, f002=0"), before::toString);
    item.f130 = 7;
    item.open = true;
    assertNotEquals(before, WideItemSync.TYPE.snapshot(item));
    WideItemSync.TYPE.restore(item, before);
    assertEquals(131, item.f130);
    assertTrue(item.open, "local-only kept");
    assertEquals(131L, before.get(WideItemField.F130));
  }

  @Test
  void patchesSetExactlyTheirFields() {
    WideItemPatch patch = WideItemPatch.empty().f002(2).f130(30);
    assertEquals(List.of(WideItemField.F002, WideItemField.F130), List.copyOf(patch.fields()));
    assertEquals(30, patch.f130());
    assertEquals(0, patch.f065(), "not set");
    WideItem item = patch.applyTo(item(1));
    assertEquals(2, item.f002);
    assertEquals(30, item.f130);
    assertEquals(66, item.f065);
    assertEquals(
        Set.of(WideItemField.F002, WideItemField.F130), WideItemSync.TYPE.diff(item(1), item));
    assertEquals(patch, WideItemPatch.empty().f002(2).f130(30));
  }

  @Test
  void jsonRoundTrips() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    WideItemJson json = new WideItemJson();
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
      json.write(JacksonOutput.of(generator), item(5));
    }
    try (JsonParser parser = mapper.getFactory().createParser(out.toString())) {
      assertEquals(Set.of(), WideItemSync.TYPE.diff(item(5), json.read(JacksonInput.of(parser))));
    }
  }
}
