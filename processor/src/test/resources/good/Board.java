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

/** A mutable class with collections, maps, optionals, arrays, records and a nested entity. */
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
  byte[] avatar;
  String[] aliases;
  int[] sizes;
  Money budget;
  Optional<Money> bonus;
  List<Money> costs;
  Owner owner;
  @SyncVersion long version;
  @LocalOnly List<String> recent;
}
