package io.github.synced.runtime.json;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Patch;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** An immutable partial update of a {@link Note}; absent is not {@code null}. */
public final class NotePatch implements Patch<Note> {

  private static final NotePatch EMPTY = new NotePatch(new EnumMap<>(NoteField.class));

  private final EnumMap<NoteField, Object> values;

  private NotePatch(EnumMap<NoteField, Object> values) {
    this.values = values;
  }

  /** A patch that sets nothing. */
  public static NotePatch empty() {
    return EMPTY;
  }

  /** This patch, also setting {@code field} to {@code value}. */
  NotePatch with(NoteField field, Object value) {
    EnumMap<NoteField, Object> copy = new EnumMap<>(values);
    copy.put(field, value);
    return new NotePatch(copy);
  }

  public NotePatch id(String id) {
    return with(NoteField.ID, id);
  }

  public NotePatch text(String text) {
    return with(NoteField.TEXT, text);
  }

  public NotePatch priority(Integer priority) {
    return with(NoteField.PRIORITY, priority);
  }

  public NotePatch version(long version) {
    return with(NoteField.VERSION, version);
  }

  @Override
  public Set<NoteField> fields() {
    return Collections.unmodifiableSet(values.keySet());
  }

  @Override
  public Object get(EntityField field) {
    if (!values.containsKey(field)) {
      throw new IllegalArgumentException("patch does not set " + field);
    }
    return values.get(field);
  }

  @Override
  public Note applyTo(Note target) {
    for (Map.Entry<NoteField, Object> e : values.entrySet()) {
      switch (e.getKey()) {
        case ID -> target.id = (String) e.getValue();
        case TEXT -> target.text = (String) e.getValue();
        case PRIORITY -> target.priority = (Integer) e.getValue();
        case VERSION -> target.version = (Long) e.getValue();
      }
    }
    return target;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NotePatch p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "NotePatch" + values;
  }
}
