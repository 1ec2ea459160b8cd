package io.github.synced.example.breakers12;

import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.ArrayList;
import java.util.List;

/** A Shopify-like order: numeric ids, line items whose positions the server renumbers. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Order {
  @SyncId Long id;
  String note;
  List<LineItem> lineItems = new ArrayList<>();

  public Order() {}

  public Order(Long id, String note, List<LineItem> lineItems) {
    this.id = id;
    this.note = note;
    this.lineItems = new ArrayList<>(lineItems);
  }

  LineItem item(long itemId) {
    for (LineItem l : lineItems) {
      if (l != null && l.id != null && l.id == itemId) {
        return l;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Order{" + id + " " + note + " " + lineItems + "}";
  }
}
