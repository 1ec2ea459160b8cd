package io.github.synced.example.gen;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** An entity of a snake_case API: its JSON names come from {@code @JsonProperty}. */
@Synced
public class SnakeItem {
  @SyncId String id;

  @JsonProperty("display_name")
  String displayName;

  @JsonProperty("is_done")
  boolean done;

  @JsonProperty("updated_at")
  @SyncVersion
  long updatedAt;

  @LocalOnly boolean expanded;

  /** An item. */
  public SnakeItem() {}
}
