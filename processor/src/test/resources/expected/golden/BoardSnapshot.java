package golden;

import io.github.synced.runtime.spi.EntityField;
import io.github.synced.runtime.spi.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
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
 * @param version the value of {@code version}
 */
@Generated("io.github.synced.processor.SyncedProcessor")
public record BoardSnapshot(String id, List<String> tags, Set<Priority> labels,
    NavigableSet<Integer> scores, Map<String, Integer> counts, SortedMap<UUID, List<String>> links,
    List<List<String>> rows, Optional<String> subtitle, OptionalInt limit,
    long version) implements Snapshot<Board> {
  /**
   * Keeps unmodifiable copies of the collections and maps it is given, so that changing them
   * later changes no snapshot.
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
   * @param version the value of {@code version}
   */
  public BoardSnapshot {
    tags = BoardSync.freezeTags(tags);
    labels = BoardSync.freezeLabels(labels);
    scores = BoardSync.freezeScores(scores);
    counts = BoardSync.freezeCounts(counts);
    links = BoardSync.freezeLinks(links);
    rows = BoardSync.freezeRows(rows);
  }

  /**
   * The value of {@code field} in this snapshot (primitives boxed).
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
      case VERSION -> this.version;
    };
  }
}
