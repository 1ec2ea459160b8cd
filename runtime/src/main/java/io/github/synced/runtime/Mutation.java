package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The read-only handle of one mutation made through a {@link SyncStore}: a create, an update or a
 * delete of one entity. Its optimistic effect is visible in the store from the moment it is made;
 * {@link #state()} says where it is (see {@link MutationState}), {@link #error()} the last failure,
 * and {@link #result()} completes when it settles. Safe to read from any thread; only the store
 * changes it.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class Mutation<K, E> {

  private final Write.Kind kind;
  private final long sequence;

  /** Made on the first call of {@link #result()}; guarded by {@code this}. */
  private Result<E> result;

  /** Whether it has settled, and with what: the store's own instance of the view, or a failure. */
  private boolean settled;

  private E confirmed;
  private EntityType<K, E> type;
  private SyncFailure failure;

  private volatile K id;
  private volatile MutationState state;
  private volatile SyncFailure error;
  private volatile int attempts;
  private volatile String idempotencyKey;

  /** The store's queries, for {@link #invalidates}. */
  private final Queries<K, E> queries;

  /** The queries named by {@link #invalidates}; guarded by {@code this}. */
  private List<Queries.Target<?, E>> targets;

  /** Whether the confirmation's invalidation ran; guarded by {@code this}. */
  private boolean invalidated;

  Mutation(Write.Kind kind, K id, String idempotencyKey, long sequence, Queries<K, E> queries) {
    this.queries = queries;
    this.kind = kind;
    this.id = id;
    this.idempotencyKey = idempotencyKey;
    this.sequence = sequence;
  }

  /** What this mutation does. */
  public Write.Kind kind() {
    return kind;
  }

  /**
   * The id of the entity it changes: for a create, the temporary id until the server assigns the
   * real one, the real one from then on.
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
   * The last failure: why it was rolled back, or why it is being retried or asked about; empty once
   * confirmed and before any failure. Switch on {@link SyncFailure#kind()}.
   */
  public Optional<SyncFailure> error() {
    return Optional.ofNullable(error);
  }

  /**
   * The key sent with its current request body, so a server that deduplicates by key applies it at
   * most once. Every retry of one body carries the same key; a changed body (after a conflict was
   * merged) gets a new key.
   */
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
   * Completes when the mutation settles: with a copy of the entity as the server confirmed it (the
   * confirmed state right after this confirmation, with the local-only values of that moment; other
   * mutations still pending are not in it; {@code null} for a delete), or exceptionally with its
   * {@link SyncFailure} when it is rolled back. Every call returns the same future, which only the
   * store can complete: {@code complete}, {@code cancel}, {@code orTimeout} and the like leave it
   * as it is (for a deadline of your own, use {@code result().copy().orTimeout(...)}).
   */
  public CompletableFuture<E> result() {
    Result<E> r;
    synchronized (this) {
      if (result != null) {
        return result;
      }
      r = result = new Result<>();
      if (!settled) {
        return r; // the store completes it when it settles
      }
    }
    complete(r);
    return r;
  }

  /**
   * Names queries this mutation affects: once it confirms, the queries of {@code type} whose
   * parameters {@code which} accepts are {@linkplain Query#invalidate() invalidated} (read again
   * where subscribed, marked stale elsewhere). Every query named before it confirms is invalidated
   * once, however many names it matches; a mutation rolled back invalidates nothing. Called after
   * it confirmed, invalidates at once.
   *
   * @return this mutation, for chaining
   */
  public <P> Mutation<K, E> invalidates(QueryType<P, E> type, Predicate<? super P> which) {
    Queries.Target<P, E> target = new Queries.Target<>(type, which);
    boolean first = false;
    boolean now = false;
    synchronized (this) {
      if (invalidated) {
        now = true; // the confirmation's invalidation ran already
      } else {
        first = targets == null;
        if (first) {
          targets = new ArrayList<>();
        }
        targets.add(target);
      }
    }
    if (now) {
      queries.invalidate(List.of(target));
    } else if (first) {
      CompletableFuture<Void> unused =
          result()
              .thenRun(
                  () -> {
                    List<Queries.Target<?, E>> named;
                    synchronized (this) {
                      invalidated = true;
                      named = List.copyOf(targets);
                    }
                    queries.invalidate(named);
                  });
    }
    return this;
  }

  /** {@link #invalidates(QueryType, Predicate)} of every query of {@code type}. */
  public Mutation<K, E> invalidates(QueryType<?, E> type) {
    return invalidatesAll(type);
  }

  private <P> Mutation<K, E> invalidatesAll(QueryType<P, E> type) {
    return invalidates(type, p -> true);
  }

  // ---- written by the store under its lock

  @SuppressWarnings("NonAtomicVolatileUpdate") // written under the store's lock only
  void moveTo(MutationState next, SyncFailure failure) {
    if (next == MutationState.SENDING) {
      attempts = attempts + 1;
    }
    if (next == MutationState.CONFIRMED) {
      error = null;
    } else if (failure != null) {
      error = failure;
    }
    state = next;
  }

  void reassign(K newId) {
    id = newId;
  }

  void rekey(String key) {
    idempotencyKey = key;
  }

  /**
   * Settles it as confirmed with {@code view}, the store's own instance, which it never changes
   * again: the copy handed out is made when someone asks, so a mutation whose result nobody reads
   * costs no copy.
   */
  void settle(E view, EntityType<K, E> type) {
    Result<E> r;
    synchronized (this) {
      settled = true;
      confirmed = view;
      this.type = type;
      r = result;
    }
    if (r != null) {
      complete(r); // outside the monitor: the future runs its dependents here
    }
  }

  void fail(SyncFailure failure) {
    Result<E> r;
    synchronized (this) {
      settled = true;
      this.failure = failure;
      r = result;
    }
    if (r != null) {
      complete(r);
    }
  }

  private void complete(Result<E> r) {
    SyncFailure f;
    E view;
    EntityType<K, E> t;
    synchronized (this) {
      f = failure;
      view = confirmed;
      t = type;
    }
    if (f != null) {
      r.fail(f);
    } else {
      r.settle(view == null ? null : t.copy(view));
    }
  }

  @Override
  public String toString() {
    return "Mutation[" + sequence + " " + kind + " " + id + " " + state + "]";
  }

  /** A future only the store completes. */
  private static final class Result<E> extends CompletableFuture<E> {

    void settle(E value) {
      super.complete(value);
    }

    void fail(Throwable failure) {
      super.completeExceptionally(failure);
    }

    @Override
    public boolean complete(E value) {
      return false;
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
      return false;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public void obtrudeValue(E value) {
      throw new UnsupportedOperationException("only the store settles a mutation");
    }

    @Override
    public void obtrudeException(Throwable ex) {
      throw new UnsupportedOperationException("only the store settles a mutation");
    }

    @Override
    public CompletableFuture<E> completeAsync(Supplier<? extends E> supplier, Executor executor) {
      return this;
    }

    @Override
    public CompletableFuture<E> completeAsync(Supplier<? extends E> supplier) {
      return this;
    }
  }
}
