package io.github.synced.example.breakers15;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A card: an element of a board's list and a value of its lanes map. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Card {
  @SyncId String id;
  String title;
  boolean done;
  @LocalOnly boolean expanded;

  public Card() {}

  Card(String id, String title) {
    this.id = id;
    this.title = title;
  }

  @Override
  public String toString() {
    return "{" + id + " " + title + (done ? " done" : "") + (expanded ? " EXP" : "") + "}";
  }
}
