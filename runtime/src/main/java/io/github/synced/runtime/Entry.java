package io.github.synced.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The store's record of one entity: the base (last confirmed server state), the pending mutations
 * in the order they were made, the local-only values and the derived view. Guarded by the store's
 * lock.
 */
final class Entry<K, E> {
  K id;

  /** Position in insertion order; never changes, not even on re-key. */
  final long position;

  /** The last confirmed server state; {@code null} while the entity's create is pending. */
  E base;

  /** When {@link #base} last changed, in the store's epoch count. */
  long baseEpoch;

  /** Holds the current local-only values (its synced fields are ignored). */
  E local;

  /** When {@link #local} was last edited, in the store's epoch count; 0 if never. */
  long localEpoch;

  /** base ⊕ pending layers ⊕ local-only values; {@code null} while a delete hides it. */
  E view;

  /** Unsettled mutations in the order they were made. */
  final List<Mutation<K, E>> mutations = new ArrayList<>();

  Entry(K id, long position) {
    this.id = id;
    this.position = position;
  }
}
