package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.List;
import java.util.Optional;

/**
 * Rule 6: the server's state decides a write whose outcome is unknown, for a server that does not
 * deduplicate by key (a deduplicating one is asked by sending the same request again). An update
 * whose values the state holds is confirmed; one the state shows untouched since it was sent is
 * rolled back; when others changed the entity meanwhile, the conflict policy decides between its
 * values and theirs. A create under a temporary id is looked for in the collection. Runs under the
 * store's lock.
 */
final class Decisions<K, E> {

  private final Core<K, E> core;
  private final EntityType<K, E> type;

  Decisions(Core<K, E> core) {
    this.core = core;
    this.type = core.type;
  }

  /**
   * Decides a write of unknown outcome by the server's state of its entity (rule 6): applied if the
   * server holds every value it sent (a delete: if the entity is gone).
   */
  void decide(Layer<K, E> l, Optional<E> found, Throwable failure, long sentAt) {
    Journal<K, E> j = l.journal;
    if (failure != null) {
      unanswered(l, SyncFailure.of(Stages.unwrap(failure), "fetch failed"));
      return;
    }
    if (found == null) {
      core.answers.rollback(
          l, SyncFailure.userCode("the remote answered a fetch with null", null), "bug");
      return;
    }
    if (!found.isPresent()) {
      if (l.kind() == Write.Kind.CREATE) {
        core.answers.rollback(l, l.undecided, "the server's state shows it did not apply");
      } else {
        core.answers.deletedOnServer(j, null); // a delete is confirmed, the rest rolled back
      }
      return;
    }
    E server;
    try {
      server =
          core.bases.sinceRead(
              j, Checks.serverState(type, found.get(), j.id), sentAt, !type.hasVersion());
    } catch (BadServerDataException bad) {
      core.answers.rollback(l, bad, "bad server data");
      return;
    }
    if (!type.hasVersion() && sentAt < j.readSent && j.confirmed()) {
      server = j.state; // a newer read or push came meanwhile: it knows more than this answer
    }
    if (j.confirmed() && type.compareVersions(server, j.state) < 0) {
      server = j.state; // a slow answer: the base (from a push meanwhile) is the newer state
    }
    if (l.kind() == Write.Kind.CREATE) {
      core.answers.confirmCreate(l, server, false, "the server's state shows it applied", sentAt);
      return;
    }
    String held = l.kind() == Write.Kind.UPDATE ? holdsItsValues(l, server) : null;
    if (held != null) {
      E before = core.before(j);
      try {
        core.bases.adopt(j, server, sentAt);
      } catch (BadServerDataException bad) {
        core.answers.rollback(l, bad, "bad server data", before);
        return;
      }
      core.answers.confirmUpdate(l, l.lastWrite.patch(), j.state, false, held, before, sentAt);
      return;
    }
    if (untouchedSinceSent(l, server)) {
      E before = core.before(j);
      try {
        core.bases.adopt(j, server, sentAt);
      } catch (BadServerDataException bad) {
        core.answers.rollback(l, bad, "bad server data", before);
        return;
      }
      core.answers.rollback(l, l.undecided, "the server's state shows it did not apply", before);
      return;
    }
    // The server holds other values and someone changed the entity since it was sent: whether it
    // never applied or was written over, the conflict policy decides between its values and
    // theirs (rule 9).
    core.conflicts.merge(
        l,
        SyncFailure.conflict(
            0,
            core.describe(j.id, null) + " changed on the server while its outcome was unknown",
            null),
        server,
        true);
  }

  /**
   * Why {@code l} counts as applied: the server holds every value its last send set, at a version
   * past the one it was sent against (at that same version nothing applied since: the values were
   * there before, an earlier edit's, which one still out may yet write over), but those a later
   * mutation of ours the server has replaced; {@code null} where it does not.
   */
  private String holdsItsValues(Layer<K, E> l, E server) {
    if (type.hasVersion() && l.sentBase != null && type.compareVersions(server, l.sentBase) <= 0) {
      return null;
    }
    Patch<E> sent = l.lastWrite.patch();
    boolean replaced = false;
    for (EntityField f : sent.fields()) {
      // A change inside a field (an element by id) is held where it changes nothing on the
      // server's value; the whole value it was sent as may differ by another writer's elements.
      Patch<E> own =
          l.updater == null && l.patch != null && l.patch.inside(f) != null ? l.patch : sent;
      if (!Values.holds(type, server, own, f)) {
        if (l.superseded == null || !l.superseded.contains(f)) {
          return null;
        }
        replaced = true;
      }
    }
    return replaced
        ? "superseded by a later mutation the server has"
        : "the server's state shows it applied";
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
    if (!type.hasVersion() && l.journal.baseEpoch > l.sentEpoch) {
      return false; // without a version: a push or read since shows someone wrote meanwhile
    }
    if (l.kind() == Write.Kind.DELETE) {
      return type.diff(base, server).isEmpty();
    }
    for (EntityField f : l.lastWrite.patch().fields()) {
      if (!Values.same(type, base, server, f)) {
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
      core.answers.rollback(
          l, l.undecided != null ? l.undecided : why, "the server's state could not be read");
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
  void decideCreate(Layer<K, E> l, List<Reply<E>> all, Throwable failure, long sentAt) {
    if (failure != null) {
      unanswered(l, SyncFailure.of(Stages.unwrap(failure), "list failed"));
      return;
    }
    if (all == null) {
      core.answers.rollback(
          l, SyncFailure.userCode("the remote answered list() with null", null), "bug");
      return;
    }
    Patch<E> sent = l.lastWrite.patch();
    for (Reply<E> r : all) {
      E s;
      try {
        if (r == null || !r.entity().isPresent()) {
          continue;
        }
        s =
            r.versionKnown()
                ? Checks.serverState(type, r.entity().get(), null)
                : Checks.withoutVersion(type, r.entity().get());
      } catch (BadServerDataException | NullPointerException unreadable) {
        continue;
      }
      K id = type.id(s);
      Journal<K, E> known = core.entities.real(id);
      if (known != null && !AnswerOrder.earlyCopy(known, l)) {
        continue; // another entity the store knows
      }
      boolean same = Values.holds(type, s, sent, sent.fields());
      if (same) {
        core.answers.confirmCreate(
            l, s, false, "the server's collection shows it applied", sentAt, !r.versionKnown());
        return;
      }
    }
    if (core.resendsUnknown()) {
      // Not recognised (perhaps changed by someone since). Under RETRY the server deduplicates by
      // key: the identical request answers the first creation if there was one, or creates it now.
      core.sends.start(l);
      return;
    }
    core.answers.rollback(l, l.undecided, "the server's collection shows it did not apply");
  }
}
