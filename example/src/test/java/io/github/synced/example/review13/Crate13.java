package io.github.synced.example.review13;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A crate of slots merged by id: the review's entity for nested local-only values. */
@Synced
public class Crate13 {
  @SyncId String id;
  String name;
  List<Slot13> slots;
  @SyncVersion long version;
}
