package io.github.synced.example.breakers11b;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.UUID;

/** A card with a client-made UUID id and a version; no {@code equals} of its own. */
@Synced
public class Card {
  @SyncId private UUID id;
  private String title;
  private boolean done;
  @SyncVersion private long updatedAt;

  public Card() {}

  public Card(UUID id, String title, boolean done, long updatedAt) {
    this.id = id;
    this.title = title;
    this.done = done;
    this.updatedAt = updatedAt;
  }

  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
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

  public long getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(long updatedAt) {
    this.updatedAt = updatedAt;
  }

  @Override
  public String toString() {
    return id + "(" + title + "," + done + ",v" + updatedAt + ")";
  }
}
