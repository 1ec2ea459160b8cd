package io.github.synced.example.review12;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A crate of slots merged by id: the review's entity for nested local-only values. */
@Synced
public class Crate {
  @SyncId String id;
  String name;
  List<Slot> slots;
  @SyncVersion long version;
}
