package io.github.synced.benchmarks;

import io.github.synced.benchmarks.baseline.HandItem;
import io.github.synced.benchmarks.baseline.HandItemPatch;
import io.github.synced.benchmarks.baseline.HandItemSnapshot;
import io.github.synced.benchmarks.baseline.ReflectiveMerge;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemMapper;
import io.github.synced.benchmarks.model.ItemPatch;
import io.github.synced.benchmarks.model.ItemSnapshot;
import io.github.synced.benchmarks.model.ItemSync;
import io.github.synced.benchmarks.model.Items;
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
 * The generated per-entity code on the flat ten-field {@link Item}, each method beside its
 * baseline: {@code *_generated} calls {@code ItemSync}/{@code ItemPatch}, {@code *_hand} the
 * hand-written floor ({@link HandItem}, {@link HandItemPatch}), and merge also MapStruct's
 * {@code @MappingTarget} update and reflection. Run with {@code -prof gc} for B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodeBench {

  private final ItemSync sync = ItemSync.TYPE;
  private final ItemMapper mapper = ItemMapper.INSTANCE;
  private final ReflectiveMerge reflective = new ReflectiveMerge();

  private Item local;
  private Item server;
  private Item original;
  private Item edited;
  private ItemSnapshot snapshot;
  private HandItemSnapshot handSnapshot;
  private ItemPatch patch;
  private HandItemPatch handPatch;
  private String title;
  private boolean done;

  @Setup
  public void setUp() {
    local = Items.local(7);
    server = Items.server(8);
    original = Items.server(7);
    edited = Items.server(7);
    edited.setTitle("Write the yearly report");
    edited.setDone(!edited.isDone());
    snapshot = sync.snapshot(server);
    handSnapshot = HandItem.snapshot(server);
    title = "Write the yearly report";
    done = true;
    patch = ItemPatch.empty().title(title).done(done);
    handPatch = new HandItemPatch().title(title).done(done);
  }

  // ------------------------------------------------------------ merge (every synced field)

  @Benchmark
  public Item merge_generated() {
    return sync.merge(local, server);
  }

  @Benchmark
  public Item merge_hand() {
    return HandItem.merge(local, server);
  }

  @Benchmark
  public Item merge_mapstruct() {
    mapper.merge(local, server);
    return local;
  }

  @Benchmark
  public Item merge_reflection() {
    return reflective.merge(local, server);
  }

  // ------------------------------------------------------------ restore from a snapshot

  @Benchmark
  public Item restore_generated() {
    return sync.restore(local, snapshot);
  }

  @Benchmark
  public Item restore_hand() {
    return HandItem.restore(local, handSnapshot);
  }

  // ------------------------------------------------------------ apply a two-field patch

  @Benchmark
  public Item patchApply_generated() {
    return patch.applyTo(local);
  }

  @Benchmark
  public Item patchApply_hand() {
    return handPatch.applyTo(local);
  }

  // ------------------------------------------------------------ snapshot

  @Benchmark
  public Object snapshot_generated() {
    return sync.snapshot(server);
  }

  @Benchmark
  public Object snapshot_hand() {
    return HandItem.snapshot(server);
  }

  // ------------------------------------------------------------ diff (two fields differ)

  @Benchmark
  public Object diff_generated() {
    return sync.diff(original, edited);
  }

  @Benchmark
  public int diff_hand() {
    return HandItem.diff(original, edited);
  }

  // ------------------------------------------------------------ did any synced field change?

  @Benchmark
  public boolean syncedEquals_generated() {
    return sync.syncedEquals(original, edited);
  }

  @Benchmark
  public boolean syncedEquals_hand() {
    return HandItem.diff(original, edited) == 0;
  }

  // ------------------------------------------------------------ build a two-field patch

  @Benchmark
  public Object patchBuild_generated() {
    return ItemPatch.empty().title(title).done(done);
  }

  @Benchmark
  public Object patchBuild_hand() {
    return new HandItemPatch().title(title).done(done);
  }
}
