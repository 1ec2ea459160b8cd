package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an answer does (rules 3, 4, 6, 9, 10): confirm into the base, roll back only the failed
 * mutation, retry or ask the server, merge a conflict three-way, follow a create to its real id,
 * and settle what the server's state decides. Runs under the store's lock.
 */
final class Answers<K, E> {

  private final Core<K, E> core;
  private final EntityType<K, E> type;

  Answers(Core<K, E> core) {
    this.core = core;
    this.type = core.type;
  }

  /**
   * An answer to the write {@code w} of {@code l}, sent at {@code turn}; a stale one is ignored.
   */
  void answered(Layer<K, E> l, int turn, Write<K, E> w, Reply<E> reply, Throwable failure) {
    try {
      take(l, turn, w, reply, failure);
    } catch (RuntimeException | Error bug) {
      AfterLock.report(bug); // nothing but a bug gets here: say so instead of losing it in a future
    }
  }

  private void take(Layer<K, E> l, int turn, Write<K, E> w, Reply<E> reply, Throwable failure) {
    core.run(
        () -> {
          if (l.turn != turn || l.state() != MutationState.SENDING) {
            return; // an answer to an attempt the store no longer waits for
          }
          if (failure == null) {
            confirm(l, w, reply);
            return;
          }
          SyncFailure f =
              SyncFailure.of(Core.unwrap(failure), w.kind() + " of " + l.journal.id + " failed");
          switch (f.kind()) {
            case TRANSIENT ->
                core.sends.retryOrGiveUp(l, MutationState.RETRYING, f, f.retryAfter());
            case OUTCOME_UNKNOWN -> {
              l.unknown = true;
              l.undecided = f;
              if (core.resendsUnknown()) {
                core.sends.retryOrGiveUp(l, MutationState.OUTCOME_UNKNOWN, f, Optional.empty());
              } else {
                core.sends.askServer(l, f);
              }
            }
            case BAD_RESPONSE -> core.sends.askServer(l, f); // a 2xx it could not read: applied?
            case CONFLICT -> conflict(l, f);
            case NOT_FOUND -> {
              if (l.kind() != Write.Kind.CREATE && l.journal.confirmed) {
                deletedOnServer(l.journal, f);
              } else {
                refused(l, f, "not found");
              }
            }
            case REJECTED -> refused(l, f, "rejected");
            case USER_CODE -> refused(l, f, "failed in user code");
          }
        });
  }

  /**
   * A refusal: rolled back, unless an earlier attempt may have applied (then the server decides).
   */
  private void refused(Layer<K, E> l, SyncFailure f, String reason) {
    if (l.unknown) {
      core.sends.askServer(l, f);
    } else {
      rollback(l, f, reason);
    }
  }

  // ---------------------------------------------------------------- confirm

  private void confirm(Layer<K, E> l, Write<K, E> w, Reply<E> reply) {
    Checks.Answer<E> a;
    try {
      a = Checks.answer(type, l, w, reply);
    } catch (BadServerDataException bad) {
      core.sends.askServer(l, bad); // the write was probably applied: the server's state decides
      return;
    }
    switch (l.kind()) {
      case DELETE -> confirmDelete(l, "confirmed");
      case CREATE -> {
        if (a.idUnknown()) {
          core.sends.askServer(
              l, core.bad(l.journal.id, type.idField(), "the answer to the create has no id"));
        } else {
          confirmCreate(l, a.state(), a.versionUnknown(), "confirmed");
        }
      }
      case UPDATE -> confirmUpdate(l, w.patch(), a.state(), a.versionUnknown(), "confirmed", null);
    }
  }

  private void confirmDelete(Layer<K, E> l, String reason) {
    Journal<K, E> j = l.journal;
    j.remove(l);
    core.move(l, MutationState.CONFIRMED, reason, null);
    deletedOnServer(j, null); // whatever else is pending on it (after a merge) settles too
  }

