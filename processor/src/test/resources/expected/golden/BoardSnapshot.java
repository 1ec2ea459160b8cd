package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The synced fields of one {@link Board} at one moment, as an immutable value; local-only
 * fields are never part of it. Made by {@link BoardSync#snapshot}, it is an undo point
 * ({@link BoardSync#restore} puts its values back and keeps local-only ones), a comparison
 * of synced state ({@code equals}) and what a view can render.
 *
 * @param id the value of {@code id}
 * @param tags the value of {@code tags}
 * @param labels the value of {@code labels}
 * @param scores the value of {@code scores}
 * @param counts the value of {@code counts}
 * @param links the value of {@code links}
 * @param rows the value of {@code rows}
 * @param subtitle the value of {@code subtitle}
 * @param limit the value of {@code limit}
 * @param avatar the value of {@code avatar}
 * @param aliases the value of {@code aliases}
 * @param sizes the value of {@code sizes}
 * @param budget the value of {@code budget}
 * @param bonus the value of {@code bonus}
 * @param costs the value of {@code costs}
 * @param owner the value of {@code owner}
 * @param version the value of {@code version}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record BoardSnapshot(String id, List<String> tags, Set<Priority> labels,
    NavigableSet<Integer> scores, Map<String, Integer> counts, SortedMap<UUID, List<String>> links,
    List<List<String>> rows, Optional<String> subtitle, OptionalInt limit, byte[] avatar,
    String[] aliases, int[] sizes, Money budget, Optional<Money> bonus, List<Money> costs,
    Owner owner, long version) implements Snapshot<Board> {
  /**
   * Keeps unmodifiable copies of the collections and maps it is given and copies of the arrays
   * and nested objects, so that changing them later changes no snapshot.
   *
   * @param id the value of {@code id}
   * @param tags the value of {@code tags}
   * @param labels the value of {@code labels}
   * @param scores the value of {@code scores}
   * @param counts the value of {@code counts}
   * @param links the value of {@code links}
   * @param rows the value of {@code rows}
   * @param subtitle the value of {@code subtitle}
   * @param limit the value of {@code limit}
   * @param avatar the value of {@code avatar}
   * @param aliases the value of {@code aliases}
   * @param sizes the value of {@code sizes}
   * @param budget the value of {@code budget}
   * @param bonus the value of {@code bonus}
   * @param costs the value of {@code costs}
   * @param owner the value of {@code owner}
   * @param version the value of {@code version}
   */
  public BoardSnapshot {
    tags = BoardSync.freezeTags(tags);
    labels = BoardSync.freezeLabels(labels);
    scores = BoardSync.freezeScores(scores);
    counts = BoardSync.freezeCounts(counts);
    links = BoardSync.freezeLinks(links);
    rows = BoardSync.freezeRows(rows);
    avatar = BoardSync.copyAvatar(avatar);
    aliases = BoardSync.copyAliases(aliases);
    sizes = BoardSync.copySizes(sizes);
    costs = BoardSync.freezeCosts(costs);
    owner = BoardSync.freezeOwner(owner);
  }

  /**
   * {@return a copy of the value of {@code avatar}}: the snapshot keeps its own.
   */
  @Override
  public byte[] avatar() {
    return BoardSync.copyAvatar(avatar);
  }

  /**
   * {@return a copy of the value of {@code aliases}}: the snapshot keeps its own.
   */
  @Override
  public String[] aliases() {
    return BoardSync.copyAliases(aliases);
  }

  /**
   * {@return a copy of the value of {@code sizes}}: the snapshot keeps its own.
   */
  @Override
  public int[] sizes() {
    return BoardSync.copySizes(sizes);
  }

  /**
   * {@return a copy of the value of {@code owner}}: the snapshot keeps its own.
   */
  @Override
  public Owner owner() {
    return BoardSync.copyOwner(owner);
  }

  /**
   * Whether {@code object} is a snapshot with equal values, as for a record (arrays with equal
   * elements, nested objects with equal synced fields).
   */
  @Override
  public boolean equals(Object object) {
    return object instanceof BoardSnapshot that
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
        && this.version == that.version;
  }

  /**
   * A hash of the values.
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, tags, labels, scores, counts, links, rows, subtitle, limit,
        Arrays.hashCode(avatar), Arrays.hashCode(aliases), Arrays.hashCode(sizes), budget, bonus,
        costs, BoardSync.hashOwner(owner), version);
  }

  /**
   * The values, as a record writes them.
   */
  @Override
  public String toString() {
    return "BoardSnapshot["
        + "id=" + id
        + ", tags=" + tags
        + ", labels=" + labels
        + ", scores=" + scores
        + ", counts=" + counts
        + ", links=" + links
        + ", rows=" + rows
        + ", subtitle=" + subtitle
        + ", limit=" + limit
        + ", avatar=" + Arrays.toString(avatar)
        + ", aliases=" + Arrays.toString(aliases)
        + ", sizes=" + Arrays.toString(sizes)
        + ", budget=" + budget
        + ", bonus=" + bonus
        + ", costs=" + costs
        + ", owner=" + BoardSync.textOwner(owner)
        + ", version=" + version
        + "]";
  }

  /**
   * The value of {@code field} in this snapshot (primitives boxed, arrays copied).
   *
   * @throws IllegalArgumentException if {@code field} is not a synced field of {@link Board}
   */
  @Override
  public Object get(EntityField field) {
    return switch (BoardField.of(field)) {
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
}
