package io.github.synced.example;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/**
 * One subtask of a {@link Task}: its id (unique within the task, made by the client and kept by the
 * server), title and state are the server's; whether it is expanded is the client's alone. A
 * subtask has no version of its own: the task's {@code updatedAt} versions its whole list, and a
 * {@code PATCH} that sends {@code subtasks} replaces the list.
 */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned by its task
public class Subtask {
  @SyncId private String id;
  private String title;
  private boolean done;
  @LocalOnly private boolean expanded;

  /** An empty subtask, for the generated code and JSON reading. */
  public Subtask() {}

  /** A subtask with its synced fields set. */
  public Subtask(String id, String title, boolean done) {
    this.id = id;
    this.title = title;
    this.done = done;
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

  public boolean isExpanded() {
    return expanded;
  }

  public void setExpanded(boolean expanded) {
    this.expanded = expanded;
  }

  /** For logs: {@code {s1 "Pack the books", done, expanded}}, done and expanded where they are. */
  @Override
  public String toString() {
    return "{"
        + id
        + " \""
        + title
        + "\""
        + (done ? ", done" : "")
        + (expanded ? ", expanded" : "")
        + "}";
  }
}
