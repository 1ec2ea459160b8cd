package golden;

import io.github.synced.runtime.NestedEdit;
import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.FieldSet;
import io.github.synced.runtime.spi.Inside;
import io.github.synced.runtime.spi.Patch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * A typed partial update of {@link Board}: the synced fields it sets, each with its value.
 *
 * <p>Immutable: every setter returns a new patch, so a patch held by a pending mutation has
 * the same effect each time it is applied. A field that is not set is absent, which is
 * different from a field set to {@code null}. Start from {@link #empty()}, for example
 * {@code BoardPatch.empty().tags(...).labels(...)}.
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public final class BoardPatch implements Patch<Board> {
  /**
   * The patch that sets no field.
   */
  private static final BoardPatch EMPTY = new BoardPatch(0L, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, 0L);

  /**
   * The fields this patch sets: bit {@code i} for the field whose ordinal is {@code i}.
   */
  private final long fields;

  /**
   * The value this patch gives {@code id}, if it sets it; else the default.
   */
  private final String id;

  /**
   * The value this patch gives {@code tags}, if it sets it; else the default.
   */
  private final List<String> tags;

  /**
   * The value this patch gives {@code labels}, if it sets it; else the default.
   */
  private final Set<Priority> labels;

  /**
   * The value this patch gives {@code scores}, if it sets it; else the default.
   */
  private final NavigableSet<Integer> scores;

  /**
   * The value this patch gives {@code counts}, if it sets it; else the default.
   */
  private final Map<String, Integer> counts;

  /**
   * The value this patch gives {@code links}, if it sets it; else the default.
   */
  private final SortedMap<UUID, List<String>> links;

  /**
   * The value this patch gives {@code rows}, if it sets it; else the default.
   */
  private final List<List<String>> rows;

  /**
   * The value this patch gives {@code subtitle}, if it sets it; else the default.
   */
  private final Optional<String> subtitle;

  /**
   * The value this patch gives {@code limit}, if it sets it; else the default.
   */
  private final OptionalInt limit;

  /**
   * The value this patch gives {@code avatar}, if it sets it; else the default.
   */
  private final byte[] avatar;

  /**
   * The value this patch gives {@code aliases}, if it sets it; else the default.
   */
  private final String[] aliases;

  /**
   * The value this patch gives {@code sizes}, if it sets it; else the default.
   */
  private final int[] sizes;

  /**
   * The value this patch gives {@code budget}, if it sets it; else the default.
   */
  private final Money budget;

  /**
   * The value this patch gives {@code bonus}, if it sets it; else the default.
   */
  private final Optional<Money> bonus;

  /**
   * The value this patch gives {@code costs}, if it sets it; else the default.
   */
  private final List<Money> costs;

  /**
   * The value this patch gives {@code owner}, if it sets it; else the default.
   */
  private final Owner owner;

  /**
   * The value this patch gives {@code version}, if it sets it; else the default.
   */
  private final long version;

  /**
   * The fields of {@code owner} this patch changes, if it changes them rather than set a whole
   * value; else {@code null}.
   */
  private final NestedEdit<Owner, OwnerPatch> ownerEdits;

  /**
   * A patch that sets {@code fields} to these values; every other value must be its type's
   * default. Not private: {@link BoardSync} and the codec make patches too.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param tags the value it gives {@code tags}
   * @param labels the value it gives {@code labels}
   * @param scores the value it gives {@code scores}
   * @param counts the value it gives {@code counts}
   * @param links the value it gives {@code links}
   * @param rows the value it gives {@code rows}
   * @param subtitle the value it gives {@code subtitle}
   * @param limit the value it gives {@code limit}
   * @param avatar the value it gives {@code avatar}
   * @param aliases the value it gives {@code aliases}
   * @param sizes the value it gives {@code sizes}
   * @param budget the value it gives {@code budget}
   * @param bonus the value it gives {@code bonus}
   * @param costs the value it gives {@code costs}
   * @param owner the value it gives {@code owner}
   * @param version the value it gives {@code version}
   */
  BoardPatch(long fields, String id, List<String> tags, Set<Priority> labels,
      NavigableSet<Integer> scores, Map<String, Integer> counts,
      SortedMap<UUID, List<String>> links, List<List<String>> rows, Optional<String> subtitle,
      OptionalInt limit, byte[] avatar, String[] aliases, int[] sizes, Money budget,
      Optional<Money> bonus, List<Money> costs, Owner owner, long version) {
    this(fields, id, tags, labels, scores, counts, links, rows, subtitle, limit, avatar, aliases,
        sizes, budget, bonus, costs, owner, version, null);
  }

  /**
   * A patch that sets {@code fields} to these values, and those it changes inside by these
   * changes.
   *
   * @param fields the fields it sets, as bits
   * @param id the value it gives {@code id}
   * @param tags the value it gives {@code tags}
   * @param labels the value it gives {@code labels}
   * @param scores the value it gives {@code scores}
   * @param counts the value it gives {@code counts}
   * @param links the value it gives {@code links}
   * @param rows the value it gives {@code rows}
   * @param subtitle the value it gives {@code subtitle}
   * @param limit the value it gives {@code limit}
   * @param avatar the value it gives {@code avatar}
   * @param aliases the value it gives {@code aliases}
   * @param sizes the value it gives {@code sizes}
   * @param budget the value it gives {@code budget}
   * @param bonus the value it gives {@code bonus}
   * @param costs the value it gives {@code costs}
   * @param owner the value it gives {@code owner}
   * @param version the value it gives {@code version}
   * @param ownerEdits the change it makes inside {@code owner}, or {@code null}
   */
  private BoardPatch(long fields, String id, List<String> tags, Set<Priority> labels,
      NavigableSet<Integer> scores, Map<String, Integer> counts,
      SortedMap<UUID, List<String>> links, List<List<String>> rows, Optional<String> subtitle,
      OptionalInt limit, byte[] avatar, String[] aliases, int[] sizes, Money budget,
      Optional<Money> bonus, List<Money> costs, Owner owner, long version,
      NestedEdit<Owner, OwnerPatch> ownerEdits) {
    this.fields = fields;
    this.id = id;
    this.tags = tags;
    this.labels = labels;
    this.scores = scores;
    this.counts = counts;
    this.links = links;
    this.rows = rows;
    this.subtitle = subtitle;
    this.limit = limit;
    this.avatar = avatar;
    this.aliases = aliases;
    this.sizes = sizes;
    this.budget = budget;
    this.bonus = bonus;
    this.costs = costs;
    this.owner = owner;
    this.version = version;
    this.ownerEdits = ownerEdits;
  }

  /**
   * {@return a patch that sets no field}
   */
  public static BoardPatch empty() {
    return EMPTY;
  }

  /**
   * A new patch that sets everything this one sets, and {@code id} to {@code id}.
   *
   * @param id the value to set
   * @return the new patch
   */
  public BoardPatch id(String id) {
    return new BoardPatch(fields | 1L << 0, id, tags, labels, scores, counts, links, rows, subtitle,
        limit, avatar, aliases, sizes, budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code id}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String id() {
    return id;
  }

  /**
   * A new patch that sets everything this one sets, and {@code tags} to {@code tags}.
   *
   * @param tags the value to set
   * @return the new patch
   */
  public BoardPatch tags(List<String> tags) {
    return new BoardPatch(fields | 1L << 1, id, BoardSync.freezeTags(tags), labels, scores, counts,
        links, rows, subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, owner, version,
        ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code tags}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public List<String> tags() {
    return tags;
  }

  /**
   * A new patch that sets everything this one sets, and {@code labels} to {@code labels}.
   *
   * @param labels the value to set
   * @return the new patch
   */
  public BoardPatch labels(Set<Priority> labels) {
    return new BoardPatch(fields | 1L << 2, id, tags, BoardSync.freezeLabels(labels), scores,
        counts, links, rows, subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, owner,
        version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code labels}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Set<Priority> labels() {
    return labels;
  }

  /**
   * A new patch that sets everything this one sets, and {@code scores} to {@code scores}.
   *
   * @param scores the value to set
   * @return the new patch
   */
  public BoardPatch scores(NavigableSet<Integer> scores) {
    return new BoardPatch(fields | 1L << 3, id, tags, labels, BoardSync.freezeScores(scores),
        counts, links, rows, subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, owner,
        version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code scores}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public NavigableSet<Integer> scores() {
    return scores;
  }

  /**
   * A new patch that sets everything this one sets, and {@code counts} to {@code counts}.
   *
   * @param counts the value to set
   * @return the new patch
   */
  public BoardPatch counts(Map<String, Integer> counts) {
    return new BoardPatch(fields | 1L << 4, id, tags, labels, scores,
        BoardSync.freezeCounts(counts), links, rows, subtitle, limit, avatar, aliases, sizes,
        budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code counts}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Map<String, Integer> counts() {
    return counts;
  }

  /**
   * A new patch that sets everything this one sets, and {@code links} to {@code links}.
   *
   * @param links the value to set
   * @return the new patch
   */
  public BoardPatch links(SortedMap<UUID, List<String>> links) {
    return new BoardPatch(fields | 1L << 5, id, tags, labels, scores, counts,
        BoardSync.freezeLinks(links), rows, subtitle, limit, avatar, aliases, sizes, budget, bonus,
        costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code links}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public SortedMap<UUID, List<String>> links() {
    return links;
  }

  /**
   * A new patch that sets everything this one sets, and {@code rows} to {@code rows}.
   *
   * @param rows the value to set
   * @return the new patch
   */
  public BoardPatch rows(List<List<String>> rows) {
    return new BoardPatch(fields | 1L << 6, id, tags, labels, scores, counts, links,
        BoardSync.freezeRows(rows), subtitle, limit, avatar, aliases, sizes, budget, bonus, costs,
        owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code rows}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public List<List<String>> rows() {
    return rows;
  }

  /**
   * A new patch that sets everything this one sets, and {@code subtitle} to {@code subtitle}.
   *
   * @param subtitle the value to set
   * @return the new patch
   */
  public BoardPatch subtitle(Optional<String> subtitle) {
    return new BoardPatch(fields | 1L << 7, id, tags, labels, scores, counts, links, rows, subtitle,
        limit, avatar, aliases, sizes, budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code subtitle}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Optional<String> subtitle() {
    return subtitle;
  }

  /**
   * A new patch that sets everything this one sets, and {@code limit} to {@code limit}.
   *
   * @param limit the value to set
   * @return the new patch
   */
  public BoardPatch limit(OptionalInt limit) {
    return new BoardPatch(fields | 1L << 8, id, tags, labels, scores, counts, links, rows, subtitle,
        limit, avatar, aliases, sizes, budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code limit}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public OptionalInt limit() {
    return limit;
  }

  /**
   * A new patch that sets everything this one sets, and {@code avatar} to {@code avatar}.
   *
   * @param avatar the value to set
   * @return the new patch
   */
  public BoardPatch avatar(byte[] avatar) {
    return new BoardPatch(fields | 1L << 9, id, tags, labels, scores, counts, links, rows, subtitle,
        limit, BoardSync.copyAvatar(avatar), aliases, sizes, budget, bonus, costs, owner, version,
        ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code avatar}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public byte[] avatar() {
    return BoardSync.copyAvatar(avatar);
  }

  /**
   * A new patch that sets everything this one sets, and {@code aliases} to {@code aliases}.
   *
   * @param aliases the value to set
   * @return the new patch
   */
  public BoardPatch aliases(String[] aliases) {
    return new BoardPatch(fields | 1L << 10, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, BoardSync.copyAliases(aliases), sizes, budget, bonus, costs, owner,
        version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code aliases}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public String[] aliases() {
    return BoardSync.copyAliases(aliases);
  }

  /**
   * A new patch that sets everything this one sets, and {@code sizes} to {@code sizes}.
   *
   * @param sizes the value to set
   * @return the new patch
   */
  public BoardPatch sizes(int[] sizes) {
    return new BoardPatch(fields | 1L << 11, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, BoardSync.copySizes(sizes), budget, bonus, costs, owner,
        version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code sizes}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public int[] sizes() {
    return BoardSync.copySizes(sizes);
  }

  /**
   * A new patch that sets everything this one sets, and {@code budget} to {@code budget}.
   *
   * @param budget the value to set
   * @return the new patch
   */
  public BoardPatch budget(Money budget) {
    return new BoardPatch(fields | 1L << 12, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code budget}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Money budget() {
    return budget;
  }

  /**
   * A new patch that sets everything this one sets, and {@code bonus} to {@code bonus}.
   *
   * @param bonus the value to set
   * @return the new patch
   */
  public BoardPatch bonus(Optional<Money> bonus) {
    return new BoardPatch(fields | 1L << 13, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code bonus}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Optional<Money> bonus() {
    return bonus;
  }

  /**
   * A new patch that sets everything this one sets, and {@code costs} to {@code costs}.
   *
   * @param costs the value to set
   * @return the new patch
   */
  public BoardPatch costs(List<Money> costs) {
    return new BoardPatch(fields | 1L << 14, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, sizes, budget, bonus, BoardSync.freezeCosts(costs), owner,
        version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code costs}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public List<Money> costs() {
    return costs;
  }

  /**
   * A new patch that sets everything this one sets, and {@code owner} to {@code owner}.
   *
   * @param owner the value to set
   * @return the new patch
   */
  public BoardPatch owner(Owner owner) {
    return new BoardPatch(fields | 1L << 15, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, BoardSync.freezeOwner(owner),
        version, null);
  }

  /**
   * A new patch that sets everything this one sets, and changes fields of {@code owner} with
   * the patch {@code edit} makes from the one given: the fields it does not set, and the
   * object's local-only fields, keep the values they have when the patch is applied, so a
   * mutation made of it changes only those fields, whatever the server changes meanwhile. If
   * this patch sets a whole {@code owner} already, the change is made to it.
   *
   * @param edit given the fields changed so far, returns the fields to change
   * @return the new patch
   */
  public BoardPatch editOwner(UnaryOperator<OwnerPatch> edit) {
    NestedEdit<Owner, OwnerPatch> change = NestedEdit.of(OwnerSync.TYPE,
        Objects.requireNonNull(edit.apply(ownerEdits == null ? OwnerPatch.empty()
        : ownerEdits.patch()), "the edit returned null"));
    if ((fields & 1L << 15) != 0 && ownerEdits == null) {
      return owner(change.applyTo(owner));
    }
    return new BoardPatch(fields | 1L << 15, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, null, version, change);
  }

  /**
   * {@return the value this patch gives {@code owner}, or {@code null} if it does not set it}
   * (See {@link #sets}.)
   */
  public Owner owner() {
    return BoardSync.copyOwner(owner);
  }

  /**
   * A new patch that sets everything this one sets, and {@code version} to {@code version}.
   *
   * @param version the value to set
   * @return the new patch
   */
  public BoardPatch version(long version) {
    return new BoardPatch(fields | 1L << 16, id, tags, labels, scores, counts, links, rows,
        subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, owner, version, ownerEdits);
  }

  /**
   * {@return the value this patch gives {@code version}, or {@code 0L} if it does not set it}
   * (See {@link #sets}.)
   */
  public long version() {
    return version;
  }

  /**
   * The fields this patch sets, in declaration order; unmodifiable.
   */
  @Override
  public FieldSet<BoardField> fields() {
    return FieldSet.of(BoardSync.TYPE.fields(), fields);
  }

  /**
   * Whether this patch sets {@code field}; allocates nothing.
   */
  @Override
  public boolean sets(EntityField field) {
    return field instanceof BoardField known && (fields & 1L << known.ordinal()) != 0;
  }

  /**
   * Whether this patch sets no field.
   */
  @Override
  public boolean isEmpty() {
    return fields == 0;
  }

  /**
   * The value this patch gives {@code field} (primitives boxed).
   *
   * @throws IllegalArgumentException if this patch does not set {@code field}
   */
  @Override
  public Object get(EntityField field) {
    BoardField known = BoardField.of(field);
    if (!sets(known)) {
      throw new IllegalArgumentException("BoardPatch does not set '" + known.fieldName() + "'");
    }
    return switch (known) {
      case ID -> this.id;
      case TAGS -> this.tags;
      case LABELS -> this.labels;
      case SCORES -> this.scores;
      case COUNTS -> this.counts;
      case LINKS -> this.links;
      case ROWS -> this.rows;
      case SUBTITLE -> this.subtitle;
      case LIMIT -> this.limit;
      case AVATAR -> BoardSync.copyAvatar(this.avatar);
      case ALIASES -> BoardSync.copyAliases(this.aliases);
      case SIZES -> BoardSync.copySizes(this.sizes);
      case BUDGET -> this.budget;
      case BONUS -> this.bonus;
      case COSTS -> this.costs;
      case OWNER -> BoardSync.copyOwner(this.owner);
      case VERSION -> this.version;
    };
  }

  /**
   * The change this patch makes inside {@code field}'s value, if it sets it that way; else
   * {@code null}.
   */
  @Override
  public Inside<?> inside(EntityField field) {
    if (field == BoardField.OWNER) {
      return ownerEdits;
    }
    return null;
  }

  /**
   * Whether this patch changes inside some field.
   */
  @Override
  public boolean changesInside() {
    return ownerEdits != null;
  }

  /**
   * A patch that sets what this one sets, with {@code field} set by the change {@code inside}
   * instead; {@code inside} is one this class made for {@code field}.
   */
  @Override
  @SuppressWarnings("unchecked")
  public BoardPatch withInside(EntityField field, Inside<?> inside) {
    return switch (BoardField.of(field)) {
      case OWNER -> new BoardPatch(fields | 1L << 15, id, tags, labels, scores, counts, links, rows,
          subtitle, limit, avatar, aliases, sizes, budget, bonus, costs, null, version,
          (NestedEdit<Owner, OwnerPatch>) inside);
      default -> throw new IllegalArgumentException("BoardPatch changes nothing inside '" + field.fieldName() + "'");
    };
  }

  /**
   * Sets exactly this patch's fields on {@code target} and returns it; every other field,
   * local-only ones included, keeps its value.
   */
  @Override
  public Board applyTo(Board target) {
    if ((fields & 1L << 0) != 0) {
      target.id = this.id;
    }
    if ((fields & 1L << 1) != 0) {
      target.tags = BoardSync.copyTags(this.tags);
    }
    if ((fields & 1L << 2) != 0) {
      target.labels = BoardSync.copyLabels(this.labels);
    }
    if ((fields & 1L << 3) != 0) {
      target.scores = BoardSync.copyScores(this.scores);
    }
    if ((fields & 1L << 4) != 0) {
      target.counts = BoardSync.copyCounts(this.counts);
    }
    if ((fields & 1L << 5) != 0) {
      target.links = BoardSync.copyLinks(this.links);
    }
    if ((fields & 1L << 6) != 0) {
      target.rows = BoardSync.copyRows(this.rows);
    }
    if ((fields & 1L << 7) != 0) {
      target.subtitle = this.subtitle;
    }
    if ((fields & 1L << 8) != 0) {
      target.limit = this.limit;
    }
    if ((fields & 1L << 9) != 0) {
      target.avatar = BoardSync.copyAvatar(this.avatar);
    }
    if ((fields & 1L << 10) != 0) {
      target.aliases = BoardSync.copyAliases(this.aliases);
    }
    if ((fields & 1L << 11) != 0) {
      target.sizes = BoardSync.copySizes(this.sizes);
    }
    if ((fields & 1L << 12) != 0) {
      target.budget = this.budget;
    }
    if ((fields & 1L << 13) != 0) {
      target.bonus = this.bonus;
    }
    if ((fields & 1L << 14) != 0) {
      target.costs = BoardSync.copyCosts(this.costs);
    }
    if ((fields & 1L << 15) != 0) {
      target.owner = (this.ownerEdits != null ? this.ownerEdits.applyTo(target.owner)
          : BoardSync.mergeOwner(target.owner, this.owner));
    }
    if ((fields & 1L << 16) != 0) {
      target.version = this.version;
    }
    return target;
  }

  /**
   * Whether {@code object} is a patch that sets the same fields to equal values.
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof BoardPatch that
        && fields == that.fields
        && Objects.equals(this.id, that.id)
        && Objects.equals(this.tags, that.tags)
        && Objects.equals(this.labels, that.labels)
        && Objects.equals(this.scores, that.scores)
        && Objects.equals(this.counts, that.counts)
        && Objects.equals(this.links, that.links)
        && Objects.equals(this.rows, that.rows)
        && Objects.equals(this.subtitle, that.subtitle)
        && Objects.equals(this.limit, that.limit)
        && Arrays.equals(this.avatar, that.avatar)
        && Arrays.equals(this.aliases, that.aliases)
        && Arrays.equals(this.sizes, that.sizes)
        && Objects.equals(this.budget, that.budget)
        && Objects.equals(this.bonus, that.bonus)
        && Objects.equals(this.costs, that.costs)
        && BoardSync.equalOwner(this.owner, that.owner)
        && this.version == that.version
        && Objects.equals(this.ownerEdits, that.ownerEdits);
  }

  /**
   * A hash of the fields this patch sets and their values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(fields, id, tags, labels, scores, counts, links, rows, subtitle, limit,
        Arrays.hashCode(avatar), Arrays.hashCode(aliases), Arrays.hashCode(sizes), budget, bonus,
        costs, BoardSync.hashOwner(owner), version, ownerEdits);
  }

  /**
   * The fields this patch sets with their values, for example {@code BoardPatch{id=...}}.
   */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "BoardPatch{", "}");
    for (BoardField field : fields()) {
      String text = switch (field) {
        case AVATAR -> Arrays.toString(this.avatar);
        case ALIASES -> Arrays.toString(this.aliases);
        case SIZES -> Arrays.toString(this.sizes);
        case OWNER -> ownerEdits != null ? "changed inside " + ownerEdits
            : BoardSync.textOwner(this.owner);
        default -> String.valueOf(get(field));
      };
      joiner.add(field.fieldName() + "=" + text);
    }
    return joiner.toString();
  }
}
