package io.github.synced.benchmarks.nested;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** One step of a {@link Plan}: its own entity, merged by id; {@code expanded} is the client's. */
@Synced
public class Step {
  @SyncId public String id;
  public String title;
  public boolean done;
  @SyncVersion public long version;
  @JsonIgnore @LocalOnly public boolean expanded;

  /** An empty step, for the codecs. */
  public Step() {}

  Step(String id, String title, boolean done, long version) {
    this.id = id;
    this.title = title;
    this.done = done;
    this.version = version;
  }
}
