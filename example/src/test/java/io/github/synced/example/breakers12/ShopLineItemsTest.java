package io.github.synced.example.breakers12;

import static io.github.synced.example.breakers12.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line items the server gives ids to, added through a whole-list set (editX needs an id). */
class ShopLineItemsTest {
  static final String O =
      "{\"id\":7001,\"note\":\"gift\",\"lineItems\":["
          + "{\"id\":101,\"sku\":\"CAP\",\"quantity\":1,\"position\":1},"
          + "{\"id\":102,\"sku\":\"MUG\",\"quantity\":1,\"position\":2}]}";

  static List<LineItem> plus(Order o, LineItem extra) {
    List<LineItem> items = new ArrayList<>();
    for (LineItem l : o.lineItems) {
      items.add(new LineItem(l.id, l.sku, l.quantity, l.position));
    }
    items.add(extra);
    return items;
  }

  @Test
  void aLineItemWithoutAnIdGetsTheServersIdFromTheAnswer() {
    try (JsonServer shop = PageAndOrderHttpTest.shop()) {
      shop.put(O);
      SyncStore<Long, Order> orders = PageAndOrderHttpTest.orders(shop);
      await(orders.refetch());
      orders.local(7001L, o -> o.item(102L).selected = true);
      List<LineItem> items = plus(orders.get(7001L).orElseThrow(), new LineItem(null, "BAG", 2, 0));
      await(new OrderMutations(orders).update(7001L, p -> p.lineItems(items)).result());
      await(orders.idle());
      Order o = orders.get(7001L).orElseThrow();
      assertEquals(3, o.lineItems.size(), "" + o);
      assertEquals("BAG", o.lineItems.get(0).sku, "server sorted: " + o);
      assertNotNull(o.lineItems.get(0).id, "server's id: " + o);
      assertTrue(o.item(102L).selected, "selected kept through a whole-list set: " + o);
    }
  }

  @Test
  void aLineItemWithoutAnIdConfirmedByAnEmptyAnswerIsReplacedByTheServersOnRefetch() {
    try (JsonServer shop = PageAndOrderHttpTest.shop()) {
      shop.put(O);
      shop.emptyAnswers = true;
      SyncStore<Long, Order> orders = PageAndOrderHttpTest.orders(shop);
      await(orders.refetch());
      orders.local(7001L, o -> o.item(101L).selected = true);
      List<LineItem> items = plus(orders.get(7001L).orElseThrow(), new LineItem(null, "BAG", 2, 0));
      await(new OrderMutations(orders).update(7001L, p -> p.lineItems(items)).result());
      await(orders.idle());
      await(orders.refetch());
      Order o = orders.get(7001L).orElseThrow();
      JsonNode row = shop.row("7001");
      List<Long> server = new ArrayList<>();
      row.get("lineItems").forEach(l -> server.add(l.get("id").asLong()));
      List<Long> client = new ArrayList<>();
      o.lineItems.forEach(l -> client.add(l.id));
      assertEquals(server, client, "the refetch takes the server's items: " + o + " vs " + row);
      assertTrue(o.item(101L).selected, "" + o);
    }
  }
}