  private void confirmCreate(Layer<K, E> l, E server, boolean versionUnknown, String reason) {
    Journal<K, E> j = l.journal;
    K real = type.id(server);
    Journal<K, E> other = core.entities.real(real);
    if (other != null && other != j && !earlyCopy(other, l)) {
      // Another entity had its id (known before this create was sent, or made by another
      // create): the server gave the id out again, so that one was deleted there.
      deletedOnServer(other, null);
      other = null;
    }
    Long deletedBornAt = core.entities.deletedCopyBornAt(real);
    boolean buried = core.entities.deletedAt(real) != null;
    E before = core.before(j);
    try {
      core.adopt(j, server);
    } catch (BadServerDataException bad) {
      core.sends.askServer(l, bad);
      return;
    }
    j.confirmedFields(type, Set.copyOf(type.fields()), core.epoch);
    if (!real.equals(j.id)) {
      rekey(j, real, other);
      core.derive(j);
      core.announce(Cause.ID_REASSIGNED, j, before, l, null);
      before = core.before(j);
    }
    j.versionStale |= versionUnknown;
    j.awaitingVersion |= versionUnknown; // the next send waits for the version
    finish(l, MutationState.CONFIRMED, reason, null, Cause.CONFIRM, before);
    if (deletedBornAt != null && deletedBornAt >= l.firstSentEpoch) {
      // a copy of this very entity, pushed under the real id, was deleted before this answer
      if (core.entities.real(real) == j) {
        deletedOnServer(j, null);
      }
      return;
    }
    if (buried) {
      core.entities.unbury(real); // an old deletion of an id the server gave out again
    }
    if (versionUnknown) {
      askVersion(j, 1);
    }
  }

  /**
   * Whether {@code other} may be the entity {@code create} made, which a read or push brought under
   * its real id before the create's answer.
   */
  private static boolean earlyCopy(Journal<?, ?> other, Layer<?, ?> create) {
    return other.fromServer && other.bornAt >= create.firstSentEpoch;
  }

  private void confirmUpdate(
      Layer<K, E> l, Patch<E> sent, E server, boolean versionUnknown, String reason, E before) {
    Journal<K, E> j = l.journal;
    E shown = before != null ? before : core.before(j);
    try {
      core.adopt(j, server); // an answer older than the base (a newer push came first) is dropped
    } catch (BadServerDataException bad) {
      core.sends.askServer(l, bad);
      return;
    }
    j.confirmedFields(type, sent.fields(), core.epoch);
    if (core.parallel) {
      for (Layer<K, E> other : j.layers()) {
        if (other == l) {
          continue;
        }
        if (other.kind() == Write.Kind.UPDATE && other.handle.sequence() < l.handle.sequence()) {
          other.supersede(sent.fields()); // the user set these later: the earlier value is gone
        }
        if (other.lastWrite != null) {
          other.ownConfirmed(sent.fields());
        }
      }
    }
    j.versionStale |= versionUnknown;
    j.awaitingVersion |= versionUnknown; // the next send waits for the version
    finish(l, MutationState.CONFIRMED, reason, null, Cause.CONFIRM, shown);
    if (versionUnknown) {
      askVersion(j, 1);
    }
  }

  /** Moves a created entity to its real id, merging a copy the server pushed under it first. */
  private void rekey(Journal<K, E> j, K real, Journal<K, E> pushed) {
    K temp = j.id;
    if (pushed != null && pushed != j) {
      E shown = core.before(pushed);
      if (pushed.confirmed && j.accepts(type, pushed.state)) {
        core.adopt(j, pushed.state);
      }
      if (pushed.localEpoch > j.localEpoch) {
        // the later local edit wins, as if both were one entity all along
        j.state = type.merge(type.copy(pushed.state), j.state);
        j.localEpoch = pushed.localEpoch;
      }
      if (pushed.hasLayers()) { // edits made on the pushed copy join the create's entity
        for (Layer<K, E> moved : pushed.layers) {
          moved.journal = j;
          j.push(moved, j.view);
        }
        j.layers.sort(java.util.Comparator.comparingLong(m -> m.handle.sequence()));
        pushed.layers = null;
      }
      core.entities.remove(pushed);
      pushed.view = null;
      core.announce(Cause.DELETED, pushed, shown, null, null);
    }
    core.entities.rekey(j, real);
    for (Layer<K, E> l : j.layers()) {
      l.handle.reassign(real);
    }
    core.listeners.rekey(temp, real);
  }

