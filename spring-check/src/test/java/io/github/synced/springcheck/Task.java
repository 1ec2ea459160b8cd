package io.github.synced.springcheck;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/**
 * The client's task, for the server's {@code TaskRow}: a {@code Long} id the server assigns, the
 * JPA version (which Spring Data REST sends only as an {@code ETag}), and UI state.
 */
@Synced
public class Task {
  @SyncId Long id;
  String title;
  boolean done;
  @SyncVersion Long version;
  @LocalOnly boolean expanded;

  /** An empty task, for the generated code. */
  public Task() {}

  /** A draft: no id, no version. */
  public Task(String title, boolean done) {
    this.title = title;
    this.done = done;
  }

  @Override
  public String toString() {
    return "Task{id="
        + id
        + ", title="
        + title
        + ", done="
        + done
        + ", version="
        + version
        + ", expanded="
        + expanded
        + "}";
  }
}
