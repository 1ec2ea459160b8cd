package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What user code asks for (rule 2): mutations applied at once and then sent, and local-only edits
 * that are never sent. Each checks its input against a copy first, so a change the entity refuses
 * throws to the caller and leaves nothing behind. Called under the store's lock.
 */
final class Edits<K, E> {

  private final Core<K, E> core;
  private final EntityType<K, E> type;

  Edits(Core<K, E> core) {
    this.core = core;
    this.type = core.type;
  }

  Mutation<K, E> update(K id, Patch<E> patch) {
    Journal<K, E> j = visible(id);
    if (patch.fields().contains(type.idField())) {
      throw new IllegalArgumentException(
          core.describe(j.id, type.idField()) + ": a patch cannot change the id");
    }
    if (type.hasVersion() && patch.fields().contains(type.versionField())) {
      throw new IllegalArgumentException(
          core.describe(j.id, type.versionField())
              + ": a patch cannot set the version; the server assigns it, and the store sends the"
              + " one it knows as the precondition");
    }
    if (patch.isEmpty()) {
      throw new IllegalArgumentException(core.describe(j.id, null) + ": the patch sets no field");
    }
    if (patch.changesInside()) {
      for (EntityField f : patch.fields()) {
        Inside<?> inside = patch.inside(f);
        String why = inside == null ? null : Insides.refusal(inside, type.get(j.view, f));
        if (why != null) {
          throw new IllegalArgumentException(core.describe(j.id, f) + ": " + why);
        }
      }
      patch = Insides.bind(type, patch, j.view); // a nested object's change: that object's
    }
    E shown;
    try {
      shown = Objects.requireNonNull(patch.applyTo(type.copy(j.view)), "applyTo returned null");
    } catch (RuntimeException refused) {
      Set<? extends EntityField> fields = patch.fields();
      EntityField one = fields.size() == 1 ? fields.iterator().next() : null;
      throw new IllegalArgumentException(
          core.describe(j.id, one)
              + ": the entity refused the value"
              + (one == null ? "s of " + names(fields) : "")
              + ": "
              + refused.getMessage(),
          refused);
    }
    Layer<K, E> l = new Layer<>(core.newHandle(Write.Kind.UPDATE, j.id), j);
    l.patch = patch;
    return make(j, l, shown, Cause.OPTIMISTIC);
  }

  Mutation<K, E> modify(K id, UnaryOperator<E> updater) {
    Journal<K, E> j = visible(id);
    Patch<E> first = Layers.runUpdater(type, j.id, updater, j.view, true);
    if (first.isEmpty()) {
      throw new IllegalArgumentException(
          core.describe(j.id, null) + ": the updater changes no synced field");
    }
    E shown = Objects.requireNonNull(first.applyTo(type.copy(j.view)), "applyTo returned null");
    Layer<K, E> l = new Layer<>(core.newHandle(Write.Kind.UPDATE, j.id), j);
    l.updater = updater;
    l.patch = first;
    return make(j, l, shown, Cause.OPTIMISTIC);
  }

  Mutation<K, E> create(E draft) {
    K own = type.id(draft);
    boolean hasOwn = !Objects.equals(own, type.unsetId());
    K id;
    if (core.clientIds) {
      if (!hasOwn) {
        throw new IllegalArgumentException(
            core.describe(null, type.idField())
                + ": the draft has no id, and this store's ids are client-assigned; give the"
                + " draft its id");
      }
      id = own;
      Journal<K, E> existing = core.entities.find(id);
      if (existing != null && existing.view == null) {
        throw new IllegalArgumentException(
            core.describe(id, type.idField())
                + ": the id is being deleted; create it again once the delete has settled"
                + " (delete(id).result())");
      }
      if (existing != null) {
        throw new IllegalArgumentException(
            core.describe(id, type.idField()) + ": the id is already in the store");
      }
    } else {
      if (hasOwn) {
        throw new IllegalArgumentException(
            core.describe(own, type.idField())
                + ": the draft has an id, but the server assigns ids; leave the id unset, or"
                + " build the store with clientAssignedIds() if the server keeps ids the client"
                + " makes");
      }
      id = newTemporaryId();
    }
    core.requireRemote();
    E state = type.copy(draft);
    if (!hasOwn) {
      state = Objects.requireNonNull(type.withId(state, id), "withId returned null");
    }
    Journal<K, E> j = new Journal<>(id, state, false);
    j.temporary(!hasOwn);
    j.bornAt(++core.epoch);
    Layer<K, E> l = new Layer<>(core.newHandle(Write.Kind.CREATE, id), j);
    l.temporaryId = !hasOwn;
    core.entities.add(j);
    core.entities.unbury(id); // a deleted id may be created again
    j.view = null; // not visible until the layer is made
    return make(j, l, state, Cause.OPTIMISTIC);
  }

