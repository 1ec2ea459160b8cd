package golden;

import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.Synced;
import java.util.List;

/** A @Synced class without a version that Project holds a map of, merged by id. */
@Synced
@SuppressWarnings("SyncedNoVersion")
public class Column {
  @SyncId long id;
  String title;
  List<String> cards;
  @LocalOnly boolean collapsed;
}
