package io.github.synced.runtime.json;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;

/** The synced fields of one {@link Note}. */
public record NoteSnapshot(String id, String text, Integer priority, long version)
    implements Snapshot<Note> {

  @Override
  public Object get(EntityField field) {
    return switch ((NoteField) field) {
      case ID -> id;
      case TEXT -> text;
      case PRIORITY -> priority;
      case VERSION -> version;
    };
  }
}
