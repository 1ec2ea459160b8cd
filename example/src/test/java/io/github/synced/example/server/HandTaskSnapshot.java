package io.github.synced.example.server;

import io.github.synced.example.Task;
import io.github.synced.runtime.EntityField;
import io.github.synced.runtime.Snapshot;

/** Stands in for the generated {@code TaskSnapshot}. */
record HandTaskSnapshot(String id, String title, boolean done, long updatedAt)
    implements Snapshot<Task> {

  static HandTaskSnapshot of(Task t) {
    return new HandTaskSnapshot(t.getId(), t.getTitle(), t.isDone(), t.getUpdatedAt());
  }

  @Override
  public Object get(EntityField field) {
    return switch ((HandTaskField) field) {
      case ID -> id;
      case TITLE -> title;
      case DONE -> done;
      case UPDATED_AT -> updatedAt;
    };
  }
}
