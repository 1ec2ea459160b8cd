package io.github.synced.example.breakers10;

import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.UUID;

/** A record element that refuses a blank name. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public record Tag(@SyncId UUID id, String name) {
  public Tag {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a tag needs a name");
    }
  }
}
