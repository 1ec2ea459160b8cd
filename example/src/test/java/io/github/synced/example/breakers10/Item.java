package io.github.synced.example.breakers10;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A to-do item with a numeric id. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Item {
  @SyncId Long id;
  String content;
  boolean checked;
  @LocalOnly boolean expanded;

  public Item() {}

  Item(long id, String content) {
    this.id = id;
    this.content = content;
  }
}
