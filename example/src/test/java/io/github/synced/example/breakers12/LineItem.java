package io.github.synced.example.breakers12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A line item of an order. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class LineItem {
  @SyncId Long id;
  String sku;
  int quantity;
  int position;
  @LocalOnly boolean selected;

  public LineItem() {}

  public LineItem(Long id, String sku, int quantity, int position) {
    this.id = id;
    this.sku = sku;
    this.quantity = quantity;
    this.position = position;
  }

  @Override
  public String toString() {
    return "{"
        + id
        + " "
        + sku
        + " x"
        + quantity
        + " @"
        + position
        + (selected ? " selected" : "")
        + "}";
  }
}
