package io.github.synced.example.breakers10;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.List;

/** One of a Trello card's checklists: it holds its own items (two levels of elements). */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its card
public class Checklist {
  @SyncId String id;
  String name;
  List<CheckItem> checkItems;
  @LocalOnly boolean collapsed;

  public Checklist() {}

  Checklist(String id, String name, List<CheckItem> items) {
    this.id = id;
    this.name = name;
    this.checkItems = items;
  }
}
