package io.github.synced.runtime.spi;

import java.util.List;
import java.util.Set;

/**
 * Everything the runtime needs to know about one {@code @Synced} entity type, without reflection.
 * The processor generates one implementation per entity ({@code TaskSync.TYPE} for {@code Task}).
 *
 * <p><b>In place or new.</b> Methods that produce an entity from another ({@link #restore}, {@link
 * #merge}, {@link #withId}, {@link Patch#applyTo}) change a mutable class in place and return it,
 * and return a new instance for a record, leaving the argument untouched. The runtime therefore
 * {@linkplain #copy copies} before it changes anything it has handed out.
 *
 * <p><b>Synced and local-only.</b> Synced fields are the server's: snapshots, patches, diffs and
 * the server side of a merge consist of them only. Local-only fields ({@code @LocalOnly}) belong to
 * the client: every method here that takes synced fields from one entity keeps the local-only
 * fields of the other.
 *
 * @param <K> the id type
 * @param <E> the entity type
 */
public interface EntityType<K, E> {

  /** The entity's simple name, used in messages, for example {@code Task}. */
  String name();

  /** The entity class. */
  Class<E> type();

  /** The synced fields in declaration order (superclass fields first), id and version included. */
  List<? extends EntityField> fields();

  /** The field that holds the id. */
  EntityField idField();

  /**
   * The class of the id, boxed for a primitive id ({@code Long.class} for {@code long}): the store
   * draws temporary ids for creates by it.
   */
  Class<K> idType();

  /**
   * The id a new instance has before it is given one: {@code null}, or zero for a primitive id. A
   * draft whose id equals it has no id yet.
   */
  K unsetId();

  /** The entity's id; {@link #unsetId()} where the entity has none yet. */
  K id(E entity);

  /** {@code entity} with its id set to {@code id}; see the class comment on in place or new. */
  E withId(E entity, K id);

  /** Whether the entity declares a {@code @SyncVersion} field. */
  boolean hasVersion();

  /**
   * The field that holds the version.
   *
   * @throws UnsupportedOperationException if {@link #hasVersion()} is false
   */
  EntityField versionField();

  /** The entity's version (primitives boxed); {@code null} if it has none or no version field. */
  Object version(E entity);

  /**
   * Compares the versions of two states of one entity: negative if {@code a} is older than {@code
   * b}, zero if they are the same, positive if newer. A {@code null} version is older than any
   * other. Without a version field every comparison answers zero.
   */
  int compareVersions(E a, E b);

  /** A new instance equal to {@code entity} in every field, synced and local-only. */
  E copy(E entity);

  /**
   * A new instance with the synced fields of {@code entity} and every local-only field as a new
   * instance has it: what may leave the client. The store hands remotes only such copies, so a
   * remote that serializes the whole entity still never sends local-only values.
   */
  E syncedCopy(E entity);

  /** The synced fields of {@code entity}, as an immutable value. */
  Snapshot<E> snapshot(E entity);

  /**
   * {@code target} with every synced field taken from {@code snapshot} and every local-only field
   * kept; see the class comment on in place or new.
   */
  E restore(E target, Snapshot<E> snapshot);

  /**
   * {@code local} with every synced field taken from {@code server} and every local-only field
   * kept; see the class comment on in place or new. {@code server} is never changed.
   */
  E merge(E local, E server);

  /**
   * A patch that sets {@code fields} to the values they have in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not one of this type's synced fields
   */
  Patch<E> patch(E source, Set<? extends EntityField> fields);

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration order.
   */
  Set<? extends EntityField> diff(E a, E b);

  /**
   * Whether every synced field of {@code a} equals the same field of {@code b}, compared as {@link
   * #diff} compares them: {@code diff(a, b).isEmpty()}, without making the set. Local-only fields
   * are not compared.
   *
   * <p>The default calls {@link #diff}; generated types compare field by field and allocate
   * nothing.
   */
  default boolean syncedEquals(E a, E b) {
    return diff(a, b).isEmpty();
  }

  /** The value of a synced field of {@code entity} (primitives boxed). */
  Object get(E entity, EntityField field);

  /**
   * Whether some synced field holds other {@code @Synced} objects (a nested object, or a collection
   * or map of them), whose own local-only fields the store keeps across every new derivation of the
   * view.
   *
   * <p>The default answers {@code false}; generated types answer for their fields.
   */
  default boolean holdsEntities() {
    return false;
  }

  /**
   * {@code target} with every local-only field taken from {@code from}, at every depth: in a nested
   * object, and in each element of a collection or map of {@code @Synced} elements that {@code
   * from} has an element with the same id for; elements {@code from} does not have keep their own
   * (where {@link #merge} would give them a new instance's). See the class comment on in place or
   * new; {@code from} is never changed.
   *
   * <p>The default is {@code merge(copy(from), target)}, exact for an entity that holds no other
   * {@code @Synced} objects; generated types that hold some override it.
   */
  default E withLocalOnly(E target, E from) {
    return merge(copy(from), target);
  }
}
