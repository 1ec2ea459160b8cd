package io.github.synced.example.server;

import io.github.synced.example.Task;
import io.github.synced.runtime.EntityField;
import io.github.synced.runtime.EntityType;
import io.github.synced.runtime.Patch;
import io.github.synced.runtime.Snapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Stands in for the generated {@code TaskSync}. */
final class HandTaskSync implements EntityType<String, Task> {

  static final HandTaskSync TYPE = new HandTaskSync();

  private HandTaskSync() {}

  @Override
  public String name() {
    return "Task";
  }

  @Override
  public Class<Task> type() {
    return Task.class;
  }

  @Override
  public List<HandTaskField> fields() {
    return List.of(HandTaskField.values());
  }

  @Override
  public EntityField idField() {
    return HandTaskField.ID;
  }

  @Override
  public String id(Task entity) {
    return entity.getId();
  }

  @Override
  public Task withId(Task entity, String id) {
    entity.setId(id);
    return entity;
  }

  @Override
  public boolean hasVersion() {
    return true;
  }

  @Override
  public EntityField versionField() {
    return HandTaskField.UPDATED_AT;
  }

  @Override
  public Object version(Task entity) {
    return entity.getUpdatedAt();
  }

  @Override
  public int compareVersions(Task a, Task b) {
    return Long.compare(a.getUpdatedAt(), b.getUpdatedAt());
  }

  @Override
  public Task copy(Task t) {
    Task copy = new Task(t.getId(), t.getTitle(), t.isDone(), t.getUpdatedAt());
    copy.setExpanded(t.isExpanded());
    copy.setSelected(t.isSelected());
    return copy;
  }

  @Override
  public Snapshot<Task> snapshot(Task entity) {
    return HandTaskSnapshot.of(entity);
  }

  @Override
  public Task restore(Task target, Snapshot<Task> snapshot) {
    HandTaskSnapshot s = (HandTaskSnapshot) snapshot;
    target.setId(s.id());
    target.setTitle(s.title());
    target.setDone(s.done());
    target.setUpdatedAt(s.updatedAt());
    return target;
  }

  @Override
  public Task merge(Task local, Task server) {
    return restore(local, snapshot(server));
  }

  @Override
  public Patch<Task> patch(Task source, Set<? extends EntityField> fields) {
    HandTaskPatch patch = HandTaskPatch.empty();
    for (EntityField f : fields) {
      patch = patch.with((HandTaskField) f, get(source, f));
    }
    return patch;
  }

  @Override
  public Set<HandTaskField> diff(Task a, Task b) {
    Set<HandTaskField> changed = EnumSet.noneOf(HandTaskField.class);
    for (HandTaskField f : HandTaskField.values()) {
      if (!Objects.equals(get(a, f), get(b, f))) {
        changed.add(f);
      }
    }
    return changed;
  }

  @Override
  public Object get(Task entity, EntityField field) {
    return snapshot(entity).get(field);
  }
}
