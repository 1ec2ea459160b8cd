package io.github.synced.example.breakers10;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A card as Trello nests it: checklists, each with check items. */
@Synced
public class BoardCard {
  @SyncId String id;
  String name;
  List<Checklist> checklists;
  @SyncVersion long version;
}
