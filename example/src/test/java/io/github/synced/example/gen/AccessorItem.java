package io.github.synced.example.gen;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/**
 * Accessor styles beyond {@code getX}/{@code isX}: Lombok's {@code isActive()} for a {@code boolean
 * isActive} field, the JavaBeans-legal {@code getVisible()} for a {@code boolean}, and an {@code
 * Integer} getter of an {@code int} field.
 */
@Synced
public class AccessorItem {
  @SyncId private String id;
  private boolean isActive;
  private boolean visible;
  private int count;
  @SyncVersion private long version;
  @LocalOnly private boolean isPinned;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  /** Lombok's getter of a {@code boolean isActive} field. */
  public boolean isActive() {
    return isActive;
  }

  /** Lombok's setter of a {@code boolean isActive} field. */
  public void setActive(boolean active) {
    this.isActive = active;
  }

  /** A JavaBeans-legal {@code get} getter of a {@code boolean}. */
  public boolean getVisible() {
    return visible;
  }

  public void setVisible(boolean visible) {
    this.visible = visible;
  }

  /** A boxed getter of an {@code int} field. */
  public Integer getCount() {
    return count;
  }

  public void setCount(int count) {
    this.count = count;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public boolean isPinned() {
    return isPinned;
  }

  public void setPinned(boolean pinned) {
    this.isPinned = pinned;
  }
}
