package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Changes to the elements of a collection of {@code @Synced} elements, each addressed by the
 * element's id: update some of its fields, add it, remove it. A generated patch takes them for such
 * a field, as in
 *
 * <pre>{@code
 * tasks.update("t1", p -> p.editSubtasks(s -> s.update("s2", x -> x.title("Call back")).remove("s3")));
 * }</pre>
 *
 * <p>Unlike a new value for the whole collection, these changes are relative to the collection they
 * are applied to: a mutation made of them changes only its own elements, so two mutations on
 * different elements roll back independently, and a refetch that changes other elements keeps them.
 * Applied to a collection where an element they address is no longer there (another writer removed
 * it), that part does nothing. Made on the collection the user sees, they must address elements
 * that are there: {@link SyncStore#update} refuses a change to a missing element, and the addition
 * of an id already there.
 *
 * <p>Immutable: each method returns new edits. Elements given to {@link #add} are copied.
 *
 * @param <K> the elements' id type
 * @param <E> the element type
 * @param <P> the element's generated patch type
 */
public final class ElementEdits<K, E, P extends Patch<E>> implements Inside<Collection<E>> {

  /** One change: {@code patch} for an update, {@code element} for an add, neither for a remove. */
  private final EntityType<K, E> type;

  private final P empty;
  private final List<ElementOp<K, E, P>> ops;

  private ElementEdits(EntityType<K, E> type, P empty, List<ElementOp<K, E, P>> ops) {
    this.type = type;
    this.empty = empty;
    this.ops = ops;
  }

  /**
   * No change yet to elements of {@code type}; for generated patches.
   *
   * @param type the element type
   * @param empty the element's patch that sets nothing
   */
  public static <K, E, P extends Patch<E>> ElementEdits<K, E, P> of(
      EntityType<K, E> type, P empty) {
    return new ElementEdits<>(
        Objects.requireNonNull(type, "type"), Objects.requireNonNull(empty, "empty"), List.of());
  }

  /**
   * These changes, then the element with id {@code id} changed by the patch {@code change} makes
   * from an empty one (its local-only fields are kept).
   */
  public ElementEdits<K, E, P> update(K id, UnaryOperator<P> change) {
    if (id == null) {
      return with(ElementOp.refused("the id of an element to update is null"));
    }
    P patch = Objects.requireNonNull(change.apply(empty), "the change returned null");
    return with(ElementOp.update(type, id, patch, "element '" + id + "'"));
  }

  /** These changes, then {@code element} added at the end. */
  public ElementEdits<K, E, P> add(E element) {
    return added(-1, element);
  }

  /**
   * These changes, then {@code element} added at {@code index}, from 0 to the number of elements
   * the collection has as the change is made (a set keeps its elements in that order too). Applied
   * later to a collection that has become shorter, it goes at the end.
   */
  public ElementEdits<K, E, P> add(int index, E element) {
    if (index < 0) {
      return with(ElementOp.refused("index " + index + " of an element to add is negative"));
    }
    return added(index, element);
  }

  private ElementEdits<K, E, P> added(int index, E element) {
    String unfit =
        ElementOp.unfit(
            type, element, element == null ? "an element to add" : "a " + type.name() + " to add");
    if (unfit != null) {
      return with(ElementOp.refused(unfit));
    }
    return with(new ElementOp<>(type.id(element), null, type.copy(element), index));
  }

  /** These changes, then the element with id {@code id} removed. */
  public ElementEdits<K, E, P> remove(K id) {
    if (id == null) {
      return with(ElementOp.refused("the id of an element to remove is null"));
    }
    return with(new ElementOp<>(id, null, null, -1));
  }

  /** Whether there is no change. */
  public boolean isEmpty() {
    return ops.isEmpty();
  }

  private ElementEdits<K, E, P> with(ElementOp<K, E, P> op) {
    return new ElementEdits<>(type, empty, ElementOp.append(ops, op));
  }

  /**
   * {@code value} with these changes, as a new collection made by {@code into}; {@code value} and
   * its elements are not changed (an updated element is a changed copy). {@code null} stays {@code
   * null} unless an element is added. For generated patches.
   */
  public <C extends Collection<E>> C applyTo(Collection<E> value, Function<Collection<E>, C> into) {
    C out = into.apply(value == null ? List.of() : value);
    @SuppressWarnings("unchecked") // a Collection<E> that is a List is a List<E>
    List<E> list = out instanceof List<?> ? (List<E>) out : new ArrayList<>(out);
    for (ElementOp<K, E, P> op : ops) {
      if (op.error() != null) {
        continue; // refused when the change was made; never applied
      }
      int at = indexOf(list, op.id());
      if (op.patch() != null) {
        if (at >= 0) {
          list.set(at, op.patch().applyTo(type.copy(list.get(at))));
        }
      } else if (op.element() != null) {
        if (at >= 0) { // ours, with the values we gave it; a resolver's keeps the local-only
          list.set(
              at,
              op.decided()
                  ? type.merge(type.copy(list.get(at)), op.element())
                  : type.copy(op.element()));
        } else {
          E added = type.copy(op.element());
          list.add(op.index() < 0 || op.index() > list.size() ? list.size() : op.index(), added);
        }
      } else if (at >= 0) {
        list.remove(at);
      }
    }
    if (list != out) { // a set: its elements in the list's order
      out.clear();
      out.addAll(list);
    }
    return value == null && out.isEmpty() ? null : out;
  }

  private int indexOf(Collection<E> elements, K id) {
    int i = 0;
    for (E e : elements) {
      if (e != null && Objects.equals(type.id(e), id)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  @Override
  public String refusal(Collection<E> value) {
    Map<K, E> elements = new LinkedHashMap<>(Insides.byId(type, value));
    int size = value == null ? 0 : value.size();
    for (ElementOp<K, E, P> op : ops) {
      if (op.error() != null) {
        return op.error();
      }
      if (op.element() != null) {
        if (elements.containsKey(op.id())) {
          return "it already has an element with id '" + op.id() + "'";
        }
        if (op.index() > size) {
          return "index "
              + op.index()
              + " of element '"
              + op.id()
              + "' is past its end ("
              + size
              + " elements)";
        }
        elements.put(op.id(), op.element());
        size++;
      } else if (!elements.containsKey(op.id())) {
        return "it has no element with id '"
            + op.id()
            + "' to "
            + (op.patch() != null ? "update" : "remove");
      } else if (op.patch() == null) {
        elements.remove(op.id());
        size--;
      } else {
        String deeper = Insides.refusal(type, op.patch(), elements.get(op.id()));
        if (deeper != null) {
          return "element '" + op.id() + "', " + deeper;
        }
      }
    }
    return null;
  }

  @Override
  public ElementEdits<K, E, P> boundTo(Collection<E> value) {
    Map<K, E> elements = Insides.byId(type, value); // as each change finds them, in order
    List<ElementOp<K, E, P>> bound = new ArrayList<>(ops.size());
    boolean changed = false;
    for (ElementOp<K, E, P> op : ops) {
      if (op.error() != null || op.id() == null) {
        bound.add(op);
      } else if (op.element() != null) {
        elements.put(op.id(), op.element());
        bound.add(op);
      } else if (op.patch() == null) {
        elements.remove(op.id());
        bound.add(op);
      } else {
        E element = elements.get(op.id());
        P patch = op.patch();
        if (element != null && patch.changesInside()) {
          @SuppressWarnings("unchecked") // the patches of one element type are of one class
          P made = (P) Insides.bind(type, patch, element);
          patch = made;
          changed = true;
        }
        bound.add(patch == op.patch() ? op : new ElementOp<>(op.id(), patch, null, -1));
        if (element != null) {
          elements.put(op.id(), patch.applyTo(type.copy(element)));
        }
      }
    }
    return changed ? new ElementEdits<>(type, empty, List.copyOf(bound)) : this;
  }

  @Override
  public ElementEdits<K, E, P> withLocalOnlyOf(Collection<E> view) {
    List<ElementOp<K, E, P>> kept = ElementOp.withLocalOnly(type, ops, Insides.byId(type, view));
    return kept == null ? this : new ElementEdits<>(type, empty, kept);
  }

  @Override
  public List<String> conflicts(Collection<E> base, Collection<E> theirs) {
    List<String> paths = new ArrayList<>();
    Map<K, E> before = Insides.byId(type, base);
    Map<K, E> now = Insides.byId(type, theirs);
    for (ElementOp<K, E, P> op : ops) {
      paths.addAll(conflicts(op, before, now));
    }
    return paths;
  }

  private List<String> conflicts(ElementOp<K, E, P> op, Map<K, E> before, Map<K, E> now) {
    E b = before.get(op.id());
    E t = now.get(op.id());
    String at = "[" + op.id() + "]";
    if (op.patch() != null) {
      if (b == null) {
        return List.of(); // added by an earlier change of ours, or by them: nothing to compare
      }
      if (t == null) {
        return List.of(at); // they removed what we change
      }
      return Insides.conflicts(type, op.patch(), b, t, at + ".");
    }
    if (op.element() != null) {
      return b == null && t != null && !type.syncedEquals(t, op.element())
          ? List.of(at)
          : List.of();
    }
    return b != null && t != null && !type.syncedEquals(b, t) ? List.of(at) : List.of();
  }

  @Override
  public ElementEdits<K, E, P> withoutConflicts(Collection<E> base, Collection<E> theirs) {
    Map<K, E> before = Insides.byId(type, base);
    Map<K, E> now = Insides.byId(type, theirs);
    List<ElementOp<K, E, P>> left = new ArrayList<>();
    for (ElementOp<K, E, P> op : ops) {
      List<String> paths = conflicts(op, before, now);
      if (paths.isEmpty()) {
        left.add(op);
      } else if (op.patch() != null && now.containsKey(op.id())) {
        @SuppressWarnings("unchecked") // the patches of one element type are of one class
        P narrowed =
            (P)
                Insides.withoutConflicts(
                    type,
                    op.patch(),
                    paths,
                    "[" + op.id() + "].",
                    before.get(op.id()),
                    now.get(op.id()));
        if (narrowed != null) {
          left.add(new ElementOp<>(op.id(), narrowed, null, -1));
        }
      }
    }
    return left.isEmpty() ? null : new ElementEdits<>(type, empty, List.copyOf(left));
  }

  @Override
  public ElementEdits<K, E, P> resolvedBy(
      Collection<E> base, Collection<E> theirs, Collection<E> resolved) {
    Map<K, E> before = Insides.byId(type, base);
    Map<K, E> now = Insides.byId(type, theirs);
    Map<K, E> decided = Insides.byId(type, resolved);
    List<ElementOp<K, E, P>> left = new ArrayList<>();
    for (ElementOp<K, E, P> op : ops) {
      if (conflicts(op, before, now).isEmpty()) {
        left.add(op);
        continue;
      }
      E element = decided.get(op.id());
      if (element != null) { // as the resolver has it, where it has it
        int at = indexOf(resolved, op.id()); // a new element if it comes back
        left.add(new ElementOp<>(op.id(), null, type.syncedCopy(element), at, null, true));
      } else if (now.containsKey(op.id())) {
        left.add(new ElementOp<>(op.id(), null, null, -1)); // the resolver has none: gone
      }
    }
    return left.isEmpty() ? null : new ElementEdits<>(type, empty, List.copyOf(left));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElementEdits<?, ?, ?> that
        && that.type == type
        && ElementOp.same(type, ops, that.ops);
  }

  @Override
  public int hashCode() {
    return ElementOp.hash(ops);
  }

  /** The changes in order, for example {@code [update s2 SubtaskPatch{title=x}, remove s3]}. */
  @Override
  public String toString() {
    return ops.toString();
  }
}
