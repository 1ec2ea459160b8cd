package io.github.synced.example.breakers11;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/**
 * A GitHub-like issue: a String id, a title, a state ("open" / "closed"), a version the server
 * bumps and a local-only {@code expanded}. From the outside tester of issue 11.
 */
@Synced
public class Issue {
  @SyncId private String id;
  private String title;
  private String state;
  @SyncVersion private long updatedAt;
  @LocalOnly private boolean expanded;

  public Issue() {}

  public Issue(String id, String title, String state, long updatedAt) {
    this.id = id;
    this.title = title;
    this.state = state;
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

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
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

  @Override
  public String toString() {
    return id + "(" + title + "," + state + ",v" + updatedAt + (expanded ? ",expanded" : "") + ")";
  }
}