  /**
   * Fetches an entity whose answer gave no new version; its sends wait meanwhile ({@link
   * Journal#awaitingVersion}), so the next one carries the version the server has.
   */
  private void askVersion(Journal<K, E> j, int asked) {
    long sentAt = ++core.epoch;
    K id = j.id;
    core.afterLock.stage(
        () ->
            Core.call(() -> core.remote.fetch(id), "fetch")
                .whenComplete(
                    (found, failure) ->
                        core.run(() -> versionAnswered(j, id, asked, sentAt, found, failure))));
  }

  private void versionAnswered(
      Journal<K, E> j, K id, int asked, long sentAt, Optional<E> found, Throwable failure) {
    if (core.entities.real(id) != j || !j.versionStale) {
      return; // gone, or a later answer or push brought the version meanwhile
    }
    if (failure == null && found != null) {
      j.awaitingVersion = false;
      if (found.isEmpty()) {
        deletedOnServer(j, null);
        return;
      }
      try {
        core.intake.reconcile(found.get(), Long.MAX_VALUE, sentAt, id);
      } catch (BadServerDataException bad) {
        j.versionStale = false; // the server cannot tell; the next conflict fetches it again
      }
      core.sends.pump(j);
      return;
    }
    if (asked >= core.retry.maxAttempts() && j.awaitingVersion) {
      j.awaitingVersion = false; // the sends go on; the version is still asked for meanwhile
      core.sends.pump(j);
    }
    core.sends.later(
        core.retry.delay(asked, null),
        () -> {
          if (core.entities.real(id) == j && j.versionStale) {
            askVersion(j, asked + 1);
          }
        });
  }

  // ---------------------------------------------------------------- roll back

  void rollback(Layer<K, E> l, SyncFailure error, String reason) {
    rollback(l, error, reason, core.before(l.journal));
  }

  private void rollback(Layer<K, E> l, SyncFailure error, String reason, E before) {
    Journal<K, E> j = l.journal;
    if (l.kind() != Write.Kind.CREATE || j.confirmed) {
      Cause cause = l.kind() == Write.Kind.DELETE ? Cause.RESTORED : Cause.ROLLBACK;
      finish(l, MutationState.ROLLED_BACK, reason, error, cause, before);
      return;
    }
    core.entities.remove(j);
    List<Layer<K, E>> orphans = List.copyOf(j.layers());
    j.layers = null;
    j.view = null;
    core.move(l, MutationState.ROLLED_BACK, reason, error);
    SyncFailure neverCreated =
        notFound(
            core.describe(j.id, null)
                + " was never created: the create failed ("
                + error.getMessage()
                + ")",
            error);
    for (Layer<K, E> o : orphans) {
      if (o != l) {
        core.move(o, MutationState.ROLLED_BACK, "its create failed", neverCreated);
      }
    }
    core.announce(Cause.ROLLBACK, j, before, l, error);
  }

  /**
   * The server says the entity is gone: it leaves the store, its pending deletes are confirmed and
   * its other pending mutations rolled back.
   */
  void deletedOnServer(Journal<K, E> j, SyncFailure cause) {
    E before = core.before(j);
    core.entities.remove(j);
    core.entities.bury(j, ++core.epoch);
    List<Layer<K, E>> open = List.copyOf(j.layers());
    j.layers = null;
    j.view = null;
    SyncFailure gone =
        cause != null && cause.kind() == SyncFailure.Kind.NOT_FOUND
            ? cause
            : notFound(core.describe(j.id, null) + " was deleted on the server", cause);
    for (Layer<K, E> l : open) {
      if (l.kind() == Write.Kind.DELETE) {
        core.move(l, MutationState.CONFIRMED, "deleted on the server", null);
      } else {
        core.move(l, MutationState.ROLLED_BACK, "deleted on the server", gone);
      }
    }
    if (before != null) {
      core.announce(Cause.DELETED, j, before, null, null);
    }
  }

  private static SyncFailure notFound(String message, Throwable cause) {
    return SyncFailure.notFound(0, message, cause);
  }

  /** Removes a settled layer, derives, moves, announces from {@code before}, starts the next. */
  private void finish(
      Layer<K, E> l, MutationState to, String reason, SyncFailure error, Cause cause, E before) {
    Journal<K, E> j = l.journal;
    j.remove(l);
    core.derive(j);
    core.move(l, to, reason, error);
    core.announce(cause, j, before, l, error);
    core.sends.pump(j);
  }

