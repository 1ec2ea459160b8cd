package io.github.synced.example.breakers3;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** JSON names that need escaping. */
@Synced
public class Weird {
  @SyncId String id;

  @JsonProperty("we\"ird\\name é\tx")
  String label;

  @SyncVersion
  @JsonProperty("@version")
  long version;
}
