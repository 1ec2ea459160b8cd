package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A client's view of one server-owned entity collection that stays consistent while mutations are
 * in flight.
 *
 * <p><b>Derived view.</b> Per entity the store keeps the base (the last confirmed server state,
 * with its version), the pending mutations in the order they were made, and the local-only values.
 * What {@link #get} and {@link #all} return is always base ⊕ pending mutations in order ⊕ the
 * current local-only values, derived again after every change; removing one mutation replays the
 * others. Everything handed out is a copy the caller owns.
 *
 * <p><b>One reconcile path.</b> Server state from {@link #load}, {@link #receive}, {@link #refetch}
 * and mutation answers goes through the same steps: a state older (by version) than the base is
 * ignored; otherwise it becomes the base, pending mutations are re-applied on top, local-only
 * values are kept.
 *
 * <p><b>Mutations.</b> {@link #update}, {@link #create} and {@link #delete} apply their effect at
 * once, announce it, and then send through the {@link Remote} (per entity one at a time in the
 * order made, unless {@link Builder#sendInParallel() parallel sends} are on). Answers confirm,
 * retry, roll back only the failed mutation, or merge a conflict three-way; see {@link
 * MutationState}.
 *
 * <p><b>Threads.</b> Every method is safe from any thread. Transitions run under one lock; remote
 * calls, timers, result futures and listeners run after it is released, in the order the
 * transitions happened. Listeners run on the {@linkplain Builder#notifyOn executor} and may call
 * back into the store. Functions the store runs while it holds its lock (updaters, local edits,
 * conflict resolvers, comparators, id suppliers) must not call the store.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public final class SyncStore<K, E> {

  private static final System.Logger LOG = System.getLogger(SyncStore.class.getName());

  private final EntityType<K, E> type;
  private final Remote<K, E> remote;
  private final Executor notifier;
  private final Scheduler scheduler;
  private final RetryPolicy retry;
  private final ConflictPolicy<E> conflicts;
  private final boolean parallel;
  private final Comparator<? super E> order;
  private final Supplier<K> tempIds;
  private Supplier<K> autoTempIds;
  private final boolean clientIds;
  private final Supplier<String> keys;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<K, Entry<K, E>> byId = new HashMap<>();
  private final Map<Long, Entry<K, E>> ordered = new LinkedHashMap<>();

  /**
   * How many temporary ids (to find an entity by its draft id after re-keying) and deleted ids (to
   * keep stale pushes from reviving an entity) the store remembers; the oldest are forgotten.
   */
  static final int REMEMBERED = 10_000;

  /** Temporary ids of created entities, to their real ids; the latest {@link #REMEMBERED}. */
  private final Map<K, K> aliases = latest(REMEMBERED);

  /**
   * Ids deleted on the server, with the epoch of their removal: stale pushes must not revive them.
   * The latest {@link #REMEMBERED}.
   */
  private final Map<K, Long> tombstones = latest(REMEMBERED);

  private final Map<K, List<Listener<Change<K, E>>>> entityListeners = new HashMap<>();
  private final List<Listener<Change<K, E>>> collectionListeners = new CopyOnWriteArrayList<>();
  private final List<Listener<Transition<K, E>>> transitionListeners = new CopyOnWriteArrayList<>();
  private long nextPosition;
  private long nextSequence;
  private long epoch;

  private final Outbox outbox = new Outbox();

  private SyncStore(Builder<K, E> b) {
    this.type = b.type;
    this.remote = b.remote;
    this.notifier = b.notifier;
    this.scheduler = b.scheduler;
    this.retry = b.retry;
    this.conflicts = b.conflicts;
    this.parallel = b.parallel;
    this.order = b.order;
    this.tempIds = b.tempIds;
    this.clientIds = b.clientIds;
    this.keys = b.keys;
  }

  /** A map that keeps only its {@code limit} most recently added entries. */
  private static <A, B> Map<A, B> latest(int limit) {
    return new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<A, B> eldest) {
        return size() > limit;
      }
    };
  }

  /** How many ids have entity subscriptions now (for tests). */
  int subscribedIds() {
    lock.lock();
    try {
      return entityListeners.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many temporary and deleted ids the store remembers now (for tests). */
  int remembered() {
    lock.lock();
    try {
      return aliases.size() + tombstones.size();
    } finally {
      lock.unlock();
    }
  }

  /** Starts building a store for the entity type {@code type} (a generated {@code XSync.TYPE}). */
  public static <K, E> Builder<K, E> of(EntityType<K, E> type) {
    return new Builder<>(type);
  }

  /** The entity type this store holds. */
  public EntityType<K, E> type() {
    return type;
  }

  /** The clock and timer this store runs on: the times of its transitions and its retries. */
  public Scheduler scheduler() {
    return scheduler;
  }

  // ---------------------------------------------------------------- reads

  /**
   * A copy of the entity as the store shows it; empty if it is unknown or hidden by a pending
   * delete. A temporary id still finds an entity after the server assigned its real one.
   */
  public Optional<E> get(K id) {
    lock.lock();
    try {
      Entry<K, E> e = find(id);
      return e == null || e.view == null ? Optional.empty() : Optional.of(type.copy(e.view));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Copies of every visible entity, in insertion order (a deleted entity that comes back keeps its
   * place) or in the order of the {@linkplain Builder#order comparator}.
   */
  public List<E> all() {
    lock.lock();
    try {
      List<E> views = new ArrayList<>(ordered.size());
      for (Entry<K, E> e : ordered.values()) {
        if (e.view != null) {
          views.add(type.copy(e.view));
        }
      }
      if (order != null) {
        views.sort(order);
      }
      return views;
    } finally {
      lock.unlock();
    }
  }

  /** The unsettled mutations of one entity, in the order they were made. */
  public List<Mutation<K, E>> pending(K id) {
    lock.lock();
    try {
      Entry<K, E> e = find(id);
      return e == null ? List.of() : List.copyOf(e.mutations);
    } finally {
      lock.unlock();
    }
  }

  /** Every unsettled mutation in the store, in the order they were made. */
  public List<Mutation<K, E>> pending() {
    lock.lock();
    try {
      List<Mutation<K, E>> all = new ArrayList<>();
      for (Entry<K, E> e : ordered.values()) {
        all.addAll(e.mutations);
      }
      all.sort(Comparator.comparingLong(Mutation::sequence));
      return all;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Which synced fields of an entity are pending and from which mutations (oldest first), in field
   * declaration order: the data behind a field-level spinner. Empty when nothing is pending.
   */
  public Map<EntityField, List<Mutation<K, E>>> pendingFields(K id) {
    lock.lock();
    try {
      Entry<K, E> e = find(id);
      Map<EntityField, List<Mutation<K, E>>> byField = new LinkedHashMap<>();
      if (e == null) {
        return byField;
      }
      List<List<EntityField>> fieldsOf = new ArrayList<>(e.mutations.size());
      for (Mutation<K, E> m : e.mutations) {
        fieldsOf.add(m.fields(type));
      }
      for (EntityField f : type.fields()) {
        for (int i = 0; i < fieldsOf.size(); i++) {
          if (fieldsOf.get(i).contains(f)) {
            byField.computeIfAbsent(f, x -> new ArrayList<>()).add(e.mutations.get(i));
          }
        }
      }
      byField.replaceAll((f, ms) -> List.copyOf(ms));
      return byField;
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- server state in

  /**
   * Reconciles server states into the store (an initial load, a page of results): each one as
   * {@link #receive} does. All are checked first; if one is bad nothing changes.
   *
   * @throws BadServerDataException if a state has the wrong type, no id or no version
   */
  public void load(Collection<? extends E> serverStates) {
    List<E> checked = new ArrayList<>(serverStates);
    op(
        () -> {
          for (E s : checked) {
            checkServerState(s, null);
          }
          for (E s : checked) {
            reconcileExternal(s, Long.MAX_VALUE);
          }
          return null;
        });
  }

  /**
   * Reconciles one server state (a push, a poll): ignored if older than the base (by version;
   * without a version field arrival order decides), otherwise it becomes the base and pending
   * mutations are re-applied on top; local-only values stay. An unknown id adds the entity, unless
   * the server deleted it (a late push never revives a deleted entity; a later refetch may).
   *
   * @return whether the state was taken (false if it was older than the base or deleted)
   * @throws BadServerDataException if the state has the wrong type, no id or no version
   */
  public boolean receive(E serverState) {
    return op(
        () -> {
          checkServerState(serverState, null);
          return reconcileExternal(serverState, Long.MAX_VALUE);
        });
  }

  /**
   * The server says the entity is gone (deleted by someone else): it leaves the store; its pending
   * deletes are confirmed and its other pending mutations rolled back. Ignored for an entity the
   * server never confirmed (a pending create).
   */
  public void receiveDeleted(K id) {
    op(
        () -> {
          Entry<K, E> e = find(id);
          if (e != null && e.base != null) {
            deletedOnServer(e);
          }
          return null;
        });
  }

  /**
   * Fetches the whole collection through the remote and reconciles it as {@link #load} does; known
   * entities the server no longer lists (and whose base did not change since the fetch started) are
   * removed as {@link #receiveDeleted} does. Completes when the store has taken the answer.
   */
  public CompletableFuture<Void> refetch() {
    requireRemote();
    long start = currentEpoch();
    CompletableFuture<Void> done = new CompletableFuture<>();
    call(remote::fetchAll)
        .whenComplete(
            (list, failure) -> {
              if (failure != null) {
                done.completeExceptionally(unwrap(failure));
                return;
              }
              try {
                op(
                    () -> {
                      for (E s : list) {
                        checkServerState(s, null);
                      }
                      Set<K> listed = new HashSet<>();
                      for (E s : list) {
                        listed.add(type.id(s));
                        reconcileExternal(s, start);
                      }
                      for (Entry<K, E> e : List.copyOf(ordered.values())) {
                        if (e.base != null && e.baseEpoch <= start && !listed.contains(e.id)) {
                          deletedOnServer(e);
                        }
                      }
                      return null;
                    });
                done.complete(null);
              } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
              }
            });
    return done;
  }

  /**
   * Fetches one entity through the remote and reconciles it as {@link #receive} does; if the server
   * no longer has it, as {@link #receiveDeleted}. Completes when the store has taken the answer.
   */
  public CompletableFuture<Void> refetch(K id) {
    requireRemote();
    long start = currentEpoch();
    CompletableFuture<Void> done = new CompletableFuture<>();
    call(() -> remote.fetch(id))
        .whenComplete(
            (found, failure) -> {
              if (failure != null) {
                done.completeExceptionally(unwrap(failure));
                return;
              }
              try {
                op(
                    () -> {
                      if (found.isPresent()) {
                        checkServerState(found.get(), id);
                        reconcileExternal(found.get(), start);
                      } else {
                        Entry<K, E> e = find(id);
                        if (e != null && e.base != null && e.baseEpoch <= start) {
                          deletedOnServer(e);
                        }
                      }
                      return null;
                    });
                done.complete(null);
              } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
              }
            });
    return done;
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
    return op(
        () -> {
          Entry<K, E> e = visible(id);
          E before = type.copy(e.view);
          E after = Objects.requireNonNull(edit.apply(type.copy(e.view)), "edited entity");
          Set<? extends EntityField> changed = type.diff(before, after);
          if (!changed.isEmpty()) {
            throw new IllegalArgumentException(
                describe(e.id, changed.iterator().next())
                    + ": a local edit may change only @LocalOnly fields; change synced fields"
                    + " with update(...)");
          }
          e.local = type.copy(after);
          e.localEpoch = ++epoch;
          derive(e);
          announce(Cause.LOCAL_EDIT, e, before, null, null);
          return type.copy(e.view);
        });
  }

  // ---------------------------------------------------------------- mutations

  /**
   * Sets the fields of {@code patch} on an entity: applied at once, then sent.
   *
   * @throws IllegalArgumentException if the patch is empty or sets the id
   * @throws NoSuchElementException if the entity is not visible in the store
   */
  public Mutation<K, E> update(K id, Patch<E> patch) {
    Objects.requireNonNull(patch, "patch");
    return op(
        () -> {
          Entry<K, E> e = visible(id);
          if (patch.fields().contains(type.idField())) {
            throw new IllegalArgumentException(
                describe(e.id, type.idField()) + ": a patch cannot change the id");
          }
          if (patch.isEmpty()) {
            throw new IllegalArgumentException(describe(e.id, null) + ": the patch sets no field");
          }
          Mutation<K, E> m = newMutation(Write.Kind.UPDATE, e);
          m.patch = patch;
          return apply(e, m, Cause.OPTIMISTIC);
        });
  }

  /**
   * Changes an entity with a function, for mutable classes: {@code edit} gets a copy and changes
   * it. As {@link #updateWith}.
   */
  public Mutation<K, E> update(K id, Consumer<? super E> edit) {
    Objects.requireNonNull(edit, "edit");
    return updateWith(id, inPlace(edit));
  }

  /**
   * Changes an entity with a function that gets a copy and returns the new state (records, or
   * effects like "increment"). It is run again on top of every new base while the mutation is
   * pending; what is sent is the synced fields it changed, with their values, when last run.
   *
   * @throws IllegalArgumentException if the function changes the id or no synced field
   * @throws NoSuchElementException if the entity is not visible in the store
   */
  public Mutation<K, E> updateWith(K id, UnaryOperator<E> updater) {
    Objects.requireNonNull(updater, "updater");
    return op(
        () -> {
          Entry<K, E> e = visible(id);
          Patch<E> first = runUpdater(e, updater, e.view, true);
          if (first.isEmpty()) {
            throw new IllegalArgumentException(
                describe(e.id, null) + ": the updater changes no synced field");
          }
          Mutation<K, E> m = newMutation(Write.Kind.UPDATE, e);
          m.updater = updater;
          m.patch = first;
          return apply(e, m, Cause.OPTIMISTIC);
        });
  }

  /**
   * Creates an entity: it appears at once, under a temporary id when the server assigns ids (the
   * default) or under its own id when the store was built with {@link Builder#clientAssignedIds()}.
   * A temporary id never reaches the server; when the server answers with the real id the store
   * re-keys the entity ({@link Cause#ID_REASSIGNED}), and mutations made meanwhile are sent against
   * the real id. If the create fails the entity leaves the store and the mutations made on it
   * meanwhile are rolled back.
   *
   * @throws IllegalArgumentException if the draft has an id but the server assigns ids, has none
   *     but ids are client-assigned, or its id is already in the store
   */
  public Mutation<K, E> create(E draft) {
    Objects.requireNonNull(draft, "draft");
    return op(
        () -> {
          K own = type.id(draft);
          boolean hasOwn = !Objects.equals(own, type.unsetId());
          K id;
          if (clientIds) {
            if (!hasOwn) {
              throw new IllegalArgumentException(
                  describe(null, type.idField())
                      + ": the draft has no id, and this store's ids are client-assigned; give"
                      + " the draft its id");
            }
            id = own;
          } else {
            if (hasOwn) {
              throw new IllegalArgumentException(
                  describe(own, type.idField())
                      + ": the draft has an id, but the server assigns ids; leave the id unset,"
                      + " or build the store with clientAssignedIds() if the server keeps ids"
                      + " the client makes");
            }
            id = Objects.requireNonNull(temporaryIds().get(), "temporary id");
          }
          if (find(id) != null) {
            throw new IllegalArgumentException(
                describe(id, type.idField()) + ": the id is already in the store");
          }
          E d = hasOwn ? type.copy(draft) : type.withId(type.copy(draft), id);
          Entry<K, E> e = new Entry<>(id, nextPosition++);
          Mutation<K, E> m = newMutation(Write.Kind.CREATE, e);
          m.temporaryId = !hasOwn;
          e.local = type.copy(d);
          byId.put(id, e);
          ordered.put(e.position, e);
          tombstones.remove(id);
          m.draft = d;
          return apply(e, m, Cause.OPTIMISTIC);
        });
  }

  private Supplier<K> temporaryIds() {
    if (tempIds != null) {
      return tempIds;
    }
    if (autoTempIds == null) {
      autoTempIds = TemporaryIds.forType(type.idType());
      if (autoTempIds == null) {
        throw new IllegalArgumentException(
            describe(null, type.idField())
                + ": the store has no temporary ids for id type "
                + type.idType().getName()
                + "; give them with tempIds(..), or build the store with clientAssignedIds()");
      }
    }
    return autoTempIds;
  }

  /**
   * Deletes an entity: hidden at once, then sent; if the delete fails it comes back where it was
   * ({@link Cause#RESTORED}).
   *
   * @throws NoSuchElementException if the entity is not visible in the store
   */
  public Mutation<K, E> delete(K id) {
    return op(
        () -> {
          Entry<K, E> e = visible(id);
          return apply(e, newMutation(Write.Kind.DELETE, e), Cause.DELETED);
        });
  }

  // ---------------------------------------------------------------- listeners

  /** Hears every change of every entity, in order, on the store's executor. */
  public Subscription subscribe(Consumer<? super Change<K, E>> listener) {
    Listener<Change<K, E>> l = new Listener<>(listener);
    collectionListeners.add(l);
    return () -> {
      l.active = false;
      collectionListeners.remove(l);
    };
  }

  /**
   * Hears every change of one entity, in order, on the store's executor; follows the entity when
   * the server assigns its real id.
   */
  public Subscription subscribe(K id, Consumer<? super Change<K, E>> listener) {
    Listener<Change<K, E>> l = new Listener<>(listener);
    lock.lock();
    try {
      Entry<K, E> e = find(id);
      K key = e == null ? id : e.id;
      entityListeners.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
    } finally {
      lock.unlock();
    }
    return () -> {
      l.active = false;
      lock.lock();
      try {
        K key = aliases.getOrDefault(id, id);
        List<Listener<Change<K, E>>> ls = entityListeners.get(key);
        if (ls != null && ls.remove(l)) {
          if (ls.isEmpty()) {
            entityListeners.remove(key);
          }
        } else { // its temporary id is forgotten: look everywhere
          entityListeners.values().forEach(all -> all.remove(l));
          entityListeners.values().removeIf(List::isEmpty);
        }
      } finally {
        lock.unlock();
      }
    };
  }

  /**
   * Hears every transition of every mutation (an event log), in order with the changes, on the
   * store's executor.
   */
  public Subscription onTransition(Consumer<? super Transition<K, E>> listener) {
    Listener<Transition<K, E>> l = new Listener<>(listener);
    transitionListeners.add(l);
    return () -> {
      l.active = false;
      transitionListeners.remove(l);
    };
  }

  // ================================================================ internals: transitions

  /**
   * Runs one transition under the lock, then hands its work (remote calls, timers, futures,
   * listener deliveries) to the outbox and drains it outside the lock.
   */
  private <T> T op(Supplier<T> body) {
    T result;
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        throw new IllegalStateException(
            "a function the store runs under its lock (updater, edit, resolver, comparator,"
                + " supplier) must not call the store");
      }
      try {
        result = body.get();
      } catch (RuntimeException | Error ex) {
        outbox.discard();
        throw ex;
      }
      outbox.commit();
    } finally {
      lock.unlock();
    }
    outbox.drain();
    return result;
  }

  private Mutation<K, E> apply(Entry<K, E> e, Mutation<K, E> m, Cause cause) {
    E before = e.view == null || m.kind() == Write.Kind.CREATE ? null : type.copy(e.view);
    e.mutations.add(m);
    derive(e);
    move(m, MutationState.PENDING, "made", null);
    announce(cause, e, before, m, null);
    pump(e);
    return m;
  }

  /** view = base ⊕ pending layers in order ⊕ local-only values. */
  private void derive(Entry<K, E> e) {
    E v = e.base == null ? null : type.merge(type.copy(e.local), e.base);
    boolean hidden = false;
    for (Mutation<K, E> m : e.mutations) {
      switch (m.kind()) {
        case CREATE -> v = type.merge(type.copy(e.local), m.draft);
        case UPDATE -> {
          if (v != null) {
            if (m.updater != null) {
              try {
                m.patch = runUpdater(e, m.updater, v, false);
              } catch (RuntimeException ex) {
                // An updater that fails on a new base keeps the patch it made last time.
                LOG.log(Level.DEBUG, "updater failed on rebase; its last patch stays", ex);
              }
            }
            v = applyLayer(m, v);
          }
        }
        case DELETE -> hidden = true;
      }
    }
    e.view = hidden ? null : v;
  }

  private E applyLayer(Mutation<K, E> m, E v) {
    if (m.superseded.isEmpty()) {
      return m.patch.applyTo(v);
    }
    Set<EntityField> shown = new LinkedHashSet<>(m.patch.fields());
    shown.removeAll(m.superseded);
    return type.patch(m.patch.applyTo(type.copy(v)), shown).applyTo(v);
  }

  /** A confirmed update's fields are no longer shown by the pending updates made before it. */
  private void supersedeEarlier(Entry<K, E> e, Mutation<K, E> m) {
    for (Mutation<K, E> earlier : e.mutations) {
      if (earlier == m) {
        return;
      }
      if (earlier.kind() == Write.Kind.UPDATE) {
        earlier.superseded.addAll(m.sentPatch.fields());
      }
    }
  }

  private Patch<E> runUpdater(Entry<K, E> e, UnaryOperator<E> updater, E view, boolean strict) {
    E before = type.copy(view);
    E after = Objects.requireNonNull(updater.apply(type.copy(view)), "updated entity");
    Set<EntityField> changed = new LinkedHashSet<>(type.diff(before, after));
    if (changed.contains(type.idField()) && strict) {
      throw new IllegalArgumentException(
          describe(e.id, type.idField()) + ": an updater cannot change the id");
    }
    changed.remove(type.idField());
    if (type.hasVersion()) {
      changed.remove(type.versionField());
    }
    return type.patch(after, changed);
  }

  /** Starts every send the ordering rule allows. */
  private void pump(Entry<K, E> e) {
    for (Mutation<K, E> m : List.copyOf(e.mutations)) {
      int i = e.mutations.indexOf(m);
      if (i >= 0 && m.state() == MutationState.PENDING && mayStart(e, i)) {
        startSend(e, m);
      }
    }
  }

  /**
   * Serial: only the oldest pending mutation of an entity is out. Parallel: updates go out
   * together, but never before an unconfirmed create or past a delete, and a delete waits for all
   * before it.
   */
  private boolean mayStart(Entry<K, E> e, int index) {
    if (index == 0) {
      return true;
    }
    if (!parallel || e.mutations.get(index).kind() != Write.Kind.UPDATE) {
      return false;
    }
    for (int j = 0; j < index; j++) {
      if (e.mutations.get(j).kind() != Write.Kind.UPDATE) {
        return false;
      }
    }
    return true;
  }

  /** Sends a mutation; one whose every field a later confirmed mutation set settles instead. */
  private void startSend(Entry<K, E> e, Mutation<K, E> m) {
    if (!m.superseded.isEmpty()) {
      Set<EntityField> left = new LinkedHashSet<>(m.patch.fields());
      left.removeAll(m.superseded);
      if (left.isEmpty() && m.state() == MutationState.OUTCOME_UNKNOWN) {
        // Its last send may have been applied after the later mutation, so the server may hold
        // this mutation's values: only the server's state can tell which.
        askServer(e, m, m.error().orElse(null), 1);
        return;
      }
      if (left.isEmpty()) {
        E before = viewCopy(e);
        e.mutations.remove(m);
        derive(e);
        move(m, MutationState.CONFIRMED, "superseded by a later confirmed mutation", null);
        announce(Cause.CONFIRM, e, before, m, null);
        return;
      }
      // Never resend a value the user replaced by a later, already confirmed one.
      m.patch = type.patch(m.patch.applyTo(type.merge(type.copy(e.local), e.base)), left);
      m.updater = null;
      m.superseded.clear();
    }
    if (m.kind() == Write.Kind.CREATE) {
      Set<EntityField> sent = new LinkedHashSet<>(type.fields());
      if (type.hasVersion()) {
        sent.remove(type.versionField());
      }
      if (m.temporaryId) {
        sent.remove(type.idField());
      }
      m.patch = type.patch(m.draft, sent);
    }
    m.sentBase = e.base == null ? null : type.copy(e.base);
    if (m.firstBase == null) {
      m.firstBase = m.sentBase;
    }
    m.sentPatch = m.patch;
    E entity =
        switch (m.kind()) {
          case CREATE ->
              m.temporaryId
                  ? type.withId(type.syncedCopy(m.draft), type.unsetId())
                  : type.syncedCopy(m.draft);
          case UPDATE -> m.patch.applyTo(type.syncedCopy(e.base));
          case DELETE -> type.syncedCopy(e.base);
        };
    Object baseVersion = e.base == null ? null : type.version(e.base);
    move(m, MutationState.SENDING, "sent", null);
    K wireId = m.kind() == Write.Kind.CREATE && m.temporaryId ? null : e.id;
    Write<K, E> w =
        new Write<>(
            m.kind(), wireId, entity, m.sentPatch, baseVersion, m.idempotencyKey(), m.attempts());
    outbox.stage(
        () -> call(() -> remote.send(w)).whenComplete((reply, f) -> answered(m, w, reply, f)));
  }

  private void answered(Mutation<K, E> m, Write<K, E> w, Reply<E> reply, Throwable failure) {
    try {
      settleAnswer(m, w, reply, failure);
    } catch (RuntimeException ex) {
      // Nothing but a bug gets here: say so loudly instead of losing it in a future.
      LOG.log(Level.ERROR, "the store failed to take an answer for " + m, ex);
      throw ex;
    }
  }

  private void settleAnswer(Mutation<K, E> m, Write<K, E> w, Reply<E> reply, Throwable failure) {
    op(
        () -> {
          if (m.state() != MutationState.SENDING || m.attempts() != w.attempt()) {
            return null; // a late answer to an attempt the store no longer waits for
          }
          Entry<K, E> e = m.entry;
          Throwable cause = failure == null ? null : unwrap(failure);
          if (cause == null) {
            confirm(e, m, w, reply);
          } else if (cause instanceof SyncFailure rf) {
            switch (rf.kind()) {
              case REJECTED -> {
                if (isGone(rf) && m.kind() != Write.Kind.CREATE && e.base != null) {
                  deletedOnServer(e); // a delete has had its way; updates cannot apply any more
                } else {
                  rollback(e, m, rf, "rejected");
                }
              }
              case NOT_FOUND -> {
                if (m.kind() != Write.Kind.CREATE && e.base != null) {
                  deletedOnServer(e);
                } else {
                  rollback(e, m, rf, "rejected");
                }
              }
              case TRANSIENT -> retryLater(e, m, MutationState.RETRYING, rf, rf.retryAfter());
              case OUTCOME_UNKNOWN, BAD_RESPONSE -> unknownOutcome(e, m, rf);
              case CONFLICT -> conflict(e, m, rf);
              case USER_CODE -> rollback(e, m, rf, "failed in user code");
            }
          } else {
            unknownOutcome(e, m, cause);
          }
          return null;
        });
  }

  private void confirm(Entry<K, E> e, Mutation<K, E> m, Write<K, E> w, Reply<E> reply) {
    E server;
    try {
      server = checkAnswer(e, m, w, reply);
    } catch (BadServerDataException bad) {
      rollback(e, m, bad, "bad server data");
      return;
    }
    E before = viewCopy(e);
    switch (m.kind()) {
      case DELETE -> {
        e.mutations.remove(m);
        remove(e);
        tombstones.put(e.id, ++epoch);
        e.view = null;
        move(m, MutationState.CONFIRMED, "confirmed", null);
        return;
      }
      case CREATE -> {
        K real = type.id(server);
        e.base = type.copy(server);
        e.baseEpoch = ++epoch;
        e.mutations.remove(m);
        if (!real.equals(e.id)) {
          E pushed = rekey(e, real);
          if (pushed != null) {
            adoptBase(e, pushed); // a push of this entity got here first and may be newer
          }
          m.reassign(real);
          derive(e);
          announce(Cause.ID_REASSIGNED, e, before, m, null);
          before = viewCopy(e);
        } else {
          derive(e);
        }
      }
      case UPDATE -> {
        adoptBase(e, server);
        supersedeEarlier(e, m);
        e.mutations.remove(m);
        derive(e);
      }
    }
    move(m, MutationState.CONFIRMED, "confirmed", null);
    announce(Cause.CONFIRM, e, before, m, null);
    if (m.kind() == Write.Kind.CREATE && tombstones.containsKey(e.id)) {
      deletedOnServer(e); // a pushed copy under the real id was deleted before this answer came
      return;
    }
    pump(e);
  }

  /**
   * Checks a mutation's answer (rule 14) and turns it into the server state it describes.
   *
   * @return the server state; {@code null} for a delete
   */
  private E checkAnswer(Entry<K, E> e, Mutation<K, E> m, Write<K, E> w, Reply<E> reply) {
    if (m.kind() == Write.Kind.DELETE) {
      return null;
    }
    if (reply == null) {
      throw bad(w.id(), null, "the remote answered null instead of a Reply");
    }
    EntityField idField = type.idField();
    E candidate;
    if (reply.entity().isPresent()) {
      Object o = reply.entity().get();
      if (!type.type().isInstance(o)) {
        throw bad(
            w.id(), null, "the answer is a " + o.getClass().getName() + ", not a " + type.name());
      }
      candidate = type.copy(type.type().cast(o));
      K answered = type.id(candidate);
      if (answered == null) {
        throw bad(w.id(), idField, "the answer has no id");
      }
      if (m.kind() == Write.Kind.UPDATE && !answered.equals(w.id())) {
        throw bad(w.id(), idField, "the answer is for id '" + answered + "'");
      }
      if (type.hasVersion() && type.version(candidate) == null) {
        throw bad(w.id(), type.versionField(), "the answer has no version");
      }
    } else if (reply.fields().isPresent()) {
      Patch<E> p = reply.fields().get();
      if (p.fields().contains(idField)) {
        Object answered = p.get(idField);
        if (answered == null) {
          throw bad(w.id(), idField, "the answer sets the id to null");
        }
        if (m.kind() == Write.Kind.UPDATE && !answered.equals(w.id())) {
          throw bad(w.id(), idField, "the answer is for id '" + answered + "'");
        }
      }
      if (type.hasVersion()
          && (!p.fields().contains(type.versionField()) || p.get(type.versionField()) == null)) {
        throw bad(w.id(), type.versionField(), "the answer has no version");
      }
      E start =
          m.kind() == Write.Kind.CREATE
              ? type.merge(type.copy(e.local), m.draft)
              : type.copy(e.base);
      candidate = p.applyTo(start);
    } else {
      if (type.hasVersion()) {
        throw bad(w.id(), type.versionField(), "the answer has no body, so no version");
      }
      candidate =
          m.kind() == Write.Kind.CREATE
              ? type.copy(m.draft)
              : m.sentPatch.applyTo(type.copy(e.base));
    }
    if (m.kind() == Write.Kind.UPDATE
        && m.firstBase != null
        && type.compareVersions(candidate, m.firstBase) < 0) {
      throw bad(
          w.id(),
          type.versionField(),
          "the answer's version "
              + type.version(candidate)
              + " is older than the version "
              + type.version(m.firstBase)
              + " the write was made against");
    }
    if (m.kind() == Write.Kind.CREATE) {
      Entry<K, E> other = byId.get(type.id(candidate));
      if (other != null && other != e && !other.mutations.isEmpty()) {
        throw bad(
            w.id(),
            idField,
            "the server assigned id '"
                + type.id(candidate)
                + "', which another entity with"
                + " pending mutations holds");
      }
    }
    return candidate;
  }

  private void rollback(Entry<K, E> e, Mutation<K, E> m, Throwable error, String reason) {
    E before = viewCopy(e);
    e.mutations.remove(m);
    if (m.kind() == Write.Kind.CREATE) {
      remove(e);
      List<Mutation<K, E>> orphans = List.copyOf(e.mutations);
      e.mutations.clear();
      e.view = null;
      move(m, MutationState.ROLLED_BACK, reason, error);
      IllegalStateException neverCreated =
          new IllegalStateException(
              describe(e.id, null)
                  + " was never created: the create failed ("
                  + error.getMessage()
                  + ")",
              error);
      for (Mutation<K, E> o : orphans) {
        move(o, MutationState.ROLLED_BACK, "its create failed", neverCreated);
      }
      announce(Cause.ROLLBACK, e, before, m, error);
      return;
    }
    derive(e);
    move(m, MutationState.ROLLED_BACK, reason, error);
    announce(m.kind() == Write.Kind.DELETE ? Cause.RESTORED : Cause.ROLLBACK, e, before, m, error);
    pump(e);
  }

  private void retryLater(
      Entry<K, E> e,
      Mutation<K, E> m,
      MutationState waiting,
      Throwable error,
      Optional<Duration> retryAfter) {
    if (m.attempts() >= retry.maxAttempts()) {
      rollback(e, m, error, "gave up after " + m.attempts() + " attempts");
      return;
    }
    Duration delay = retry.delay(m.attempts(), retryAfter.orElse(null));
    move(m, waiting, "retry in " + delay.toMillis() + " ms", error);
    int attempt = m.attempts();
    outbox.stage(
        () ->
            scheduler.schedule(
                delay,
                () ->
                    op(
                        () -> {
                          if (m.state() == waiting && m.attempts() == attempt) {
                            startSend(e, m);
                            pump(e);
                          }
                          return null;
                        })));
  }

  private void unknownOutcome(Entry<K, E> e, Mutation<K, E> m, Throwable error) {
    boolean exhausted = m.attempts() >= retry.maxAttempts();
    if (m.kind() == Write.Kind.CREATE) {
      retryLater(e, m, MutationState.OUTCOME_UNKNOWN, error, Optional.empty());
    } else if (retry.onUnknownOutcome() == RetryPolicy.UnknownOutcome.RETRY && !exhausted) {
      retryLater(e, m, MutationState.OUTCOME_UNKNOWN, error, Optional.empty());
    } else {
      move(m, MutationState.OUTCOME_UNKNOWN, "asking the server", error);
      askServer(e, m, error, 1);
    }
  }

  /**
   * Fetches the entity to decide a mutation of unknown outcome. A fetch that fails is asked again
   * after a backoff, up to {@code maxAttempts} fetches: a server that cannot be reached says
   * nothing about whether the write applied.
   */
  private void askServer(Entry<K, E> e, Mutation<K, E> m, Throwable error, int asked) {
    int attempt = m.attempts();
    K id = e.id;
    outbox.stage(
        () ->
            call(() -> remote.fetch(id))
                .whenComplete(
                    (found, f) ->
                        op(
                            () -> {
                              if (m.state() != MutationState.OUTCOME_UNKNOWN
                                  || m.attempts() != attempt) {
                                return null;
                              }
                              Throwable failure = f != null ? f : nullAnswer(found, id);
                              if (failure != null && asked < retry.maxAttempts()) {
                                Duration delay = retry.delay(asked, null);
                                outbox.stage(
                                    () ->
                                        scheduler.schedule(
                                            delay,
                                            () ->
                                                op(
                                                    () -> {
                                                      if (m.state() == MutationState.OUTCOME_UNKNOWN
                                                          && m.attempts() == attempt) {
                                                        askServer(e, m, error, asked + 1);
                                                      }
                                                      return null;
                                                    })));
                              } else {
                                decideByServer(e, m, error, found, failure);
                              }
                              return null;
                            })));
  }

  /** A failure for a remote that answered a fetch with {@code null} instead of an Optional. */
  private Throwable nullAnswer(Object answer, K id) {
    return answer != null
        ? null
        : new BadServerDataException(
            type.name(), id, null, "the remote answered a fetch with null instead of an Optional");
  }

  /** Settles a mutation of unknown outcome by the server's current state of its entity. */
  private void decideByServer(
      Entry<K, E> e, Mutation<K, E> m, Throwable error, Optional<E> found, Throwable failure) {
    if (failure != null) {
      rollback(
          e,
          m,
          error,
          "outcome unknown and the server could not be asked "
              + retry.maxAttempts()
              + " times: "
              + unwrap(failure));
      return;
    }
    if (found.isEmpty()) {
      deletedOnServer(e);
      return;
    }
    try {
      checkServerState(found.get(), e.id);
    } catch (BadServerDataException bad) {
      rollback(e, m, bad, "bad server data");
      return;
    }
    E before = viewCopy(e);
    adoptBase(e, found.get());
    if (m.kind() == Write.Kind.DELETE) {
      rollback(e, m, error, "the server still has it");
      return;
    }
    boolean applied = true;
    for (EntityField f : m.sentPatch.fields()) {
      if (!m.superseded.contains(f)) {
        applied &= Objects.equals(m.sentPatch.get(f), type.get(e.base, f));
      }
    }
    if (!applied) {
      rollback(e, m, error, "the server's state shows it did not apply");
      return;
    }
    supersedeEarlier(e, m);
    e.mutations.remove(m);
    derive(e);
    move(m, MutationState.CONFIRMED, "the server's state shows it applied", null);
    announce(Cause.CONFIRM, e, before, m, null);
    pump(e);
  }

  private void conflict(Entry<K, E> e, Mutation<K, E> m, SyncFailure rf) {
    if (m.kind() == Write.Kind.CREATE) {
      rollback(e, m, rf, "conflict on create");
      return;
    }
    if (m.attempts() >= retry.maxAttempts()) {
      rollback(e, m, rf, "still in conflict after " + m.attempts() + " attempts");
      return;
    }
    Optional<Object> theirs = rf.serverState();
    if (theirs.isPresent()) {
      mergeConflict(e, m, rf, theirs.get());
      return;
    }
    int attempt = m.attempts();
    K id = e.id;
    outbox.stage(
        () ->
            call(() -> remote.fetch(id))
                .whenComplete(
                    (found, f) ->
                        op(
                            () -> {
                              if (m.state() != MutationState.SENDING || m.attempts() != attempt) {
                                return null;
                              }
                              Throwable failure = f != null ? f : nullAnswer(found, id);
                              if (failure != null) {
                                rollback(
                                    e, m, rf, "conflict and the fetch failed: " + unwrap(failure));
                              } else if (found.isEmpty()) {
                                deletedOnServer(e);
                              } else {
                                mergeConflict(e, m, rf, found.get());
                              }
                              return null;
                            })));
  }

  /** The three-way merge of rule 9 against the base the mutation was sent with. */
  private void mergeConflict(Entry<K, E> e, Mutation<K, E> m, SyncFailure rf, Object state) {
    E theirs;
    try {
      theirs = checkServerState(state, e.id);
    } catch (BadServerDataException bad) {
      rollback(e, m, bad, "bad server data");
      return;
    }
    E before = viewCopy(e);
    if (!adoptBase(e, theirs)) {
      theirs = type.copy(e.base); // the conflict's state is older than the base: merge the newer
    }
    if (m.kind() == Write.Kind.DELETE) {
      if (conflicts.rule() == ConflictPolicy.Rule.SERVER_WINS) {
        rollback(e, m, rf, "conflict: the server's state wins");
      } else {
        requeue(e, m, rf, before, "conflict: delete sent again");
      }
      return;
    }
    E base = m.sentBase;
    Patch<E> sent = m.sentPatch;
    Set<EntityField> touched = new LinkedHashSet<>(sent.fields());
    Set<EntityField> overlap = new LinkedHashSet<>(type.diff(base, theirs));
    overlap.retainAll(touched);
    if (overlap.isEmpty()
        || m.updater != null
        || conflicts.rule() == ConflictPolicy.Rule.CLIENT_WINS) {
      // An updater is re-run on the new base like on every rebase: its effect is relative.
      requeue(e, m, rf, before, "conflict merged: sent again on the new base");
      return;
    }
    E mine = sent.applyTo(type.copy(base));
    Set<EntityField> keep = new LinkedHashSet<>(touched);
    E source = mine;
    if (conflicts.rule() == ConflictPolicy.Rule.SERVER_WINS) {
      keep.removeAll(overlap);
    } else {
      E resolved;
      try {
        resolved =
            conflicts.resolver().resolve(type.copy(base), type.copy(mine), type.copy(theirs));
      } catch (RuntimeException ex) {
        rollback(e, m, ex, "conflict: the resolver failed");
        return;
      }
      if (resolved == null) {
        rollback(
            e,
            m,
            new IllegalStateException(
                describe(e.id, null) + ": the conflict resolver returned null"),
            "conflict: the resolver returned null");
        return;
      }
      source = type.patch(resolved, overlap).applyTo(type.copy(mine));
      for (EntityField f : overlap) {
        if (Objects.equals(type.get(resolved, f), type.get(theirs, f))) {
          keep.remove(f);
        }
      }
    }
    if (keep.isEmpty()) {
      boolean alreadyThere = true;
      for (EntityField f : touched) {
        alreadyThere &= Objects.equals(sent.get(f), type.get(theirs, f));
      }
      e.mutations.remove(m);
      derive(e);
      if (alreadyThere) {
        move(m, MutationState.CONFIRMED, "conflict: the server already has its values", null);
        announce(Cause.CONFIRM, e, before, m, null);
      } else {
        move(m, MutationState.ROLLED_BACK, "conflict: the server's values win", rf);
        announce(Cause.ROLLBACK, e, before, m, rf);
      }
      pump(e);
      return;
    }
    m.patch = type.patch(source, keep);
    m.updater = null;
    requeue(e, m, rf, before, "conflict merged: sent again on the new base");
  }

  private void requeue(Entry<K, E> e, Mutation<K, E> m, Throwable error, E before, String reason) {
    derive(e);
    move(m, MutationState.PENDING, reason, error);
    announce(Cause.REBASE, e, before, m, null);
    pump(e);
  }

  /**
   * Server state from outside a mutation: load, receive, refetch. An id deleted on the server is
   * revived only by a fetch that started after the deletion ({@code since}: the epoch the fetch
   * started at; {@code Long.MAX_VALUE} for pushes, which are never trusted to revive).
   */
  private boolean reconcileExternal(E server, long since) {
    K id = type.id(server);
    Entry<K, E> e = byId.get(id);
    if (e == null) {
      Long deletedAt = tombstones.get(id);
      if (deletedAt != null) {
        if (since == Long.MAX_VALUE || since <= deletedAt) {
          return false;
        }
        tombstones.remove(id);
      }
      e = new Entry<>(id, nextPosition++);
      e.local = type.copy(server);
      e.base = type.copy(server);
      e.baseEpoch = ++epoch;
      byId.put(id, e);
      ordered.put(e.position, e);
      derive(e);
      announce(Cause.EXTERNAL_UPDATE, e, null, null, null);
      return true;
    }
    E before = viewCopy(e);
    if (!adoptBase(e, server)) {
      return false;
    }
    derive(e);
    if (e.view != null && (before == null || !type.diff(before, e.view).isEmpty())) {
      announce(e.mutations.isEmpty() ? Cause.EXTERNAL_UPDATE : Cause.REBASE, e, before, null, null);
    }
    return true;
  }

  /** Rule 7: a state older than the base never replaces it. Does not derive the view. */
  private boolean adoptBase(Entry<K, E> e, E server) {
    if (e.base != null && type.compareVersions(server, e.base) < 0) {
      return false;
    }
    e.base = type.copy(server);
    e.baseEpoch = ++epoch;
    return true;
  }

  private void deletedOnServer(Entry<K, E> e) {
    E before = viewCopy(e);
    remove(e);
    tombstones.put(e.id, ++epoch);
    List<Mutation<K, E>> open = List.copyOf(e.mutations);
    e.mutations.clear();
    e.view = null;
    IllegalStateException gone =
        new IllegalStateException(describe(e.id, null) + " was deleted on the server");
    for (Mutation<K, E> m : open) {
      if (m.kind() == Write.Kind.DELETE) {
        move(m, MutationState.CONFIRMED, "deleted on the server", null);
      } else {
        move(m, MutationState.ROLLED_BACK, "deleted on the server", gone);
      }
    }
    if (before != null) {
      announce(Cause.DELETED, e, before, null, null);
    }
  }

  private void remove(Entry<K, E> e) {
    if (byId.get(e.id) == e) {
      byId.remove(e.id);
    }
    ordered.remove(e.position);
  }

  /** Moves an entity to its real id; returns the base of a pushed copy it replaced, if any. */
  private E rekey(Entry<K, E> e, K real) {
    K temp = e.id;
    Entry<K, E> other = byId.get(real);
    E pushed = null;
    if (other != null && other != e) {
      pushed = other.base;
      if (other.localEpoch > e.localEpoch) {
        e.local = other.local; // the later local edit wins, as if both were one entity all along
        e.localEpoch = other.localEpoch;
      }
      // The server's push of this very entity arrived before the create's answer.
      E shown = other.view == null ? null : type.copy(other.view);
      remove(other);
      other.view = null;
      if (shown != null) {
        announce(Cause.DELETED, other, shown, null, null);
      }
    }
    byId.remove(temp);
    e.id = real;
    byId.put(real, e);
    aliases.put(temp, real);
    for (Mutation<K, E> m : e.mutations) {
      m.reassign(real);
    }
    List<Listener<Change<K, E>>> ls = entityListeners.remove(temp);
    if (ls != null) {
      entityListeners.computeIfAbsent(real, k -> new ArrayList<>()).addAll(ls);
    }
    return pushed;
  }

  /** Changes state through the mutation's transition table and logs it; settles the future. */
  private void move(Mutation<K, E> m, MutationState to, String reason, Throwable error) {
    MutationState from = m.moveTo(to, error);
    Transition<K, E> t = new Transition<>(scheduler.now(), m.id(), m, from, to, reason, error);
    List<Listener<Transition<K, E>>> targets = List.copyOf(transitionListeners);
    if (!targets.isEmpty()) {
      outbox.stage(() -> notifier.execute(() -> deliver(targets, t)));
    }
    if (to == MutationState.CONFIRMED) {
      E value = m.entry.view == null ? null : type.copy(m.entry.view);
      outbox.stageSettle(() -> m.complete(value));
    } else if (to == MutationState.ROLLED_BACK) {
      Throwable cause = error;
      outbox.stageSettle(() -> m.fail(cause));
    }
  }

  private void announce(Cause cause, Entry<K, E> e, E before, Mutation<K, E> m, Throwable error) {
    E after = viewCopy(e);
    Change<K, E> c = new Change<>(scheduler.now(), cause, e.id, before, after, m, error);
    List<Listener<Change<K, E>>> targets = new ArrayList<>(collectionListeners);
    targets.addAll(entityListeners.getOrDefault(e.id, List.of()));
    if (!targets.isEmpty()) {
      outbox.stage(() -> notifier.execute(() -> deliver(targets, c)));
    }
  }

  private static <T> void deliver(List<Listener<T>> targets, T event) {
    for (Listener<T> l : targets) {
      if (l.active) {
        try {
          l.consumer.accept(event);
        } catch (RuntimeException ex) {
          LOG.log(Level.WARNING, "a store listener failed", ex);
        }
      }
    }
  }

  // ================================================================ internals: helpers

  private Mutation<K, E> newMutation(Write.Kind kind, Entry<K, E> e) {
    requireRemote();
    return new Mutation<>(
        kind, e, Objects.requireNonNull(keys.get(), "idempotency key"), ++nextSequence);
  }

  private void requireRemote() {
    if (remote == null) {
      throw new IllegalStateException(
          "this "
              + type.name()
              + " store has no remote; give one with SyncStore.of(..).remote(..)");
    }
  }

  private long currentEpoch() {
    lock.lock();
    try {
      return epoch;
    } finally {
      lock.unlock();
    }
  }

  /** A copy of what user code sees of {@code e}, or {@code null} where it sees nothing. */
  private E viewCopy(Entry<K, E> e) {
    return e.view == null ? null : type.copy(e.view);
  }

  /** Whether a refusal says the entity does not exist on the server (404 Not Found, 410 Gone). */
  private static boolean isGone(SyncFailure rf) {
    return rf.status() == 404 || rf.status() == 410;
  }

  private Entry<K, E> find(K id) {
    Entry<K, E> e = byId.get(id);
    if (e == null) {
      K real = aliases.get(id);
      if (real != null) {
        e = byId.get(real);
      }
    }
    return e;
  }

  private Entry<K, E> visible(K id) {
    Objects.requireNonNull(id, "id");
    Entry<K, E> e = find(id);
    if (e == null || e.view == null) {
      throw new NoSuchElementException(describe(id, null) + " is not in the store");
    }
    return e;
  }

  /**
   * Checks server state from outside a mutation answer.
   *
   * @param expectedId the id it must have, or {@code null} for any
   */
  private E checkServerState(Object state, K expectedId) {
    Objects.requireNonNull(state, "server state");
    if (!type.type().isInstance(state)) {
      throw bad(
          expectedId,
          null,
          "the server state is a " + state.getClass().getName() + ", not a " + type.name());
    }
    E s = type.type().cast(state);
    K id = type.id(s);
    if (id == null) {
      throw bad(expectedId, type.idField(), "the server state has no id");
    }
    if (expectedId != null && !id.equals(expectedId)) {
      throw bad(expectedId, type.idField(), "the server state is for id '" + id + "'");
    }
    if (type.hasVersion() && type.version(s) == null) {
      throw bad(id, type.versionField(), "the server state has no version");
    }
    return s;
  }

  private BadServerDataException bad(Object id, EntityField field, String problem) {
    return new BadServerDataException(
        type.name(), id, field == null ? null : field.fieldName(), problem);
  }

  private String describe(Object id, EntityField field) {
    StringBuilder s = new StringBuilder(type.name());
    s.append(id == null ? " (no id)" : " '" + id + "'");
    if (field != null) {
      s.append(", field '").append(field.fieldName()).append('\'');
    }
    return s.toString();
  }

  private static <E> UnaryOperator<E> inPlace(Consumer<? super E> edit) {
    return x -> {
      edit.accept(x);
      return x;
    };
  }

  private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> remoteCall) {
    try {
      CompletionStage<T> stage = remoteCall.get();
      return stage != null
          ? stage
          : CompletableFuture.failedFuture(new NullPointerException("the remote returned null"));
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(ex);
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while (c instanceof CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  private static final class Listener<T> {
    final Consumer<? super T> consumer;
    volatile boolean active = true;

    Listener(Consumer<? super T> consumer) {
      this.consumer = Objects.requireNonNull(consumer, "listener");
    }
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
    private final EntityType<K, E> type;
    private Remote<K, E> remote;
    private Executor notifier = Runnable::run;
    private Scheduler scheduler = Scheduler.system();
    private RetryPolicy retry = RetryPolicy.defaults();
    private ConflictPolicy<E> conflicts = ConflictPolicy.serverWins();
    private boolean parallel;
    private Comparator<? super E> order;
    private Supplier<K> tempIds;
    private boolean clientIds;
    private Supplier<String> keys = () -> UUID.randomUUID().toString();

    private Builder(EntityType<K, E> type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** The server API that mutations and refetches go through. */
    public Builder<K, E> remote(Remote<K, E> remote) {
      this.remote = Objects.requireNonNull(remote, "remote");
      return this;
    }

    /**
     * Where listeners run; it must run tasks one at a time in the order given (a UI thread, a
     * single-thread executor). Default: directly on the thread that made the change, after the
     * store released its lock (or on another thread that is handing out the store's work at that
     * moment). A listener on the default executor must not block waiting for the store's later
     * work, such as a {@link Mutation#result()}.
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
     * sent, and a delete waits for everything before it.
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

    /** Where idempotency keys come from; default: random UUIDs. */
    public Builder<K, E> idempotencyKeys(Supplier<String> supplier) {
      this.keys = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /** The store. */
    public SyncStore<K, E> build() {
      return new SyncStore<>(this);
    }
  }
}
