package golden;

import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.spi.EntityField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * Typed mutations of {@link Project} through a {@link SyncStore}: fields are named through
 * {@link ProjectPatch} and {@link ProjectField}, never by string, and nothing needs a cast.
 *
 * <p>Every mutation made here is applied to the store's view and announced to its listeners
 * before any I/O starts, then sent through the store's remote, per entity in the order made.
 * If it fails for good, only its own effect is rolled back: other pending mutations of the
 * entity keep theirs and local-only values stay as they are. Local-only fields
 * ({@code pinned}) are never sent and never taken from the server.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class ProjectMutations {
  /**
   * The store these mutations go through.
   */
  private final SyncStore<String, Project> store;

  /**
   * Typed mutations through {@code store}, a store of {@link ProjectSync#TYPE}.
   *
   * @param store the store to go through
   */
  public ProjectMutations(SyncStore<String, Project> store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * {@return the store these mutations go through, for reads, subscriptions, loads and refetches}
   */
  public SyncStore<String, Project> store() {
    return store;
  }

  /**
   * Sets on the entity {@code id} the fields that {@code patch} sets on
   * {@link ProjectPatch#empty()} (for example {@code p -> p.name(...).subtasks(...)}): applied
   * to the view at once, then sent with exactly those fields.
   *
   * @param id the entity's id
   * @param patch the fields to set, as a change to the empty patch
   * @return the mutation's handle: its state, its error and its result
   * @throws IllegalArgumentException if the patch sets no field or sets the id
   * @throws NoSuchElementException if the entity is not in the store or hidden by a pending
   *     delete
   */
  public Mutation<String, Project> update(String id, UnaryOperator<ProjectPatch> patch) {
    return store.update(id, patch.apply(ProjectPatch.empty()));
  }

  /**
   * Sets the fields of {@code patch} on the entity {@code id}: applied to the view at once,
   * then sent with exactly those fields. A patch can be made once and reused.
   *
   * @param id the entity's id
   * @param patch the fields to set
   * @return the mutation's handle: its state, its error and its result
   * @throws IllegalArgumentException if the patch sets no field or sets the id
   * @throws NoSuchElementException if the entity is not in the store or hidden by a pending
   *     delete
   */
  public Mutation<String, Project> update(String id, ProjectPatch patch) {
    return store.update(id, patch);
  }

  /**
   * Changes the entity {@code id} with {@code edit}, which gets a copy and changes it. A
   * custom optimistic update, for effects such as an increment: applied to the view at once,
   * and run again on top of every new server state while the mutation is pending, so it never
   * undoes a newer server value. What is sent is the synced fields it changed, with their
   * values when it last ran; changes to the version and to local-only fields are not sent.
   *
   * @param id the entity's id
   * @param edit the change, which may run more than once
   * @return the mutation's handle: its state, its error and its result
   * @throws IllegalArgumentException if it changes the id or no synced field
   * @throws NoSuchElementException if the entity is not in the store or hidden by a pending
   *     delete
   */
  public Mutation<String, Project> modify(String id, Consumer<? super Project> edit) {
    return store.modify(id, edit);
  }

  /**
   * Creates {@code draft}, which is copied, never kept: the entity appears in the store at
   * once, under its own id or, if it has none, under a temporary one from the store's
   * supplier. When the server assigns the real id the store re-keys the entity, and mutations
   * made on it meanwhile are sent against the real id. If the create fails the entity leaves
   * the store and those mutations are rolled back.
   *
   * @param draft the entity to create
   * @return the mutation's handle; its {@link Mutation#id()} follows the real id
   * @throws IllegalArgumentException if the draft has no id and the store has no temporary id
   *     supplier, or its id is already in the store
   */
  public Mutation<String, Project> create(Project draft) {
    return store.create(draft);
  }

  /**
   * Deletes the entity {@code id}: hidden at once, then sent; if the delete fails the entity
   * comes back where it was.
   *
   * @param id the entity's id
   * @return the mutation's handle: its state, its error and its result
   * @throws NoSuchElementException if the entity is not in the store or hidden by a pending
   *     delete
   */
  public Mutation<String, Project> delete(String id) {
    return store.delete(id);
  }

  /**
   * Changes local-only values ({@code pinned}, and those of the {@code @Synced} objects in
   * {@code subtasks}, {@code columns}) of the entity {@code id}: {@code edit} gets a copy and
   * changes it. The change is visible at once, is never sent, and no server state, confirm or
   * rollback overwrites it.
   *
   * @param id the entity's id
   * @param edit the change of local-only values
   * @return a copy of the entity after the edit
   * @throws IllegalArgumentException if the edit changed a synced field (named in the
   *     message); the store is then unchanged
   * @throws NoSuchElementException if the entity is not in the store or hidden by a pending
   *     delete
   */
  public Project local(String id, Consumer<? super Project> edit) {
    return store.local(id, edit);
  }

  /**
   * Which synced fields of the entity {@code id} are pending, and from which mutations (oldest
   * first), in declaration order: the data behind a field-level spinner. Empty when nothing is
   * pending; a new map the caller owns.
   *
   * @param id the entity's id
   * @return the pending fields, each with its mutations
   */
  public Map<ProjectField, List<Mutation<String, Project>>> pendingFields(String id) {
    Map<EntityField, List<Mutation<String, Project>>> pending = store.pendingFields(id);
    Map<ProjectField, List<Mutation<String, Project>>> byField = new EnumMap<>(ProjectField.class);
    pending.forEach((f, m) -> byField.put(ProjectField.of(f), m));
    return byField;
  }
}
