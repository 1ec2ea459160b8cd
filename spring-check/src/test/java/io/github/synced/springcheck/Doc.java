package io.github.synced.springcheck;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.UUID;

/** The client's document, for the server's {@code DocRow}: a {@code UUID} the server assigns. */
@Synced
public class Doc {
  @SyncId UUID id;
  String name;
  int pages;
  @SyncVersion long version;
  @LocalOnly boolean open;

  /** An empty document, for the generated code. */
  public Doc() {}

  /** A draft: no id. */
  public Doc(String name, int pages) {
    this.name = name;
    this.pages = pages;
  }
}