  // ---------------------------------------------------------------- the server decides

  /**
   * Decides a write of unknown outcome by the server's state of its entity (rule 6): applied if the
   * server holds every value it sent (a delete: if the entity is gone).
   */
  void decide(Layer<K, E> l, Optional<E> found, Throwable failure, long sentAt) {
    Journal<K, E> j = l.journal;
    if (failure != null) {
      unanswered(l, SyncFailure.of(Core.unwrap(failure), "fetch failed"));
      return;
    }
    if (found == null) {
      rollback(l, SyncFailure.userCode("the remote answered a fetch with null", null), "bug");
      return;
    }
    if (found.isEmpty()) {
      if (l.kind() == Write.Kind.CREATE) {
        rollback(l, l.undecided, "the server's state shows it did not apply");
      } else {
        deletedOnServer(j, null); // a delete is confirmed, the rest rolled back
      }
      return;
    }
    E server;
    try {
      server =
          core.sinceRead(
              j, Checks.serverState(type, found.get(), j.id), sentAt, !type.hasVersion());
    } catch (BadServerDataException bad) {
      rollback(l, bad, "bad server data");
      return;
    }
    if (!type.hasVersion() && sentAt < j.readAt && j.confirmed) {
      server = j.state; // a newer read or push came meanwhile: it knows more than this answer
    }
    if (j.confirmed && type.compareVersions(server, j.state) < 0) {
      server = j.state; // a slow answer: the base (from a push meanwhile) is the newer state
    }
    if (l.kind() == Write.Kind.CREATE) {
      confirmCreate(l, server, false, "the server's state shows it applied");
      return;
    }
    if (l.kind() == Write.Kind.UPDATE && holdsItsValues(l, server)) {
      E before = core.before(j);
      try {
        core.adopt(j, server);
      } catch (BadServerDataException bad) {
        rollback(l, bad, "bad server data", before);
        return;
      }
      confirmUpdate(
          l, l.lastWrite.patch(), j.state, false, "the server's state shows it applied", before);
      return;
    }
    if (l.kind() == Write.Kind.UPDATE && !showsItDidNotApply(l, server)) {
      // Every field it set holds its value or one written since by someone else: it may have
      // applied first. Rule 6: never report a failure the server may have applied.
      E before = core.before(j);
      try {
        core.adopt(j, server);
      } catch (BadServerDataException bad) {
        rollback(l, bad, "bad server data", before);
        return;
      }
      confirmUpdate(
          l,
          l.lastWrite.patch(),
          j.state,
          false,
          "the server's state may hold it under later changes",
          before);
      return;
    }
    if (untouchedSinceSent(l, server)) {
      E before = core.before(j);
      try {
        core.adopt(j, server);
      } catch (BadServerDataException bad) {
        rollback(l, bad, "bad server data", before);
        return;
      }
      rollback(l, l.undecided, "the server's state shows it did not apply", before);
      return;
    }
    // It did not apply, and someone changed the entity since it was sent: the conflict policy
    // decides between its values and theirs (rule 9).
    merge(
        l,
        SyncFailure.conflict(
            0,
            core.describe(j.id, null) + " changed on the server while its outcome was unknown",
            null),
        server);
  }

