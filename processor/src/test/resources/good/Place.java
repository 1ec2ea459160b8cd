package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.UUID;

/** A record: changed through its canonical constructor, local-only components carried over. */
@Synced
public record Place(
    @SyncId UUID id,
    String name,
    @LocalOnly boolean highlighted,
    double latitude,
    double longitude,
    @SyncVersion int revision) {}
