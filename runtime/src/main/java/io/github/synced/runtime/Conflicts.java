package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 9: a write the server refused because the entity changed is merged three-way against the
 * base it was sent with. Fields it did not touch, and fields only our own confirmed mutations
 * moved, merge silently and it is resent; overlapping fields go to the conflict policy. Runs under
 * the store's lock.
 */
final class Conflicts<K, E> {

  private final Core<K, E> core;
  private final EntityType<K, E> type;

  Conflicts(Core<K, E> core) {
    this.core = core;
    this.type = core.type;
  }

  void conflict(Layer<K, E> l, SyncFailure f) {
    if (l.kind() == Write.Kind.CREATE) {
      core.answers.refused(l, f, "conflict on create");
      return;
    }
    if (l.handle.attempts() >= core.retry.maxAttempts()) {
      core.answers.refused(l, f, "still in conflict after " + l.handle.attempts() + " attempts");
      return;
    }
    if (!l.unknown && earlierInFlight(l)) {
      // Sent in parallel with an earlier mutation of ours that the server may have applied but
      // whose answer has not arrived: the change the server refused it for may be ours. Once the
      // earlier ones settle it goes again, on what they leave (a new key: a server may keep the
      // refusal under the old one).
      l.afterEarlier = true;
      l.handle.rekey(core.newKey());
      core.move(
          l, MutationState.QUEUED, "conflict: sent again once the mutations before settle", f);
      core.sends.pump(l.journal);
      return;
    }
    Optional<Object> theirs = f.serverState();
    if (theirs.isPresent()) {
      merge(l, f, theirs.get(), false);
      return;
    }
    int turn = l.turn;
    K id = l.journal.id;
    core.afterLock.stage(
        () ->
            Stages.call(() -> core.remote.fetch(id), "fetch")
                .whenComplete(
                    (found, failure) ->
                        core.react(
                            () -> {
                              if (l.turn != turn || l.state() != MutationState.SENDING) {
                                return;
                              }
                              if (failure != null || found == null) {
                                core.answers.refused(
                                    l,
                                    f,
                                    "conflict, and the fetch failed: "
                                        + (failure == null ? "null" : Stages.unwrap(failure)));
                              } else if (!found.isPresent()) {
                                core.answers.deletedOnServer(l.journal, null);
                              } else {
                                merge(l, f, found.get(), false);
                              }
                            })));
  }

  /** Whether a mutation made before {@code l} on its entity was sent and has not settled. */
  private static boolean earlierInFlight(Layer<?, ?> l) {
    for (Layer<?, ?> other : l.journal.layers()) {
      if (other.handle.sequence() < l.handle.sequence()
          && other.firstSentEpoch != 0
          && !other.state().isSettled()) {
        return true;
      }
    }
    return false;
  }

