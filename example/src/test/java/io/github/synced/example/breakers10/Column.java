package io.github.synced.example.breakers10;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A board column, kept in a map by the server's key. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Column {
  @SyncId String id;
  String title;
  @LocalOnly boolean collapsed;

  public Column() {}

  Column(String id, String title) {
    this.id = id;
    this.title = title;
  }
}
