package io.github.synced.example.breakers13;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A kanban column, with a Long id. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its board
public class Column {
  @SyncId Long id;
  String name;
  Integer wipLimit;
  @LocalOnly boolean collapsed;

  public Column() {}

  public Column(Long id, String name, Integer wipLimit) {
    this.id = id;
    this.name = name;
    this.wipLimit = wipLimit;
  }

  @Override
  public String toString() {
    return "{" + id + " " + name + " wip=" + wipLimit + (collapsed ? " collapsed" : "") + "}";
  }
}
