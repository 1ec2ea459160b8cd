package io.github.synced.example;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.ArrayList;
import java.util.List;

/**
 * A task on the board: server-owned title, state and subtasks, plus UI state that never leaves the
 * client. Its {@link Subtask}s are merged by id: a subtask keeps its own local-only {@code
 * expanded} whatever the server does to the list around it.
 *
 * <p>A task without subtasks has an empty list, never {@code null}: {@link #setSubtasks} takes
 * {@code null} as the empty list, as the server takes {@code "subtasks": null} in a {@code PATCH}
 * (JSON merge patch: the member is removed, and a task without it has none).
 */
@Synced
public class Task {
  @SyncId private String id;
  private String title;
  private boolean done;
  private List<Subtask> subtasks = new ArrayList<>();
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

  /** The subtasks in the server's order: the task's own list (empty, never {@code null}). */
  public List<Subtask> getSubtasks() {
    return subtasks;
  }

  /** Sets the subtasks; {@code null} is the empty list. The list is kept, not copied. */
  public void setSubtasks(List<Subtask> subtasks) {
    this.subtasks = subtasks == null ? new ArrayList<>() : subtasks;
  }

  /** The subtask {@code id}, or {@code null}. */
  public Subtask subtask(String id) {
    for (Subtask s : subtasks) {
      if (s != null && id.equals(s.getId())) {
        return s;
      }
    }
    return null;
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
        + (subtasks.isEmpty() ? "" : ", subtasks=" + subtasks)
        + "}";
  }
}
