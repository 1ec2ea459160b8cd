package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Server state becoming an entity's base (rule 7): a state older by version is refused; without a
 * version, a read sent before a write was confirmed keeps that write's fields. The local-only
 * values always stay. Called under the store's lock.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
final class Bases<K, E> {

  private final Core<K, E> core;

  Bases(Core<K, E> core) {
    this.core = core;
  }

  /**
   * Takes {@code server} as the base of {@code j} unless it is older by version (rule 7); the
   * local-only values stay. Does not derive the view. {@code learnedAt} is positive when it is a
   * whole state (not a patch of some fields): a read without a version sent before it arrived
   * cannot replace it.
   *
   * @return whether it was taken
   * @throws BadServerDataException if the entity refuses a value of it; {@code j} is unchanged
   */
  boolean adopt(Journal<K, E> j, E server, long learnedAt) {
    return adopt(j, server, learnedAt, false);
  }

  /**
   * As {@link #adopt(Journal, Object, long)}; {@code onBase}: {@code server} is the base with an
   * answer's values over it, at the base's version, taken even while the base waits for a newer
   * version.
   */
  boolean adopt(Journal<K, E> j, E server, long learnedAt, boolean onBase) {
    if (!onBase && !j.accepts(core.type, server)) {
      return false;
    }
    if (learnedAt > 0) {
      // A whole state arrived now: a read without a version sent before this moment may be older.
      j.readAt = ++core.epoch;
      j.readSent = Math.max(j.readSent, learnedAt);
    }
    E next;
    try {
      next =
          Objects.requireNonNull(
              core.type.merge(core.type.copy(j.state), server), "merge returned null");
    } catch (RuntimeException refused) {
      throw new BadServerDataException(
          core.type.name(),
          j.id,
          null,
          "the entity refused the server's state: " + refused,
          refused);
    }
    j.state = next;
    j.confirmed(true);
    j.baseEpoch = ++core.epoch;
    j.versionStale(false); // its version is known now: the held sends may go
    j.versionNone(false);
    j.awaitingVersion(false);
    return true;
  }

  /**
   * Rule 7 without a version: a read sent at {@code sentAt}, before a write was confirmed, cannot
   * undo that write's fields. Returns {@code server} with those fields taken from the base; as it
   * is when the read has a version ({@code versionless} false), which decides by itself.
   */
  E sinceRead(Journal<K, E> j, E server, long sentAt, boolean versionless) {
    return sinceRead(j, server, sentAt, versionless, Set.of());
  }

  /**
   * As {@link #sinceRead(Journal, Object, long, boolean)}, but {@code own} (the fields a write
   * answered here set itself) are taken from {@code server} whatever was confirmed since.
   */
  E sinceRead(
      Journal<K, E> j, E server, long sentAt, boolean versionless, Set<? extends EntityField> own) {
    if (!versionless || j.confirmedAt == null || !j.confirmed()) {
      return server;
    }
    Set<EntityField> newer = new LinkedHashSet<>();
    List<? extends EntityField> fields = core.type.fields();
    for (int i = 0; i < fields.size(); i++) {
      if (j.confirmedAt[i] > sentAt && !own.contains(fields.get(i))) {
        newer.add(fields.get(i));
      }
    }
    return newer.isEmpty()
        ? server
        : core.type.patch(j.state, newer).applyTo(core.type.copy(server));
  }
}
