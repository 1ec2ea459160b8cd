package io.github.synced.example.gen;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;

/** A record: generated code makes new instances through the canonical constructor. */
@Synced
public record RecordItem(
    @SyncId String id,
    String label,
    @LocalOnly boolean highlighted,
    int size,
    @SyncVersion Integer revision) {}
