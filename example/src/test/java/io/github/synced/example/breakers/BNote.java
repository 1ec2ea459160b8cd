package io.github.synced.example.breakers;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A json-server note: Long id assigned by the server, no version. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class BNote {
  @SyncId Long id;
  String text;
  @LocalOnly boolean pinned;
}
