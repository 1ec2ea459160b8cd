package io.github.synced.runtime;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.Patch;
import java.util.Objects;

/**
 * Rule 14 as pure functions: what server data the store takes, and what an answer to a write says
 * the server's state now is. Nothing here changes the store.
 */
final class Checks {

  private Checks() {}

  /**
   * What an answer to a write says.
   *
   * @param state the server state it describes (the written fields as written where the answer does
   *     not name them); {@code null} for a delete
   * @param versionUnknown the entity has a version but the answer did not give the new one
   * @param idUnknown a create under a temporary id was answered without the real id
   */
  record Answer<E>(E state, boolean versionUnknown, boolean idUnknown) {}

  /**
   * Checks server state from a read or a push: the entity type, an id, a version where the entity
   * has one.
   *
   * @param expectedId the id it must have, or {@code null} for any
   */
  static <K, E> E serverState(EntityType<K, E> type, Object state, K expectedId) {
    Objects.requireNonNull(state, "server state");
    if (!type.type().isInstance(state)) {
      throw Layers.bad(
          type,
          expectedId,
          null,
          "the server state is a " + state.getClass().getName() + ", not a " + type.name());
    }
    E s = type.type().cast(state);
    K id = type.id(s);
    if (id == null) {
      throw Layers.bad(type, expectedId, type.idField(), "the server state has no id");
    }
    if (expectedId != null && !id.equals(expectedId)) {
      throw Layers.bad(type, expectedId, type.idField(), "the server state is for id '" + id + "'");
    }
    if (type.hasVersion() && type.version(s) == null) {
      throw Layers.bad(type, id, type.versionField(), "the server state has no version");
    }
    unordered(type, id, s);
    return s;
  }

  /**
   * Refuses a version that orders before and after nothing (a floating-point NaN): taken as the
   * base, it would make every later state look older, and the entity would never update again.
   */
  static <E> void unordered(EntityType<?, E> type, Object id, E state) {
    if (type.hasVersion()) {
      Object v = type.version(state);
      if ((v instanceof Double d && d.isNaN()) || (v instanceof Float f && f.isNaN())) {
        throw Layers.bad(type, id, type.versionField(), "the version is NaN, which has no order");
      }
    }
  }

  /** Checks a server state read without its version: the entity type and an id. */
  static <K, E> E withoutVersion(EntityType<K, E> type, Object state) {
    Objects.requireNonNull(state, "server state");
    if (!type.type().isInstance(state)) {
      throw Layers.bad(
          type,
          null,
          null,
          "the server state is a " + state.getClass().getName() + ", not a " + type.name());
    }
    E s = type.type().cast(state);
    K id = type.id(s);
    if (id == null) {
      throw Layers.bad(type, null, type.idField(), "the server state has no id");
    }
    if (type.hasVersion() && type.version(s) != null) {
      unordered(type, id, s);
    }
    return s;
  }

  /**
   * What the answer {@code reply} to the write {@code w} of layer {@code l} says. An answer to a
   * write means the write was accepted: fields the answer names win, written fields it leaves out
   * count as written (rule 3).
   *
   * @throws BadServerDataException if the answer is of the wrong type, for another id, sets the id
   *     to null, carries a version older than the write's base, or holds a value the entity refuses
   */
  static <K, E> Answer<E> answer(
      EntityType<K, E> type, Layer<K, E> l, Write<K, E> w, Reply<E> reply) {
    if (w.kind() == Write.Kind.DELETE) {
      return new Answer<>(null, false, false);
    }
    Object id = w.id() != null ? w.id() : l.journal.id;
    if (reply == null) {
      throw Layers.bad(type, id, null, "the remote answered null instead of a Reply");
    }
    boolean create = w.kind() == Write.Kind.CREATE;
    EntityField idField = type.idField();
    E candidate;
    boolean versionUnknown;
    boolean idUnknown = false;
    try {
      Object o = reply.entityOrNull();
      if (o != null) {
        if (!type.type().isInstance(o)) {
          throw Layers.bad(
              type,
              id,
              null,
              "the answer is a " + o.getClass().getName() + ", not a " + type.name());
        }
        candidate = type.type().cast(o);
        K answered = type.id(candidate);
        if (answered == null || answered.equals(type.unsetId())) {
          throw Layers.bad(type, id, idField, "the answer has no id");
        }
        checkSameId(type, w, answered);
        versionUnknown = type.hasVersion() && type.version(candidate) == null;
      } else {
        Patch<E> p = reply.fields().orElse(null);
        E start = type.copy(l.journal.state);
        candidate = w.patch().applyTo(start);
        if (p != null) {
          if (p.fields().contains(idField)) {
            Object answered = p.get(idField);
            if (answered == null) {
              throw Layers.bad(type, id, idField, "the answer sets the id to null");
            }
            checkSameId(type, w, answered);
          } else {
            idUnknown = create && l.temporaryId;
          }
          candidate = p.applyTo(candidate);
          versionUnknown =
              type.hasVersion()
                  && (!p.fields().contains(type.versionField())
                      || p.get(type.versionField()) == null);
        } else {
          idUnknown = create && l.temporaryId;
          versionUnknown = type.hasVersion();
        }
      }
    } catch (BadServerDataException bad) {
      throw bad;
    } catch (RuntimeException refused) {
      throw new BadServerDataException(
          type.name(), id, null, "the entity refused the answer: " + refused, refused);
    }
    unordered(type, id, candidate);
    if (!create
        && !versionUnknown
        && l.firstBase != null
        && type.compareVersions(candidate, l.firstBase) < 0) {
      throw Layers.bad(
          type,
          id,
          type.versionField(),
          "the answer's version "
              + type.version(candidate)
              + " is older than the version "
              + type.version(l.firstBase)
              + " the write was made against");
    }
    return new Answer<>(candidate, versionUnknown, idUnknown);
  }

  /** An update must be answered for its own id; a create may be given any id. */
  private static <K, E> void checkSameId(EntityType<K, E> type, Write<K, E> w, Object answered) {
    if (w.kind() == Write.Kind.UPDATE && !answered.equals(w.id())) {
      throw Layers.bad(type, w.id(), type.idField(), "the answer is for id '" + answered + "'");
    }
  }
}
