package io.github.synced.example.breakers10;

import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.UUID;

/** A label: a record element with a UUID id. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public record Label(@SyncId UUID id, String name, String color) {}
