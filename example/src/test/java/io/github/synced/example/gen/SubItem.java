package io.github.synced.example.gen;

import io.github.synced.LocalOnly;
import io.github.synced.Synced;

/** A subclass: the superclass's fields come first. */
@Synced
public class SubItem extends BaseItem {
  String note;
  @LocalOnly boolean open;
}
