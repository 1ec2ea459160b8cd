package io.github.synced.example.breakers13;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A Notion-like block of a page: versioned with its page; collapsed is the client's alone. */
@Synced
@SuppressWarnings("SyncedNoVersion") // versioned with its page
public class Block {
  @SyncId String id;
  String type;
  String text;
  @LocalOnly boolean collapsed;

  public Block() {}

  public Block(String id, String type, String text) {
    this.id = id;
    this.type = type;
    this.text = text;
  }

  @Override
  public String toString() {
    return "{" + id + " " + type + " '" + text + "'" + (collapsed ? " collapsed" : "") + "}";
  }
}
