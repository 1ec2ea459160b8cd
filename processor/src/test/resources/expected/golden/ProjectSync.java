package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The description of {@link Project} that the Synced runtime works through: id and version,
 * copies, snapshots, restore, merge, patches and diffs, in plain code without reflection.
 *
 * <p>{@code Project} is a mutable class: {@code withId}, {@code restore} and {@code merge}
 * change their first argument in place and return it.
 *
 * <p>Synced fields are the server's; local-only fields are the client's. Every method that
 * takes synced fields from one entity keeps the local-only fields of the other.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class ProjectSync implements EntityType<String, Project> {
  /**
   * The description of {@link Project}.
   */
  public static final ProjectSync TYPE = new ProjectSync();

  /**
   * The synced fields in declaration order, unmodifiable.
   */
  private static final List<ProjectField> FIELDS = List.of(ProjectField.values());

  /**
   * The one instance is {@link #TYPE}.
   */
  private ProjectSync() {
  }

  /**
   * {@code "Project"}, the entity's simple name.
   */
  @Override
  public String name() {
    return "Project";
  }

  /**
   * {@code Project.class}.
   */
  @Override
  public Class<Project> type() {
    return Project.class;
  }

  /**
   * The synced fields in declaration order (superclass fields first); unmodifiable.
   */
  @Override
  public List<ProjectField> fields() {
    return FIELDS;
  }

  /**
   * {@link ProjectField#ID}.
   */
  @Override
  public ProjectField idField() {
    return ProjectField.ID;
  }

  /**
   * {@code String.class}, the class of the id.
   */
  @Override
  public Class<String> idType() {
    return String.class;
  }

  /**
   * {@code null}, the id a new {@link Project} has before it is given one.
   */
  @Override
  public String unsetId() {
    return null;
  }

  /**
   * The entity's {@code id}.
   */
  @Override
  public String id(Project entity) {
    return entity.id;
  }

  /**
   * Sets the id of {@code entity} to {@code id} and returns {@code entity}.
   */
  @Override
  public Project withId(Project entity, String id) {
    entity.id = id;
    return entity;
  }

  /**
   * {@code true}: {@code version} is the version.
   */
  @Override
  public boolean hasVersion() {
    return true;
  }

  /**
   * {@code true}: {@code subtasks}, {@code columns} hold other {@code @Synced} objects, whose
   * local-only fields the store keeps.
   */
  @Override
  public boolean holdsEntities() {
    return true;
  }

  /**
   * {@link ProjectField#VERSION}.
   */
  @Override
  public ProjectField versionField() {
    return ProjectField.VERSION;
  }

  /**
   * The entity's {@code version}, boxed.
   */
  @Override
  public Object version(Project entity) {
    return entity.version;
  }

  /**
   * Compares the {@code version} of {@code a} and {@code b}: negative if {@code a} is older.
   */
  @Override
  public int compareVersions(Project a, Project b) {
    return Long.compare(a.version, b.version);
  }

  /**
   * A new {@link Project} equal to {@code entity} in every field, synced and local-only.
   * Synced collections, maps, arrays and nested objects are copied (by the {@code copy}
   * helpers below); local-only values are copied as they are: a mutable local-only value, such
   * as a list, is shared.
   */
  @Override
  public Project copy(Project entity) {
    Project copy = new Project();
    copy.id = entity.id;
    copy.name = entity.name;
    copy.subtasks = ProjectSync.copySubtasks(entity.subtasks);
    copy.columns = ProjectSync.copyColumns(entity.columns);
    copy.version = entity.version;
    copy.pinned = entity.pinned;
    return copy;
  }

  /**
   * A new {@link Project} with the synced fields of {@code entity} and every local-only field
   * as a new instance has it: what may leave the client.
   */
  @Override
  public Project syncedCopy(Project entity) {
    Project copy = new Project();
    copy.id = entity.id;
    copy.name = entity.name;
    copy.subtasks = ProjectSync.syncedSubtasks(entity.subtasks);
    copy.columns = ProjectSync.syncedColumns(entity.columns);
    copy.version = entity.version;
    return copy;
  }

  /**
   * The synced fields of {@code entity}, as an immutable value: with {@link #restore}, an undo
   * of synced state; with {@code equals}, a comparison of it.
   */
  @Override
  public ProjectSnapshot snapshot(Project entity) {
    return new ProjectSnapshot(
        entity.id,
        entity.name,
        entity.subtasks,
        entity.columns,
        entity.version);
  }

  /**
   * Sets every synced field of {@code target} to its value in {@code snapshot} and returns
   * {@code target}; local-only fields keep their values.
   *
   * @throws IllegalArgumentException if {@code snapshot} was not made by {@link #snapshot}
   */
  @Override
  public Project restore(Project target, Snapshot<Project> snapshot) {
    if (!(snapshot instanceof ProjectSnapshot values)) {
      throw new IllegalArgumentException("not a snapshot made by ProjectSync: " + snapshot);
    }
    target.id = values.id();
    target.name = values.name();
    target.subtasks = ProjectSync.mergeSubtasks(target.subtasks, values.subtasks());
    target.columns = ProjectSync.mergeColumns(target.columns, values.columns());
    target.version = values.version();
    return target;
  }

  /**
   * Sets every synced field of {@code local} to its value in {@code server} and returns
   * {@code local}; local-only fields keep their values and {@code server} is not changed.
   */
  @Override
  public Project merge(Project local, Project server) {
    local.id = server.id;
    local.name = server.name;
    local.subtasks = ProjectSync.mergeSubtasks(local.subtasks, server.subtasks);
    local.columns = ProjectSync.mergeColumns(local.columns, server.columns);
    local.version = server.version;
    return local;
  }

  /**
   * A patch that sets {@code fields} to their values in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not a synced field of {@link Project}
   */
  @Override
  public ProjectPatch patch(Project source, Set<? extends EntityField> fields) {
    long set = 0;
    for (EntityField each : fields) {
      set |= 1L << ProjectField.of(each).ordinal();
    }
    return new ProjectPatch(
        set,
        (set & 1L << 0) != 0 ? source.id : null,
        (set & 1L << 1) != 0 ? source.name : null,
        (set & 1L << 2) != 0 ? ProjectSync.freezeSubtasks(source.subtasks) : null,
        (set & 1L << 3) != 0 ? ProjectSync.freezeColumns(source.columns) : null,
        (set & 1L << 4) != 0 ? source.version : 0L);
  }

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration
   * order; unmodifiable. Values are compared with {@code ==} for primitives, {@code compare}
   * for floating-point values (so {@code NaN} equals itself) and {@code equals} otherwise (so
   * {@code BigDecimal} values of different scale differ).
   */
  @Override
  public FieldSet<ProjectField> diff(Project a, Project b) {
    long changed = 0L;
    if (!Objects.equals(a.id, b.id)) {
      changed |= 1L << 0;
    }
    if (!Objects.equals(a.name, b.name)) {
      changed |= 1L << 1;
    }
    if (!ProjectSync.equalSubtasks(a.subtasks, b.subtasks)) {
      changed |= 1L << 2;
    }
    if (!ProjectSync.equalColumns(a.columns, b.columns)) {
      changed |= 1L << 3;
    }
    if (a.version != b.version) {
      changed |= 1L << 4;
    }
    return FieldSet.of(FIELDS, changed);
  }

  /**
   * Whether every synced field of {@code a} equals that of {@code b}, compared as
   * {@link #diff} compares them; nothing is allocated.
   */
  @Override
  public boolean syncedEquals(Project a, Project b) {
    return Objects.equals(a.id, b.id)
        && Objects.equals(a.name, b.name)
        && ProjectSync.equalSubtasks(a.subtasks, b.subtasks)
        && ProjectSync.equalColumns(a.columns, b.columns)
        && a.version == b.version;
  }

  /**
   * The value of {@code field} in {@code entity} (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Project}
   */
  @Override
  public Object get(Project entity, EntityField field) {
    return switch (ProjectField.of(field)) {
      case ID -> entity.id;
      case NAME -> entity.name;
      case SUBTASKS -> entity.subtasks;
      case COLUMNS -> entity.columns;
      case VERSION -> entity.version;
    };
  }

  /**
   * Sets every local-only field of {@code target} to its value in {@code from}, in nested
   * objects and in elements matched by id too, and returns {@code target}; elements
   * {@code from} does not have keep their own. {@code from} is not changed.
   */
  @Override
  public Project withLocalOnly(Project target, Project from) {
    target.subtasks = ProjectSync.localSubtasks(target.subtasks, from.subtasks);
    target.columns = ProjectSync.localColumns(target.columns, from.columns);
    target.pinned = from.pinned;
    return target;
  }

  /**
   * {@code target}, a value of {@code subtasks}, with the local-only fields of {@code from}
   * ({@link SubtaskSync#withLocalOnly}), element by element matched by id; a new value of
   * changed copies.
   *
   * @param target the value to change a copy of, or {@code null}
   * @param from the value to take local-only fields from, or {@code null}
   * @return the value, {@code target} itself where either is {@code null}
   */
  private static List<Subtask> localSubtasks(List<Subtask> target, List<Subtask> from) {
    if (target == null || from == null) {
      return target;
    }
    Map<Object, Subtask> theirs = indexSubtasks(from);
    ArrayList<Subtask> kept = new ArrayList<>(target.size());
    for (Subtask item : target) {
      Subtask source = item == null ? null : theirs.get(SubtaskSync.TYPE.id(item));
      kept.add(source == null ? item : SubtaskSync.TYPE.withLocalOnly(SubtaskSync.TYPE.copy(item), source));
    }
    return kept;
  }

  /**
   * {@code target}, a value of {@code columns}, with the local-only fields of {@code from}
   * ({@link ColumnSync#withLocalOnly}), element by element matched by id; a new value of
   * changed copies.
   *
   * @param target the value to change a copy of, or {@code null}
   * @param from the value to take local-only fields from, or {@code null}
   * @return the value, {@code target} itself where either is {@code null}
   */
  private static Map<String, Column> localColumns(Map<String, Column> target,
      Map<String, Column> from) {
    if (target == null || from == null) {
      return target;
    }
    Map<Object, Column> theirs = indexColumns(from.values());
    LinkedHashMap<String, Column> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : target.entrySet()) {
      Column item = entry.getValue();
      Column source = item == null ? null : theirs.get(ColumnSync.TYPE.id(item));
      kept.put(entry.getKey(), source == null ? item : ColumnSync.TYPE.withLocalOnly(ColumnSync.TYPE.copy(item), source));
    }
    return kept;
  }

  /**
   * A deep copy of {@code value}, a value of {@code subtasks}, for an entity to own: a new
   * {@code ArrayList} of copies of the elements, local-only fields included
   * ({@link SubtaskSync#copy}); {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<Subtask> copySubtasks(List<Subtask> value) {
    if (value == null) {
      return null;
    }
    ArrayList<Subtask> copy = new ArrayList<>(value.size());
    for (Subtask item : value) {
      copy.add(item == null ? null : SubtaskSync.TYPE.copy(item));
    }
    return copy;
  }

  /**
   * A copy of {@code value}, a value of {@code subtasks}, for an entity that may leave the
   * client: a new {@code ArrayList} of copies of the elements' synced fields
   * ({@link SubtaskSync#syncedCopy}), local-only fields as a new instance has them;
   * {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<Subtask> syncedSubtasks(List<Subtask> value) {
    if (value == null) {
      return null;
    }
    ArrayList<Subtask> copy = new ArrayList<>(value.size());
    for (Subtask item : value) {
      copy.add(item == null ? null : SubtaskSync.TYPE.syncedCopy(item));
    }
    return copy;
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code subtasks}, for a snapshot or a
   * patch to hold: an {@code ArrayList} of copies of the elements' synced fields
   * ({@link SubtaskSync#syncedCopy}); {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<Subtask> freezeSubtasks(List<Subtask> value) {
    if (value == null) {
      return null;
    }
    ArrayList<Subtask> copy = new ArrayList<>(value.size());
    for (Subtask item : value) {
      copy.add(item == null ? null : SubtaskSync.TYPE.syncedCopy(item));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * The value of {@code subtasks} after taking {@code server}'s, merged by the elements' ids:
   * in {@code server}'s order, each element of {@code server} with the synced fields of
   * {@code server}'s and, where {@code local} has an element with its id, that element's
   * local-only fields ({@link SubtaskSync#merge}); an element {@code local} does not have gets
   * local-only fields as a new instance has them; elements {@code server} does not have are
   * gone. A new {@code ArrayList} of new elements: neither argument is changed. Where
   * {@code local} has an id twice its first element counts; where {@code server} has it twice,
   * both take that element's local-only fields.
   *
   * @param local the value the entity has, or {@code null}
   * @param server the value to take the synced state of, or {@code null}
   * @return the merged value, or {@code null} where {@code server} is {@code null}
   */
  static List<Subtask> mergeSubtasks(List<Subtask> local, List<Subtask> server) {
    if (server == null) {
      return null;
    }
    Map<Object, Subtask> ours = indexSubtasks(local);
    ArrayList<Subtask> merged = new ArrayList<>(server.size());
    for (Subtask item : server) {
      Subtask mine = item == null ? null : ours.get(SubtaskSync.TYPE.id(item));
      merged.add(mergeSubtasksElement(mine, item));
    }
    return merged;
  }

  /**
   * One element of {@code subtasks} after taking {@code server}'s: a copy of {@code local}
   * with the synced fields of {@code server}, or a synced copy of {@code server} where
   * {@code local} is {@code null}; {@code null} where {@code server} is.
   *
   * @param local our element with the id of {@code server}, or {@code null}
   * @param server the server's element, or {@code null}
   * @return the merged element, or {@code null}
   */
  private static Subtask mergeSubtasksElement(Subtask local, Subtask server) {
    if (server == null) {
      return null;
    }
    return local == null
        ? SubtaskSync.TYPE.syncedCopy(server)
        : SubtaskSync.TYPE.merge(SubtaskSync.TYPE.copy(local), server);
  }

  /**
   * The elements of {@code values}, our elements of {@code subtasks}, by id: the first of each
   * id; {@code null} elements and elements without an id ({@code null} or
   * {@link SubtaskSync#unsetId}) are left out.
   *
   * @param values our elements, or {@code null}
   * @return a new map by id
   */
  private static Map<Object, Subtask> indexSubtasks(Collection<Subtask> values) {
    Map<Object, Subtask> byId = new HashMap<>();
    if (values == null) {
      return byId;
    }
    for (Subtask item : values) {
      Object id = item == null ? null : SubtaskSync.TYPE.id(item);
      if (id != null && !id.equals(SubtaskSync.TYPE.unsetId())) {
        byId.putIfAbsent(id, item);
      }
    }
    return byId;
  }

  /**
   * Whether {@code a} and {@code b}, values of {@code subtasks}, are both {@code null} or have
   * elements of equal synced fields in the same order ({@link SubtaskSync#syncedEquals}): a
   * difference in an element's local-only fields is none.
   *
   * @param a a value, or {@code null}
   * @param b another, or {@code null}
   * @return whether they are equal as synced state
   */
  static boolean equalSubtasks(List<Subtask> a, List<Subtask> b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    Iterator<Subtask> other = b.iterator();
    for (Subtask item : a) {
      if (!equalSubtasksElement(item, other.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code a} and {@code b}, elements of {@code subtasks}, are both {@code null} or
   * have equal synced fields.
   *
   * @param a an element, or {@code null}
   * @param b another, or {@code null}
   * @return whether they are equal as synced state
   */
  private static boolean equalSubtasksElement(Subtask a, Subtask b) {
    return a == b || (a != null && b != null && SubtaskSync.TYPE.syncedEquals(a, b));
  }

  /**
   * A hash of the synced state of {@code value}, a value of {@code subtasks}, that agrees with
   * {@code equalSubtasks}.
   *
   * @param value the value, or {@code null}
   * @return its hash, or 0 for {@code null}
   */
  static int hashSubtasks(List<Subtask> value) {
    if (value == null) {
      return 0;
    }
    int hash = 1;
    for (Subtask item : value) {
      hash = 31 * hash + hashSubtasksElement(item);
    }
    return hash;
  }

  /**
   * A hash of the synced fields of {@code value}, an element of {@code subtasks}.
   *
   * @param value the element, or {@code null}
   * @return the hash of its snapshot, or 0 for {@code null}
   */
  private static int hashSubtasksElement(Subtask value) {
    return value == null ? 0 : SubtaskSync.TYPE.snapshot(value).hashCode();
  }

  /**
   * The synced state of {@code value}, a value of {@code subtasks}, as text: its elements'
   * snapshots.
   *
   * @param value the value, or {@code null}
   * @return its text, or {@code "null"}
   */
  static String textSubtasks(List<Subtask> value) {
    return value == null ? "null" : viewSubtasks(value).toString();
  }

  /**
   * The snapshots of the elements of {@code value}, a value of {@code subtasks}, in its order;
   * {@code null} for a {@code null} element.
   *
   * @param value the value
   * @return a new list
   */
  private static List<Object> viewSubtasks(List<Subtask> value) {
    List<Object> view = new ArrayList<>(value.size());
    for (Subtask item : value) {
      view.add(item == null ? null : SubtaskSync.TYPE.snapshot(item));
    }
    return view;
  }

  /**
   * A deep copy of {@code value}, a value of {@code columns}, for an entity to own: a new
   * {@code LinkedHashMap} of copies of the elements, local-only fields included
   * ({@link ColumnSync#copy}); {@code null} values are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Map<String, Column> copyColumns(Map<String, Column> value) {
    if (value == null) {
      return null;
    }
    LinkedHashMap<String, Column> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : value.entrySet()) {
      Column item = entry.getValue();
      copy.put(entry.getKey(), item == null ? null : ColumnSync.TYPE.copy(item));
    }
    return copy;
  }

  /**
   * A copy of {@code value}, a value of {@code columns}, for an entity that may leave the
   * client: a new {@code LinkedHashMap} of copies of the elements' synced fields
   * ({@link ColumnSync#syncedCopy}), local-only fields as a new instance has them;
   * {@code null} values are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Map<String, Column> syncedColumns(Map<String, Column> value) {
    if (value == null) {
      return null;
    }
    LinkedHashMap<String, Column> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : value.entrySet()) {
      Column item = entry.getValue();
      copy.put(entry.getKey(), item == null ? null : ColumnSync.TYPE.syncedCopy(item));
    }
    return copy;
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code columns}, for a snapshot or a
   * patch to hold: a {@code LinkedHashMap} of copies of the elements' synced fields
   * ({@link ColumnSync#syncedCopy}); {@code null} values are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Map<String, Column> freezeColumns(Map<String, Column> value) {
    if (value == null) {
      return null;
    }
    LinkedHashMap<String, Column> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : value.entrySet()) {
      Column item = entry.getValue();
      copy.put(entry.getKey(), item == null ? null : ColumnSync.TYPE.syncedCopy(item));
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The value of {@code columns} after taking {@code server}'s, merged by the elements' ids
   * (not by the keys, which are {@code server}'s): in {@code server}'s order, each element of
   * {@code server} with the synced fields of {@code server}'s and, where {@code local} has an
   * element with its id, that element's local-only fields ({@link ColumnSync#merge}); an
   * element {@code local} does not have gets local-only fields as a new instance has them;
   * elements {@code server} does not have are gone. A new {@code LinkedHashMap} of new
   * elements: neither argument is changed. Where {@code local} has an id twice its first
   * element counts; where {@code server} has it twice, both take that element's local-only
   * fields.
   *
   * @param local the value the entity has, or {@code null}
   * @param server the value to take the synced state of, or {@code null}
   * @return the merged value, or {@code null} where {@code server} is {@code null}
   */
  static Map<String, Column> mergeColumns(Map<String, Column> local, Map<String, Column> server) {
    if (server == null) {
      return null;
    }
    Map<Object, Column> ours = indexColumns(local == null ? null : local.values());
    LinkedHashMap<String, Column> merged = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : server.entrySet()) {
      Column item = entry.getValue();
      Column mine = item == null ? null : ours.get(ColumnSync.TYPE.id(item));
      merged.put(entry.getKey(), mergeColumnsValue(mine, item));
    }
    return merged;
  }

  /**
   * One element of {@code columns} after taking {@code server}'s: a copy of {@code local} with
   * the synced fields of {@code server}, or a synced copy of {@code server} where
   * {@code local} is {@code null}; {@code null} where {@code server} is.
   *
   * @param local our element with the id of {@code server}, or {@code null}
   * @param server the server's element, or {@code null}
   * @return the merged element, or {@code null}
   */
  private static Column mergeColumnsValue(Column local, Column server) {
    if (server == null) {
      return null;
    }
    return local == null
        ? ColumnSync.TYPE.syncedCopy(server)
        : ColumnSync.TYPE.merge(ColumnSync.TYPE.copy(local), server);
  }

  /**
   * The elements of {@code values}, our elements of {@code columns}, by id: the first of each
   * id; {@code null} elements and elements without an id ({@code null} or
   * {@link ColumnSync#unsetId}) are left out.
   *
   * @param values our elements, or {@code null}
   * @return a new map by id
   */
  private static Map<Object, Column> indexColumns(Collection<Column> values) {
    Map<Object, Column> byId = new HashMap<>();
    if (values == null) {
      return byId;
    }
    for (Column item : values) {
      Object id = item == null ? null : ColumnSync.TYPE.id(item);
      if (id != null && !id.equals(ColumnSync.TYPE.unsetId())) {
        byId.putIfAbsent(id, item);
      }
    }
    return byId;
  }

  /**
   * Whether {@code a} and {@code b}, values of {@code columns}, are both {@code null} or have
   * the same keys with elements of equal synced fields ({@link ColumnSync#syncedEquals}): a
   * difference in an element's local-only fields is none.
   *
   * @param a a value, or {@code null}
   * @param b another, or {@code null}
   * @return whether they are equal as synced state
   */
  static boolean equalColumns(Map<String, Column> a, Map<String, Column> b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, Column> entry : a.entrySet()) {
      if (!b.containsKey(entry.getKey())) {
        return false;
      }
      if (!equalColumnsValue(entry.getValue(), b.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code a} and {@code b}, elements of {@code columns}, are both {@code null} or
   * have equal synced fields.
   *
   * @param a an element, or {@code null}
   * @param b another, or {@code null}
   * @return whether they are equal as synced state
   */
  private static boolean equalColumnsValue(Column a, Column b) {
    return a == b || (a != null && b != null && ColumnSync.TYPE.syncedEquals(a, b));
  }

  /**
   * A hash of the synced state of {@code value}, a value of {@code columns}, that agrees with
   * {@code equalColumns}.
   *
   * @param value the value, or {@code null}
   * @return its hash, or 0 for {@code null}
   */
  static int hashColumns(Map<String, Column> value) {
    if (value == null) {
      return 0;
    }
    int hash = 0;
    for (Map.Entry<String, Column> entry : value.entrySet()) {
      hash += Objects.hashCode(entry.getKey()) ^ hashColumnsValue(entry.getValue());
    }
    return hash;
  }

  /**
   * A hash of the synced fields of {@code value}, an element of {@code columns}.
   *
   * @param value the element, or {@code null}
   * @return the hash of its snapshot, or 0 for {@code null}
   */
  private static int hashColumnsValue(Column value) {
    return value == null ? 0 : ColumnSync.TYPE.snapshot(value).hashCode();
  }

  /**
   * The synced state of {@code value}, a value of {@code columns}, as text: its elements'
   * snapshots.
   *
   * @param value the value, or {@code null}
   * @return its text, or {@code "null"}
   */
  static String textColumns(Map<String, Column> value) {
    return value == null ? "null" : viewColumns(value).toString();
  }

  /**
   * The snapshots of the elements of {@code value}, a value of {@code columns}, in its order,
   * by its keys; {@code null} for a {@code null} element.
   *
   * @param value the value
   * @return a new map
   */
  private static Map<String, Object> viewColumns(Map<String, Column> value) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (Map.Entry<String, Column> entry : value.entrySet()) {
      Column item = entry.getValue();
      view.put(entry.getKey(), item == null ? null : ColumnSync.TYPE.snapshot(item));
    }
    return view;
  }
}
