package io.github.synced.example.breakers12;

import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Notion-like page: blocks keyed by a string. */
@Synced
public class Page {
  @SyncId String id;
  String title;
  Map<String, Block> blocks = new LinkedHashMap<>();
  @SyncVersion long version;

  public Page() {}

  public Page(String id, String title, Map<String, Block> blocks, long version) {
    this.id = id;
    this.title = title;
    this.blocks = new LinkedHashMap<>(blocks);
    this.version = version;
  }

  @Override
  public String toString() {
    return "Page{" + id + " " + title + " v" + version + " " + blocks + "}";
  }
}
