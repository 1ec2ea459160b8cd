package io.github.synced.benchmarks.baseline;

import io.github.synced.benchmarks.model.Item;
import java.util.Objects;

/**
 * The floor: what a careful programmer writes by hand for {@link Item}, with no framework. Field
 * sets are {@code int} bitmasks (one bit per synced field, in declaration order).
 */
public final class HandItem {

  public static final int ID = 1;
  public static final int VERSION = 1 << 1;
  public static final int TITLE = 1 << 2;
  public static final int DESCRIPTION = 1 << 3;
  public static final int OWNER = 1 << 4;
  public static final int TAG = 1 << 5;
  public static final int DONE = 1 << 6;
  public static final int PRIORITY = 1 << 7;
  public static final int ESTIMATE = 1 << 8;
  public static final int CREATED_AT = 1 << 9;

  private HandItem() {}

  /** Sets every synced field of {@code local} from {@code server}; local-only flags stay. */
  public static Item merge(Item local, Item server) {
    local.setId(server.getId());
    local.setVersion(server.getVersion());
    local.setTitle(server.getTitle());
    local.setDescription(server.getDescription());
    local.setOwner(server.getOwner());
    local.setTag(server.getTag());
    local.setDone(server.isDone());
    local.setPriority(server.getPriority());
    local.setEstimate(server.getEstimate());
    local.setCreatedAt(server.getCreatedAt());
    return local;
  }

  /** A new item equal in every field, local-only flags included. */
  public static Item copy(Item item) {
    Item copy = new Item();
    merge(copy, item);
    copy.setExpanded(item.isExpanded());
    copy.setSelected(item.isSelected());
    return copy;
  }

  /** The synced fields as one immutable record. */
  public static HandItemSnapshot snapshot(Item item) {
    return new HandItemSnapshot(
        item.getId(),
        item.getVersion(),
        item.getTitle(),
        item.getDescription(),
        item.getOwner(),
        item.getTag(),
        item.isDone(),
        item.getPriority(),
        item.getEstimate(),
        item.getCreatedAt());
  }

  /** Sets every synced field of {@code target} from {@code snapshot}; local-only flags stay. */
  public static Item restore(Item target, HandItemSnapshot snapshot) {
    target.setId(snapshot.id());
    target.setVersion(snapshot.version());
    target.setTitle(snapshot.title());
    target.setDescription(snapshot.description());
    target.setOwner(snapshot.owner());
    target.setTag(snapshot.tag());
    target.setDone(snapshot.done());
    target.setPriority(snapshot.priority());
    target.setEstimate(snapshot.estimate());
    target.setCreatedAt(snapshot.createdAt());
    return target;
  }

  /** The synced fields whose values differ, as a bitmask; allocates nothing. */
  public static int diff(Item a, Item b) {
    int changed = 0;
    if (!Objects.equals(a.getId(), b.getId())) {
      changed |= ID;
    }
    if (a.getVersion() != b.getVersion()) {
      changed |= VERSION;
    }
    if (!Objects.equals(a.getTitle(), b.getTitle())) {
      changed |= TITLE;
    }
    if (!Objects.equals(a.getDescription(), b.getDescription())) {
      changed |= DESCRIPTION;
    }
    if (!Objects.equals(a.getOwner(), b.getOwner())) {
      changed |= OWNER;
    }
    if (!Objects.equals(a.getTag(), b.getTag())) {
      changed |= TAG;
    }
    if (a.isDone() != b.isDone()) {
      changed |= DONE;
    }
    if (a.getPriority() != b.getPriority()) {
      changed |= PRIORITY;
    }
    if (Double.doubleToLongBits(a.getEstimate()) != Double.doubleToLongBits(b.getEstimate())) {
      changed |= ESTIMATE;
    }
    if (a.getCreatedAt() != b.getCreatedAt()) {
      changed |= CREATED_AT;
    }
    return changed;
  }
}
