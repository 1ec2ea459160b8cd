package io.github.synced.example.server;

import io.github.synced.example.Task;
import io.github.synced.runtime.EntityField;
import io.github.synced.runtime.Patch;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Stands in for the generated {@code TaskPatch}: {@code empty()}, then fluent setters. */
final class HandTaskPatch implements Patch<Task> {

  private final EnumMap<HandTaskField, Object> values;

  private HandTaskPatch(EnumMap<HandTaskField, Object> values) {
    this.values = values;
  }

  static HandTaskPatch empty() {
    return new HandTaskPatch(new EnumMap<>(HandTaskField.class));
  }

  HandTaskPatch with(HandTaskField field, Object value) {
    EnumMap<HandTaskField, Object> copy = new EnumMap<>(values);
    copy.put(field, value);
    return new HandTaskPatch(copy);
  }

  HandTaskPatch title(String title) {
    return with(HandTaskField.TITLE, title);
  }

  HandTaskPatch done(boolean done) {
    return with(HandTaskField.DONE, done);
  }

  @Override
  public Set<HandTaskField> fields() {
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
  public Task applyTo(Task target) {
    for (Map.Entry<HandTaskField, Object> e : values.entrySet()) {
      switch (e.getKey()) {
        case ID -> target.setId((String) e.getValue());
        case TITLE -> target.setTitle((String) e.getValue());
        case DONE -> target.setDone((Boolean) e.getValue());
        case UPDATED_AT -> target.setUpdatedAt((Long) e.getValue());
      }
    }
    return target;
  }
}
