package io.github.synced.example.review14b;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** An item of a {@link Doc14b}: {@code pinned} is the client's alone. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its document
public class Item14b {
  @SyncId String id;
  String title;
  @LocalOnly boolean pinned;

  Item14b() {}

  Item14b(String id, String title) {
    this.id = id;
    this.title = title;
  }
}
