package io.github.synced.example.review12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A lane of a {@link Deck}. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its deck
public class Lane {
  @SyncId String id;
  String title;
  int limit;
  @LocalOnly boolean collapsed;

  public Lane() {}

  Lane(String id, String title, int limit) {
    this.id = id;
    this.title = title;
    this.limit = limit;
  }
}
