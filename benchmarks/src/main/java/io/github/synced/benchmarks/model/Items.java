package io.github.synced.benchmarks.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The fixtures every benchmark shares: the same items and the same JSON for every library. */
public final class Items {

  private Items() {}

  /** One item as a server would send it, with distinct strings per {@code n}. */
  public static Item server(int n) {
    Item item = new Item();
    item.setId("item-" + n);
    item.setVersion(1_000 + n);
    item.setTitle("Write the quarterly report " + n);
    item.setDescription("Collect the figures from sales and support, then draft the summary.");
    item.setOwner("alice" + (n % 97));
    item.setTag("work");
    item.setDone((n & 1) == 0);
    item.setPriority(n % 5);
    item.setEstimate(2.5 + (n % 7));
    item.setCreatedAt(1_700_000_000_000L + n);
    return item;
  }

  /** The same item in a client: its local-only flags set. */
  public static Item local(int n) {
    Item item = server(n);
    item.setExpanded(true);
    item.setSelected((n & 1) == 1);
    return item;
  }

  /** {@code count} server items with ids {@code item-0 … item-(count-1)}. */
  public static List<Item> many(int count) {
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(server(i));
    }
    return items;
  }

  /** One whole item as JSON (what a server sends for {@code server(7)} after an edit). */
  public static final String JSON =
      "{\"id\":\"item-7\",\"version\":1008,\"title\":\"Write the quarterly report 7\","
          + "\"description\":\"Collect the figures from sales and support, then draft the"
          + " summary.\",\"owner\":\"alice7\",\"tag\":\"work\",\"done\":true,\"priority\":2,"
          + "\"estimate\":2.5,\"createdAt\":1700000000007}";

  /** {@link #JSON} as UTF-8 bytes. */
  public static byte[] jsonBytes() {
    return JSON.getBytes(StandardCharsets.UTF_8);
  }

  /** A two-field partial update as JSON: what a client or a server sends for a patch. */
  public static final String PATCH_JSON = "{\"title\":\"Write the yearly report\",\"done\":true}";

  /** {@link #PATCH_JSON} as UTF-8 bytes. */
  public static byte[] patchJsonBytes() {
    return PATCH_JSON.getBytes(StandardCharsets.UTF_8);
  }
}
