package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The handle of one mutation made through a {@link SyncStore}: a create, an update or a delete of
 * one entity. Its optimistic effect is visible in the store from the moment it is made; its {@link
 * #state()} says where it is (see {@link MutationState} for the transitions), {@link #error()} the
 * last failure, and {@link #result()} completes when it settles.
 *
 * <p>A handle is safe to read from any thread; only the store changes it.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class Mutation<K, E> {

  private final Write.Kind kind;
  private final String idempotencyKey;
  private final long sequence;
  private final CompletableFuture<E> result = new CompletableFuture<>();

  private volatile K id;
  private volatile MutationState state;
  private volatile Throwable error;
  private volatile int attempts;

  // Owned by the store, read and written under its lock only.
  final Entry<K, E> entry;
  Patch<E> patch;
  UnaryOperator<E> updater;
  E draft;
  boolean temporaryId;
  Patch<E> sentPatch;

  /** The base of the latest send: the "base" of a three-way merge. */
  E sentBase;

  /** The base of the first send: no answer may carry an older version. */
  E firstBase;

  /**
   * Fields a later mutation has since confirmed (parallel sends): this one no longer shows its
   * value for them, since the user made the later value last.
   */
  final Set<EntityField> superseded = new HashSet<>();

  Mutation(Write.Kind kind, Entry<K, E> entry, String idempotencyKey, long sequence) {
    this.kind = kind;
    this.entry = entry;
    this.id = entry.id;
    this.idempotencyKey = idempotencyKey;
    this.sequence = sequence;
  }

  /** What this mutation does. */
  public Write.Kind kind() {
    return kind;
  }

  /**
   * The id of the entity it changes: the temporary id of a create until the server assigns the real
   * one, the real one from then on.
   */
  public K id() {
    return id;
  }

  /** The current state. */
  public MutationState state() {
    return state;
  }

  /**
   * Whether it has settled ({@link MutationState#CONFIRMED} or {@link MutationState#ROLLED_BACK}).
   */
  public boolean isSettled() {
    MutationState s = state;
    return s != null && s.isSettled();
  }

  /**
   * The last failure: why it was rolled back, or why it is being retried; empty once confirmed and
   * before any failure.
   */
  public Optional<Throwable> error() {
    return Optional.ofNullable(error);
  }

  /** The key sent with every attempt of this mutation, so the server applies it at most once. */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /** How many times it has been sent so far. */
  public int attempts() {
    return attempts;
  }

  /** The order in which mutations were made in their store, starting at 1. */
  public long sequence() {
    return sequence;
  }

  /**
   * Completes when the mutation settles: with a copy of the entity as the store shows it right
   * after the confirmation ({@code null} for a delete), or exceptionally with {@link #error()} when
   * it is rolled back. Each call returns a new dependent future; completing it does not affect the
   * store.
   */
  public CompletableFuture<E> result() {
    return result.copy();
  }

  /**
   * The synced fields this mutation sets right now: a patch's fields, those an updater changed when
   * last run, every field for a create, none for a delete.
   */
  List<EntityField> fields(EntityType<K, E> type) {
    return switch (kind) {
      case CREATE -> List.copyOf(type.fields());
      case DELETE -> List.of();
      case UPDATE ->
          patch.fields().stream()
              .<EntityField>map(f -> f)
              .filter(f -> !superseded.contains(f))
              .toList();
    };
  }

  /**
   * The one place where the state changes: refuses any move the {@link MutationState} table does
   * not allow. Returns the previous state ({@code null} when the mutation is made).
   */
  MutationState moveTo(MutationState next, Throwable failure) {
    MutationState from = state;
    boolean legal = from == null ? next == MutationState.PENDING : from.canMoveTo(next);
    if (!legal) {
      throw new IllegalStateException(
          "mutation " + sequence + " of '" + id + "' cannot move from " + from + " to " + next);
    }
    if (next == MutationState.SENDING) {
      attempts = attempts() + 1; // written under the store's lock only; volatile for readers
    }
    if (next == MutationState.CONFIRMED) {
      error = null;
    } else if (failure != null) {
      error = failure;
    }
    state = next;
    return from;
  }

  void reassign(K newId) {
    id = newId;
  }

  void complete(E value) {
    result.complete(value);
  }

  void fail(Throwable failure) {
    result.completeExceptionally(failure);
  }

  @Override
  public String toString() {
    return "Mutation[" + sequence + " " + kind + " " + id + " " + state + "]";
  }
}
