package io.github.synced.example.gen;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A record whose compact constructor validates, local-only components included. */
@Synced
public record Card(
    @SyncId String id,
    String title,
    @LocalOnly List<String> marks,
    @LocalOnly Optional<String> note,
    @LocalOnly Map<String, Integer> counts,
    @LocalOnly int clicks,
    @SyncVersion long version) {

  /** Refuses a blank title and null local-only collections, as ordinary domain code does. */
  public Card {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank");
    }
    marks = List.copyOf(marks);
    counts = Map.copyOf(counts);
    Objects.requireNonNull(note, "note");
  }
}
