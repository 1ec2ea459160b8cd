package io.github.synced.example.gen;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;

/** A superclass that is not itself {@code @Synced}; its fields belong to every subclass. */
public abstract class BaseItem {
  @SyncId String id;
  @SyncVersion long version;
  String owner;
}
