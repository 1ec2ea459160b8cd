package io.github.synced.example.review12;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.Map;

/** A deck whose lanes are a map; the server may key them otherwise than the client. */
@Synced
public class Deck {
  @SyncId String id;
  String name;
  Map<String, Lane> lanes;
  @SyncVersion long version;
}
