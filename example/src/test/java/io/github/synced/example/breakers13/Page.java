package io.github.synced.example.breakers13;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.Map;

/** A Notion/Confluence-like page; its only local-only values are in its blocks. */
@Synced
public class Page {
  @SyncId String id;
  String title;
  Map<String, Block> blocks;
  @SyncVersion long version;

  @Override
  public String toString() {
    return "Page{" + id + " '" + title + "' v" + version + " " + blocks + "}";
  }
}
