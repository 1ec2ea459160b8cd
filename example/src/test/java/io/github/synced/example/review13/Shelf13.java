package io.github.synced.example.review13;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.Map;
import java.util.SortedMap;

/** A shelf whose bins are a sorted map (the client may give it a comparator) and a plain map. */
@Synced
public class Shelf13 {
  @SyncId String id;
  String name;
  SortedMap<String, Bin13> bins;
  Map<String, Bin13> slots;
  @SyncVersion long version;
}
