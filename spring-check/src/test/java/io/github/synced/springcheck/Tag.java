package io.github.synced.springcheck;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.UUID;

/** The client's tag, for the server's {@code TagRow}: a {@code UUID} the client assigns. */
@Synced
public class Tag {
  @SyncId UUID id;
  String label;
  @SyncVersion Long version;
  @LocalOnly boolean selected;

  /** An empty tag, for the generated code. */
  public Tag() {}

  /** A tag with the client's id. */
  public Tag(UUID id, String label) {
    this.id = id;
    this.label = label;
  }
}
