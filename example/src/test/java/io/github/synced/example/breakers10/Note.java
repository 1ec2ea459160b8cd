package io.github.synced.example.breakers10;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A note with validated record tags and client-side numeric id. */
@Synced
public class Note {
  @SyncId long id;
  String text;
  List<Tag> tags;
  @SyncVersion long version;
}
