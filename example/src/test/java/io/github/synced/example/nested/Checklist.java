package io.github.synced.example.nested;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A task with a list of subtasks, each its own @Synced type merged by id. */
@Synced
public class Checklist {
  @SyncId String id;
  String title;
  List<Subtask> subtasks;
  Owner owner;
  @SyncVersion long version;
  @LocalOnly boolean selected;
}
