package io.github.synced.example.breakers12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A column of a board, with its own local-only folded flag. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Column {
  @SyncId String id;
  String name;
  int wip;
  @LocalOnly boolean folded;

  public Column() {}

  public Column(String id, String name, int wip) {
    this.id = id;
    this.name = name;
    this.wip = wip;
  }

  @Override
  public String toString() {
    return "{" + id + " " + name + " wip" + wip + (folded ? " folded" : "") + "}";
  }
}
