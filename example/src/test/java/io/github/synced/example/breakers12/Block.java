package io.github.synced.example.breakers12;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;

/** A block of a page, with its own local-only collapsed flag. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Block {
  @SyncId String id;
  String kind;
  String text;
  @LocalOnly boolean collapsed;

  public Block() {}

  public Block(String id, String kind, String text) {
    this.id = id;
    this.kind = kind;
    this.text = text;
  }

  @Override
  public String toString() {
    return "{" + id + " " + kind + " '" + text + "'" + (collapsed ? " collapsed" : "") + "}";
  }
}
