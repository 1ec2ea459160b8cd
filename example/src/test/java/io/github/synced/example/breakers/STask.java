package io.github.synced.example.breakers;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A Spring Data REST task: Long id from the self link, version from the ETag. */
@Synced
public class STask {
  @SyncId Long id;
  String title;
  boolean done;
  @SyncVersion long version;
  @LocalOnly boolean expanded;
}
