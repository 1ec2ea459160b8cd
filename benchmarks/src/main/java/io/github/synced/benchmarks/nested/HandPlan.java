package io.github.synced.benchmarks.nested;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a careful developer writes by hand for {@link Plan}: merge by step id keeping each step's
 * {@code expanded}, and a snapshot of the synced state. The floor the generated code is measured
 * against.
 */
public final class HandPlan {

  private HandPlan() {}

  /**
   * The server's plan with our local-only values: a new plan, new steps; neither argument changed.
   */
  public static Plan merge(Plan local, Plan server) {
    Map<String, Step> ours = new HashMap<>(local.steps.size() * 2);
    for (Step s : local.steps) {
      ours.putIfAbsent(s.id, s);
    }
    Plan out = new Plan();
    out.id = server.id;
    out.title = server.title;
    out.version = server.version;
    out.selected = local.selected;
    List<Step> steps = new ArrayList<>(server.steps.size());
    for (Step s : server.steps) {
      Step mine = ours.get(s.id);
      Step merged = new Step(s.id, s.title, s.done, s.version);
      merged.expanded = mine != null && mine.expanded;
      steps.add(merged);
    }
    out.steps = steps;
    return out;
  }

  /** An immutable value of the synced state. */
  public record Snapshot(String id, String title, long version, List<StepSnapshot> steps) {}

  /** An immutable value of a step's synced state. */
  public record StepSnapshot(String id, String title, boolean done, long version) {}

  public static Snapshot snapshot(Plan p) {
    List<StepSnapshot> steps = new ArrayList<>(p.steps.size());
    for (Step s : p.steps) {
      steps.add(new StepSnapshot(s.id, s.title, s.done, s.version));
    }
    return new Snapshot(p.id, p.title, p.version, List.copyOf(steps));
  }
}
