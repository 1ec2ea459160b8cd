package io.github.synced.example.review14;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** An item of a {@link Doc14}: {@code pinned} is the client's alone. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its document
public class Item14 {
  @SyncId String id;
  String title;
  @LocalOnly boolean pinned;

  Item14() {}

  Item14(String id, String title) {
    this.id = id;
    this.title = title;
  }
}
