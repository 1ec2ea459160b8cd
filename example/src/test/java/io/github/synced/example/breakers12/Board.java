package io.github.synced.example.breakers12;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A Trello/Asana-like board: a set of columns. */
@Synced
public class Board {
  @SyncId String id;
  String name;
  Set<Column> columns = new LinkedHashSet<>();
  @SyncVersion long version;

  public Board() {}

  public Board(String id, String name, List<Column> columns, long version) {
    this.id = id;
    this.name = name;
    this.columns = new LinkedHashSet<>(columns);
    this.version = version;
  }

  Column column(String columnId) {
    for (Column c : columns) {
      if (c != null && columnId.equals(c.id)) {
        return c;
      }
    }
    return null;
  }

  List<String> columnIds() {
    List<String> ids = new ArrayList<>();
    for (Column c : columns) {
      ids.add(c.id);
    }
    return ids;
  }

  @Override
  public String toString() {
    return "Board{" + id + " " + name + " v" + version + " " + columns + "}";
  }
}
