package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the store knows of one pending mutation: its effect on the view (a patch, an updater, the
 * draft of a create, the hiding of a delete) and where its sends stand. The user sees it through
 * its read-only {@link Mutation} handle. Guarded by the store's lock.
 */
final class Layer<K, E> {

  final Mutation<K, E> handle;

  /**
   * Its neighbours among the store's unsettled mutations, in the order made (see {@link
   * Unsettled}).
   */
  Layer<K, E> older;

  Layer<K, E> newer;

  /** The entity it belongs to; a pushed copy's layers move to their create's journal. */
  Journal<K, E> journal;

  /** Update: the fields it sets now (an updater's patch is made again on every new base). */
  Patch<E> patch;

  /** Update made with a function: run again on every new base while pending. */
  UnaryOperator<E> updater;

  /** Create: whether its id is temporary (the server assigns the real one). */
  boolean temporaryId;

  /** The entity refused this change on a new base (its setter or updater threw). */
  SyncFailure refused;

  /**
   * Changes with every step (send, answer, timer, question): a continuation that finds another turn
   * is stale and does nothing. The identity of an attempt.
   */
  int turn;

  /** The last write sent; a send after an unknown outcome resends exactly it. */
  Write<K, E> lastWrite;

  /** Some attempt's outcome is unknown and no later answer has decided it. */
  boolean unknown;

  /**
   * Sent only once every mutation made before it on the entity has settled: it was refused for a
   * change that may have been one of theirs (parallel sends).
   */
  boolean afterEarlier;

  /** The failure to report if asking the server shows the write did not apply. */
  SyncFailure undecided;

  /** How many times the server has been asked to decide an unknown outcome. */
  int asked;

  /** The base of the latest send (the "base" of a three-way merge); null for a create. */
  E sentBase;

  /** The base of the first send: no answer may carry an older version. */
  E firstBase;

  /** When the latest send started, in the store's epochs. */
  long sentEpoch;

  /** When the first send started, in the store's epochs; 0 before it. */
  long firstSentEpoch;

  /**
   * Parallel sends: fields a later mutation has since confirmed; this one no longer shows or sends
   * them, since the user set the later value last.
   */
  Set<EntityField> superseded;

  /**
   * Parallel sends: fields another mutation of this entity confirmed after this one was sent. A
   * conflict on them is our own doing, not another writer's.
   */
  Set<EntityField> ownConfirmed;

  Layer(Mutation<K, E> handle, Journal<K, E> journal) {
    this.handle = handle;
    this.journal = journal;
  }

  Write.Kind kind() {
    return handle.kind();
  }

  MutationState state() {
    return handle.state();
  }

  /** Whether a send of this layer is on the wire. */
  boolean inFlight() {
    return handle.state() == MutationState.SENDING;
  }

  /** The patch this layer shows on {@code view}: its patch without superseded fields. */
  Patch<E> shownPatch(EntityType<K, E> type, E view) {
    if (superseded == null || superseded.isEmpty()) {
      return patch;
    }
    Set<EntityField> shown = new LinkedHashSet<>(patch.fields());
    shown.removeAll(superseded);
    return type.patch(patch.applyTo(type.copy(view)), shown);
  }

  /**
   * {@code state} with this layer's change over it: an element it adds, removes or changes by id,
   * not the whole value its send carried (which holds the other elements as they were then); a copy
   * of {@code state} where the entity refuses the change.
   */
  E onto(EntityType<K, E> type, E state) {
    try {
      return Objects.requireNonNull(shownPatch(type, state).applyTo(type.copy(state)));
    } catch (RuntimeException refused) {
      return type.copy(state);
    }
  }

  /** The fields of {@code sent}, this layer's last body, that it set whole, not changed inside. */
  Set<EntityField> setWhole(Patch<E> sent) {
    Set<EntityField> whole = new LinkedHashSet<>(sent.fields());
    if (updater == null && patch != null && patch.changesInside()) {
      whole.removeIf(f -> patch.inside(f) != null);
    }
    return whole;
  }

  /** A later mutation confirmed {@code fields}: those this layer also sets are not its any more. */
  void supersede(Set<? extends EntityField> fields) {
    for (EntityField f : fields) {
      if (patch != null && patch.fields().contains(f)) {
        if (superseded == null) {
          superseded = new LinkedHashSet<>();
        }
        superseded.add(f);
      }
    }
  }

  /**
   * The fields of this update that a later mutation of ours, sent and not settled, sets to the
   * value {@code base} (server state) shows: the server already has the later value, which this one
   * must not be written over (parallel sends only: serially nothing later is out). If-Match keeps
   * the rest safe: a later write applied after {@code base} was read changes the version.
   */
  Set<EntityField> shownByLater(EntityType<K, E> type, E base) {
    Set<EntityField> shown = new LinkedHashSet<>();
    if (patch == null || journal.layers == null) {
      return shown;
    }
    for (Layer<K, E> later : journal.layers) {
      if (later.handle.sequence() <= handle.sequence()
          || later.kind() != Write.Kind.UPDATE
          || later.lastWrite == null
          || later.state().isSettled()
          || (later.state() != MutationState.SENDING && !later.unknown)) { // may be applied: on the
        // wire, or of unknown outcome; a queued or retried one is known not to be there yet
        continue;
      }
      Patch<E> sent = later.lastWrite.patch();
      for (EntityField f : patch.fields()) {
        if (patch.inside(f) != null || (later.patch != null && later.patch.inside(f) != null)) {
          continue; // a whole value sent for a change inside says nothing of this one's elements
        }
        if (sent.fields().contains(f)
            && later.sentBase != null
            && !Values.holds(type, later.sentBase, sent, f) // it changes the field
            && Values.holds(type, base, sent, f)) { // and the server shows its value
          shown.add(f);
        }
      }
    }
    return shown;
  }

  void ownConfirmed(Set<? extends EntityField> fields) {
    if (ownConfirmed == null) {
      ownConfirmed = new LinkedHashSet<>();
    }
    ownConfirmed.addAll(fields);
  }

  /** The synced fields this layer sets now: for a spinner. */
  Set<? extends EntityField> fields(EntityType<K, E> type) {
    return switch (kind()) {
      case CREATE -> new LinkedHashSet<>(type.fields());
      case DELETE -> Set.of();
      case UPDATE -> {
        if (superseded == null || superseded.isEmpty()) {
          yield patch.fields();
        }
        Set<EntityField> left = new LinkedHashSet<>(patch.fields());
        left.removeAll(superseded);
        yield left;
      }
    };
  }

  @Override
  public String toString() {
    return handle.toString();
  }
}
