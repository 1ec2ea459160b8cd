package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A @Synced class that Project holds a list of, merged by id. */
@Synced
public class Subtask {
  @SyncId String id;
  String title;
  boolean done;
  @SyncVersion long version;
  @LocalOnly boolean expanded;
}
