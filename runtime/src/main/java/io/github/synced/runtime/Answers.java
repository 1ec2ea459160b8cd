package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.List;
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

  /** The answer to {@code a}; ignored if stale (its layer moved on since it was sent). */
  void take(Attempt<K, E> a) {
    Layer<K, E> l = a.layer;
    Write<K, E> w = a.write;
    Throwable failure = a.failure;
    if (l.turn != a.turn || l.state() != MutationState.SENDING) {
      return; // an answer to an attempt the store no longer waits for
    }
    if (failure == null) {
      confirm(l, w, a.reply);
      return;
    }
    SyncFailure f =
        SyncFailure.of(Stages.unwrap(failure), w.kind() + " of " + l.journal.id + " failed");
    switch (f.kind()) {
      case TRANSIENT -> core.sends.retryOrGiveUp(l, MutationState.RETRYING, f, f.retryAfter());
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
      case CONFLICT -> core.conflicts.conflict(l, f);
      case NOT_FOUND -> {
        if (l.kind() != Write.Kind.CREATE && l.journal.confirmed()) {
          deletedOnServer(l.journal, f);
        } else {
          refused(l, f, "not found");
        }
      }
      case REJECTED -> refused(l, f, "rejected");
      case USER_CODE -> refused(l, f, "failed in user code");
    }
  }

  /**
   * A refusal: rolled back, unless an earlier attempt may have applied (then the server decides).
   */
  void refused(Layer<K, E> l, SyncFailure f, String reason) {
    boolean fromServer = f.kind() != SyncFailure.Kind.USER_CODE; // a remote that threw sent nothing
    if (l.unknown && (!core.resendsUnknown() || !fromServer)) {
      core.sends.askServer(l, f);
    } else {
      rollback(l, f, reason); // a deduplicating server replays a write it applied: this one did not
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
          confirmCreate(
              l, a.state(), a.versionUnknown(), "confirmed", AnswerOrder.learnedAt(l, reply));
        }
      }
      case UPDATE -> {
        // Sent without a version and answered with fields only: the new version also covers what
        // others wrote since, which the answer does not show.
        boolean othersUnseen =
            type.hasVersion() && w.baseVersion() == null && reply.entityOrNull() == null;
        confirmUpdate(
            l,
            w.patch(),
            a.state(),
            a.versionUnknown(),
            "confirmed",
            null,
            AnswerOrder.learnedAt(l, reply));
        if (othersUnseen && !a.versionUnknown() && core.entities.real(l.journal.id) == l.journal) {
          // Any read replaces the other fields; sends carry no If-Match meanwhile.
          l.journal.versionNone(true);
          core.readAgain.refresh(l.journal, 1);
        }
      }
    }
  }

  private void confirmDelete(Layer<K, E> l, String reason) {
    Journal<K, E> j = l.journal;
    j.remove(l);
    core.move(l, MutationState.CONFIRMED, reason, null);
    deletedOnServer(j, null); // whatever else is pending on it (after a merge) settles too
  }

  void confirmCreate(
      Layer<K, E> l, E server, boolean versionUnknown, String reason, long learnedAt) {
    confirmCreate(l, server, versionUnknown, reason, learnedAt, false);
  }

  /** As above; {@code versionless}: the state came from a list that did not give its version. */
  void confirmCreate(
      Layer<K, E> l,
      E server,
      boolean versionUnknown,
      String reason,
      long learnedAt,
      boolean versionless) {
    Journal<K, E> j = l.journal;
    boolean readAgain = false;
    if (versionUnknown && j.confirmed() && j.baseEpoch > AnswerOrder.appliedFrom(l)) {
      // A client-assigned id: the server's state came while the create was on its way, and the
      // answer does not say whether it is older (as confirmUpdate explains).
      server = j.state;
      versionUnknown = false;
      readAgain = true;
    }
    K real = type.id(server);
    Journal<K, E> other = core.entities.real(real);
    if (other != null && other != j && !AnswerOrder.earlyCopy(other, l)) {
      // Another entity had its id (known before this create was sent, or made by another
      // create): the server gave the id out again, so that one was deleted there.
      deletedOnServer(other, null);
      other = null;
    }
    Long deletedBornAt = core.entities.deletedCopyBornAt(real);
    boolean buried = core.entities.deletedAt(real) != null;
    E before = core.before(j);
    try {
      core.bases.adopt(j, server, learnedAt);
    } catch (BadServerDataException bad) {
      core.sends.askServer(l, bad);
      return;
    }
    j.confirmedFields(type, Set.copyOf(type.fields()), core.epoch, l.handle.sequence());
    j.versionNone(
        j.versionNone()
            || (versionless && type.hasVersion())); // sends carry no If-Match until it is read
    if (!real.equals(j.id)) {
      rekey(j, real, other);
      core.derive(j);
      core.announce(Cause.ID_REASSIGNED, j, before, l, null);
      before = core.before(j);
    }
    j.versionStale(j.versionStale() || versionUnknown);
    j.awaitingVersion(j.awaitingVersion() || versionUnknown); // the next send waits for the version
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
    if (versionUnknown || j.versionStale()) {
      core.readAgain.askVersion(j, 1);
    } else if (readAgain || j.versionNone() || (!type.hasVersion() && l.unknown)) {
      core.readAgain.refresh(
          j, 1); // the answer may replay the first application: only a read now is sure
    }
  }

  void confirmUpdate(
      Layer<K, E> l,
      Patch<E> sent,
      E server,
      boolean versionUnknown,
      String reason,
      E before,
      long learnedAt) {
    Journal<K, E> j = l.journal;
    E shown = before != null ? before : core.before(j);
    boolean readAgain = false;
    E read = null; // the consistent state a made-up base goes back to if no read decides
    // An answer without a version is the base with the answer's values over it: its version is
    // the base's, so it is taken even while the base waits for a newer one (versionStale).
    boolean onBase = versionUnknown && type.compareVersions(server, j.state) == 0;
    if (versionUnknown
        && j.baseEpoch > AnswerOrder.appliedFrom(l)
        && !AnswerOrder.readBefore(type, j, l)) {
      // Another state came while it was on its way, and the answer does not say whether the write
      // applied before or after it. The change stays over it, as the user saw it (rule 3; no
      // flicker back, and an element it added keeps its local-only values): by element where it
      // reached inside (the sent whole value holds others' elements as they were), a field it set
      // whole as the answer gives it. A read sent now, of whatever version, decides; the entity's
      // sends wait for it, so that none goes with the read's version over values the server may
      // not have at that version.
      read = j.state;
      server = type.patch(server, l.setWhole(sent)).applyTo(l.onto(type, j.state));
      onBase = true;
      versionUnknown = false;
      readAgain = true;
    }
    // Without a version, the answer's other fields are as of when it applied: they cannot undo a
    // write confirmed since this one was first sent.
    server = core.bases.sinceRead(j, server, l.firstSentEpoch, !type.hasVersion(), sent.fields());
    try {
      core.bases.adopt(j, server, learnedAt, onBase); // one older than the base is dropped
    } catch (BadServerDataException bad) {
      core.sends.askServer(l, bad);
      return;
    }
    ReadAgain.Fallback<E> fallback =
        read == null ? null : new ReadAgain.Fallback<>(read, j.baseEpoch);
    j.state = Insides.withAddedLocalOnly(type, l.patch, j.state);
    j.confirmedFields(type, sent.fields(), core.epoch, l.handle.sequence());
    List<Layer<K, E>> layers = j.layers();
    if (core.parallel || (!layers.isEmpty() && layers.get(0) != l)) { // serially: none before it
      for (Layer<K, E> other : layers) {
        if (other == l) {
          continue;
        }
        if (other.kind() == Write.Kind.UPDATE && other.handle.sequence() < l.handle.sequence()) {
          // The user set these later: the earlier value is gone. In parallel mode, or serially
          // once a create's early copy, edited meanwhile, joined the create's own entity. Not a
          // field it changed inside (one element): the earlier change of another stands.
          other.supersede(l.setWhole(sent));
        }
        if (core.parallel && other.lastWrite != null) {
          other.ownConfirmed(sent.fields());
        }
      }
    }
    j.versionStale(j.versionStale() || versionUnknown);
    j.awaitingVersion(j.awaitingVersion() || versionUnknown || readAgain); // sends wait for it
    finish(l, MutationState.CONFIRMED, reason, null, Cause.CONFIRM, shown);
    if (versionUnknown) {
      core.readAgain.askVersion(j, 1);
    } else if (readAgain || (!type.hasVersion() && l.unknown)) {
      core.readAgain.refresh(
          j, 1, fallback); // the answer may replay the first application: only a read now is sure
    }
  }

  /** Moves a created entity to its real id, merging a copy the server pushed under it first. */
  private void rekey(Journal<K, E> j, K real, Journal<K, E> pushed) {
    K temp = j.id;
    if (pushed != null && pushed != j) {
      E shown = core.before(pushed);
      for (Layer<K, E> mine : j.layers()) {
        if (mine.kind() == Write.Kind.UPDATE) {
          // An edit made on the copy after this one, and confirmed, replaced these values: as if
          // both were one entity all along, this older one must not be sent over it.
          mine.supersede(pushed.confirmedAfter(type, mine.handle.sequence()));
        }
      }
      if (pushed.confirmed() && (pushed.versionNone() || pushed.versionStale())) {
        // The copy's fields are newer (it was read after this create was sent) but its version is
        // not known: keep them under the create's version, and learn the version.
        E version =
            type.hasVersion() && type.compareVersions(j.state, pushed.state) > 0
                ? type.patch(j.state, Set.of(type.versionField())).applyTo(type.copy(pushed.state))
                : pushed.state; // the higher of the two versions known: the true one is above it
        j.state = type.merge(type.copy(j.state), version);
        j.versionStale(type.hasVersion());
        j.awaitingVersion(type.hasVersion());
        j.confirmedAt = pushed.confirmedAt;
      } else if (pushed.confirmed() && j.accepts(type, pushed.state)) {
        core.bases.adopt(j, pushed.state, pushed.readAt);
        j.confirmedAt = pushed.confirmedAt;
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

  // ---------------------------------------------------------------- roll back

  void rollback(Layer<K, E> l, SyncFailure error, String reason) {
    rollback(l, error, reason, core.before(l.journal));
  }

  void rollback(Layer<K, E> l, SyncFailure error, String reason, E before) {
    Journal<K, E> j = l.journal;
    if (l.kind() != Write.Kind.CREATE || j.confirmed()) {
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
  void finish(
      Layer<K, E> l, MutationState to, String reason, SyncFailure error, Cause cause, E before) {
    Journal<K, E> j = l.journal;
    j.remove(l);
    core.derive(j);
    core.move(l, to, reason, error);
    core.announce(cause, j, before, l, error);
    core.sends.pump(j);
  }
}
