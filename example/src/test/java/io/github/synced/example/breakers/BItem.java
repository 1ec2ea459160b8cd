package io.github.synced.example.breakers;

import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A json-server item with a primitive long id. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class BItem {
  @SyncId long id;
  String name;
}
