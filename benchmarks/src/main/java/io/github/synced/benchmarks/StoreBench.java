package io.github.synced.benchmarks;

import io.github.synced.benchmarks.baseline.HandItem;
import io.github.synced.benchmarks.baseline.HandItemPatch;
import io.github.synced.benchmarks.baseline.SnapshotStore;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemPatch;
import io.github.synced.benchmarks.model.ItemSync;
import io.github.synced.benchmarks.model.Items;
import io.github.synced.runtime.Mutation;
import io.github.synced.runtime.MutationState;
import io.github.synced.runtime.Reply;
import io.github.synced.runtime.SyncStore;
import io.github.synced.runtime.Write;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
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
 * One optimistic update and its confirmation through a real {@link SyncStore} holding {@code size}
 * entities, against the seed's approach ({@link SnapshotStore}: copy the whole store before each
 * mutation). The remote answers at once on the caller's thread ({@link Remotes.Immediate}), so one
 * call is the whole life of a mutation: apply, announce, send, confirm. Each call updates another
 * entity, in a fixed random order over the whole store, with a two-field patch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StoreBench {

  /** Ids of a store of {@code size} entities in a fixed random order. */
  static String[] shuffledIds(int size) {
    String[] ids = new String[size];
    for (int i = 0; i < size; i++) {
      ids[i] = Items.server(i).getId();
    }
    Random random = new Random(42);
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    return ids;
  }

  /** A {@link SyncStore} of {@code size} entities over a remote that answers at once. */
  @State(Scope.Thread)
  public static class Engine {
    @Param({"100", "10000", "1000000"})
    public int size;

    SyncStore<String, Item> store;
    private String[] ids;
    private final ItemPatch[] patches = {
      ItemPatch.empty().title("Write the yearly report").done(true),
      ItemPatch.empty().title("Write the monthly report").done(false)
    };
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
      store = SyncStore.of(ItemSync.TYPE).remote(new Remotes.Immediate()).build();
      List<Item> items = Items.many(size);
      store.load(items);
      ids = shuffledIds(size);
      Mutation<String, Item> m = update();
      if (m.state() != MutationState.CONFIRMED) {
        throw new IllegalStateException("the update did not confirm within its call: " + m);
      }
    }

    Mutation<String, Item> update() {
      int n = next;
      next = n + 1 == ids.length ? 0 : n + 1;
      return store.update(ids[n], patches[n & 1]);
    }
  }

  /** The seed's whole-store-snapshot store of {@code size} entities. */
  @State(Scope.Thread)
  public static class Seed {
    @Param({"100", "10000", "1000000"})
    public int size;

    SnapshotStore store;
    private String[] ids;
    private final HandItemPatch[] patches = {
      new HandItemPatch().title("Write the yearly report").done(true),
      new HandItemPatch().title("Write the monthly report").done(false)
    };
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
      store =
          new SnapshotStore(
              sent -> {
                Item answer = HandItem.copy(sent);
                answer.setVersion(answer.getVersion() + 1);
                return answer;
              });
      store.load(Items.many(size));
      ids = shuffledIds(size);
    }

    Item update() {
      int n = next;
      next = n + 1 == ids.length ? 0 : n + 1;
      return store.update(ids[n], patches[n & 1]);
    }
  }

  /** What the remote alone costs per call: part of every {@link #synced} figure. */
  @State(Scope.Thread)
  public static class RemoteOnly {
    Remotes.Immediate remote;
    Write<String, Item> write;

    @Setup(Level.Trial)
    public void setUp() {
      remote = new Remotes.Immediate();
      Item state = Items.server(7);
      write =
          new Write<>(
              Write.Kind.UPDATE,
              state.getId(),
              state,
              ItemPatch.empty().title("Write the yearly report").done(true),
              state.getVersion(),
              "key",
              1);
    }
  }

  @Benchmark
  public Mutation<String, Item> synced(Engine engine) {
    return engine.update();
  }

  @Benchmark
  public Item seed(Seed seed) {
    return seed.update();
  }

  @Benchmark
  public CompletionStage<Reply<Item>> remoteAlone(RemoteOnly r) {
    return r.remote.send(r.write);
  }
}
