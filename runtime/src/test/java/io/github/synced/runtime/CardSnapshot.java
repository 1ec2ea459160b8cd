package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;

/** What the processor would generate as {@code CardSnapshot}. */
record CardSnapshot(String id, String title, boolean done, long version) implements Snapshot<Card> {
  @Override
  public Object get(EntityField field) {
    return switch ((CardField) field) {
      case ID -> id;
      case TITLE -> title;
      case DONE -> done;
      case VERSION -> version;
    };
  }
}
