package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is sent when and what (rules 5, 6, 11): the order of sends per entity, each attempt's write
 * (the same body and idempotency key after an unknown outcome, a new key for a changed body),
 * retries after a backoff, and asking the server when only its state can decide. Called under the
 * store's lock; remote calls and timers run after it.
 */
final class Sends<K, E> {

  private final Core<K, E> core;
  private final EntityType<K, E> type;

  Sends(Core<K, E> core) {
    this.core = core;
    this.type = core.type;
  }

  /**
   * Starts every send the ordering rule allows. Serial (the default): only the oldest pending
   * mutation of an entity is out. Parallel: updates go out together, but never past an unconfirmed
   * create or a delete; an update made with a function, or one that changes inside a field (its
   * body is the field's whole value), waits for everything before it (its value is computed on top
   * of them, so it must not reach the server before they are decided). Without a version the sends
   * are serial whatever the option says: the order in which the server applied two writes, and so
   * what its answers mean, could not be told.
   */
  void pump(Journal<K, E> j) {
    if (!core.parallel || !type.hasVersion()) {
      while (j.hasLayers() && !j.awaitingVersion()) {
        Layer<K, E> head = j.layers.get(0);
        if (head.state() != MutationState.QUEUED) {
          return;
        }
        start(head);
        if (j.hasLayers() && j.layers.get(0) == head) {
          return; // sent; otherwise it settled instead and the next one is the head
        }
      }
      return;
    }
    if (!j.hasLayers()) {
      return;
    }
    int live = 0;
    for (Object o : j.layers.toArray()) {
      @SuppressWarnings("unchecked")
      Layer<K, E> l = (Layer<K, E>) o;
      if (l.state().isSettled()) {
        continue; // settled while an earlier one was started
      }
      if (live > 0
          && (l.kind() != Write.Kind.UPDATE
              || l.updater != null
              || l.afterEarlier
              || l.patch.changesInside())) {
        return;
      }
      if (l.state() == MutationState.QUEUED && !j.awaitingVersion()) {
        start(l);
        if (l.state().isSettled()) {
          continue;
        }
      }
      if (live == 0 && l.kind() != Write.Kind.UPDATE) {
        return; // a create or a delete goes alone
      }
      live++;
    }
  }

  /** Sends a layer, or settles it if there is nothing left to send. */
  void start(Layer<K, E> l) {
    Journal<K, E> j = l.journal;
    if (l.refused != null && !l.unknown) {
      core.settle(l, MutationState.ROLLED_BACK, "the entity refused it", l.refused, Cause.ROLLBACK);
      return;
    }
    Write<K, E> w;
    if (l.unknown && l.superseded != null && !l.superseded.isEmpty()) {
      // A later mutation confirmed some of its fields: resending the old body could overwrite
      // them on a server that does not deduplicate. Only the server's state can tell.
      askServer(l, l.handle.error().orElse(null));
      return;
    }
    if (l.unknown && l.lastWrite != null) {
      // The last body may have been applied: resend exactly it, under its key (rule 6).
      Write<K, E> last = l.lastWrite;
      w =
          new Write<>(
              last.kind(),
              last.id(),
              last.entity(),
              last.patch(),
              last.baseVersion(),
              last.idempotencyKey(),
              l.handle.attempts() + 1);
    } else {
      Patch<E> body = body(l);
      if (body == null) {
        return; // settled: nothing of it is left to send
      }
      if (l.lastWrite != null && !Values.sameBody(core.type, l.lastWrite.patch(), body, j.view)) {
        l.handle.rekey(core.newKey()); // a key belongs to one body
      }
      l.sentBase = j.confirmed() ? j.state : null; // states are replaced, never changed in place
      if (l.firstBase == null) {
        l.firstBase = l.sentBase;
      }
      l.ownConfirmed = null;
      w =
          new Write<>(
              l.kind(),
              wireId(l),
              entity(l, body),
              body,
              j.confirmed() && !j.versionNone() && l.kind() != Write.Kind.CREATE
                  ? type.version(j.state)
                  : null,
              l.handle.idempotencyKey(),
              l.handle.attempts() + 1);
    }
    l.lastWrite = w;
    l.sentEpoch = ++core.epoch;
    if (l.firstSentEpoch == 0) {
      l.firstSentEpoch = l.sentEpoch;
    }
    core.move(l, MutationState.SENDING, "sent", null);
    core.afterLock.stage(new Attempt<>(core, l, w, l.turn));
  }

  /**
   * What a send of {@code l} carries now: an update's fields (without those a later confirmed
   * mutation set), a create's fields, nothing for a delete. {@code null} if {@code l} settled
   * because nothing of it is left.
   */
  private Patch<E> body(Layer<K, E> l) {
    Journal<K, E> j = l.journal;
    switch (l.kind()) {
      case DELETE -> {
        return type.patch(j.state, Set.of());
      }
      case CREATE -> {
        Set<EntityField> sent = new LinkedHashSet<>(type.fields());
        if (type.hasVersion()) {
          sent.remove(type.versionField());
        }
        if (l.temporaryId) {
          sent.remove(type.idField());
        }
        return type.patch(j.state, sent);
      }
      default -> {
        if (core.parallel && j.confirmed()) {
          l.supersede(l.shownByLater(type, j.state)); // never over a later edit the server has
        }
        if (l.superseded == null || l.superseded.isEmpty()) {
          return whole(l.patch, j);
        }
        Set<EntityField> left = new LinkedHashSet<>(l.patch.fields());
        left.removeAll(l.superseded);
        if (left.isEmpty()) {
          core.settle(
              l,
              MutationState.CONFIRMED,
              "superseded by a later mutation the server has",
              null,
              Cause.CONFIRM);
          return null;
        }
        // Never resend a value the user replaced by a later one the server already has.
        l.patch = type.patch(l.patch.applyTo(type.copy(j.state)), left);
        l.updater = null;
        l.superseded = null;
        return l.patch;
      }
    }
  }

