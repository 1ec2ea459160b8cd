package io.github.synced.example.breakers12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.ArrayList;
import java.util.List;

/** A Linear-like issue: a nested assignee and a list of sub-issues. */
@Synced
public class Issue {
  @SyncId String id;
  String title;
  Person assignee;
  List<SubIssue> subIssues = new ArrayList<>();
  @SyncVersion long version;
  @LocalOnly boolean pinned;

  public Issue() {}

  public Issue(String id, String title, Person assignee, List<SubIssue> subIssues, long version) {
    this.id = id;
    this.title = title;
    this.assignee = assignee;
    this.subIssues = new ArrayList<>(subIssues);
    this.version = version;
  }

  SubIssue sub(String subId) {
    for (SubIssue s : subIssues) {
      if (s != null && subId.equals(s.id)) {
        return s;
      }
    }
    return null;
  }

  List<String> subIds() {
    List<String> ids = new ArrayList<>();
    for (SubIssue s : subIssues) {
      ids.add(s.id);
    }
    return ids;
  }

  @Override
  public String toString() {
    return "Issue{"
        + id
        + " "
        + title
        + " v"
        + version
        + " assignee="
        + assignee
        + " subs="
        + subIssues
        + "}";
  }
}
