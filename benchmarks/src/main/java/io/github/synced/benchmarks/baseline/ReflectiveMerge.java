package io.github.synced.benchmarks.baseline;

import io.github.synced.benchmarks.model.Item;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Merge by reflection, as a generic library without code generation does it: the synced fields are
 * looked up once, then each merge reads and writes every one through {@link Field}.
 */
public final class ReflectiveMerge {

  private static final Set<String> LOCAL_ONLY = Set.of("expanded", "selected");

  private final Field[] synced;

  /** Finds and opens the synced fields of {@link Item}. */
  public ReflectiveMerge() {
    List<Field> fields = new ArrayList<>();
    for (Field f : Item.class.getDeclaredFields()) {
      if (!LOCAL_ONLY.contains(f.getName())) {
        f.setAccessible(true);
        fields.add(f);
      }
    }
    synced = fields.toArray(new Field[0]);
  }

  /** Sets every synced field of {@code local} from {@code server}. */
  public Item merge(Item local, Item server) {
    try {
      for (Field f : synced) {
        f.set(local, f.get(server));
      }
      return local;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
