package io.github.synced.example.breakers13;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.SortedMap;

/** A kanban board whose columns are keyed by position. */
@Synced
public class Board {
  @SyncId Long id;
  String name;
  SortedMap<Integer, Column> columns;
  @SyncVersion long version;
  @LocalOnly boolean starred;

  @Override
  public String toString() {
    return "Board{" + id + " '" + name + "' v" + version + " " + columns + "}";
  }
}
