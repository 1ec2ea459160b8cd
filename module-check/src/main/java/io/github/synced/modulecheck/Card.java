package io.github.synced.modulecheck;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** An entity inside a named module. */
@Synced
public class Card {
  @SyncId String id;
  String title;
  @SyncVersion long version;
  @LocalOnly boolean open;

  /** A card without values. */
  public Card() {}

  /** A card with {@code id}, {@code title} and {@code version}. */
  public Card(String id, String title, long version) {
    this.id = id;
    this.title = title;
    this.version = version;
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** Whether the card is open in the UI. */
  public boolean open() {
    return open;
  }

  /** Opens or closes the card in the UI. */
  public void open(boolean open) {
    this.open = open;
  }
}
