package io.github.synced.runtime;

import java.util.Optional;

/**
 * Reads one entity again where an answer could not tell the whole truth: after a write confirmed
 * without a version (its sends wait for the version meanwhile), and where a read or answer without
 * a version may be older or newer than what the store holds. Runs under the store's lock; the reads
 * go out after it.
 */
final class ReadAgain<K, E> {

  private final Core<K, E> core;

  ReadAgain(Core<K, E> core) {
    this.core = core;
  }

  /**
   * Reads an entity without a version once more after a write of unknown outcome confirmed: a
   * server that deduplicates answers a resend with the answer of the first application, and without
   * a version nothing tells whether what others wrote since is newer. A read sent now is.
   */
  void refresh(Journal<K, E> j, int asked) {
    refresh(j, asked, null);
  }

  /**
   * A base made of a mutation's change over a consistent state the server had ({@code read}), which
   * became the base at {@code epoch}: where no read replaced it by the time the sends waiting for
   * one go on, the base goes back to {@code read}, so that no send carries that state's version
   * over values the server may not have at it.
   */
  record Fallback<E>(E read, long epoch) {}

  /** As {@link #refresh(Journal, int)}, going back to {@code fallback} where no read decides. */
  void refresh(Journal<K, E> j, int asked, Fallback<E> fallback) {
    fetch(j, (sentAt, found, failure) -> refreshed(j, asked, fallback, sentAt, found, failure));
  }

  private void refreshed(
      Journal<K, E> j,
      int asked,
      Fallback<E> fallback,
      long sentAt,
      Optional<E> found,
      Throwable failure) {
    if (core.entities.real(j.id) != j) {
      return;
    }
    if (failure != null || found == null) {
      if (asked < core.retry.maxAttempts()) {
        core.backgroundStarted();
        core.sends.later(
            core.retry.delay(asked, null),
            () -> {
              core.backgroundDone();
              refresh(j, asked + 1, fallback);
            });
        return;
      }
    } else if (!found.isPresent()) {
      core.answers.deletedOnServer(j, null);
      return;
    } else {
      try {
        core.intake.reconcile(found.get(), sentAt, sentAt, j.id);
      } catch (BadServerDataException bad) {
        // keep what the answer said; the next read corrects it
      }
    }
    if (fallback != null && j.baseEpoch == fallback.epoch()) {
      fallBack(j, fallback.read()); // no read replaced the made-up base: the consistent one
    }
    if (j.awaitingVersion() && !j.versionStale()) { // sends held for this read go on now
      j.awaitingVersion(false);
      core.sends.pump(j);
    }
  }

  private void fallBack(Journal<K, E> j, E read) {
    E before = core.before(j);
    j.state = core.type.withLocalOnly(core.type.copy(read), j.state);
    j.baseEpoch = ++core.epoch;
    core.derive(j);
    core.announceServerChange(j, before);
  }

  /**
   * Fetches an entity whose answer gave no new version; its sends wait meanwhile ({@link
   * Journal#awaitingVersion}), so the next one carries the version the server has.
   */
  void askVersion(Journal<K, E> j, int asked) {
    K id = j.id;
    fetch(j, (sentAt, found, failure) -> versionAnswered(j, id, asked, sentAt, found, failure));
  }

  /** What a read of one entity does once its answer is back, under the store's lock. */
  private interface Answered<E> {
    void take(long sentAt, Optional<E> found, Throwable failure);
  }

  /** Reads {@code j}'s entity after the lock, and hands the answer back under it. */
  private void fetch(Journal<K, E> j, Answered<E> then) {
    long sentAt = ++core.epoch;
    K id = j.id;
    core.backgroundStarted();
    core.afterLock.stage(
        () ->
            Stages.call(() -> core.remote.fetch(id), "fetch")
                .whenComplete(
                    (found, failure) ->
                        core.react(
                            () -> {
                              core.backgroundDone();
                              then.take(sentAt, found, failure);
                            })));
  }

  private void versionAnswered(
      Journal<K, E> j, K id, int asked, long sentAt, Optional<E> found, Throwable failure) {
    if (core.entities.real(id) != j || !j.versionStale()) {
      return; // gone, or a later answer or push brought the version meanwhile
    }
    if (failure == null && found != null) {
      j.awaitingVersion(false);
      if (!found.isPresent()) {
        core.answers.deletedOnServer(j, null);
        return;
      }
      try {
        core.intake.reconcile(found.get(), Long.MAX_VALUE, sentAt, id);
      } catch (BadServerDataException bad) {
        j.versionStale(false); // the server cannot tell; the next conflict fetches it again
      }
      core.sends.pump(j);
      return;
    }
    if (asked >= core.retry.maxAttempts()) {
      // Out of tries: the sends go on under the version known (a 412 brings the newer one), and
      // the next read, push or conflict brings it; the store stops asking, so that it can be idle.
      if (j.awaitingVersion()) {
        j.awaitingVersion(false);
        core.sends.pump(j);
      }
      return;
    }
    core.backgroundStarted();
    core.sends.later(
        core.retry.delay(asked, null),
        () -> {
          core.backgroundDone();
          if (core.entities.real(id) == j && j.versionStale()) {
            askVersion(j, asked + 1);
          }
        });
  }
}
