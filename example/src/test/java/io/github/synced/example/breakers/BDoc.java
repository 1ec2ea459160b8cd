package io.github.synced.example.breakers;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.UUID;

/** A document whose UUID id the client makes and the server keeps. */
@Synced
public class BDoc {
  @SyncId UUID id;
  String body;
  @SyncVersion long version;
}
