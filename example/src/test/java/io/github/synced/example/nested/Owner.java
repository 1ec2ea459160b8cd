package io.github.synced.example.nested;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** Who a {@link Checklist} belongs to: one nested object, changed field by field. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its checklist
public class Owner {
  @SyncId String id;
  String name;
  String email;
  @LocalOnly boolean pinned;

  Owner() {}

  Owner(String id, String name, String email) {
    this.id = id;
    this.name = name;
    this.email = email;
  }
}
