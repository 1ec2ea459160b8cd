package io.github.synced.example;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/**
 * A note as a json-server-like server keeps it ({@code {"id": 1, "text": "...", "stars": 0}}):
 * numeric ids that the server assigns, and no version, so answers and reads are ordered by when
 * they were sent; plus UI state that never leaves the client.
 */
@Synced
@SuppressWarnings("SyncedNoVersion") // the server keeps no version: nothing to declare
public class Note {
  @SyncId private long id;
  private String text;
  private int stars;
  @LocalOnly private boolean pinned;

  /** An empty note, for the generated code and JSON reading. */
  public Note() {}

  /** A note with its synced fields set. */
  public Note(long id, String text, int stars) {
    this.id = id;
    this.text = text;
    this.stars = stars;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public int getStars() {
    return stars;
  }

  public void setStars(int stars) {
    this.stars = stars;
  }

  public boolean isPinned() {
    return pinned;
  }

  public void setPinned(boolean pinned) {
    this.pinned = pinned;
  }

  @Override
  public String toString() {
    return "Note{id=" + id + ", text=" + text + ", stars=" + stars + ", pinned=" + pinned + "}";
  }
}
