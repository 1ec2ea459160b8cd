package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entity's record in a store (rule 1): the base with the current local-only values, the pending
 * layers in the order they were made, and the view derived from them. Pure: no lock, no scheduler,
 * no remote; the store calls it under its lock.
 *
 * <p>{@link #state} is one instance whose synced fields are the base (the last confirmed server
 * state, or the draft while the entity's create is pending) and whose local-only fields are the
 * current local values. With no layer the view is that same instance; it is never handed out.
 */
final class Journal<K, E> {

  K id;

  /**
   * Synced fields: the base (or the draft while unconfirmed); local-only fields: current values.
   */
  E state;

  /** When the base last changed, in the store's epochs. */
  long baseEpoch;

  /** When a local-only value was last edited, in the store's epochs; 0 if never. */
  long localEpoch;

  /**
   * When each synced field was last confirmed by a write (for reads without a version), then the
   * highest sequence of a mutation that confirmed it; {@code null} until a write confirmed one.
   */
  long[] confirmedAt;

  /**
   * When the read or push that last set the base was sent or arrived: a read without a version sent
   * before it never replaces it.
   */
  long readAt;

  /**
   * When the request that brought the base's whole state was sent (a push: when it arrived): the
   * base is at least that new, so an answer to a request sent before it is older.
   */
  long readSent;

  /** Pending layers in the order made; {@code null} when there are none. */
  List<Layer<K, E>> layers;

  /** base ⊕ layers ⊕ local-only values; {@code null} while a delete hides it. */
  E view;

  /**
   * When this journal was made, in the store's epochs (below 2^56: a store that made a billion
   * events a second would take two years to reach it), in the low bits; six flags in the top byte.
   * Packed so that a stored entity costs one long less.
   */
  private long bits;

  private static final long BORN_AT = (1L << 56) - 1;

  /** Its id is a temporary id (its create is pending). */
  private static final long TEMPORARY = 1L << 56;

  /** The synced fields of {@link #state} are server state (false while its create waits). */
  private static final long CONFIRMED = 1L << 57;

  /** A read or push made this journal (not a create of this client). */
  private static final long FROM_SERVER = 1L << 58;

  /** The base's version is older than the server's: an answer confirmed it without a version. */
  private static final long VERSION_STALE = 1L << 59;

  /** The base has no version: a list gave the entity without one ({@link Reply#withoutVersion}). */
  private static final long VERSION_NONE = 1L << 60;

  /** Sends wait for a fetch that learns the version a versionless answer did not give. */
  private static final long AWAITING_VERSION = 1L << 61;

  /** Insertion order in the store (kept by {@link Entities}). */
  Journal<K, E> previous;

  Journal<K, E> next;

  Journal(K id, E state, boolean confirmed) {
    this.id = id;
    this.state = state;
    this.view = state;
    confirmed(confirmed);
  }

  long bornAt() {
    return bits & BORN_AT;
  }

  void bornAt(long epoch) {
    bits = (bits & ~BORN_AT) | (epoch & BORN_AT);
  }

  boolean temporary() {
    return (bits & TEMPORARY) != 0;
  }

  void temporary(boolean on) {
    bits = on ? bits | TEMPORARY : bits & ~TEMPORARY;
  }

  boolean confirmed() {
    return (bits & CONFIRMED) != 0;
  }

  void confirmed(boolean on) {
    bits = on ? bits | CONFIRMED : bits & ~CONFIRMED;
  }

  boolean fromServer() {
    return (bits & FROM_SERVER) != 0;
  }

  void fromServer(boolean on) {
    bits = on ? bits | FROM_SERVER : bits & ~FROM_SERVER;
  }

  boolean versionStale() {
    return (bits & VERSION_STALE) != 0;
  }

  void versionStale(boolean on) {
    bits = on ? bits | VERSION_STALE : bits & ~VERSION_STALE;
  }

  boolean versionNone() {
    return (bits & VERSION_NONE) != 0;
  }

  void versionNone(boolean on) {
    bits = on ? bits | VERSION_NONE : bits & ~VERSION_NONE;
  }

  boolean awaitingVersion() {
    return (bits & AWAITING_VERSION) != 0;
  }

  void awaitingVersion(boolean on) {
    bits = on ? bits | AWAITING_VERSION : bits & ~AWAITING_VERSION;
  }

  boolean hasLayers() {
    return layers != null && !layers.isEmpty();
  }

  List<Layer<K, E>> layers() {
    return layers == null ? List.of() : layers;
  }

  /** Adds a layer whose effect {@code view} already shows (the caller applied it on a copy). */
  void push(Layer<K, E> layer, E newView) {
    if (layers == null) {
      layers = new ArrayList<>(2);
    }
    layers.add(layer);
    view = newView;
  }

  void remove(Layer<K, E> layer) {
    if (layers != null) {
      layers.remove(layer);
    }
  }

  /**
   * Whether {@code server} may replace the base (rule 7): a confirmed base is replaced only by a
   * state that is not older by version; while the base holds confirmed values under the version
   * before them ({@link #versionStale}), only by a newer one; a base without a version ({@link
   * #versionNone}) by any.
   */
  boolean accepts(EntityType<K, E> type, E server) {
    if (!confirmed() || versionNone()) {
      return true;
    }
    int c = type.compareVersions(server, state);
    return (versionStale() && type.hasVersion()) ? c > 0 : c >= 0;
  }

  /**
   * Derives the view again: a copy of the state with every layer applied in order, updaters run
   * again on the new base; hidden while a delete is pending. A layer the entity refuses (its setter
   * or updater throws) is marked {@link Layer#refused} and left out, so one refused change never
   * corrupts the others.
   *
   * @return whether some layer was refused in this derivation
   */
  boolean derive(EntityType<K, E> type) {
    E old = view;
    boolean refused = false;
    if (old != null && type.holdsEntities()) {
      // The view holds the nested objects' local-only values, those of objects a confirmed
      // mutation added too (the server's answer brought them with a new instance's): the state
      // takes them, so that they are there when a layer that hid one goes (a refused remove).
      state = type.withLocalOnly(type.copy(state), old);
    }
    if (!hasLayers()) {
      view = state;
    } else {
      while (true) {
        try {
          view = apply(type);
          break;
        } catch (LayerRefused r) {
          refused = true; // a mutable copy may be half-changed: start again without that layer
        }
      }
    }
    if (old != null && view != null && type.holdsEntities()) {
      // Nested objects a mutation added exist only in the view, and their local-only fields (a
      // subtask's expanded) only there: carry every nested local-only value over, by id.
      view = type.withLocalOnly(view == state ? type.copy(view) : view, old);
    }
    return refused;
  }

  private E apply(EntityType<K, E> type) {
    E v = type.copy(state);
    boolean hidden = false;
    for (Layer<K, E> l : layers) {
      switch (l.kind()) {
        case CREATE -> {} // the draft is the state until the create is confirmed
        case DELETE -> hidden = true;
        case UPDATE -> {
          if (l.refused == null) {
            v = applyUpdate(type, l, v);
          }
        }
      }
    }
    return hidden ? null : v;
  }

  private E applyUpdate(EntityType<K, E> type, Layer<K, E> l, E v) {
    try {
      if (l.updater != null) {
        l.patch = Layers.runUpdater(type, id, l.updater, v, false);
      }
      Patch<E> shown = l.shownPatch(type, v);
      return Objects.requireNonNull(shown.applyTo(v), "applyTo returned null");
    } catch (RuntimeException | Error t) {
      l.refused =
          SyncFailure.userCode(
              Layers.describe(type, id, null)
                  + ": the entity refused mutation #"
                  + l.handle.sequence()
                  + " on the new base: "
                  + t,
              t);
      throw new LayerRefused();
    }
  }

  /**
   * Records that a write, the mutation made {@code sequence}th, confirmed {@code fields} at {@code
   * epoch}: the epochs tell reads without a version what they cannot undo; the sequences tell a
   * create whose copy arrived early which of its own pending edits a later one replaced.
   */
  void confirmedFields(
      EntityType<K, E> type, Set<? extends EntityField> fields, long epoch, long sequence) {
    List<? extends EntityField> all = type.fields();
    if (confirmedAt == null) {
      confirmedAt = new long[2 * all.size()];
    }
    for (EntityField f : fields) {
      int i = all.indexOf(f);
      if (i >= 0) {
        confirmedAt[i] = epoch;
        confirmedAt[all.size() + i] = Math.max(confirmedAt[all.size() + i], sequence);
      }
    }
  }

  /**
   * The fields a write confirmed on this journal that was made after mutation number {@code
   * sequence}.
   */
  Set<EntityField> confirmedAfter(EntityType<K, E> type, long sequence) {
    Set<EntityField> later = new java.util.LinkedHashSet<>();
    List<? extends EntityField> all = type.fields();
    for (int i = 0; confirmedAt != null && i < all.size(); i++) {
      if (confirmedAt[all.size() + i] > sequence) {
        later.add(all.get(i));
      }
    }
    return later;
  }

  /** Thrown inside a derivation to start it again without a refused layer. */
  private static final class LayerRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LayerRefused() {
      super(null, null, false, false);
    }
  }
}
