package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A @Synced class that another one holds as a nested object. */
@Synced
public class Owner {
  @SyncId String id;
  String name;
  @SyncVersion long version;
  @LocalOnly boolean starred;
}
