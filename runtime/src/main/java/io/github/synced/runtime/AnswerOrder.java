package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;

/**
 * What an answer says about when its write applied, next to the reads and pushes that came while it
 * was on its way, in the store's epochs. Pure functions of a layer and a journal.
 */
final class AnswerOrder {

  private AnswerOrder() {}

  /**
   * How new an answer's state is for reads without a version: a whole entity is as new as the send
   * it answers; fields only say nothing of the others (0).
   */
  static long learnedAt(Layer<?, ?> l, Reply<?> reply) {
    return reply.entityOrNull() != null ? l.sentEpoch : 0;
  }

  /**
   * The earliest moment the write of {@code l} may have applied: its last send, or after an unknown
   * outcome its first (the answer may replay the first application).
   */
  static long appliedFrom(Layer<?, ?> l) {
    return l.unknown ? l.firstSentEpoch : l.sentEpoch;
  }

  /**
   * Whether {@code other} may be the entity {@code create} made, which a read or push brought under
   * its real id before the create's answer.
   */
  static boolean earlyCopy(Journal<?, ?> other, Layer<?, ?> create) {
    return other.fromServer() && other.bornAt() >= create.firstSentEpoch;
  }

  /**
   * Whether the state that came while {@code l} was on its way has the very version its write was
   * made against: the server had that version when it was read, and a write moves it on, so the
   * read came before the write applied, and the version after it is still to be learned.
   */
  static <K, E> boolean readBefore(EntityType<K, E> type, Journal<K, E> j, Layer<K, E> l) {
    Object against = l.lastWrite == null ? null : l.lastWrite.baseVersion();
    return against != null && against.equals(type.version(j.state));
  }
}
