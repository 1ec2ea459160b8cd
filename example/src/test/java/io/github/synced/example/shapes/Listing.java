package io.github.synced.example.shapes;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An entity with a collection, a map, a record, an optional and an array among its fields. */
@Synced
public class Listing {
  @SyncId String id;
  String title;
  List<String> tags;
  Map<String, BigDecimal> prices;
  Price price;
  Optional<String> note;
  byte[] photo;
  @SyncVersion long version;
  @LocalOnly boolean expanded;
}
