package io.github.synced.example.breakers10;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.Map;

/** A board whose columns are a map keyed by position name. */
@Synced
public class Board {
  @SyncId String id;
  String name;
  Map<String, Column> columns;
  @SyncVersion long version;
}
