package io.github.synced.example.breakers8;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.List;

/**
 * A GitHub-like repository: a mutable bean with a {@code long} id the server assigns, a version and
 * two local-only fields; its setter refuses a blank name. From the outside tester of issue 8.
 */
@Synced
public class Repo {
  @SyncId private long id;
  private String name;
  private String description;
  private int stars;
  private boolean archived;
  @SyncVersion private long version;
  @LocalOnly private boolean expanded;
  @LocalOnly private List<String> tags = List.of();

  public Repo() {}

  public Repo(String name, String description, int stars) {
    this.name = name;
    this.description = description;
    this.stars = stars;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    if (name == null || name.isBlank())
      throw new IllegalArgumentException("repo name must not be blank");
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public int getStars() {
    return stars;
  }

  public void setStars(int stars) {
    this.stars = stars;
  }

  public boolean isArchived() {
    return archived;
  }

  public void setArchived(boolean archived) {
    this.archived = archived;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public boolean isExpanded() {
    return expanded;
  }

  public void setExpanded(boolean expanded) {
    this.expanded = expanded;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  @Override
  public String toString() {
    return "Repo{id="
        + id
        + ", name="
        + name
        + ", description="
        + description
        + ", stars="
        + stars
        + ", archived="
        + archived
        + ", version="
        + version
        + ", expanded="
        + expanded
        + ", tags="
        + tags
        + "}";
  }
}
