package io.github.synced.benchmarks.nested;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.synced.runtime.json.JsonCodecs;
import io.github.synced.runtime.spi.Snapshot;
import java.io.IOException;
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
 * A nested entity ({@link Plan}, 20 {@link Step}s merged by id): the generated merge and snapshot
 * against the hand-written ones ({@link HandPlan}), and the generated JSON codec against Jackson
 * databind on the same bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NestedBench {

  private static final int STEPS = 20;

  private Plan local;
  private Plan server;
  private ObjectMapper mapper;
  private PlanJson codec;
  private byte[] json;

  @Setup
  public void setUp() throws IOException {
    local = Plan.local(STEPS);
    server = Plan.server(STEPS, 1);
    mapper = new ObjectMapper();
    codec = new PlanJson();
    json = mapper.writeValueAsBytes(server);
    Plan merged = PlanSync.TYPE.merge(PlanSync.TYPE.copy(local), server);
    Plan hand = HandPlan.merge(local, server);
    if (!PlanSync.TYPE.syncedEquals(merged, hand)
        || merged.steps.get(0).expanded != hand.steps.get(0).expanded
        || !merged.steps.get(0).expanded) {
      throw new IllegalStateException("the merges differ");
    }
  }

  @Benchmark
  public Plan merge_generated() {
    return PlanSync.TYPE.merge(local, server);
  }

  @Benchmark
  public Plan merge_handWritten() {
    return HandPlan.merge(local, server);
  }

  @Benchmark
  public Snapshot<Plan> snapshot_generated() {
    return PlanSync.TYPE.snapshot(server);
  }

  @Benchmark
  public HandPlan.Snapshot snapshot_handWritten() {
    return HandPlan.snapshot(server);
  }

  @Benchmark
  public Plan read_generated() {
    return JsonCodecs.readEntity(mapper, codec, json, null);
  }

  @Benchmark
  public Plan read_databind() throws IOException {
    return mapper.readValue(json, Plan.class);
  }

  @Benchmark
  public byte[] write_generated() {
    return JsonCodecs.writeEntity(mapper, codec, server);
  }

  @Benchmark
  public byte[] write_databind() throws IOException {
    return mapper.writeValueAsBytes(server);
  }
}
