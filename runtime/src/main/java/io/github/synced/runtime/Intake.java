package io.github.synced.runtime;

import io.github.synced.runtime.Change.Cause;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Server state from outside a mutation (rules 7 and 8): loads, pushes, refetches. One path for all:
 * a state older than the base is ignored (by version; without a version, a read cannot undo a write
 * confirmed after it was sent); otherwise it becomes the base, pending mutations are re-applied on
 * top, and local-only values stay. A new entity starts with local-only values as a new instance has
 * them, never the server's.
 */
final class Intake<K, E> {

  /** For pushes and loads: never trusted to revive an id the server deleted. */
  static final long NOW = Long.MAX_VALUE;

  private final Core<K, E> core;
  private final EntityType<K, E> type;

  Intake(Core<K, E> core) {
    this.core = core;
    this.type = core.type;
  }

  /** One server state as read: with its version, or without ({@link Reply#withoutVersion}). */
  private record Item<E>(E state, boolean versioned) {}

  /** What taking one server state will do; made before anything changes. */
  private record Plan<K, E>(
      Journal<K, E> journal,
      K id,
      E state,
      boolean revive,
      long sentAt,
      boolean versioned,
      boolean stale) {}

  void load(Collection<? extends E> states) {
    List<Item<E>> checked = new ArrayList<>(states.size());
    for (E s : states) {
      checked.add(new Item<>(Checks.serverState(type, s, null), true));
    }
    apply(plan(checked, NOW, ++core.epoch));
  }

  boolean receive(Object state) {
    return reconcile(state, NOW, ++core.epoch, null); // a push is as new as its arrival
  }

  /**
   * Checks and takes one server state.
   *
   * @param since for an id the server deleted: only a read sent after the deletion revives it
   *     ({@link #NOW} for pushes, which never do)
   * @param sentAt when the read was sent (a push: when it arrived), for the send-order rule
   * @param expectedId the id it must have, or {@code null}
   * @return whether it was taken
   */
  boolean reconcile(Object state, long since, long sentAt, K expectedId) {
    E s = Checks.serverState(type, state, expectedId);
    List<Plan<K, E>> plans = plan(List.of(new Item<>(s, true)), since, sentAt);
    apply(plans);
    return !plans.isEmpty();
  }

  void receiveDeleted(K id) {
    Journal<K, E> j = core.entities.find(id);
    if (j != null && j.confirmed()) {
      core.answers.deletedOnServer(j, null);
    } else if (j == null || !j.temporary()) {
      // Unknown here, or its create's answer still on its way: a slower read or that answer must
      // not bring it back.
      core.entities.buryUnknown(id, ++core.epoch);
    }
  }

