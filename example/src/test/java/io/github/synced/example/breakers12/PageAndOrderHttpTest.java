package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static io.github.synced.example.breakers12.Fixtures.cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.runtime.BadServerDataException;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.RetryPolicy;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.http.Dialect;
import io.github.synced.runtime.http.HttpRemote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Notion-like page with a map of blocks, and a Shopify-like order with numeric ids. */
class PageAndOrderHttpTest {
  static final String P1 =
      "{\"id\":\"p1\",\"title\":\"Roadmap\",\"version\":1,\"blocks\":{"
          + "\"intro\":{\"id\":\"b1\",\"kind\":\"paragraph\",\"text\":\"Hello\"},"
          + "\"todo\":{\"id\":\"b2\",\"kind\":\"toggle\",\"text\":\"Q1\"},"
          + "\"old\":{\"id\":\"b4\",\"kind\":\"toggle\",\"text\":\"Q0\"}}}";

  static SyncStore<String, Page> pages(JsonServer server) {
    return SyncStore.of(PageSync.TYPE)
        .remote(
            HttpRemote.<String, Page>builder(server.base(), "/pages", new PageJson())
                .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
                .requestTimeout(Duration.ofSeconds(5))
                .build())
        .notifyOn(Runnable::run)
        .retry(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40)))
        .build();
  }

  static Block byId(Page p, String id) {
    for (Block b : p.blocks.values()) {
      if (b != null && id.equals(b.id)) {
        return b;
      }
    }
    return null;
  }

  @Test
  void refetchMatchesMapValuesByIdNotKeySoAMovedBlockKeepsCollapsed() {
    try (JsonServer server = new JsonServer("/pages", true, false, 1)) {
      server.put(P1);
      SyncStore<String, Page> store = pages(server);
      await(store.refetch());
      store.local(
          "p1",
          p -> {
            p.blocks.get("intro").collapsed = true;
            p.blocks.get("todo").collapsed = true;
            p.blocks.get("old").collapsed = true;
          });
      server.otherWriter(
          "p1",
          n -> {
            ObjectNode blocks = (ObjectNode) n.get("blocks");
            JsonNode b2 = blocks.remove("todo");
            blocks.remove("old");
            ((ObjectNode) blocks.get("intro")).put("text", "Hello, team");
            blocks.set("done", b2);
            blocks.putObject("new").put("id", "b3").put("kind", "callout").put("text", "Note");
          });
      await(store.refetch());
      Page p = store.get("p1").orElseThrow();
      assertEquals(List.of("intro", "done", "new"), new ArrayList<>(p.blocks.keySet()), "" + p);
      assertEquals("b2", p.blocks.get("done").id);
      assertTrue(p.blocks.get("done").collapsed, "moved block keeps collapsed: " + p);
      assertTrue(p.blocks.get("intro").collapsed, "changed block keeps collapsed: " + p);
      assertEquals("Hello, team", p.blocks.get("intro").text);
      assertFalse(p.blocks.get("new").collapsed, "new block starts as new: " + p);
      assertNull(byId(p, "b4"), "removed block gone");
    }
  }

  @Test
  void answerLeavingOutAMapValuesPropertyTakesItAsWrittenAndNullIsNull() {
    try (JsonServer server = new JsonServer("/pages", true, false, 1)) {
      server.put(P1);
      SyncStore<String, Page> store = pages(server);
      await(store.refetch());
      store.local("p1", p -> p.blocks.get("todo").collapsed = true);
      server.answerShape =
          a -> {
            ObjectNode blocks = (ObjectNode) a.get("blocks");
            for (JsonNode b : blocks) {
              ((ObjectNode) b).remove("kind");
            }
            ((ObjectNode) blocks.get("old")).putNull("text");
            return a;
          };
      Page current = store.get("p1").orElseThrow();
      Map<String, Block> blocks = new LinkedHashMap<>(current.blocks);
      Block b2 = new Block("b2", "toggle", "Q1 goals");
      blocks.put("todo", b2);
      await(new PageMutations(store).update("p1", p -> p.blocks(blocks)).result());
      await(store.idle());
      Page p = store.get("p1").orElseThrow();
      assertEquals("Q1 goals", p.blocks.get("todo").text);
      assertEquals("toggle", p.blocks.get("todo").kind, "left out: as written: " + p);
      assertEquals("paragraph", p.blocks.get("intro").kind, "left out: as written: " + p);
      assertNull(p.blocks.get("old").text, "explicit null is null: " + p);
      assertTrue(p.blocks.get("todo").collapsed, "collapsed kept: " + p);
    }
  }

  @Test
  void localOnlyCollapsedOfAMapValueIsNeverSent() {
    try (JsonServer server = new JsonServer("/pages", true, false, 1)) {
      server.put(P1);
      SyncStore<String, Page> store = pages(server);
      await(store.refetch());
      store.local("p1", p -> p.blocks.get("todo").collapsed = true);
      Page current = store.get("p1").orElseThrow();
      Map<String, Block> blocks = new LinkedHashMap<>(current.blocks);
      blocks.remove("old");
      await(new PageMutations(store).update("p1", p -> p.blocks(blocks)).result());
      for (String r : server.requests) {
        assertFalse(r.contains("collapsed"), "local-only sent: " + r);
      }
      Page p = store.get("p1").orElseThrow();
      assertTrue(p.blocks.get("todo").collapsed, "" + p);
      assertNull(p.blocks.get("old"));
    }
  }

  // ---- orders: numeric ids, the server assigns ids of orders and line items and renumbers ----

  static JsonServer shop() {
    JsonServer server = new JsonServer("/orders", false, true, 5001);
    server.normalizer =
        n -> {
          ArrayNode items = (ArrayNode) n.get("lineItems");
          if (items == null) {
            return;
          }
          server.assignIds(items);
          List<JsonNode> sorted = new ArrayList<>();
          items.forEach(sorted::add);
          sorted.sort(Comparator.comparing(i -> i.get("sku").asText()));
          items.removeAll();
          int position = 1;
          for (JsonNode i : sorted) {
            ((ObjectNode) i).put("position", position++);
            items.add(i);
          }
        };
    return server;
  }

  static SyncStore<Long, Order> orders(JsonServer server) {
    return SyncStore.of(OrderSync.TYPE)
        .remote(
            HttpRemote.<Long, Order>builder(server.base(), "/orders", new OrderJson())
                .idFromSegment(Long::valueOf)
                .dialect(Dialect.plainJson().toBuilder().deduplicatesByKey(false).build())
                .requestTimeout(Duration.ofSeconds(5))
                .build())
        .notifyOn(Runnable::run)
        .retry(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40)))
        .build();
  }

  @Test
  void createWhoseLineItemsGetTheirIdsFromTheServer() {
    try (JsonServer server = shop()) {
      SyncStore<Long, Order> store = orders(server);
      Order draft =
          new Order(
              null,
              "gift",
              List.of(new LineItem(null, "TEE", 2, 0), new LineItem(null, "MUG", 1, 0)));
      Mutation<Long, Order> create = new OrderMutations(store).create(draft);
      Order created = await(create.result());
      assertNotNull(created.id);
      await(store.idle());
      Order o = store.get(created.id).orElseThrow();
      assertEquals(2, o.lineItems.size(), "" + o);
      assertEquals("MUG", o.lineItems.get(0).sku, "server's order: " + o);
      assertNotNull(o.lineItems.get(0).id, "server's id: " + o);
      assertNotNull(o.lineItems.get(1).id, "server's id: " + o);
      assertEquals(1, o.lineItems.get(0).position);
      assertEquals(1, server.size());
    }
  }

  @Test
  void elementEditWhoseAnswerRenumbersAndReordersKeepsSelectedByLongId() {
    try (JsonServer server = shop()) {
      server.put(
          "{\"id\":7001,\"note\":\"gift\",\"lineItems\":["
              + "{\"id\":101,\"sku\":\"CAP\",\"quantity\":1,\"position\":1},"
              + "{\"id\":102,\"sku\":\"MUG\",\"quantity\":1,\"position\":2},"
              + "{\"id\":103,\"sku\":\"TEE\",\"quantity\":1,\"position\":3}]}");
      SyncStore<Long, Order> store = orders(server);
      OrderMutations om = new OrderMutations(store);
      await(store.refetch());
      store.local(7001L, o -> o.item(102L).selected = true);
      store.local(7001L, o -> o.item(103L).selected = true);
      await(
          om.update(
                  7001L,
                  p ->
                      p.editLineItems(
                          s ->
                              s.update(102L, x -> x.sku("BAG").quantity(3))
                                  .add(0, new LineItem(900L, "ZIP", 1, 0))))
              .result());
      await(store.idle());
      Order o = store.get(7001L).orElseThrow();
      List<Long> ids = new ArrayList<>();
      o.lineItems.forEach(l -> ids.add(l.id));
      assertEquals(List.of(102L, 101L, 103L, 900L), ids, "server's order: " + o);
      assertEquals(1, o.item(102L).position, "server's position: " + o);
      assertEquals(4, o.item(900L).position, "server's position: " + o);
      assertEquals(3, o.item(102L).quantity);
      assertTrue(o.item(102L).selected && o.item(103L).selected, "selected kept: " + o);
      assertFalse(o.item(101L).selected);
    }
  }

  @Test
  void emptyAnswersConfirmElementChangesAsWrittenAndARefetchTakesTheServersRenumbering() {
    try (JsonServer server = shop()) {
      server.put(
          "{\"id\":7001,\"note\":\"gift\",\"lineItems\":["
              + "{\"id\":101,\"sku\":\"CAP\",\"quantity\":1,\"position\":1},"
              + "{\"id\":102,\"sku\":\"MUG\",\"quantity\":1,\"position\":2},"
              + "{\"id\":103,\"sku\":\"TEE\",\"quantity\":1,\"position\":3}]}");
      server.emptyAnswers = true;
      SyncStore<Long, Order> store = orders(server);
      OrderMutations om = new OrderMutations(store);
      await(store.refetch());
      store.local(7001L, o -> o.item(103L).selected = true);
      Mutation<Long, Order> remove = om.update(7001L, p -> p.editLineItems(s -> s.remove(101L)));
      Mutation<Long, Order> qty =
          om.update(7001L, p -> p.editLineItems(s -> s.update(103L, x -> x.quantity(5))));
      await(remove.result());
      await(qty.result());
      await(store.idle());
      Order o = store.get(7001L).orElseThrow();
      assertNull(o.item(101L));
      assertEquals(5, o.item(103L).quantity, "as written: " + o);
      assertTrue(o.item(103L).selected, "" + o);
      await(store.refetch());
      o = store.get(7001L).orElseThrow();
      assertEquals(1, o.item(102L).position, "server renumbered: " + o);
      assertEquals(2, o.item(103L).position, "server renumbered: " + o);
      assertEquals(5, o.item(103L).quantity);
      assertTrue(o.item(103L).selected, "selected kept across refetch: " + o);
      JsonNode row = server.row("7001");
      assertEquals(2, row.get("lineItems").size(), "" + row);
    }
  }

  @Test
  void aDuplicateElementIdInTheServersJsonIsBadServerDataNamingFieldAndIndex() {
    try (JsonServer server = shop()) {
      server.put(
          "{\"id\":7001,\"note\":\"gift\",\"lineItems\":["
              + "{\"id\":101,\"sku\":\"CAP\",\"quantity\":1,\"position\":1}]}");
      SyncStore<Long, Order> store = orders(server);
      await(store.refetch());
      store.local(7001L, o -> o.item(101L).selected = true);
      server.otherWriter(
          "7001",
          n -> {
            ArrayNode items = (ArrayNode) n.get("lineItems");
            items
                .addObject()
                .put("id", 102)
                .put("sku", "MUG")
                .put("quantity", 1)
                .put("position", 2);
            items
                .addObject()
                .put("id", 101)
                .put("sku", "CAP2")
                .put("quantity", 1)
                .put("position", 3);
          });
      Throwable t = cause(store.refetch(7001L));
      Throwable bad = t;
      while (bad != null && !(bad instanceof BadServerDataException)) {
        bad = bad.getCause();
      }
      assertNotNull(bad, "a BadServerDataException: " + t);
      BadServerDataException b = (BadServerDataException) bad;
      assertEquals("lineItems", b.field(), b.getMessage());
      assertTrue(b.getMessage().contains("7001") && b.getMessage().contains("2"), b.getMessage());
      Order o = store.get(7001L).orElseThrow();
      assertEquals(1, o.lineItems.size(), "store unchanged: " + o);
      assertTrue(o.item(101L).selected);
    }
  }

  @Test
  void anElementWithoutItsIdInAWriteAnswerIsBadDataAndTheStoreAsksTheServer() {
    try (JsonServer server = shop()) {
      server.put(
          "{\"id\":7001,\"note\":\"gift\",\"lineItems\":["
              + "{\"id\":101,\"sku\":\"CAP\",\"quantity\":1,\"position\":1}]}");
      server.answerShape =
          a -> {
            ((ObjectNode) a.get("lineItems").get(0)).remove("id");
            return a;
          };
      SyncStore<Long, Order> store = orders(server);
      await(store.refetch());
      store.local(7001L, o -> o.item(101L).selected = true);
      Mutation<Long, Order> m =
          new OrderMutations(store)
              .update(7001L, p -> p.editLineItems(s -> s.update(101L, x -> x.quantity(4))));
      try {
        m.result().get(15, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        // either way the store must agree with the server and keep selected
      }
      await(store.idle());
      Order o = store.get(7001L).orElseThrow();
      JsonNode row = server.row("7001");
      assertEquals(
          row.get("lineItems").get(0).get("quantity").asInt(),
          o.item(101L).quantity,
          "agrees with server: " + o + " vs " + row);
      assertEquals(4, o.item(101L).quantity);
      assertTrue(o.item(101L).selected, "" + o);
    }
  }
}
