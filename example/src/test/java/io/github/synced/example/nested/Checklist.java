package io.github.synced.example.nested;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;
import java.util.Map;

/**
 * A task with a list of subtasks, each its own @Synced type merged by id, and subtasks kept by a
 * board column's key.
 */
@Synced
public class Checklist {
  @SyncId String id;
  String title;
  List<Subtask> subtasks;
  Owner owner;
  Map<String, Subtask> columns;
  @SyncVersion long version;
  @LocalOnly boolean selected;
}
