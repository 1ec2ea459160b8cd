package io.github.synced.example.nested;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A shelf of parts whose local-only setter can be made to refuse (rule 12's atomic local edit). */
@Synced
public class Shelf {
  @SyncId String id;
  String name;
  List<Part> parts;
  @SyncVersion long version;
}
