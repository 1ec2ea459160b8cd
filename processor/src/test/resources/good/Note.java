package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A mutable class whose fields generated code reaches directly. */
@Synced
public class Note {
  static int created;

  @SyncId long id;
  String text;
  Priority priority;
  Integer stars;
  BigDecimal price;
  UUID owner;
  LocalDate due;
  @SyncVersion Instant updatedAt;
  @LocalOnly boolean pinned;
  @LocalOnly List<String> highlights;
  transient String renderCache;
}
