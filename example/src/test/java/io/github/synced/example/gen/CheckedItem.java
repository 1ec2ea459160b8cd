package io.github.synced.example.gen;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A JavaBean whose setter refuses values. */
@Synced
public class CheckedItem {
  @SyncId private String id;
  private int stock;
  @SyncVersion private long version;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public int getStock() {
    return stock;
  }

  /** Refuses a negative stock. */
  public void setStock(int stock) {
    if (stock < 0) {
      throw new IllegalArgumentException("stock must not be negative: " + stock);
    }
    this.stock = stock;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
