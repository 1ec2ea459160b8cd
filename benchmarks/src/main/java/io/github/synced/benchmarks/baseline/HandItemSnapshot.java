package io.github.synced.benchmarks.baseline;

/** The hand-written snapshot of an item's synced fields: one record, one allocation. */
public record HandItemSnapshot(
    String id,
    long version,
    String title,
    String description,
    String owner,
    String tag,
    boolean done,
    int priority,
    double estimate,
    long createdAt) {}
