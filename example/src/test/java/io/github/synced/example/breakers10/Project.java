package io.github.synced.example.breakers10;

import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.List;
import java.util.Set;

/** A Todoist-like project on a server without versions: numeric ids, a set of items, labels. */
@Synced
@SuppressWarnings("SyncedNoVersion") // the server keeps no version
public class Project {
  @SyncId Long id;
  String name;
  Set<Item> items;
  List<Label> labels;
}
