package io.github.synced.benchmarks.nested;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.synced.LocalOnly;
import io.github.synced.SyncId;
import io.github.synced.SyncVersion;
import io.github.synced.Synced;
import java.util.ArrayList;
import java.util.List;

/** The nested benchmarks' entity: a plan with a list of {@link Step}s merged by id. */
@Synced
public class Plan {
  @SyncId public String id;
  public String title;
  @SyncVersion public long version;
  public List<Step> steps = new ArrayList<>();
  @JsonIgnore @LocalOnly public boolean selected;

  /** An empty plan, for the codecs. */
  public Plan() {}

  /** A plan of {@code n} steps as the server sends it; {@code round} changes every title. */
  public static Plan server(int n, int round) {
    Plan p = new Plan();
    p.id = "plan-1";
    p.title = "Move house, round " + round;
    p.version = round;
    for (int i = 0; i < n; i++) {
      p.steps.add(new Step("step-" + i, "Step " + i + " of round " + round, (i & 1) == 0, round));
    }
    return p;
  }

  /** The same plan as a client holds it: every other step expanded, the plan selected. */
  public static Plan local(int n) {
    Plan p = server(n, 0);
    p.selected = true;
    for (int i = 0; i < n; i += 2) {
      p.steps.get(i).expanded = true;
    }
    return p;
  }
}
