package io.github.synced.example.breakers10;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/** A Trello-like card: a checklist of items merged by id and one assignee. */
@Synced
public class Card {
  @SyncId String id;
  String name;
  List<CheckItem> checkItems;
  Member assignee;
  @SyncVersion long version;
  @LocalOnly boolean open;
}
