package io.github.synced.example.breakers10;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** The card's assignee: one nested object. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its card
public class Member {
  @SyncId String id;
  String fullName;
  String username;
  @LocalOnly boolean pinned;

  public Member() {}

  Member(String id, String fullName, String username) {
    this.id = id;
    this.fullName = fullName;
    this.username = username;
  }
}
