package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The questions the store asks of changes made inside a field's value ({@link Inside}), with the
 * field's values handed over untyped, and what a three-way merge needs of a patch that holds such
 * changes: where it overlaps another writer's change, and the patch without those parts.
 */
final class Insides {

  private Insides() {}

  @SuppressWarnings("unchecked") // an Inside of a field is given only that field's values
  static String refusal(Inside<?> inside, Object value) {
    return ((Inside<Object>) inside).refusal(value);
  }

  @SuppressWarnings("unchecked")
  static Inside<?> boundTo(Inside<?> inside, Object value) {
    return ((Inside<Object>) inside).boundTo(value);
  }

  /**
   * Why a change inside some field of {@code patch} cannot be made on {@code entity}, as {@code
   * field 'x': why}; {@code null} if every one can.
   */
  static <E> String refusal(EntityType<?, E> type, Patch<E> patch, E entity) {
    if (!patch.changesInside()) {
      return null;
    }
    for (EntityField f : patch.fields()) {
      Inside<?> inside = patch.inside(f);
      String why = inside == null ? null : refusal(inside, type.get(entity, f));
      if (why != null) {
        return "field '" + f.fieldName() + "': " + why;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  static Inside<?> withLocalOnlyOf(Inside<?> inside, Object view) {
    return ((Inside<Object>) inside).withLocalOnlyOf(view);
  }

  /**
   * {@code patch} with what its changes inside add carrying the local-only values {@code view} has.
   */
  static <E> Patch<E> withLocalOnlyOf(EntityType<?, E> type, Patch<E> patch, E view) {
    Patch<E> kept = patch;
    for (EntityField f : patch.fields()) {
      Inside<?> inside = patch.inside(f);
      if (inside != null) {
        Inside<?> made = withLocalOnlyOf(inside, type.get(view, f));
        if (made != inside) {
          kept = kept.withInside(f, made);
        }
      }
    }
    return kept;
  }

  /** {@code patch} with each of its changes inside bound to what it addresses on {@code entity}. */
  static <E> Patch<E> bind(EntityType<?, E> type, Patch<E> patch, E entity) {
    if (!patch.changesInside()) {
      return patch;
    }
    Patch<E> bound = patch;
    for (EntityField f : patch.fields()) {
      Inside<?> inside = patch.inside(f);
      if (inside != null) {
        Inside<?> made = boundTo(inside, type.get(entity, f));
        if (made != inside) {
          bound = bound.withInside(f, made);
        }
      }
    }
    return bound;
  }

  @SuppressWarnings("unchecked")
  static List<String> conflicts(Inside<?> inside, Object base, Object theirs) {
    return ((Inside<Object>) inside).conflicts(base, theirs);
  }

  @SuppressWarnings("unchecked")
  static Inside<?> resolvedBy(Inside<?> inside, Object base, Object theirs, Object resolved) {
    return ((Inside<Object>) inside).resolvedBy(base, theirs, resolved);
  }

  @SuppressWarnings("unchecked")
  static Inside<?> withoutConflicts(Inside<?> inside, Object base, Object theirs) {
    return ((Inside<Object>) inside).withoutConflicts(base, theirs);
  }

  /**
   * Where {@code patch}, sent against {@code base}, overlaps the change from {@code base} to {@code
   * theirs}: a field it sets whole that they set to another value, or a path inside a field it
   * changes inside; each path after {@code prefix}.
   */
  static <E> List<String> conflicts(
      EntityType<?, E> type, Patch<E> patch, E base, E theirs, String prefix) {
    List<String> paths = new ArrayList<>();
    for (EntityField f : patch.fields()) {
      Inside<?> inside = patch.inside(f);
      if (inside != null) {
        for (String path : conflicts(inside, type.get(base, f), type.get(theirs, f))) {
          paths.add(prefix + f.fieldName() + path);
        }
      } else if (!Values.same(type, base, theirs, f) && !Values.holds(type, theirs, patch, f)) {
        paths.add(prefix + f.fieldName());
      }
    }
    return paths;
  }

  /**
   * {@code patch} without what {@code paths} name under {@code prefix}: fields set whole are
   * dropped, changes inside a field are narrowed; {@code null} if nothing is left.
   */
  static <E> Patch<E> withoutConflicts(
      EntityType<?, E> type, Patch<E> patch, List<String> paths, String prefix, E base, E theirs) {
    Set<EntityField> whole = new LinkedHashSet<>();
    List<EntityField> narrowed = new ArrayList<>();
    List<Inside<?>> rests = new ArrayList<>();
    for (EntityField f : patch.fields()) {
      String own = prefix + f.fieldName();
      boolean hit = paths.stream().anyMatch(p -> within(p, own));
      Inside<?> inside = patch.inside(f);
      if (inside == null) {
        if (!hit) {
          whole.add(f);
        }
      } else {
        Inside<?> rest =
            hit ? withoutConflicts(inside, type.get(base, f), type.get(theirs, f)) : inside;
        if (rest != null) {
          narrowed.add(f);
          rests.add(rest);
        }
      }
    }
    if (whole.isEmpty() && narrowed.isEmpty()) {
      return null;
    }
    Patch<E> left = only(type, patch, whole, theirs);
    for (int i = 0; i < narrowed.size(); i++) {
      left = left.withInside(narrowed.get(i), rests.get(i));
    }
    return left;
  }

  /**
   * A patch that sets {@code fields} (none of them changed inside) as {@code patch} sets them:
   * their values taken from {@code patch} applied to a copy of {@code on}.
   */
  static <E> Patch<E> only(EntityType<?, E> type, Patch<E> patch, Set<EntityField> fields, E on) {
    return type.patch(patch.applyTo(type.copy(on)), fields);
  }

  /** The elements of {@code value} by id; {@code null} elements are left out. */
  static <K, E> Map<K, E> byId(EntityType<K, E> type, Collection<E> value) {
    Map<K, E> map = new HashMap<>();
    if (value != null) {
      for (E e : value) {
        if (e != null) {
          map.put(type.id(e), e);
        }
      }
    }
    return map;
  }

  /**
   * {@code state} (a base that just took a confirmed answer) with the local-only values of the
   * elements {@code patch} added: they are in the change (kept up to date by local edits), not in
   * the answer, also where a later mutation hides the element now. {@code state} itself where the
   * patch changes nothing inside, or where the entity refuses it on the answer.
   */
  static <E> E withAddedLocalOnly(EntityType<?, E> type, Patch<E> patch, E state) {
    if (patch == null || !patch.changesInside() || !type.holdsEntities()) {
      return state;
    }
    try {
      return type.withLocalOnly(type.copy(state), patch.applyTo(type.copy(state)));
    } catch (RuntimeException refused) {
      return state; // the answer's values stand
    }
  }

  /**
   * Whether {@code path} is {@code field} or a place inside it ({@code field[id]...}, {@code
   * field.x}).
   */
  static boolean within(String path, String field) {
    return path.equals(field) || path.startsWith(field + "[") || path.startsWith(field + ".");
  }
}
