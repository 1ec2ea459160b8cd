package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/** A mutable class with every shape of value besides single ones. */
@Synced
public class Board {
  @SyncId String id;
  List<String> tags;
  Set<Priority> labels;
  NavigableSet<Integer> scores;
  Map<String, Integer> counts;
  SortedMap<UUID, List<String>> links;
  List<List<String>> rows;
  Optional<String> subtitle;
  OptionalInt limit;
  @SyncVersion long version;
  @LocalOnly List<String> recent;
}
