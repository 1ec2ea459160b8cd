package io.github.synced.benchmarks.baseline;

import io.github.synced.benchmarks.model.Item;

/**
 * The hand-written partial update: one object, a bitmask of the fields it sets and their values.
 * Built in place (each setter returns {@code this}), so a patch of any size is one allocation.
 */
public final class HandItemPatch {
  private int set;
  private String title;
  private String description;
  private String owner;
  private String tag;
  private boolean done;
  private int priority;
  private double estimate;

  /** The fields this patch sets, as a {@link HandItem} bitmask. */
  public int fields() {
    return set;
  }

  public HandItemPatch title(String value) {
    title = value;
    set |= HandItem.TITLE;
    return this;
  }

  public HandItemPatch description(String value) {
    description = value;
    set |= HandItem.DESCRIPTION;
    return this;
  }

  public HandItemPatch owner(String value) {
    owner = value;
    set |= HandItem.OWNER;
    return this;
  }

  public HandItemPatch tag(String value) {
    tag = value;
    set |= HandItem.TAG;
    return this;
  }

  public HandItemPatch done(boolean value) {
    done = value;
    set |= HandItem.DONE;
    return this;
  }

  public HandItemPatch priority(int value) {
    priority = value;
    set |= HandItem.PRIORITY;
    return this;
  }

  public HandItemPatch estimate(double value) {
    estimate = value;
    set |= HandItem.ESTIMATE;
    return this;
  }

  /** Sets exactly this patch's fields on {@code target}. */
  public Item applyTo(Item target) {
    int s = set;
    if ((s & HandItem.TITLE) != 0) {
      target.setTitle(title);
    }
    if ((s & HandItem.DESCRIPTION) != 0) {
      target.setDescription(description);
    }
    if ((s & HandItem.OWNER) != 0) {
      target.setOwner(owner);
    }
    if ((s & HandItem.TAG) != 0) {
      target.setTag(tag);
    }
    if ((s & HandItem.DONE) != 0) {
      target.setDone(done);
    }
    if ((s & HandItem.PRIORITY) != 0) {
      target.setPriority(priority);
    }
    if ((s & HandItem.ESTIMATE) != 0) {
      target.setEstimate(estimate);
    }
    return target;
  }
}
