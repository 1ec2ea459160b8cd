package io.github.synced.example;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/**
 * A task on the board: server-owned title and state, plus UI state that never leaves the client.
 */
@Synced
public class Task {
  @SyncId private String id;
  private String title;
  private boolean done;
  @SyncVersion private long updatedAt;
  @LocalOnly private boolean expanded;
  @LocalOnly private boolean selected;

  /** An empty task, for the generated code and JSON reading. */
  public Task() {}

  /** A task with its synced fields set. */
  public Task(String id, String title, boolean done, long updatedAt) {
    this.id = id;
    this.title = title;
    this.done = done;
    this.updatedAt = updatedAt;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public boolean isDone() {
    return done;
  }

  public void setDone(boolean done) {
    this.done = done;
  }

  public long getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(long updatedAt) {
    this.updatedAt = updatedAt;
  }

  public boolean isExpanded() {
    return expanded;
  }

  public void setExpanded(boolean expanded) {
    this.expanded = expanded;
  }

  public boolean isSelected() {
    return selected;
  }

  public void setSelected(boolean selected) {
    this.selected = selected;
  }

  @Override
  public String toString() {
    return "Task{id="
        + id
        + ", title="
        + title
        + ", done="
        + done
        + ", updatedAt="
        + updatedAt
        + ", expanded="
        + expanded
        + ", selected="
        + selected
        + "}";
  }
}
