package io.github.synced.example.breakers3;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** Versions come from the ETag; the version field is renamed. */
@Synced
public class Doc {
  @SyncId String id;
  String body;

  @SyncVersion
  @JsonProperty("lock_version")
  long lockVersion;
}
