package io.github.synced.example.breakers10;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** One item of a card's checklist; {@code expanded} is the client's alone. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its card
public class CheckItem {
  @SyncId String id;
  String name;
  String state;
  @LocalOnly boolean expanded;

  public CheckItem() {}

  CheckItem(String id, String name) {
    this.id = id;
    this.name = name;
    this.state = "incomplete";
  }
}
