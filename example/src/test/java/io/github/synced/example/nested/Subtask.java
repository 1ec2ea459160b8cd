package io.github.synced.example.nested;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** One subtask of a {@link Checklist}: {@code expanded} is the client's alone. */
@Synced
public class Subtask {
  @SyncId String id;
  String title;
  boolean done;
  @SyncVersion long version;
  @LocalOnly boolean expanded;

  Subtask() {}

  Subtask(String id, String title) {
    this.id = id;
    this.title = title;
    this.version = 1;
  }
}
