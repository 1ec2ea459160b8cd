package io.github.synced.example.breakers;

import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A json-server entity with a primitive int id. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class BCount {
  @SyncId int id;
  String label;
}
