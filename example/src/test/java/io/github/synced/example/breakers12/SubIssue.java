package io.github.synced.example.breakers12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A sub-issue of an issue, with its own local-only expanded flag. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class SubIssue {
  @SyncId String id;
  String title;
  String state;
  Integer points;
  Person reviewer;
  @LocalOnly boolean expanded;

  public SubIssue() {}

  public SubIssue(String id, String title, String state, Integer points) {
    this.id = id;
    this.title = title;
    this.state = state;
    this.points = points;
  }

  @Override
  public String toString() {
    return "{"
        + id
        + " '"
        + title
        + "' "
        + state
        + " "
        + points
        + (expanded ? " expanded" : "")
        + "}";
  }
}
