package golden;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;

/** A base class that is not itself @Synced: its fields come first in every subclass. */
public abstract class Entity {
  @SyncId String id;
  @SyncVersion Long version;
}
