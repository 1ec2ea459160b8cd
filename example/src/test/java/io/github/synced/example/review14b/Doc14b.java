package io.github.synced.example.review14b;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A document of items merged by id: the review's entity for answers without a version. */
@Synced
public class Doc14b {
  @SyncId String id;
  String title;
  String note;
  List<Item14b> items;
  @SyncVersion long version;
}
