package io.github.synced.example.breakers3;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A GitHub-like issue: snake_case names on the wire. */
@Synced
public class Issue {
  @SyncId private long id;
  private String title;

  @JsonProperty("is_done")
  private boolean done;

  @SyncVersion
  @JsonProperty("updated_at")
  private Instant updatedAt;

  private BigDecimal amount;

  @JsonProperty("due_at")
  private OffsetDateTime dueAt;

  private String assignee;
  private String reviewedBy;
  @LocalOnly private boolean expanded;

  public long getId() {
    return id;
  }

  public void setId(long id) {
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

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  public OffsetDateTime getDueAt() {
    return dueAt;
  }

  public void setDueAt(OffsetDateTime dueAt) {
    this.dueAt = dueAt;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public void setReviewedBy(String reviewedBy) {
    this.reviewedBy = reviewedBy;
  }

  public boolean isExpanded() {
    return expanded;
  }

  public void setExpanded(boolean expanded) {
    this.expanded = expanded;
  }
}
