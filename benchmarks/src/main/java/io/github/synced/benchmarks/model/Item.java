package io.github.synced.benchmarks.model;

import com.dslplatform.json.CompiledJson;
import com.dslplatform.json.JsonAttribute;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/**
 * The benchmark entity: a flat JavaBean with ten synced fields (id, version and eight others of the
 * common kinds) and two local-only UI flags. The Synced processor generates {@code ItemSync},
 * {@code ItemPatch}, {@code ItemJson} and friends for it; DSL-JSON compiles a converter for it;
 * Jackson databind reads it by reflection. Every library sees the same class and the same JSON
 * property names, and none of them reads or writes the local-only flags.
 */
@Synced
@CompiledJson(onUnknown = CompiledJson.Behavior.IGNORE)
public class Item {
  @SyncId private String id;
  @SyncVersion private long version;
  private String title;
  private String description;
  private String owner;
  private String tag;
  private boolean done;
  private int priority;
  private double estimate;
  private long createdAt;
  @LocalOnly private boolean expanded;
  @LocalOnly private boolean selected;

  /** An empty item, for generated code and JSON readers. */
  public Item() {}

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public boolean isDone() {
    return done;
  }

  public void setDone(boolean done) {
    this.done = done;
  }

  public int getPriority() {
    return priority;
  }

  public void setPriority(int priority) {
    this.priority = priority;
  }

  public double getEstimate() {
    return estimate;
  }

  public void setEstimate(double estimate) {
    this.estimate = estimate;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(long createdAt) {
    this.createdAt = createdAt;
  }

  @JsonIgnore
  @JsonAttribute(ignore = true)
  public boolean isExpanded() {
    return expanded;
  }

  @JsonIgnore
  @JsonAttribute(ignore = true)
  public void setExpanded(boolean expanded) {
    this.expanded = expanded;
  }

  @JsonIgnore
  @JsonAttribute(ignore = true)
  public boolean isSelected() {
    return selected;
  }

  @JsonIgnore
  @JsonAttribute(ignore = true)
  public void setSelected(boolean selected) {
    this.selected = selected;
  }

  @Override
  public String toString() {
    return "Item{id="
        + id
        + ", version="
        + version
        + ", title="
        + title
        + ", description="
        + description
        + ", owner="
        + owner
        + ", tag="
        + tag
        + ", done="
        + done
        + ", priority="
        + priority
        + ", estimate="
        + estimate
        + ", createdAt="
        + createdAt
        + ", expanded="
        + expanded
        + ", selected="
        + selected
        + "}";
  }
}