  Mutation<K, E> delete(K id) {
    Journal<K, E> j = visible(id);
    return make(j, new Layer<>(core.newHandle(Write.Kind.DELETE, j.id), j), null, Cause.DELETED);
  }

  /** Local-only edit (never sent, never taken from the server). */
  E local(K id, UnaryOperator<E> edit) {
    Journal<K, E> j = visible(id);
    E edited = Objects.requireNonNull(edit.apply(type.copy(j.view)), "the edit returned null");
    Set<? extends EntityField> changed = type.diff(j.view, edited);
    if (!changed.isEmpty()) {
      throw new IllegalArgumentException(
          core.describe(j.id, changed.iterator().next())
              + ": a local edit may change only @LocalOnly fields; change synced fields with"
              + " update(...)");
    }
    // Local-only from the edit, synced kept; a nested object the view hides (a pending remove)
    // keeps its own local-only values.
    E state = type.withLocalOnly(type.copy(j.state), edited);
    // The view's own nested objects (those a pending mutation added) keep their edits too, in the
    // view and in the mutations that add them. All made before anything is set: a throw from
    // the entity's code leaves the store as it was.
    E view = type.holdsEntities() ? type.copy(edited) : null;
    IdentityHashMap<Layer<K, E>, Patch<E>> carried = new IdentityHashMap<>();
    for (Layer<K, E> l : view == null ? List.<Layer<K, E>>of() : j.layers()) {
      if (l.kind() == Write.Kind.UPDATE && l.patch != null && l.patch.changesInside()) {
        carried.put(l, Insides.withLocalOnlyOf(type, l.patch, edited));
      }
    }
    E before = core.before(j);
    E oldState = j.state;
    E oldView = j.view;
    int layers = j.layers().size();
    IdentityHashMap<Layer<K, E>, Patch<E>> oldPatches = new IdentityHashMap<>();
    carried.keySet().forEach(l -> oldPatches.put(l, l.patch));
    j.state = state;
    if (view != null) {
      j.view = view;
      carried.forEach((l, p) -> l.patch = p);
    }
    E result;
    E heard; // made before anything is announced, so that no copy can fail after it
    try {
      core.derive(j);
      result = type.copy(j.view);
      heard = core.unheard(before) ? null : type.copy(j.view);
    } catch (RuntimeException | Error e) {
      // The entity's code threw while the view was made again (carrying a nested object's
      // local-only values) or copied for the caller: the edit is not taken. A mutation it
      // refused on the way stays refused (it is heard): the view is made again without it.
      j.state = oldState;
      j.view = oldView;
      oldPatches.forEach((l, p) -> l.patch = p);
      try {
        core.derive(j);
      } catch (RuntimeException | Error again) {
        j.view = oldView;
        e.addSuppressed(again);
      }
      if (j.layers().size() < layers) { // a mutation it refused went: listeners hear the rollback
        try {
          core.announce(Cause.ROLLBACK, j, before, null, null);
        } catch (RuntimeException | Error again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    }
    j.localEpoch = ++core.epoch;
    core.announce(Cause.LOCAL_EDIT, j, before, null, null, heard);
    return result;
  }

  private Mutation<K, E> make(Journal<K, E> j, Layer<K, E> l, E shown, Cause cause) {
    E before = core.before(j);
    j.push(l, shown);
    core.move(l, MutationState.QUEUED, "made", null);
    core.announce(cause, j, before, l, null);
    core.sends.pump(j);
    return l.handle;
  }

  private K newTemporaryId() {
    for (int tries = 0; tries < 1_000; tries++) {
      K id = Objects.requireNonNull(core.temporaryIds().get(), "temporary id");
      if (!core.entities.knows(id)) {
        return id;
      }
    }
    throw new IllegalStateException(
        core.describe(null, type.idField()) + ": the temporary id supplier keeps repeating ids");
  }

  private Journal<K, E> visible(K id) {
    Objects.requireNonNull(id, "id");
    Journal<K, E> j = core.entities.find(id);
    if (j == null || j.view == null) {
      throw new NoSuchElementException(core.describe(id, null) + " is not in the store");
    }
    return j;
  }

  private static String names(Set<? extends EntityField> fields) {
    StringBuilder s = new StringBuilder();
    for (EntityField f : fields) {
      s.append(s.length() == 0 ? "'" : ", '").append(f.fieldName()).append('\'');
    }
    return s.toString();
  }
}
