package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.EntityType;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The description of {@link Board} that the Synced runtime works through: id and version,
 * copies, snapshots, restore, merge, patches and diffs, in plain code without reflection.
 *
 * <p>{@code Board} is a mutable class: {@code withId}, {@code restore} and {@code merge}
 * change their first argument in place and return it.
 *
 * <p>Synced fields are the server's; local-only fields are the client's. Every method that
 * takes synced fields from one entity keeps the local-only fields of the other.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class BoardSync implements EntityType<String, Board> {
  /**
   * The description of {@link Board}.
   */
  public static final BoardSync TYPE = new BoardSync();

  /**
   * The synced fields in declaration order, unmodifiable.
   */
  private static final List<BoardField> FIELDS = List.of(BoardField.values());

  /**
   * The one instance is {@link #TYPE}.
   */
  private BoardSync() {
  }

  /**
   * {@code "Board"}, the entity's simple name.
   */
  @Override
  public String name() {
    return "Board";
  }

  /**
   * {@code Board.class}.
   */
  @Override
  public Class<Board> type() {
    return Board.class;
  }

  /**
   * The synced fields in declaration order (superclass fields first); unmodifiable.
   */
  @Override
  public List<BoardField> fields() {
    return FIELDS;
  }

  /**
   * {@link BoardField#ID}.
   */
  @Override
  public BoardField idField() {
    return BoardField.ID;
  }

  /**
   * {@code String.class}, the class of the id.
   */
  @Override
  public Class<String> idType() {
    return String.class;
  }

  /**
   * {@code null}, the id a new {@link Board} has before it is given one.
   */
  @Override
  public String unsetId() {
    return null;
  }

  /**
   * The entity's {@code id}.
   */
  @Override
  public String id(Board entity) {
    return entity.id;
  }

  /**
   * Sets the id of {@code entity} to {@code id} and returns {@code entity}.
   */
  @Override
  public Board withId(Board entity, String id) {
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
   * {@code true}: {@code owner} holds other {@code @Synced} objects, whose local-only fields
   * the store keeps.
   */
  @Override
  public boolean holdsEntities() {
    return true;
  }

  /**
   * {@link BoardField#VERSION}.
   */
  @Override
  public BoardField versionField() {
    return BoardField.VERSION;
  }

  /**
   * The entity's {@code version}, boxed.
   */
  @Override
  public Object version(Board entity) {
    return entity.version;
  }

  /**
   * Compares the {@code version} of {@code a} and {@code b}: negative if {@code a} is older.
   */
  @Override
  public int compareVersions(Board a, Board b) {
    return Long.compare(a.version, b.version);
  }

  /**
   * A new {@link Board} equal to {@code entity} in every field, synced and local-only. Synced
   * collections, maps, arrays and nested objects are copied (by the {@code copy} helpers
   * below); local-only values are copied as they are: a mutable local-only value, such as a
   * list, is shared.
   */
  @Override
  public Board copy(Board entity) {
    Board copy = new Board();
    copy.id = entity.id;
    copy.tags = BoardSync.copyTags(entity.tags);
    copy.labels = BoardSync.copyLabels(entity.labels);
    copy.scores = BoardSync.copyScores(entity.scores);
    copy.counts = BoardSync.copyCounts(entity.counts);
    copy.links = BoardSync.copyLinks(entity.links);
    copy.rows = BoardSync.copyRows(entity.rows);
    copy.subtitle = entity.subtitle;
    copy.limit = entity.limit;
    copy.avatar = BoardSync.copyAvatar(entity.avatar);
    copy.aliases = BoardSync.copyAliases(entity.aliases);
    copy.sizes = BoardSync.copySizes(entity.sizes);
    copy.budget = entity.budget;
    copy.bonus = entity.bonus;
    copy.costs = BoardSync.copyCosts(entity.costs);
    copy.owner = BoardSync.copyOwner(entity.owner);
    copy.version = entity.version;
    copy.recent = entity.recent;
    return copy;
  }

  /**
   * A new {@link Board} with the synced fields of {@code entity} and every local-only field as
   * a new instance has it: what may leave the client.
   */
  @Override
  public Board syncedCopy(Board entity) {
    Board copy = new Board();
    copy.id = entity.id;
    copy.tags = BoardSync.copyTags(entity.tags);
    copy.labels = BoardSync.copyLabels(entity.labels);
    copy.scores = BoardSync.copyScores(entity.scores);
    copy.counts = BoardSync.copyCounts(entity.counts);
    copy.links = BoardSync.copyLinks(entity.links);
    copy.rows = BoardSync.copyRows(entity.rows);
    copy.subtitle = entity.subtitle;
    copy.limit = entity.limit;
    copy.avatar = BoardSync.copyAvatar(entity.avatar);
    copy.aliases = BoardSync.copyAliases(entity.aliases);
    copy.sizes = BoardSync.copySizes(entity.sizes);
    copy.budget = entity.budget;
    copy.bonus = entity.bonus;
    copy.costs = BoardSync.copyCosts(entity.costs);
    copy.owner = BoardSync.freezeOwner(entity.owner);
    copy.version = entity.version;
    return copy;
  }

  /**
   * The synced fields of {@code entity}, as an immutable value: with {@link #restore}, an undo
   * of synced state; with {@code equals}, a comparison of it.
   */
  @Override
  public BoardSnapshot snapshot(Board entity) {
    return new BoardSnapshot(
        entity.id,
        entity.tags,
        entity.labels,
        entity.scores,
        entity.counts,
        entity.links,
        entity.rows,
        entity.subtitle,
        entity.limit,
        entity.avatar,
        entity.aliases,
        entity.sizes,
        entity.budget,
        entity.bonus,
        entity.costs,
        entity.owner,
        entity.version);
  }

  /**
   * Sets every synced field of {@code target} to its value in {@code snapshot} and returns
   * {@code target}; local-only fields keep their values.
   *
   * @throws IllegalArgumentException if {@code snapshot} was not made by {@link #snapshot}
   */
  @Override
  public Board restore(Board target, Snapshot<Board> snapshot) {
    if (!(snapshot instanceof BoardSnapshot values)) {
      throw new IllegalArgumentException("not a snapshot made by BoardSync: " + snapshot);
    }
    target.id = values.id();
    target.tags = BoardSync.copyTags(values.tags());
    target.labels = BoardSync.copyLabels(values.labels());
    target.scores = BoardSync.copyScores(values.scores());
    target.counts = BoardSync.copyCounts(values.counts());
    target.links = BoardSync.copyLinks(values.links());
    target.rows = BoardSync.copyRows(values.rows());
    target.subtitle = values.subtitle();
    target.limit = values.limit();
    target.avatar = BoardSync.copyAvatar(values.avatar());
    target.aliases = BoardSync.copyAliases(values.aliases());
    target.sizes = BoardSync.copySizes(values.sizes());
    target.budget = values.budget();
    target.bonus = values.bonus();
    target.costs = BoardSync.copyCosts(values.costs());
    target.owner = BoardSync.mergeOwner(target.owner, values.owner());
    target.version = values.version();
    return target;
  }

  /**
   * Sets every synced field of {@code local} to its value in {@code server} and returns
   * {@code local}; local-only fields keep their values and {@code server} is not changed.
   */
  @Override
  public Board merge(Board local, Board server) {
    local.id = server.id;
    local.tags = BoardSync.copyTags(server.tags);
    local.labels = BoardSync.copyLabels(server.labels);
    local.scores = BoardSync.copyScores(server.scores);
    local.counts = BoardSync.copyCounts(server.counts);
    local.links = BoardSync.copyLinks(server.links);
    local.rows = BoardSync.copyRows(server.rows);
    local.subtitle = server.subtitle;
    local.limit = server.limit;
    local.avatar = BoardSync.copyAvatar(server.avatar);
    local.aliases = BoardSync.copyAliases(server.aliases);
    local.sizes = BoardSync.copySizes(server.sizes);
    local.budget = server.budget;
    local.bonus = server.bonus;
    local.costs = BoardSync.copyCosts(server.costs);
    local.owner = BoardSync.mergeOwner(local.owner, server.owner);
    local.version = server.version;
    return local;
  }

  /**
   * A patch that sets {@code fields} to their values in {@code source}.
   *
   * @throws IllegalArgumentException if a field is not a synced field of {@link Board}
   */
  @Override
  public BoardPatch patch(Board source, Set<? extends EntityField> fields) {
    long set = 0;
    for (EntityField each : fields) {
      set |= 1L << BoardField.of(each).ordinal();
    }
    return new BoardPatch(
        set,
        (set & 1L << 0) != 0 ? source.id : null,
        (set & 1L << 1) != 0 ? BoardSync.freezeTags(source.tags) : null,
        (set & 1L << 2) != 0 ? BoardSync.freezeLabels(source.labels) : null,
        (set & 1L << 3) != 0 ? BoardSync.freezeScores(source.scores) : null,
        (set & 1L << 4) != 0 ? BoardSync.freezeCounts(source.counts) : null,
        (set & 1L << 5) != 0 ? BoardSync.freezeLinks(source.links) : null,
        (set & 1L << 6) != 0 ? BoardSync.freezeRows(source.rows) : null,
        (set & 1L << 7) != 0 ? source.subtitle : null,
        (set & 1L << 8) != 0 ? source.limit : null,
        (set & 1L << 9) != 0 ? BoardSync.copyAvatar(source.avatar) : null,
        (set & 1L << 10) != 0 ? BoardSync.copyAliases(source.aliases) : null,
        (set & 1L << 11) != 0 ? BoardSync.copySizes(source.sizes) : null,
        (set & 1L << 12) != 0 ? source.budget : null,
        (set & 1L << 13) != 0 ? source.bonus : null,
        (set & 1L << 14) != 0 ? BoardSync.freezeCosts(source.costs) : null,
        (set & 1L << 15) != 0 ? BoardSync.freezeOwner(source.owner) : null,
        (set & 1L << 16) != 0 ? source.version : 0L);
  }

  /**
   * The synced fields whose values differ between {@code a} and {@code b}, in declaration
   * order; unmodifiable. Values are compared with {@code ==} for primitives, {@code compare}
   * for floating-point values (so {@code NaN} equals itself) and {@code equals} otherwise (so
   * {@code BigDecimal} values of different scale differ).
   */
  @Override
  public FieldSet<BoardField> diff(Board a, Board b) {
    long changed = 0L;
    if (!Objects.equals(a.id, b.id)) {
      changed |= 1L << 0;
    }
    if (!Objects.equals(a.tags, b.tags)) {
      changed |= 1L << 1;
    }
    if (!Objects.equals(a.labels, b.labels)) {
      changed |= 1L << 2;
    }
    if (!Objects.equals(a.scores, b.scores)) {
      changed |= 1L << 3;
    }
    if (!Objects.equals(a.counts, b.counts)) {
      changed |= 1L << 4;
    }
    if (!Objects.equals(a.links, b.links)) {
      changed |= 1L << 5;
    }
    if (!Objects.equals(a.rows, b.rows)) {
      changed |= 1L << 6;
    }
    if (!Objects.equals(a.subtitle, b.subtitle)) {
      changed |= 1L << 7;
    }
    if (!Objects.equals(a.limit, b.limit)) {
      changed |= 1L << 8;
    }
    if (!Arrays.equals(a.avatar, b.avatar)) {
      changed |= 1L << 9;
    }
    if (!Arrays.equals(a.aliases, b.aliases)) {
      changed |= 1L << 10;
    }
    if (!Arrays.equals(a.sizes, b.sizes)) {
      changed |= 1L << 11;
    }
    if (!Objects.equals(a.budget, b.budget)) {
      changed |= 1L << 12;
    }
    if (!Objects.equals(a.bonus, b.bonus)) {
      changed |= 1L << 13;
    }
    if (!Objects.equals(a.costs, b.costs)) {
      changed |= 1L << 14;
    }
    if (!BoardSync.equalOwner(a.owner, b.owner)) {
      changed |= 1L << 15;
    }
    if (a.version != b.version) {
      changed |= 1L << 16;
    }
    return FieldSet.of(FIELDS, changed);
  }

  /**
   * Whether every synced field of {@code a} equals that of {@code b}, compared as
   * {@link #diff} compares them; nothing is allocated.
   */
  @Override
  public boolean syncedEquals(Board a, Board b) {
    return Objects.equals(a.id, b.id)
        && Objects.equals(a.tags, b.tags)
        && Objects.equals(a.labels, b.labels)
        && Objects.equals(a.scores, b.scores)
        && Objects.equals(a.counts, b.counts)
        && Objects.equals(a.links, b.links)
        && Objects.equals(a.rows, b.rows)
        && Objects.equals(a.subtitle, b.subtitle)
        && Objects.equals(a.limit, b.limit)
        && Arrays.equals(a.avatar, b.avatar)
        && Arrays.equals(a.aliases, b.aliases)
        && Arrays.equals(a.sizes, b.sizes)
        && Objects.equals(a.budget, b.budget)
        && Objects.equals(a.bonus, b.bonus)
        && Objects.equals(a.costs, b.costs)
        && BoardSync.equalOwner(a.owner, b.owner)
        && a.version == b.version;
  }

  /**
   * The value of {@code field} in {@code entity} (primitives boxed).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Board}
   */
  @Override
  public Object get(Board entity, EntityField field) {
    return switch (BoardField.of(field)) {
      case ID -> entity.id;
      case TAGS -> entity.tags;
      case LABELS -> entity.labels;
      case SCORES -> entity.scores;
      case COUNTS -> entity.counts;
      case LINKS -> entity.links;
      case ROWS -> entity.rows;
      case SUBTITLE -> entity.subtitle;
      case LIMIT -> entity.limit;
      case AVATAR -> entity.avatar;
      case ALIASES -> entity.aliases;
      case SIZES -> entity.sizes;
      case BUDGET -> entity.budget;
      case BONUS -> entity.bonus;
      case COSTS -> entity.costs;
      case OWNER -> entity.owner;
      case VERSION -> entity.version;
    };
  }

  /**
   * Sets every local-only field of {@code target} to its value in {@code from}, in nested
   * objects and in elements matched by id too, and returns {@code target}; elements
   * {@code from} does not have keep their own. {@code from} is not changed.
   */
  @Override
  public Board withLocalOnly(Board target, Board from) {
    target.owner = BoardSync.localOwner(target.owner, from.owner);
    target.recent = from.recent;
    return target;
  }

  /**
   * {@code target}, a value of {@code owner}, with the local-only fields of {@code from}
   * ({@link OwnerSync#withLocalOnly}); a new value of changed copies.
   *
   * @param target the value to change a copy of, or {@code null}
   * @param from the value to take local-only fields from, or {@code null}
   * @return the value, {@code target} itself where either is {@code null}
   */
  private static Owner localOwner(Owner target, Owner from) {
    if (target == null || from == null) {
      return target;
    }
    return OwnerSync.TYPE.withLocalOnly(OwnerSync.TYPE.copy(target), from);
  }

  /**
   * A copy of {@code value}, a value of {@code tags}, for an entity to own: a new
   * {@code ArrayList}, so that no two entities share one; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<String> copyTags(List<String> value) {
    return value == null ? null : new ArrayList<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code tags}, for a snapshot or a patch
   * to hold; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<String> freezeTags(List<String> value) {
    return value == null ? null : Collections.unmodifiableList(new ArrayList<>(value));
  }

  /**
   * A copy of {@code value}, a value of {@code labels}, for an entity to own: a new
   * {@code LinkedHashSet}, so that no two entities share one; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Set<Priority> copyLabels(Set<Priority> value) {
    return value == null ? null : new LinkedHashSet<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code labels}, for a snapshot or a
   * patch to hold; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Set<Priority> freezeLabels(Set<Priority> value) {
    return value == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(value));
  }

  /**
   * A copy of {@code value}, a value of {@code scores}, for an entity to own: a new
   * {@code TreeSet}, so that no two entities share one.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static NavigableSet<Integer> copyScores(NavigableSet<Integer> value) {
    return value == null ? null : new TreeSet<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code scores}, for a snapshot or a
   * patch to hold.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static NavigableSet<Integer> freezeScores(NavigableSet<Integer> value) {
    return value == null ? null : Collections.unmodifiableNavigableSet(new TreeSet<>(value));
  }

  /**
   * A copy of {@code value}, a value of {@code counts}, for an entity to own: a new
   * {@code LinkedHashMap}, so that no two entities share one; {@code null} values are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Map<String, Integer> copyCounts(Map<String, Integer> value) {
    return value == null ? null : new LinkedHashMap<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code counts}, for a snapshot or a
   * patch to hold; {@code null} values are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Map<String, Integer> freezeCounts(Map<String, Integer> value) {
    return value == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(value));
  }

  /**
   * A copy of {@code value}, a value of {@code links}, for an entity to own: a new
   * {@code TreeMap}, so that no two entities share one; {@code null} values are kept. Every
   * collection inside is copied too.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static SortedMap<UUID, List<String>> copyLinks(SortedMap<UUID, List<String>> value) {
    if (value == null) {
      return null;
    }
    TreeMap<UUID, List<String>> copy = new TreeMap<>(value.comparator());
    for (Map.Entry<UUID, List<String>> entry : value.entrySet()) {
      copy.put(entry.getKey(), copyLinksValue(entry.getValue()));
    }
    return copy;
  }

  /**
   * A copy of {@code value}, a collection inside {@code links}, for an entity to own: a new
   * {@code ArrayList}, so that no two entities share one; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  private static List<String> copyLinksValue(List<String> value) {
    return value == null ? null : new ArrayList<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code links}, for a snapshot or a patch
   * to hold; {@code null} values are kept. Every collection inside is copied too.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static SortedMap<UUID, List<String>> freezeLinks(SortedMap<UUID, List<String>> value) {
    if (value == null) {
      return null;
    }
    TreeMap<UUID, List<String>> copy = new TreeMap<>(value.comparator());
    for (Map.Entry<UUID, List<String>> entry : value.entrySet()) {
      copy.put(entry.getKey(), freezeLinksValue(entry.getValue()));
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /**
   * An unmodifiable copy of {@code value}, a collection inside {@code links}, for a snapshot
   * or a patch to hold; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  private static List<String> freezeLinksValue(List<String> value) {
    return value == null ? null : Collections.unmodifiableList(new ArrayList<>(value));
  }

  /**
   * A copy of {@code value}, a value of {@code rows}, for an entity to own: a new
   * {@code ArrayList}, so that no two entities share one; {@code null} elements are kept.
   * Every collection inside is copied too.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<List<String>> copyRows(List<List<String>> value) {
    if (value == null) {
      return null;
    }
    ArrayList<List<String>> copy = new ArrayList<>(value.size());
    for (List<String> item : value) {
      copy.add(copyRowsElement(item));
    }
    return copy;
  }

  /**
   * A copy of {@code value}, a collection inside {@code rows}, for an entity to own: a new
   * {@code ArrayList}, so that no two entities share one; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  private static List<String> copyRowsElement(List<String> value) {
    return value == null ? null : new ArrayList<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code rows}, for a snapshot or a patch
   * to hold; {@code null} elements are kept. Every collection inside is copied too.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<List<String>> freezeRows(List<List<String>> value) {
    if (value == null) {
      return null;
    }
    ArrayList<List<String>> copy = new ArrayList<>(value.size());
    for (List<String> item : value) {
      copy.add(freezeRowsElement(item));
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * An unmodifiable copy of {@code value}, a collection inside {@code rows}, for a snapshot or
   * a patch to hold; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  private static List<String> freezeRowsElement(List<String> value) {
    return value == null ? null : Collections.unmodifiableList(new ArrayList<>(value));
  }

  /**
   * A copy of {@code value}, a value of {@code avatar}, for an entity, a snapshot or a patch
   * to own: a clone, so that no two share the array.
   *
   * @param value the array to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static byte[] copyAvatar(byte[] value) {
    return value == null ? null : value.clone();
  }

  /**
   * A copy of {@code value}, a value of {@code aliases}, for an entity, a snapshot or a patch
   * to own: a clone, so that no two share the array.
   *
   * @param value the array to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static String[] copyAliases(String[] value) {
    return value == null ? null : value.clone();
  }

  /**
   * A copy of {@code value}, a value of {@code sizes}, for an entity, a snapshot or a patch to
   * own: a clone, so that no two share the array.
   *
   * @param value the array to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static int[] copySizes(int[] value) {
    return value == null ? null : value.clone();
  }

  /**
   * A copy of {@code value}, a value of {@code costs}, for an entity to own: a new
   * {@code ArrayList}, so that no two entities share one; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<Money> copyCosts(List<Money> value) {
    return value == null ? null : new ArrayList<>(value);
  }

  /**
   * An unmodifiable copy of {@code value}, a value of {@code costs}, for a snapshot or a patch
   * to hold; {@code null} elements are kept.
   *
   * @param value the value to copy, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static List<Money> freezeCosts(List<Money> value) {
    return value == null ? null : Collections.unmodifiableList(new ArrayList<>(value));
  }

  /**
   * A deep copy of {@code value}, a value of {@code owner}, for an entity to own, local-only
   * fields included ({@link OwnerSync#copy}).
   *
   * @param value the nested object, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Owner copyOwner(Owner value) {
    return value == null ? null : OwnerSync.TYPE.copy(value);
  }

  /**
   * A copy of the synced fields of {@code value}, a value of {@code owner}, for a snapshot or
   * a patch to hold ({@link OwnerSync#syncedCopy}).
   *
   * @param value the nested object, or {@code null}
   * @return the copy, or {@code null} for {@code null}
   */
  static Owner freezeOwner(Owner value) {
    return value == null ? null : OwnerSync.TYPE.syncedCopy(value);
  }

  /**
   * The value of {@code owner} after taking {@code server}'s: every synced field of the nested
   * object from {@code server}, every local-only one kept from {@code local}
   * ({@link OwnerSync#merge}), as a new copy: neither argument is changed. A copy of
   * {@code server} where {@code local} is {@code null}, and {@code null} where {@code server}
   * is.
   *
   * @param local the nested object the entity has, or {@code null}
   * @param server the nested object to take the synced fields of, or {@code null}
   * @return the merged nested object, or {@code null}
   */
  static Owner mergeOwner(Owner local, Owner server) {
    if (server == null) {
      return null;
    }
    return local == null
        ? OwnerSync.TYPE.syncedCopy(server)
        : OwnerSync.TYPE.merge(OwnerSync.TYPE.copy(local), server);
  }

  /**
   * Whether {@code a} and {@code b}, values of {@code owner}, are both {@code null} or have
   * equal synced fields ({@link OwnerSync#syncedEquals}).
   *
   * @param a a nested object, or {@code null}
   * @param b another, or {@code null}
   * @return whether they are equal as synced state
   */
  static boolean equalOwner(Owner a, Owner b) {
    return a == b || (a != null && b != null && OwnerSync.TYPE.syncedEquals(a, b));
  }

  /**
   * A hash of the synced fields of {@code value}, a value of {@code owner}, that agrees with
   * {@code equalOwner}.
   *
   * @param value the nested object, or {@code null}
   * @return the hash of its snapshot, or 0 for {@code null}
   */
  static int hashOwner(Owner value) {
    return value == null ? 0 : OwnerSync.TYPE.snapshot(value).hashCode();
  }

  /**
   * The synced fields of {@code value}, a value of {@code owner}, as text.
   *
   * @param value the nested object, or {@code null}
   * @return its snapshot's text, or {@code "null"}
   */
  static String textOwner(Owner value) {
    return value == null ? "null" : OwnerSync.TYPE.snapshot(value).toString();
  }
}
