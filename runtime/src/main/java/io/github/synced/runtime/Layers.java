package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Pure helpers over entity types, patches and messages, shared by the store's parts. */
final class Layers {

  private Layers() {}

  /**
   * Runs an updater on a copy of {@code view} and returns the synced fields it changed (never the
   * version), with their new values.
   *
   * @param strict whether changing the id is refused (when the mutation is made) or ignored (when
   *     it is run again on a new base)
   */
  static <K, E> Patch<E> runUpdater(
      EntityType<K, E> type, K id, UnaryOperator<E> updater, E view, boolean strict) {
    E before = type.copy(view);
    E after = Objects.requireNonNull(updater.apply(type.copy(view)), "the updater returned null");
    Set<EntityField> changed = new LinkedHashSet<>(type.diff(before, after));
    if (changed.contains(type.idField()) && strict) {
      throw new IllegalArgumentException(
          describe(type, id, type.idField()) + ": an updater cannot change the id");
    }
    changed.remove(type.idField());
    if (type.hasVersion()) {
      changed.remove(type.versionField());
    }
    return type.patch(after, changed);
  }

  /** {@code Task 't1', field 'title'}: how messages name an entity and a field. */
  static String describe(EntityType<?, ?> type, Object id, EntityField field) {
    StringBuilder s = new StringBuilder(type.name());
    s.append(id == null ? " (no id)" : " '" + id + "'");
    if (field != null) {
      s.append(", field '").append(field.fieldName()).append('\'');
    }
    return s.toString();
  }

  static BadServerDataException bad(
      EntityType<?, ?> type, Object id, EntityField field, String problem) {
    return new BadServerDataException(
        type.name(), id, field == null ? null : field.fieldName(), problem);
  }
}