  /** Whether the server holds every value the last send of {@code l} set. */
  private boolean holdsItsValues(Layer<K, E> l, E server) {
    Patch<E> sent = l.lastWrite.patch();
    for (EntityField f : sent.fields()) {
      if ((l.superseded == null || !l.superseded.contains(f))
          && !Objects.equals(sent.get(f), type.get(server, f))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether some field the last send of {@code l} set still has the value of the base it was sent
   * against, though the send set another: a write applies all its fields or none, so it did not
   * apply (unless someone set that field back since, which cannot be told apart).
   */
  private boolean showsItDidNotApply(Layer<K, E> l, E server) {
    E base = l.sentBase;
    if (base == null) {
      return false;
    }
    Patch<E> sent = l.lastWrite.patch();
    for (EntityField f : sent.fields()) {
      Object now = type.get(server, f);
      if (Objects.equals(now, type.get(base, f)) && !Objects.equals(now, sent.get(f))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the server's state equals the base the last send of {@code l} was made against, in its
   * version and in every field the send set: the write did not apply and nobody else wrote there.
   */
  private boolean untouchedSinceSent(Layer<K, E> l, E server) {
    E base = l.sentBase;
    if (base == null || (type.hasVersion() && type.compareVersions(server, base) != 0)) {
      return false;
    }
    if (l.kind() == Write.Kind.DELETE) {
      return type.diff(base, server).isEmpty();
    }
    for (EntityField f : l.lastWrite.patch().fields()) {
      if (!Objects.equals(type.get(base, f), type.get(server, f))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The question could not be answered. A server that cannot be reached is asked again, for as long
   * as it takes; an answer that cannot be read (or a remote that throws) will not get better, so
   * the mutation is rolled back with the failure that made the question necessary.
   */
  private void unanswered(Layer<K, E> l, SyncFailure why) {
    if (why.kind() == SyncFailure.Kind.BAD_RESPONSE || why.kind() == SyncFailure.Kind.USER_CODE) {
      rollback(l, l.undecided != null ? l.undecided : why, "the server's state could not be read");
    } else {
      core.sends.askAgain(l, why);
    }
  }

  /**
   * Decides a create of unknown outcome under a temporary id by the server's collection: an entity
   * the store does not know whose fields equal every field the create sent is the one it made. If
   * there is none, under {@link RetryPolicy.UnknownOutcome#RETRY} (a server that deduplicates by
   * key) the identical request is sent again; otherwise the create did not apply.
   */
  void decideCreate(Layer<K, E> l, List<E> all, Throwable failure) {
    if (failure != null) {
      unanswered(l, SyncFailure.of(Core.unwrap(failure), "fetchAll failed"));
      return;
    }
    if (all == null) {
      rollback(l, SyncFailure.userCode("the remote answered fetchAll with null", null), "bug");
      return;
    }
    Patch<E> sent = l.lastWrite.patch();
    for (Object o : all) {
      E s;
      try {
        s = Checks.serverState(type, o, null);
      } catch (BadServerDataException | NullPointerException unreadable) {
        continue;
      }
      K id = type.id(s);
      Journal<K, E> known = core.entities.real(id);
      Long deletedBornAt = core.entities.deletedCopyBornAt(id);
      if ((known != null && !earlyCopy(known, l))
          || (deletedBornAt != null && deletedBornAt >= l.firstSentEpoch)) {
        continue;
      }
      boolean same = true;
      for (EntityField f : sent.fields()) {
        same &= Objects.equals(sent.get(f), type.get(s, f));
      }
      if (same) {
        confirmCreate(l, s, false, "the server's collection shows it applied");
        return;
      }
    }
    if (core.resendsUnknown()) {
      // Not recognised (perhaps changed by someone since). Under RETRY the server deduplicates by
      // key: the identical request answers the first creation if there was one, or creates it now.
      core.sends.start(l);
      return;
    }
    rollback(l, l.undecided, "the server's collection shows it did not apply");
  }

  // ---------------------------------------------------------------- conflicts

  private void conflict(Layer<K, E> l, SyncFailure f) {
    if (l.kind() == Write.Kind.CREATE) {
      refused(l, f, "conflict on create");
      return;
    }
    if (l.handle.attempts() >= core.retry.maxAttempts()) {
      refused(l, f, "still in conflict after " + l.handle.attempts() + " attempts");
      return;
    }
    Optional<Object> theirs = f.serverState();
    if (theirs.isPresent()) {
      merge(l, f, theirs.get());
      return;
    }
    int turn = l.turn;
    K id = l.journal.id;
    core.afterLock.stage(
        () ->
            Core.call(() -> core.remote.fetch(id), "fetch")
                .whenComplete(
                    (found, failure) ->
                        core.run(
                            () -> {
                              if (l.turn != turn || l.state() != MutationState.SENDING) {
                                return;
                              }
                              if (failure != null || found == null) {
                                refused(
                                    l,
                                    f,
                                    "conflict, and the fetch failed: "
                                        + (failure == null ? "null" : Core.unwrap(failure)));
                              } else if (found.isEmpty()) {
                                deletedOnServer(l.journal, null);
                              } else {
                                merge(l, f, found.get());
                              }
                            })));
  }

  /** The three-way merge of rule 9, against the base the mutation was sent with. */
  private void merge(Layer<K, E> l, SyncFailure f, Object state) {
    Journal<K, E> j = l.journal;
    E theirs;
    try {
      theirs = Checks.serverState(type, state, j.id);
    } catch (BadServerDataException bad) {
      refused(l, bad, "bad server data");
      return;
    }
    E before = core.before(j);
    E ours = j.state; // the base with our own confirmed writes, before theirs is taken
    try {
      if (!core.adopt(j, theirs)) {
        theirs = j.state; // the conflict's state is older than the base: merge the newer one
      }
    } catch (BadServerDataException bad) {
      refused(l, bad, "bad server data");
      return;
    }
    l.unknown = false; // the server's current state is known now and decides below
    if (l.kind() == Write.Kind.DELETE) {
      if (core.conflicts.rule() == ConflictPolicy.Rule.SERVER_WINS) {
        rollback(l, f, "conflict: the server's state wins", before);
      } else {
        requeue(l, f, before, "conflict: delete sent again");
      }
      return;
    }
    E base = l.sentBase;
    Patch<E> sent = l.lastWrite.patch();
    Set<EntityField> touched = new LinkedHashSet<>(sent.fields());
    Set<EntityField> overlap = new LinkedHashSet<>(type.diff(base, theirs));
    overlap.retainAll(touched);
    if (l.ownConfirmed != null) {
      for (EntityField own : l.ownConfirmed) {
        if (Objects.equals(type.get(theirs, own), type.get(ours, own))) {
          overlap.remove(own); // our own confirmed write moved it, not another writer
        }
      }
    }
    if (overlap.isEmpty()
        || l.updater != null
        || core.conflicts.rule() == ConflictPolicy.Rule.CLIENT_WINS) {
      // An updater is run again on the new base like on every rebase: its effect is relative.
      requeue(l, f, before, "conflict merged: sent again on the new base");
      return;
    }
    E mine = sent.applyTo(type.copy(base));
    Set<EntityField> keep = new LinkedHashSet<>(touched);
    E source = mine;
    if (core.conflicts.rule() == ConflictPolicy.Rule.SERVER_WINS) {
      keep.removeAll(overlap);
    } else {
      E resolved;
      try {
        resolved =
            core.conflicts.resolver().resolve(type.copy(base), type.copy(mine), type.copy(theirs));
      } catch (RuntimeException | Error ex) {
        rollback(
            l,
            SyncFailure.userCode(core.describe(j.id, null) + ": the conflict resolver threw", ex),
            "conflict: the resolver failed",
            before);
        return;
      }
      if (resolved == null) {
        rollback(
            l,
            SyncFailure.userCode(
                core.describe(j.id, null) + ": the conflict resolver returned null", null),
            "conflict: the resolver returned null",
            before);
        return;
      }
      source = type.patch(resolved, overlap).applyTo(type.copy(mine));
      for (EntityField o : overlap) {
        if (Objects.equals(type.get(resolved, o), type.get(theirs, o))) {
          keep.remove(o);
        }
      }
    }
    if (keep.isEmpty()) {
      boolean alreadyThere = true;
      for (EntityField t : touched) {
        alreadyThere &= Objects.equals(sent.get(t), type.get(theirs, t));
      }
      if (alreadyThere) {
        finish(
            l,
            MutationState.CONFIRMED,
            "conflict: the server already has its values",
            null,
            Cause.CONFIRM,
            before);
      } else {
        finish(
            l,
            MutationState.ROLLED_BACK,
            "conflict: the server's values win",
            f,
            Cause.ROLLBACK,
            before);
      }
      return;
    }
    l.patch = type.patch(source, keep);
    l.updater = null;
    requeue(l, f, before, "conflict merged: sent again on the new base");
  }

  private void requeue(Layer<K, E> l, SyncFailure f, E before, String reason) {
    Journal<K, E> j = l.journal;
    core.derive(j);
    core.move(l, MutationState.QUEUED, reason, f);
    core.announce(Cause.REBASE, j, before, l, null);
    core.sends.pump(j);
  }
}