  /**
   * Reads the whole collection and takes it; known entities it does not list, whose base did not
   * change since the read was sent, were deleted on the server.
   */
  CompletableFuture<Void> refetch() {
    core.requireRemote();
    long sentAt = core.op(() -> ++core.epoch);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Stages.call(core.remote::list, "list")
        .whenComplete(
            (list, failure) -> {
              try {
                if (failure != null) {
                  throw SyncFailure.of(Stages.unwrap(failure), "list failed");
                }
                if (list == null) {
                  throw SyncFailure.userCode("the remote answered list() with null", null);
                }
                core.run(() -> takeAll(list, sentAt));
                done.complete(null);
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  private void takeAll(List<Reply<E>> list, long sentAt) {
    List<K> listed = new ArrayList<>(list.size());
    List<Item<E>> checked = check(list, listed);
    apply(plan(checked, sentAt, sentAt));
    Set<K> listedSet = new HashSet<>(listed);
    List<Journal<K, E>> known = new ArrayList<>();
    core.entities.forEach(known::add);
    for (Journal<K, E> j : known) {
      if (j.confirmed() && !j.temporary() && j.baseEpoch <= sentAt && !listedSet.contains(j.id)) {
        core.answers.deletedOnServer(j, null);
      }
    }
  }

  /**
   * Takes one page of a query's answer as {@link #refetch()} takes its items, except that entities
   * it does not list are left alone: a page is server truth for its range only. All items are
   * checked first; if one is bad nothing changes.
   *
   * @return the listed ids, in the page's order
   */
  List<K> takePage(List<Reply<E>> items, long sentAt) {
    List<K> listed = new ArrayList<>(items.size());
    apply(plan(check(items, listed), sentAt, sentAt));
    return listed;
  }

  /** Checks listed items; each one's id joins {@code listed}, in order. */
  private List<Item<E>> check(List<Reply<E>> list, List<K> listed) {
    List<Item<E>> checked = new ArrayList<>(list.size());
    for (Reply<E> r : list) {
      if (r == null || !r.entity().isPresent()) {
        throw Layers.bad(
            type, null, null, "a listed item must be an entity, was " + (r == null ? "null" : r));
      }
      E s =
          r.versionKnown()
              ? Checks.serverState(type, r.entity().get(), null)
              : Checks.withoutVersion(type, r.entity().get());
      checked.add(new Item<>(s, r.versionKnown()));
      listed.add(type.id(s));
    }
    return checked;
  }

  /** Reads one entity and takes it; if the server no longer has it, it was deleted there. */
  CompletableFuture<Void> refetch(K id) {
    core.requireRemote();
    long sentAt = core.op(() -> ++core.epoch);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Stages.call(() -> core.remote.fetch(id), "fetch")
        .whenComplete(
            (found, failure) -> {
              try {
                if (failure != null) {
                  throw SyncFailure.of(Stages.unwrap(failure), "fetch failed");
                }
                if (found == null) {
                  throw SyncFailure.userCode("the remote answered a fetch with null", null);
                }
                core.run(() -> takeOne(id, found, sentAt));
                done.complete(null);
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  private void takeOne(K id, Optional<E> found, long sentAt) {
    if (found.isPresent()) {
      reconcile(found.get(), sentAt, sentAt, id);
      return;
    }
    Journal<K, E> j = core.entities.find(id);
    if (j != null && j.confirmed() && j.baseEpoch <= sentAt) {
      core.answers.deletedOnServer(j, null);
    }
  }

  /** Plans every state first, so one the entity refuses leaves the store unchanged. */
  private List<Plan<K, E>> plan(List<Item<E>> items, long since, long sentAt) {
    List<Plan<K, E>> plans = new ArrayList<>(items.size());
    for (Item<E> item : items) {
      E server = item.state();
      boolean versionless = !item.versioned() || !type.hasVersion();
      K id = type.id(server);
      Journal<K, E> j = core.entities.real(id);
      try {
        if (j == null) {
          Long deletedAt = core.entities.deletedAt(id);
          if (deletedAt != null && (since == NOW || since <= deletedAt)) {
            continue; // a late push never revives a deleted entity; a newer read may
          }
          plans.add(
              new Plan<>(
                  null,
                  id,
                  type.syncedCopy(server),
                  deletedAt != null,
                  sentAt,
                  item.versioned(),
                  false));
        } else {
          if (versionless && sentAt < j.readAt) {
            continue; // without a version, a read sent before the one that set the base is older
          }
          if (j.versionNone() && sentAt < j.readAt && !sameValues(j.state, server)) {
            // The base has no version to compare with and arrived after this read was sent: the
            // read may be older. A read sent now tells.
            core.readAgain.refresh(j, 1);
            continue;
          }
          E s =
              core.bases.sinceRead(
                  j, server, sentAt, versionless || j.versionNone() || j.versionStale());
          boolean stale = s != server; // it keeps values newer than the read, so than its version
          if (!item.versioned()) {
            plans.add(new Plan<>(j, id, keepVersion(j, s), false, sentAt, false, stale));
          } else if (j.accepts(type, s)) {
            plans.add(
                new Plan<>(j, id, type.merge(type.copy(j.state), s), false, sentAt, true, stale));
          }
        }
      } catch (RuntimeException refused) {
        throw new BadServerDataException(
            type.name(), id, null, "the entity refused the server's state: " + refused, refused);
      }
    }
    return plans;
  }

  /** Whether two states hold the same synced values, their versions aside. */
  private boolean sameValues(E a, E b) {
    for (EntityField f : type.diff(a, b)) {
      if (!f.equals(type.versionField())) {
        return false;
      }
    }
    return true;
  }

  private E keepVersion(Journal<K, E> j, E server) {
    E merged = type.merge(type.copy(j.state), server);
    return type.hasVersion()
        ? type.patch(j.state, Set.of(type.versionField())).applyTo(merged)
        : merged;
  }

  private void apply(List<Plan<K, E>> plans) {
    for (Plan<K, E> p : plans) {
      Journal<K, E> j = p.journal() != null ? p.journal() : core.entities.real(p.id());
      if (j == null) {
        if (p.revive()) {
          core.entities.unbury(p.id());
        }
        j = new Journal<>(p.id(), p.state(), true);
        j.bornAt(++core.epoch);
        j.baseEpoch = j.bornAt();
        j.fromServer(true);
        j.readAt = ++core.epoch; // arrived now
        j.readSent = p.sentAt();
        j.versionNone(!p.versioned() && type.hasVersion());
        core.entities.add(j);
        j.view = null;
        E before = core.before(j);
        j.view = j.state;
        core.announce(Cause.EXTERNAL_UPDATE, j, before, null, null);
        continue;
      }
      if (p.versioned()
          && type.hasVersion()
          && j.confirmed()
          && !j.versionNone() // a base without a trusted version is replaced by any read
          && type.compareVersions(p.state(), j.state) < 0) {
        continue; // listed twice in one read: an earlier item gave it a newer version
      }
      E before = core.before(j);
      if (p.journal() == null) {
        core.bases.adopt(j, p.state(), p.sentAt()); // listed twice in one read
      } else {
        j.state = p.state();
        j.confirmed(true);
        if (p.versioned()) {
          // It kept values confirmed after the read was sent: the read's version may be older
          // than they are, or already hold them. Until a read sent now says, any read replaces
          // the base and sends carry no version.
          boolean kept = p.stale() && type.hasVersion();
          j.versionStale(false); // else its version is known now: held sends may go
          j.versionNone(kept);
          j.awaitingVersion(false);
        }
        j.baseEpoch = ++core.epoch;
        j.readAt = ++core.epoch; // arrived now: a read without a version sent before may be older
        j.readSent = Math.max(j.readSent, p.sentAt());
        if ((j.versionNone() && p.versioned()) || (p.stale() && !type.hasVersion())) {
          // Without a version the read's other values may be older or newer than the confirmed
          // values it kept. A read sent now, after it arrived, is not dropped as older and tells.
          core.readAgain.refresh(j, 1);
        }
      }
      core.derive(j);
      core.announceServerChange(j, before);
      core.sends.pump(j);
    }
  }
}
