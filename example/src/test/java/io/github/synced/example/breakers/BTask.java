package io.github.synced.example.breakers;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A versioned task with a String id. */
@Synced
public class BTask {
  @SyncId String id;
  String title;
  boolean done;
  @SyncVersion long updatedAt;
  @LocalOnly boolean expanded;
}
