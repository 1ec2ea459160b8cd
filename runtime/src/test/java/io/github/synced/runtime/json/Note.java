package io.github.synced.runtime.json;

/**
 * A small test entity written by hand the way the processor would generate its companions: {@code
 * id}, {@code text}, a nullable {@code priority}, the version {@code version}, and a local-only
 * {@code pinned} flag.
 */
public final class Note {
  String id;
  String text;
  Integer priority;
  long version;
  boolean pinned;

  /** An empty note. */
  public Note() {}

  /** A note with its synced fields set. */
  public Note(String id, String text, Integer priority, long version) {
    this.id = id;
    this.text = text;
    this.priority = priority;
    this.version = version;
  }

  public String id() {
    return id;
  }

  public String text() {
    return text;
  }

  public Integer priority() {
    return priority;
  }

  public long version() {
    return version;
  }

  public boolean pinned() {
    return pinned;
  }

  public void pin(boolean pinned) {
    this.pinned = pinned;
  }

  @Override
  public String toString() {
    return "Note{"
        + id
        + ", "
        + text
        + ", "
        + priority
        + ", v"
        + version
        + ", pinned="
        + pinned
        + "}";
  }
}
