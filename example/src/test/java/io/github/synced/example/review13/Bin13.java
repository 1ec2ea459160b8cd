package io.github.synced.example.review13;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** One bin of a {@link Shelf13}; {@code expanded} is the client's alone. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its shelf
public class Bin13 {
  @SyncId String id;
  String title;
  @LocalOnly boolean expanded;

  public Bin13() {}

  Bin13(String id, String title) {
    this.id = id;
    this.title = title;
  }
}
