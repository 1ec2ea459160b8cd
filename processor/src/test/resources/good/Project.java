package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;
import java.util.Map;

/** A mutable class with a list and a map of other @Synced types, merged by their ids. */
@Synced
public class Project {
  @SyncId String id;
  String name;
  List<Subtask> subtasks;
  Map<String, Column> columns;
  @SyncVersion long version;
  @LocalOnly boolean pinned;
}
