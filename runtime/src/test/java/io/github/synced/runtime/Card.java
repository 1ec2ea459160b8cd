package io.github.synced.runtime;

/** A hand-written test entity, shaped like what users annotate: a mutable bean. */
final class Card {
  String id;
  String title;
  boolean done;
  long version;
  boolean expanded; // local-only
  boolean selected; // local-only

  Card() {}

  Card(String id, String title, boolean done, long version) {
    this.id = id;
    this.title = title;
    this.done = done;
    this.version = version;
  }

  @Override
  public String toString() {
    return "Card["
        + id
        + " '"
        + title
        + "' done="
        + done
        + " v"
        + version
        + " expanded="
        + expanded
        + " selected="
        + selected
        + "]";
  }
}
