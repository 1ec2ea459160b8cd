package io.github.synced.example.gen;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A mutable class whose package-private fields generated code reads and writes directly. */
@Synced
public class FieldItem {
  @SyncId String id;
  String title;
  int count;
  double ratio;
  char grade;
  BigDecimal price;
  Status status;
  LocalDate due;
  UUID owner;
  @SyncVersion long version;
  @LocalOnly boolean expanded;
  @LocalOnly String draft;
}