  /** The three-way merge of rule 9, against the base the mutation was sent with. */
  void merge(Layer<K, E> l, SyncFailure f, Object state, boolean afterUnknown) {
    Journal<K, E> j = l.journal;
    E theirs;
    try {
      theirs = Checks.serverState(type, state, j.id);
    } catch (BadServerDataException bad) {
      core.answers.refused(l, bad, "bad server data");
      return;
    }
    E before = core.before(j);
    E ours = j.state; // the base with our own confirmed writes, before theirs is taken
    try {
      if (!core.bases.adopt(j, theirs, l.sentEpoch)) {
        theirs = j.state; // the conflict's state is older than the base: merge the newer one
      }
    } catch (BadServerDataException bad) {
      core.answers.refused(l, bad, "bad server data");
      return;
    }
    l.unknown = false; // the server's current state is known now and decides below
    if (!afterUnknown
        && l.sentBase != null
        && l.kind() != Write.Kind.DELETE
        && type.diff(l.sentBase, theirs).isEmpty()) {
      // Nothing changed on the server since it was sent: the refusal was about something else (a
      // unique key, say), and sending it again would be refused the same way.
      core.answers.rollback(
          l, f, "conflict: the server's state has not changed since it was sent", before);
      return;
    }
    if (l.kind() == Write.Kind.DELETE) {
      if (core.conflictPolicy.rule() == ConflictPolicy.Rule.SERVER_WINS) {
        core.answers.rollback(l, f, "conflict: the server's state wins", before);
      } else {
        requeue(l, f, before, "conflict: delete sent again");
      }
      return;
    }
    E base = l.sentBase;
    Patch<E> sent = l.lastWrite.patch();
    Set<EntityField> touched = new LinkedHashSet<>(sent.fields());
    if (core.parallel) {
      l.supersede(l.shownByLater(type, j.state));
    }
    if (l.superseded != null) {
      // What a later edit of ours already wrote on the server (sent beside it in parallel, or made
      // on a created entity's early copy) is not this one's to merge or send.
      touched.removeAll(l.superseded);
      if (touched.isEmpty()) {
        core.answers.finish(
            l,
            MutationState.CONFIRMED,
            "superseded by a later mutation the server has",
            null,
            Cause.CONFIRM,
            before);
        return;
      }
    }
    Set<EntityField> overlap = new LinkedHashSet<>(type.diff(base, theirs));
    overlap.retainAll(touched);
    if (l.ownConfirmed != null) {
      for (EntityField own : l.ownConfirmed) {
        if (Values.same(type, theirs, ours, own)) {
          overlap.remove(own); // our own confirmed write moved it, not another writer
        }
      }
    }
    List<String> paths = new ArrayList<>();
    for (EntityField o : List.copyOf(overlap)) {
      Inside<?> inside = l.updater == null && !afterUnknown ? l.patch.inside(o) : null;
      if (inside == null) { // after an unknown outcome any change there may be ours: it overlaps
        paths.add(o.fieldName());
        continue;
      }
      List<String> within = Insides.conflicts(inside, type.get(base, o), type.get(theirs, o));
      if (within.isEmpty()) {
        overlap.remove(o); // their change and ours meet nowhere inside it
      }
      for (String path : within) {
        paths.add(o.fieldName() + path);
      }
    }
    if (afterUnknown && !overlap.isEmpty()) {
      // Another writer changed its fields: it may have applied before them, or never. Sent again
      // it could apply twice (an increment); reported failed it may be a failure the server
      // applied (rule 6). The server's state, which it may be part of, stands: no failure.
      core.answers.finish(
          l,
          MutationState.CONFIRMED,
          "outcome unknown and the entity changed on the server since: its state stands",
          null,
          Cause.CONFIRM,
          before);
      return;
    }
    if (overlap.isEmpty()
        || l.updater != null
        || core.conflictPolicy.rule() == ConflictPolicy.Rule.CLIENT_WINS) {
      // An updater is run again on the new base like on every rebase: its effect is relative.
      requeue(l, f, before, "conflict merged: sent again on the new base");
      return;
    }
    E mine = sent.applyTo(type.copy(base));
    Set<EntityField> keep = new LinkedHashSet<>(touched);
    Map<EntityField, Inside<?>> decided = new LinkedHashMap<>(); // fields that stay relative
    E source = mine;
    if (core.conflictPolicy.rule() == ConflictPolicy.Rule.SERVER_WINS && l.patch.changesInside()) {
      // Drop exactly the overlapping parts: a field set whole, or inside a field the changes to
      // the elements (or an element's fields) they changed too; the rest stays relative.
      Patch<E> left = Insides.withoutConflicts(type, l.patch, paths, "", base, theirs);
      if (left != null) {
        l.patch = left;
        l.updater = null;
        requeue(l, f, before, "conflict merged: sent again on the new base");
        return;
      }
      keep.clear();
    } else if (core.conflictPolicy.rule() == ConflictPolicy.Rule.SERVER_WINS) {
      keep.removeAll(overlap);
    } else {
      E resolved;
      try {
        resolved =
            core.conflictPolicy
                .resolver()
                .resolve(type.copy(base), type.copy(mine), type.copy(theirs), List.copyOf(paths));
      } catch (RuntimeException | Error ex) {
        core.answers.rollback(
            l,
            SyncFailure.userCode(core.describe(j.id, null) + ": the conflict resolver threw", ex),
            "conflict: the resolver failed",
            before);
        return;
      }
      if (resolved == null) {
        core.answers.rollback(
            l,
            SyncFailure.userCode(
                core.describe(j.id, null) + ": the conflict resolver returned null", null),
            "conflict: the resolver returned null",
            before);
        return;
      }
      source = type.patch(resolved, overlap).applyTo(type.copy(mine));
      for (EntityField o : overlap) {
        Inside<?> inside = l.updater == null ? l.patch.inside(o) : null;
        if (inside != null) {
          // The resolver decides where the changes meet; the rest of ours stays relative.
          Inside<?> made =
              Insides.resolvedBy(
                  inside, type.get(base, o), type.get(theirs, o), type.get(resolved, o));
          if (made == null) { // no change relative to theirs says it: the resolver's whole value
            if (Values.same(type, resolved, theirs, o)) {
              keep.remove(o);
            }
          } else if (Values.same(
              type, l.patch.withInside(o, made).applyTo(type.copy(theirs)), theirs, o)) {
            keep.remove(o);
          } else {
            decided.put(o, made);
          }
        } else if (Values.same(type, source, theirs, o)) {
          keep.remove(o);
        }
      }
    }
    if (keep.isEmpty()) {
      boolean alreadyThere = Values.holds(type, theirs, sent, touched);
      if (alreadyThere) {
        core.answers.finish(
            l,
            MutationState.CONFIRMED,
            "conflict: the server already has its values",
            null,
            Cause.CONFIRM,
            before);
      } else {
        SyncFailure lost =
            SyncFailure.conflict(
                f.status(),
                core.describe(j.id, null)
                    + ": "
                    + String.join(", ", paths)
                    + " changed on the server too, and the conflict policy keeps the server's"
                    + " values ("
                    + f.getMessage()
                    + ")",
                theirs);
        core.answers.finish(
            l,
            MutationState.ROLLED_BACK,
            "conflict: the server's values win",
            lost,
            Cause.ROLLBACK,
            before);
      }
      return;
    }
    Set<EntityField> whole = new LinkedHashSet<>(keep);
    for (EntityField k : keep) {
      if (!overlap.contains(k) && l.patch.inside(k) != null) {
        decided.put(k, l.patch.inside(k)); // no overlap inside it: it stays relative
      }
    }
    whole.removeAll(decided.keySet());
    Patch<E> next = type.patch(source, whole);
    for (Map.Entry<EntityField, Inside<?>> k : decided.entrySet()) {
      if (keep.contains(k.getKey())) {
        next = next.withInside(k.getKey(), k.getValue());
      }
    }
    l.patch = next;
    l.updater = null;
    requeue(l, f, before, "conflict merged: sent again on the new base");
  }

  private void requeue(Layer<K, E> l, SyncFailure f, E before, String reason) {
    Journal<K, E> j = l.journal;
    // A new key even for the same body: the old one, if it ever applied, was written over, and a
    // deduplicating server would answer the same key without applying it again.
    l.handle.rekey(core.newKey());
    core.derive(j);
    if (l.state().isSettled()) { // the entity refuses its updater on the new base
      core.announce(Cause.ROLLBACK, j, before, l, l.refused);
      core.sends.pump(j);
      return;
    }
    core.move(l, MutationState.QUEUED, reason, f);
    core.announce(Cause.REBASE, j, before, l, null);
    core.sends.pump(j);
  }
}
