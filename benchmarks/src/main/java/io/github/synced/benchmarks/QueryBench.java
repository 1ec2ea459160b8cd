package io.github.synced.benchmarks;

import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemPatch;
import io.github.synced.benchmarks.model.ItemSync;
import io.github.synced.benchmarks.model.Items;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.PageReader;
import io.github.synced.runtime.Query;
import io.github.synced.runtime.QueryType;
import io.github.synced.runtime.SyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
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
 * What queries add to a mutation: one optimistic update and its confirmation in a store of 10,000
 * entities (as {@code StoreBench.synced}), each update marking an entity done or open so that it
 * moves between the demo's two lists (a {@code matches(..)} query type by done, each list holding
 * {@code listed} entities), against the same updates in the same store with no listener and with
 * one store listener that reads every change (what any subscriber costs). Every update is of a
 * listed entity, in a fixed random order.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class QueryBench {

  private static final int SIZE = 10_000;

  /** A store of {@link #SIZE} entities and, as {@code with} says, what listens to it. */
  @State(Scope.Thread)
  public static class Board {
    /** {@code none}, {@code listener} (one store subscriber), or {@code lists} (two queries). */
    @Param({"none", "listener", "lists"})
    public String with;

    /** How many entities each list holds. */
    @Param({"100", "1000"})
    public int listed;

    SyncStore<String, Item> store;
    private final List<Query<Boolean, String, Item>> lists = new ArrayList<>();
    private String[] ids;
    private final ItemPatch[] patches = {
      ItemPatch.empty().title("Write the yearly report").done(true),
      ItemPatch.empty().title("Write the monthly report").done(false)
    };
    private int next;
    private int cycle;

    @Setup(Level.Trial)
    public void setUp() {
      store =
          SyncStore.of(ItemSync.TYPE)
              .remote(new Remotes.Immediate())
              .notifyOn(Runnable::run)
              .build();
      List<Item> items = Items.many(SIZE);
      store.load(items);
      List<Item> open = new ArrayList<>();
      List<Item> done = new ArrayList<>();
      for (Item i : items) {
        List<Item> to = i.isDone() ? done : open;
        if (to.size() < listed) {
          to.add(i);
        }
      }
      List<String> shown = new ArrayList<>();
      open.forEach(i -> shown.add(i.getId()));
      done.forEach(i -> shown.add(i.getId()));
      if (with.equals("listener")) {
        store.subscribe(c -> c.after());
      } else if (with.equals("lists")) {
        QueryType<Boolean, Item> byDone =
            QueryType.<Boolean, Item>builder(
                    "items by done",
                    PageReader.whole(d -> CompletableFuture.completedFuture(d ? done : open)))
                .matches((d, item) -> item.isDone() == d)
                .build();
        for (boolean d : new boolean[] {false, true}) {
          Query<Boolean, String, Item> q = store.query(byDone, d);
          q.refetch().join();
          lists.add(q);
        }
      }
      ids = shown.toArray(String[]::new);
      Random random = new Random(42);
      for (int i = ids.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
      }
      Mutation<String, Item> m = update();
      if (m.state() != MutationState.CONFIRMED) {
        throw new IllegalStateException("the update did not confirm within its call: " + m);
      }
      if (with.equals("lists")
          && lists.get(0).items().size() + lists.get(1).items().size() != 2 * listed) {
        throw new IllegalStateException("the lists do not hold every listed entity");
      }
    }

    Mutation<String, Item> update() {
      int n = next;
      if (n + 1 == ids.length) {
        next = 0;
        cycle++; // every entity is marked the other way round next time: it moves again
      } else {
        next = n + 1;
      }
      return store.update(ids[n], patches[(n + cycle) & 1]);
    }
  }

  @Benchmark
  public Mutation<String, Item> updateAndConfirm(Board board) {
    return board.update();
  }
}
