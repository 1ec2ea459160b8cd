package io.github.synced.benchmarks.nested;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A patch that reaches into a tree (issue #10): the title of one of a {@link Plan}'s 20 steps set
 * by {@code editSteps(s -> s.update(id, x -> x.title(..)))}, applied to the plan as the store does
 * on every derivation of the view, against two hand-written versions: setting the title of the step
 * in place, and the copy-on-write a careful hand-written reducer does (a new list, a copy of the
 * one step changed).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TreePatchBench {

  private static final int STEPS = 20;
  private static final String ID = "step-13";
  private static final String TITLE = "Call the movers";

  private Plan plan;
  private PlanPatch patch;

  @Setup
  public void setUp() {
    plan = Plan.local(STEPS);
    patch = PlanPatch.empty().editSteps(s -> s.update(ID, x -> x.title(TITLE)));
    Plan generated = patch.applyTo(PlanSync.TYPE.copy(plan));
    Plan hand = copyOnWrite(plan);
    if (!PlanSync.TYPE.syncedEquals(generated, hand)
        || !generated.steps.get(12).expanded
        || !TITLE.equals(generated.steps.get(13).title)) {
      throw new IllegalStateException("the patches differ");
    }
  }

  @Benchmark
  public Plan apply_generated() {
    return patch.applyTo(plan);
  }

  @Benchmark
  public Plan apply_handWrittenInPlace() {
    for (Step step : plan.steps) {
      if (ID.equals(step.id)) {
        step.title = TITLE;
        break;
      }
    }
    return plan;
  }

  @Benchmark
  public Plan apply_handWrittenCopyOnWrite() {
    return copyOnWrite(plan);
  }

  private static Plan copyOnWrite(Plan plan) {
    List<Step> steps = new ArrayList<>(plan.steps);
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (ID.equals(step.id)) {
        Step changed = new Step(step.id, TITLE, step.done, step.version);
        changed.expanded = step.expanded;
        steps.set(i, changed);
        break;
      }
    }
    plan.steps = steps;
    return plan;
  }
}
