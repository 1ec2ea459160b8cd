package io.github.synced.example.nested;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A part of a {@link Shelf}; its {@code pinned} setter refuses once its budget of calls is spent.
 */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its shelf
public class Part {
  /** Calls of {@link #setPinned} left before one throws; negative: never throws. */
  static final AtomicInteger PINNED_CALLS_LEFT = new AtomicInteger(-1);

  @SyncId private String id;
  private String title;
  @LocalOnly private boolean pinned;

  public Part() {}

  Part(String id, String title) {
    this.id = id;
    this.title = title;
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

  public boolean isPinned() {
    return pinned;
  }

  /** Sets {@code pinned}; throws once {@link #PINNED_CALLS_LEFT} reaches zero. */
  public void setPinned(boolean pinned) {
    if (PINNED_CALLS_LEFT.getAndDecrement() == 0) {
      throw new IllegalStateException("part " + id + " refuses to be pinned now");
    }
    this.pinned = pinned;
  }
}
