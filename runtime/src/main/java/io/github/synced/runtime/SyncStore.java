package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A client's view of one server-owned entity collection that stays consistent while mutations are
 * in flight.
 *
 * <p><b>Derived view.</b> Per entity the store keeps the base (the last confirmed server state,
 * with its version), the pending mutations in the order they were made, and the local-only values.
 * What {@link #get} and {@link #all} return is always base ⊕ pending mutations in order ⊕ the
 * current local-only values; removing one mutation replays the others. Everything handed out is a
 * copy the caller owns.
 *
 * <p><b>One reconcile path.</b> Server state from {@link #load}, {@link #receive}, {@link #refetch}
 * and mutation answers goes through the same steps: a state older than the base is ignored (by
 * version; without a version, a read sent before a write was confirmed cannot undo that write's
 * fields); otherwise it becomes the base, pending mutations are re-applied on top, local-only
 * values are kept.
 *
 * <p><b>Mutations.</b> {@link #update}, {@link #modify}, {@link #create} and {@link #delete} apply
 * their effect at once, announce it, and then send through the {@link Remote} (per entity one at a
 * time in the order made, unless {@link Builder#sendInParallel() parallel sends} are on). Answers
 * confirm, retry, roll back only the failed mutation, ask the server when an outcome is unknown, or
 * merge a conflict three-way; see {@link MutationState}. Failures are {@link SyncFailure}s.
 *
 * <p><b>Threads.</b> Every method is safe from any thread. Transitions run under one lock; remote
 * calls, timers, result futures and listener deliveries run after it is released, in the order the
 * transitions happened. Listeners run on the {@linkplain Builder#notifyOn executor} and may call
 * back into the store. Functions the store runs while it holds its lock (updaters, local edits,
 * conflict resolvers, comparators, id suppliers) must not call the store. Whatever user code throws
 * settles the mutation it concerns and leaves the store working.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class SyncStore<K, E> {

  private final Core<K, E> core;
  private final Views<K, E> views;

  private SyncStore(Builder<K, E> b) {
    this.core = new Core<>(b);
    this.views = new Views<>(core);
  }

  /** Starts building a store for the entity type {@code type} (a generated {@code XSync.TYPE}). */
  public static <K, E> Builder<K, E> of(EntityType<K, E> type) {
    return new Builder<>(type);
  }

  /** The entity type this store holds. */
  public EntityType<K, E> type() {
    return core.type;
  }

  /** The clock and timer this store runs on: the times of its transitions and its retries. */
  public Scheduler scheduler() {
    return core.scheduler;
  }

  // ---------------------------------------------------------------- reads

  /**
   * A copy of the entity as the store shows it; empty if it is unknown or hidden by a pending
   * delete. A temporary id still finds an entity after the server assigned its real one.
   */
  public Optional<E> get(K id) {
    return views.get(id);
  }

  /**
   * Copies of every visible entity, in insertion order (a deleted entity that comes back keeps its
   * place, a created one keeps its place when it gets its real id) or in the order of the
   * {@linkplain Builder#order comparator}.
   */
  public List<E> all() {
    return views.all();
  }

  /**
   * A live list of the visible entities that match {@code filter}, in {@code order}, ties in
   * insertion order; kept up to date from the store's changes at O(log n + n) a change, with
   * subscribers told on the notify executor; see {@link LiveView}. Close it when done.
   */
  public LiveView<K, E> view(Predicate<? super E> filter, Comparator<? super E> order) {
    return LiveView.open(core, filter, Objects.requireNonNull(order, "order"));
  }

  /**
   * The query of {@code type} with {@code params}: one per type and equal parameters, made on the
   * first call and kept until closed. It reads nothing until subscribed or asked; see {@link
   * Query}.
   */
  public <P> Query<P, K, E> query(QueryType<P, E> type, P params) {
    return core.queries.get(Objects.requireNonNull(type, "type"), params);
  }

  /**
   * {@linkplain Query#invalidate() Invalidates} the queries of {@code type} whose parameters {@code
   * which} accepts: those with subscribers are read again, the others marked stale.
   */
  public <P> void invalidate(QueryType<P, E> type, Predicate<? super P> which) {
    core.queries.invalidate(
        Objects.requireNonNull(type, "type"), Objects.requireNonNull(which, "which"));
  }

  /** {@link #view(Predicate, Comparator)} in the order of {@link #all()}. */
  public LiveView<K, E> view(Predicate<? super E> filter) {
    return LiveView.open(core, filter, core.order);
  }

  /** The unsettled mutations of one entity, in the order they were made. */
  public List<Mutation<K, E>> pending(K id) {
    return views.pending(id);
  }

  /** Every unsettled mutation in the store, in the order they were made. */
  public List<Mutation<K, E>> pending() {
    return views.pending();
  }

  /**
   * Which synced fields of an entity are pending and from which mutations (oldest first), in field
   * declaration order: the data behind a field-level spinner. Empty when nothing is pending; a new
   * map the caller owns.
   */
  public Map<EntityField, List<Mutation<K, E>>> pendingFields(K id) {
    return views.pendingFields(id);
  }

  /**
   * Completes when the store is idle: no mutation is pending and no read the store started on its
   * own (to learn a version an answer did not give, to check an answer) is outstanding. Then, once
   * nothing else arrives, what the store shows is what the server said last: a "saved" indicator,
   * or a test's point to compare. Completes at once if it is idle now.
   */
  public CompletableFuture<Void> idle() {
    return core.read(core::idle);
  }

  // ---------------------------------------------------------------- server state in

  /**
   * Takes server states (an initial load, a page of results), each as {@link #receive} does. All
   * are checked first; if one is bad nothing changes.
   *
   * @throws BadServerDataException if a state has the wrong type, no id, no version, or a value the
   *     entity refuses
   */
  public void load(Collection<? extends E> serverStates) {
    List<E> states = new ArrayList<>(serverStates);
    core.run(() -> core.intake.load(states));
  }

  /**
   * Takes one server state (a push, a poll): ignored if older than the base (by version; without a
   * version, arrival order decides), otherwise it becomes the base and pending mutations are
   * re-applied on top; local-only values stay. An unknown id adds the entity with local-only values
   * as a new instance has them, unless the server deleted it (a late push never revives a deleted
   * entity; a later refetch may).
   *
   * @return whether the state was taken (false if it was older than the base or deleted)
   * @throws BadServerDataException if the state has the wrong type, no id, no version, or a value
   *     the entity refuses; the store is then unchanged
   */
  public boolean receive(E serverState) {
    return core.op(() -> core.intake.receive(serverState));
  }

  /**
   * The server says the entity is gone (deleted by someone else): it leaves the store; its pending
   * deletes are confirmed and its other pending mutations rolled back with a {@link
   * SyncFailure.Kind#NOT_FOUND} failure. Ignored for an entity the server never confirmed.
   */
  public void receiveDeleted(K id) {
    core.run(() -> core.intake.receiveDeleted(id));
  }

  /**
   * Reads the whole collection through the remote and takes it as {@link #load} does; known
   * entities the server no longer lists (and whose base did not change since the read was sent) are
   * removed as {@link #receiveDeleted} does. Completes when the store has taken the answer, or
   * exceptionally with a {@link SyncFailure}.
   */
  public CompletableFuture<Void> refetch() {
    return core.intake.refetch();
  }

  /**
   * Reads one entity through the remote and takes it as {@link #receive} does; if the server no
   * longer has it, as {@link #receiveDeleted}. Completes when the store has taken the answer, or
   * exceptionally with a {@link SyncFailure}.
   */
  public CompletableFuture<Void> refetch(K id) {
    Objects.requireNonNull(id, "id");
    return core.intake.refetch(id);
  }

  // ---------------------------------------------------------------- local-only edits

  /**
   * Changes local-only values of an entity at once, for mutable classes: {@code edit} gets a copy
   * and changes it. Never sent, never overwritten by the server.
   *
   * @return a copy of the entity after the edit
   * @throws IllegalArgumentException if the edit changed a synced field (named in the message); the
   *     store is then unchanged
   * @throws NoSuchElementException if the entity is not visible in the store
   */
  public E local(K id, Consumer<? super E> edit) {
    Objects.requireNonNull(edit, "edit");
    return localWith(id, inPlace(edit));
  }

  /**
   * Changes local-only values of an entity at once, for records and other immutable types: {@code
   * edit} gets a copy and returns the edited state. As {@link #local(Object, Consumer)} otherwise.
   */
  public E localWith(K id, UnaryOperator<E> edit) {
    Objects.requireNonNull(edit, "edit");
    return core.op(() -> core.edits.local(id, edit));
  }

  // ---------------------------------------------------------------- mutations

  /**
   * Sets the fields of {@code patch} on an entity: applied at once, then sent.
   *
   * @throws IllegalArgumentException if the patch is empty, sets the id or sets the version
   * @throws NoSuchElementException if the entity is not visible in the store
   * @throws IllegalArgumentException also when the entity refuses a value (naming the entity, the
   *     id and the field; the entity's exception is the cause); nothing is left behind
   */
  public Mutation<K, E> update(K id, Patch<E> patch) {
    Objects.requireNonNull(patch, "patch");
    return core.op(() -> core.edits.update(id, patch));
  }

  /**
   * Changes an entity with a function, for mutable classes: {@code edit} gets a copy and changes
   * it. As {@link #modifyWith}.
   */
  public Mutation<K, E> modify(K id, Consumer<? super E> edit) {
    Objects.requireNonNull(edit, "edit");
    return modifyWith(id, inPlace(edit));
  }

  /**
   * Changes an entity with a function that gets a copy and returns the new state (records, or
   * effects like "increment"). It is run again on top of every new base while the mutation is
   * pending; what is sent is the synced fields it changed, with their values, when last run. With
   * {@linkplain Builder#sendInParallel parallel sends} it waits for the mutations made before it,
   * since its value is computed on top of them.
   *
   * @throws IllegalArgumentException if the function changes the id or no synced field
   * @throws NoSuchElementException if the entity is not visible in the store
   */
  public Mutation<K, E> modifyWith(K id, UnaryOperator<E> updater) {
    Objects.requireNonNull(updater, "updater");
    return core.op(() -> core.edits.modify(id, updater));
  }

  /**
   * Creates an entity: it appears at once, under a temporary id when the server assigns ids (the
   * default) or under its own id when the store was built with {@link Builder#clientAssignedIds()}.
   * A temporary id never reaches the server; when the server answers with the real id the store
   * re-keys the entity ({@link Change.Cause#ID_REASSIGNED}), and mutations made meanwhile are sent
   * against the real id. If the create fails the entity leaves the store and the mutations made on
   * it meanwhile are rolled back.
   *
   * @throws IllegalArgumentException if the draft has an id but the server assigns ids, has none
   *     but ids are client-assigned, or its id is already in the store
   */
  public Mutation<K, E> create(E draft) {
    Objects.requireNonNull(draft, "draft");
    return core.op(() -> core.edits.create(draft));
  }

  /**
   * Deletes an entity: hidden at once, then sent; if the delete fails it comes back where it was
   * ({@link Change.Cause#RESTORED}).
   *
   * @throws NoSuchElementException if the entity is not visible in the store
   */
  public Mutation<K, E> delete(K id) {
    return core.op(() -> core.edits.delete(id));
  }

  // ---------------------------------------------------------------- listeners

  /** Hears every change of every entity, in order, on the store's executor. */
  public Subscription subscribe(Consumer<? super Change<K, E>> listener) {
    return core.listeners.onChange(listener);
  }

  /**
   * Hears every change of one entity, in order, on the store's executor; follows the entity when
   * the server assigns its real id.
   */
  public Subscription subscribe(K id, Consumer<? super Change<K, E>> listener) {
    return views.subscribe(id, listener);
  }

  /**
   * Hears every transition of every mutation (an event log), in order with the changes, on the
   * store's executor.
   */
  public Subscription onTransition(Consumer<? super Transition<K, E>> listener) {
    return core.listeners.onTransition(listener);
  }

  // ---------------------------------------------------------------- internals

  /** How many ids have entity subscriptions now (for tests). */
  int subscribedIds() {
    return core.read(core.listeners::subscribedIds);
  }

  /** How many temporary and deleted ids the store remembers now (for tests). */
  int remembered() {
    return core.read(core.entities::remembered);
  }

  private static <E> UnaryOperator<E> inPlace(Consumer<? super E> edit) {
    return x -> {
      edit.accept(x);
      return x;
    };
  }

  // ================================================================ builder

  /**
   * Configures a {@link SyncStore}. Only the entity type is required; a store without a remote
   * holds server state and local edits but refuses mutations and refetches.
   *
   * @param <K> the id type
   * @param <E> the entity type
   */
  public static final class Builder<K, E> {
    final EntityType<K, E> type;
    Remote<K, E> remote;
    Executor notifier;
    Scheduler scheduler = Scheduler.system();
    RetryPolicy retry = RetryPolicy.defaults();
    ConflictPolicy<E> conflicts = ConflictPolicy.serverWins();
    boolean parallel;
    boolean clientIds;
    Comparator<? super E> order;
    Supplier<K> tempIds;
    Supplier<String> keys;

    private Builder(EntityType<K, E> type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** The server API that mutations and refetches go through. */
    public Builder<K, E> remote(Remote<K, E> remote) {
      this.remote = Objects.requireNonNull(remote, "remote");
      return this;
    }

    /**
     * Where listeners run; it must run tasks one at a time in the order given (a UI thread such as
     * {@code SwingUtilities::invokeLater} or {@code Platform::runLater}, a single-thread executor).
     * Default: a thread of this store's own, so a slow listener never holds up sends or another
     * store. {@code Runnable::run} delivers on the thread that made the change, after the store
     * released its lock (useful in tests); such a listener must not block waiting for the store's
     * later work, such as a {@link Mutation#result()}.
     */
    public Builder<K, E> notifyOn(Executor executor) {
      this.notifier = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The clock and timer; default {@link Scheduler#system()}. */
    public Builder<K, E> scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** How to retry; default {@link RetryPolicy#defaults()}. */
    public Builder<K, E> retry(RetryPolicy policy) {
      this.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How to settle overlapping fields of a conflict; default {@link ConflictPolicy#serverWins()}.
     */
    public Builder<K, E> conflicts(ConflictPolicy<E> policy) {
      this.conflicts = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sends an entity's updates without waiting for the ones before (by default they go one at a
     * time in the order made). A create is still confirmed before anything else on its entity is
     * sent, a delete waits for everything before it, and an update made with a function waits for
     * the mutations before it (its value is computed on top of them). Needs a {@code @SyncVersion}:
     * without one, the order in which the server applied two writes could not be told, and sends
     * stay serial. Known gap: an earlier update sent again after a conflict can still land over a
     * later one of the same field whose answer was lost after it applied, when the later one set
     * the field back to the base's value.
     */
    public Builder<K, E> sendInParallel() {
      this.parallel = true;
      return this;
    }

    /** The order of {@link SyncStore#all()}; default: insertion order. */
    public Builder<K, E> order(Comparator<? super E> comparator) {
      this.order = Objects.requireNonNull(comparator, "comparator");
      return this;
    }

    /**
     * Where {@link SyncStore#create} takes temporary ids, for id types the store has none for (it
     * has them for {@code String}, {@code UUID}, {@code long}, {@code int}, {@code short} and
     * {@code BigInteger} ids). They must never equal a real id; they are never sent.
     */
    public Builder<K, E> tempIds(Supplier<K> supplier) {
      this.tempIds = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Declares that the client makes the real ids (UUIDs, say) and the server keeps them: a draft
     * must carry its id, the entity appears under it, and the create sends it. By default the
     * server assigns ids and a draft must have none.
     */
    public Builder<K, E> clientAssignedIds() {
      this.clientIds = true;
      return this;
    }

    /**
     * Where idempotency keys come from; default: a random 128-bit prefix per store and a counter,
     * unique across clients and restarts without a random draw per mutation.
     */
    public Builder<K, E> idempotencyKeys(Supplier<String> supplier) {
      this.keys = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /** The store. */
    public SyncStore<K, E> build() {
      if (keys == null) {
        String prefix = UUID.randomUUID().toString();
        AtomicLong next = new AtomicLong();
        keys = () -> prefix + "-" + next.incrementAndGet();
      }
      return new SyncStore<>(this);
    }
  }
}
