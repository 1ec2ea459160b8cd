package io.github.synced.runtime;

import java.math.BigInteger;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Temporary ids for creates whose real id the server assigns, for the common id types, without
 * configuration. Temporary ids never reach the wire ({@link Write}); they are drawn where real ids
 * are not: numbers count up from the type's minimum (servers count up from 1), strings carry a
 * random per-store prefix, UUIDs are random.
 */
final class TemporaryIds {

  private TemporaryIds() {}

  /** A supplier of temporary ids of {@code idType}, or {@code null} for a type it cannot serve. */
  @SuppressWarnings("unchecked")
  static <K> Supplier<K> forType(Class<K> idType) {
    long[] next = {0};
    Supplier<?> ids;
    if (idType == Long.class) {
      ids = () -> Long.MIN_VALUE + next[0]++;
    } else if (idType == Integer.class) {
      ids = () -> (int) (Integer.MIN_VALUE + next[0]++);
    } else if (idType == Short.class) {
      ids = () -> (short) (Short.MIN_VALUE + next[0]++);
    } else if (idType == BigInteger.class) {
      BigInteger floor = BigInteger.ONE.shiftLeft(64).negate();
      ids = () -> floor.add(BigInteger.valueOf(next[0]++));
    } else if (idType == UUID.class) {
      ids = UUID::randomUUID;
    } else if (idType == String.class) {
      String prefix = "tmp-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 28, 36);
      ids = () -> prefix + "-" + ++next[0];
    } else {
      return null;
    }
    return (Supplier<K>) ids;
  }
}
