package io.github.synced.benchmarks;

import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemPatch;
import io.github.synced.benchmarks.model.ItemSync;
import io.github.synced.benchmarks.model.Items;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.SyncStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One entity with {@code pending} unsettled mutations (a slow server, an offline burst): each call
 * makes one more update and the server confirms the oldest, so the entity keeps exactly {@code
 * pending} mutations and the figure is the cost of one update plus one confirm at that depth. Sends
 * are serial (the default): one write is out, the rest wait in order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PendingBench {

  private static final String ID = "item-1";

  @Param({"1", "10", "100", "10000"})
  public int pending;

  private Remotes.Holding remote;
  private SyncStore<String, Item> store;
  private final ItemPatch[] patches = {
    ItemPatch.empty().title("Write the yearly report").done(true),
    ItemPatch.empty().title("Write the monthly report").done(false)
  };
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    remote = new Remotes.Holding();
    store = SyncStore.of(ItemSync.TYPE).remote(remote).build();
    store.load(List.of(Items.server(1)));
    for (int i = 0; i < pending; i++) {
      store.update(ID, patches[i & 1]);
    }
    check();
  }

  /** The entity has exactly {@code pending} mutations, one of them out. */
  void check() {
    if (store.pending(ID).size() != pending || remote.waiting() != 1) {
      throw new IllegalStateException(
          "expected "
              + pending
              + " pending mutations with one out, found "
              + store.pending(ID).size()
              + " with "
              + remote.waiting()
              + " out");
    }
  }

  @Benchmark
  public Mutation<String, Item> updateAndConfirmOldest() {
    Mutation<String, Item> m = store.update(ID, patches[next++ & 1]);
    remote.answerOldest();
    return m;
  }
}
