package io.github.synced.example.review13;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slot of a {@link Crate13}; its {@code pinned} setter throws at the calls whose numbers are in
 * {@link #THROW_AT} (counted by {@link #CALLS}), so a test can make the entity's code throw at two
 * chosen points of one store operation.
 */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its crate
public class Slot13 {
  /** Calls of {@link #setPinned} so far. */
  static final AtomicInteger CALLS = new AtomicInteger();

  /** The call numbers at which {@link #setPinned} throws. */
  static final Set<Integer> THROW_AT = ConcurrentHashMap.newKeySet();

  @SyncId private String id;
  private String title;
  @LocalOnly private boolean pinned;

  public Slot13() {}

  Slot13(String id, String title) {
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

  /** Sets {@code pinned}; throws at the calls {@link #THROW_AT} names. */
  public void setPinned(boolean pinned) {
    if (THROW_AT.contains(CALLS.getAndIncrement())) {
      throw new IllegalStateException("slot " + id + " refuses to be pinned now");
    }
    this.pinned = pinned;
  }
}
