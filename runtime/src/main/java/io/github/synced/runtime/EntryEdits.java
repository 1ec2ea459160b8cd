package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Changes to the entries of a map of {@code @Synced} elements, each addressed by its key: put an
 * element at a key, remove the entry at a key, update some fields of the element at a key. A
 * generated patch takes them for such a field, as in
 *
 * <pre>{@code
 * boards.update("b1", p -> p.editColumns(c -> c.update("todo", x -> x.title("To do")).remove("old")));
 * }</pre>
 *
 * <p>Like {@link ElementEdits} for a collection, these changes are relative to the map they are
 * applied to: a mutation made of them changes only its own entries, so two mutations on different
 * entries roll back independently, and a refetch that changes other entries keeps them. An update
 * or remove is bound to the element the key holds as the store takes the change (its id): applied
 * where the key holds no element, or another one (another writer removed or replaced it), it does
 * nothing. Made on the map the user sees, an update or remove must address a key that is there, and
 * a put must not give an element whose id another key holds: {@link SyncStore#update} refuses them.
 *
 * <p>A put of a key that is there replaces its element where it is, a new key goes where the map
 * puts it (at the end of a {@code LinkedHashMap}, in key order in a {@code TreeMap}). In conflicts
 * ({@link #conflicts}) an entry is named by its key as an element of a collection is by its id:
 * {@code [todo]} for the entry, {@code [todo].title} for a field of its element; the store puts the
 * field's name before them, as in {@code columns[todo].title}.
 *
 * <p>Immutable: each method returns new edits. Elements given to {@link #put} are copied.
 *
 * @param <M> the map's key type
 * @param <K> the elements' id type
 * @param <E> the element type
 * @param <P> the element's generated patch type
 */
public final class EntryEdits<M, K, E, P extends Patch<E>> implements Inside<Map<M, E>> {

  private final EntityType<K, E> type;
  private final P empty;
  private final List<ElementOp<M, E, P>> ops;

  private EntryEdits(EntityType<K, E> type, P empty, List<ElementOp<M, E, P>> ops) {
    this.type = type;
    this.empty = empty;
    this.ops = ops;
  }

  /**
   * No change yet to entries whose elements are of {@code type}; for generated patches.
   *
   * @param type the element type
   * @param empty the element's patch that sets nothing
   */
  public static <M, K, E, P extends Patch<E>> EntryEdits<M, K, E, P> of(
      EntityType<K, E> type, P empty) {
    return new EntryEdits<>(
        Objects.requireNonNull(type, "type"), Objects.requireNonNull(empty, "empty"), List.of());
  }

  /**
   * These changes, then the element at {@code key} changed by the patch {@code change} makes from
   * an empty one (its local-only fields, and its other fields, are kept).
   */
  public EntryEdits<M, K, E, P> update(M key, UnaryOperator<P> change) {
    if (key == null) {
      return with(ElementOp.refused("the key of an entry to update is null"));
    }
    P patch = Objects.requireNonNull(change.apply(empty), "the change returned null");
    return with(ElementOp.update(type, key, patch, "the element at key '" + key + "'"));
  }

  /**
   * These changes, then {@code element} at {@code key}, in place of the element it holds if any.
   */
  public EntryEdits<M, K, E, P> put(M key, E element) {
    if (key == null) {
      return with(ElementOp.refused("the key of an entry to put is null"));
    }
    String unfit =
        ElementOp.unfit(
            type,
            element,
            (element == null ? "the element" : "the " + type.name())
                + " to put at key '"
                + key
                + "'");
    if (unfit != null) {
      return with(ElementOp.refused(unfit));
    }
    return with(new ElementOp<>(key, null, type.copy(element), -1));
  }

  /** These changes, then the entry at {@code key} removed. */
  public EntryEdits<M, K, E, P> remove(M key) {
    if (key == null) {
      return with(ElementOp.refused("the key of an entry to remove is null"));
    }
    return with(new ElementOp<>(key, null, null, -1));
  }

  /** Whether there is no change. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  private EntryEdits<M, K, E, P> with(ElementOp<M, E, P> op) {
    return new EntryEdits<>(type, empty, ElementOp.append(ops, op));
  }

  /**
   * {@code value} with these changes, as a new map made by {@code into}; {@code value} and its
   * elements are not changed (an updated element is a changed copy). {@code null} stays {@code
   * null} unless an entry is put. For generated patches.
   */
  public <C extends Map<M, E>> C applyTo(Map<M, E> value, Function<Map<M, E>, C> into) {
    C out = into.apply(value == null ? Map.of() : value);
    for (ElementOp<M, E, P> op : ops) {
      if (op.error() != null) {
        continue; // refused when the change was made; never applied
      }
      E now = out.get(op.id());
      if (op.element() != null) {
        // The element it puts, with the values we gave it (a resolver's keeps the local-only ones
        // of the element of its id there); it leaves any other key that holds it, as a move.
        K id = type.id(op.element());
        out.values().removeIf(e -> e != now && e != null && id.equals(type.id(e)));
        out.put(
            op.id(),
            op.decided() && now != null && Objects.equals(type.id(now), id)
                ? type.merge(type.copy(now), op.element())
                : type.copy(op.element()));
      } else {
        // An update or remove changes the element it is bound to: at its key, or at the key
        // another writer moved it to; never another element its key came to hold.
        M key = addresses(op, now) ? op.id() : keyOf(out, op.bound());
        if (key != null && op.patch() != null) {
          out.put(key, op.patch().applyTo(type.copy(out.get(key))));
        } else if (key != null) {
          out.remove(key);
        }
      }
    }
    return value == null && out.isEmpty() ? null : out;
  }

  /** The key at which {@code entries} holds the element of id {@code id}; {@code null} if none. */
  private M keyOf(Map<M, E> entries, Object id) {
    if (id != null) {
      for (Map.Entry<M, E> e : entries.entrySet()) {
        if (e.getValue() != null && id.equals(type.id(e.getValue()))) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  /** Whether {@code element}, what the key of an update or remove holds, is the one it is for. */
  private boolean addresses(ElementOp<M, E, P> op, E element) {
    return element != null && (op.bound() == null || op.bound().equals(type.id(element)));
  }

  /**
   * A map for {@code applyTo} of a sorted map: a {@code TreeMap} with {@code value}'s entries and
   * its comparator ({@code TreeMap::new} would take the keys' natural order). For generated
   * patches.
   */
  public static <M, E> NavigableMap<M, E> treeMapLike(Map<M, E> value) {
    return value instanceof SortedMap<M, E> sorted ? new TreeMap<>(sorted) : new TreeMap<>(value);
  }

  /** A working copy of {@code value} that finds keys as it does (its comparator). */
  private static <M, E> Map<M, E> working(Map<M, E> value) {
    return value == null
        ? new LinkedHashMap<>()
        : value instanceof SortedMap<M, E> sorted
            ? new TreeMap<>(sorted)
            : new LinkedHashMap<>(value);
  }

  private static <M, E> E at(Map<M, E> value, M key) {
    return value == null ? null : value.get(key);
  }

  @Override
  public String refusal(Map<M, E> value) {
    Map<M, E> entries = working(value);
    for (ElementOp<M, E, P> op : ops) {
      if (op.error() != null) {
        return op.error();
      }
      M key = op.id();
      if (op.element() != null) {
        K id = type.id(op.element());
        for (Map.Entry<M, E> e : entries.entrySet()) {
          if (!e.getKey().equals(key) && e.getValue() != null && id.equals(type.id(e.getValue()))) {
            return "it already has an element with id '" + id + "', at key '" + e.getKey() + "'";
          }
        }
        entries.put(key, op.element());
      } else if (entries.get(key) == null) {
        return "it has no element at key '"
            + key
            + "' to "
            + (op.patch() != null ? "update" : "remove");
      } else if (op.patch() == null) {
        entries.remove(key);
      } else {
        String deeper = Insides.refusal(type, op.patch(), entries.get(key));
        if (deeper != null) {
          return "the element at key '" + key + "', " + deeper;
        }
      }
    }
    return null;
  }

  /**
   * These changes with each update and remove bound to the element its key holds in {@code value}
   * as the changes before it leave it (its id), and each update's own changes inside bound to that
   * element.
   */
  @Override
  @SuppressWarnings("unchecked") // the patches of one element type are of one class
  public EntryEdits<M, K, E, P> boundTo(Map<M, E> value) {
    Map<M, E> entries = working(value);
    List<ElementOp<M, E, P>> bound = new ArrayList<>(ops.size());
    for (ElementOp<M, E, P> op : ops) {
      E element = op.error() == null ? entries.get(op.id()) : null;
      if (op.element() != null) {
        // A put of the element the key holds (its id) keeps the local-only values it has now.
        ElementOp<M, E, P> put =
            element != null && Objects.equals(type.id(element), type.id(op.element()))
                ? op.adding(type.withLocalOnly(type.copy(op.element()), element))
                : op;
        entries.put(op.id(), put.element());
        bound.add(put);
      } else if (element == null) {
        bound.add(op); // refused
      } else if (op.patch() == null) {
        entries.remove(op.id());
        bound.add(op.boundTo(null, type.id(element)));
      } else {
        P patch = (P) Insides.bind(type, op.patch(), element);
        entries.put(op.id(), patch.applyTo(type.copy(element)));
        bound.add(op.boundTo(patch, type.id(element)));
      }
    }
    return new EntryEdits<>(type, empty, List.copyOf(bound));
  }

  @Override
  public EntryEdits<M, K, E, P> withLocalOnlyOf(Map<M, E> view) {
    List<ElementOp<M, E, P>> kept =
        ElementOp.withLocalOnly(type, ops, Insides.byId(type, view == null ? null : view.values()));
    return kept == null ? this : new EntryEdits<>(type, empty, kept);
  }

  @Override
  public List<String> conflicts(Map<M, E> base, Map<M, E> theirs) {
    Set<String> paths = new LinkedHashSet<>(); // one key changed twice meets theirs once
    for (ElementOp<M, E, P> op : ops) {
      paths.addAll(conflicts(op, at(base, op.id()), at(theirs, op.id())));
    }
    return List.copyOf(paths);
  }

  /** Where {@code op} meets their change of its entry from {@code b} to {@code t}. */
  private List<String> conflicts(ElementOp<M, E, P> op, E b, E t) {
    if (op.error() != null) {
      return List.of();
    }
    String at = "[" + op.id() + "]";
    if (op.element() != null) { // they changed the entry, and not to what we put
      boolean changed = b == null ? t != null : t == null || !type.syncedEquals(b, t);
      return changed && (t == null || !type.syncedEquals(t, op.element()))
          ? List.of(at)
          : List.of();
    }
    if (!addresses(op, b)) {
      return List.of(); // put by an earlier change of ours: nothing to compare
    }
    if (op.patch() == null) {
      return t != null && !type.syncedEquals(b, t) ? List.of(at) : List.of();
    }
    if (t == null || !Objects.equals(type.id(t), type.id(b))) {
      return List.of(at); // they removed or replaced what we change
    }
    return Insides.conflicts(type, op.patch(), b, t, at + ".");
  }

  @Override
  @SuppressWarnings("unchecked") // the patches of one element type are of one class
  public EntryEdits<M, K, E, P> withoutConflicts(Map<M, E> base, Map<M, E> theirs) {
    List<ElementOp<M, E, P>> left = new ArrayList<>();
    for (ElementOp<M, E, P> op : ops) {
      E b = at(base, op.id());
      E t = at(theirs, op.id());
      List<String> paths = conflicts(op, b, t);
      if (paths.isEmpty()) {
        left.add(op);
      } else if (op.patch() != null && !paths.contains("[" + op.id() + "]")) {
        P narrowed =
            (P) Insides.withoutConflicts(type, op.patch(), paths, "[" + op.id() + "].", b, t);
        if (narrowed != null) {
          left.add(op.boundTo(narrowed, op.bound()));
        }
      }
    }
    return left.isEmpty() ? null : new EntryEdits<>(type, empty, List.copyOf(left));
  }

  @Override
  public EntryEdits<M, K, E, P> resolvedBy(Map<M, E> base, Map<M, E> theirs, Map<M, E> resolved) {
    List<ElementOp<M, E, P>> left = new ArrayList<>();
    for (ElementOp<M, E, P> op : ops) {
      E t = at(theirs, op.id());
      if (conflicts(op, at(base, op.id()), t).isEmpty()) {
        left.add(op);
        continue;
      }
      E element = at(resolved, op.id());
      if (element != null) { // as the resolver has it
        left.add(new ElementOp<>(op.id(), null, type.syncedCopy(element), -1, null, true));
      } else if (t != null) { // the resolver has none: gone, if it is still theirs
        left.add(new ElementOp<>(op.id(), null, null, -1, null, false, type.id(t)));
      }
    }
    return left.isEmpty() ? null : new EntryEdits<>(type, empty, List.copyOf(left));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntryEdits<?, ?, ?, ?> that
        && that.type == type
        && ElementOp.same(type, ops, that.ops);
  }

  @Override
  public int hashCode() {
    return ElementOp.hash(ops);
  }

  /**
   * The changes in order, for example {@code [update todo ColumnPatch{title=x}, put doing, remove
   * old]}.
   */
  @Override
  public String toString() {
    List<String> text = new ArrayList<>(ops.size());
    for (ElementOp<M, E, P> op : ops) {
      text.add(op.element() != null && !op.decided() ? "put " + op.id() : op.toString());
    }
    return text.toString();
  }
}