  /**
   * What goes on the wire for {@code patch}: itself, or where it changes inside a field (elements
   * by id, a nested object's fields) the whole value that gives on the base this send is made on.
   * Sends of one entity are serial unless versions guard them, so that base holds every earlier
   * mutation that is still in the view, and none that was rolled back.
   */
  private Patch<E> whole(Patch<E> patch, Journal<K, E> j) {
    return patch.changesInside()
        ? type.patch(patch.applyTo(type.copy(j.state)), patch.fields())
        : patch;
  }

  private K wireId(Layer<K, E> l) {
    return l.kind() == Write.Kind.CREATE && l.temporaryId ? null : l.journal.id;
  }

  private E entity(Layer<K, E> l, Patch<E> body) {
    Journal<K, E> j = l.journal;
    return switch (l.kind()) {
      case CREATE ->
          l.temporaryId
              ? type.withId(type.syncedCopy(j.state), type.unsetId())
              : type.syncedCopy(j.state);
      case UPDATE -> body.applyTo(type.syncedCopy(j.state));
      case DELETE -> type.syncedCopy(j.state);
    };
  }

  /**
   * After a failed send: tries again after the backoff while attempts are left; when they run out,
   * rolls back, unless some attempt's outcome is unknown (rule 6): a server that deduplicates by
   * key is then asked by sending the identical request again, as long as it takes (it answers as it
   * answered the first time the write applied); any other server's state is read.
   */
  void retryOrGiveUp(
      Layer<K, E> l, MutationState waiting, SyncFailure error, Optional<Duration> hint) {
    boolean ask =
        l.unknown && core.resendsUnknown(); // the same request asks a deduplicating server
    if (l.handle.attempts() < core.retry.maxAttempts() || ask) {
      Duration delay = core.retry.delay(l.handle.attempts(), hint.orElse(null));
      core.move(l, waiting, "retry in " + delay.toMillis() + " ms", error);
      int turn = l.turn;
      later(
          delay,
          () -> {
            if (l.turn == turn) {
              start(l);
              pump(l.journal);
            }
          });
    } else if (l.unknown) {
      askServer(l, error);
    } else {
      core.answers.rollback(l, error, "gave up after " + l.handle.attempts() + " attempts");
    }
  }

  /**
   * Asks the server to decide a write whose outcome is unknown (rule 6): fetches the entity (or,
   * for a create under a temporary id, the collection) and lets its state say whether the write
   * applied. A server that cannot be asked is asked again after a backoff, for as long as it takes:
   * the store never reports a failure the server may have applied.
   */
  void askServer(Layer<K, E> l, SyncFailure why) {
    l.unknown = true;
    if (why != null && (l.undecided == null || why.kind() != SyncFailure.Kind.TRANSIENT)) {
      l.undecided = why; // a transient failure says less about the write than what came before
    }
    if (l.state() != MutationState.OUTCOME_UNKNOWN) {
      core.move(l, MutationState.OUTCOME_UNKNOWN, "asking the server", why);
    } else {
      l.turn++;
    }
    l.asked++;
    int turn = l.turn;
    long sentAt = ++core.epoch;
    K id = l.journal.id;
    if (l.kind() == Write.Kind.CREATE && l.temporaryId) {
      core.afterLock.stage(
          () ->
              Stages.call(core.remote::list, "list")
                  .whenComplete(
                      (all, failure) ->
                          core.react(
                              () -> {
                                if (l.turn == turn) {
                                  core.decisions.decideCreate(l, all, failure, sentAt);
                                }
                              })));
    } else {
      core.afterLock.stage(
          () ->
              Stages.call(() -> core.remote.fetch(id), "fetch")
                  .whenComplete(
                      (found, failure) ->
                          core.react(
                              () -> {
                                if (l.turn == turn) {
                                  core.decisions.decide(l, found, failure, sentAt);
                                }
                              })));
    }
  }

  /** Asks the server again after the backoff; the question is still open. */
  void askAgain(Layer<K, E> l, SyncFailure failure) {
    Duration delay = core.retry.delay(l.asked, null);
    l.turn++;
    int turn = l.turn;
    core.move(
        l,
        MutationState.OUTCOME_UNKNOWN,
        "the server could not be asked ("
            + failure.getMessage()
            + "); asking again in "
            + delay.toMillis()
            + " ms",
        l.undecided);
    later(
        delay,
        () -> {
          if (l.turn == turn) {
            askServer(l, l.undecided);
          }
        });
  }

  /** Runs {@code work} as a transition of its own after {@code delay}, on the store's scheduler. */
  void later(Duration delay, Runnable work) {
    core.afterLock.stage(() -> core.scheduler.schedule(delay, () -> core.react(work)));
  }
}
