package io.github.synced.benchmarks.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.synced.benchmarks.Remotes;
import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.model.ItemPatch;
import io.github.synced.benchmarks.model.ItemSync;
import io.github.synced.benchmarks.model.Items;
import io.github.synced.runtime.SyncStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained memory per stored entity, measured with JOL: a {@link SyncStore} loaded with {@code n}
 * entities (minus the same store empty) against a {@code HashMap} of the same entities, both
 * divided by {@code n}. Strings are shared between the two and counted once in each. Also the
 * shallow size of one built two-field {@link ItemPatch}: the "one object" that building a patch may
 * allocate.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.github.synced.benchmarks.tools.MemoryFootprint OUT
 * [n]}; writes a JSON object to {@code OUT}.
 */
public final class MemoryFootprint {

  private MemoryFootprint() {}

  /** The figures, in bytes. */
  public record Figures(
      int entities, double storePerEntity, double hashMapPerEntity, long patchObjectBytes) {}

  /** Measures with {@code n} entities. */
  public static Figures measure(int n) {
    // JDK 17 refuses Unsafe field offsets of records (the store holds some); JOL then finds
    // offsets its own way. Must be set before JOL's first use.
    if (System.getProperty("jol.magicFieldOffset") == null) {
      System.setProperty("jol.magicFieldOffset", "true");
    }
    List<Item> items = Items.many(n);
    long empty = GraphLayout.parseInstance(newStore()).totalSize();
    SyncStore<String, Item> store = newStore();
    store.load(items);
    long loaded = GraphLayout.parseInstance(store).totalSize();

    Map<String, Item> map = new HashMap<>();
    for (Item item : items) {
      map.put(item.getId(), item);
    }
    long plain = GraphLayout.parseInstance(map).totalSize();

    Object patch = ItemPatch.empty().title("Write the yearly report").done(true);
    long patchBytes = ClassLayout.parseInstance(patch).instanceSize();
    return new Figures(n, (loaded - empty) / (double) n, plain / (double) n, patchBytes);
  }

  private static SyncStore<String, Item> newStore() {
    return SyncStore.of(ItemSync.TYPE).remote(new Remotes.Immediate()).build();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: MemoryFootprint OUT.json [entities]");
      System.exit(2);
    }
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Figures f = measure(n);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode json = mapper.createObjectNode();
    json.put("entities", f.entities());
    json.put("storeBytesPerEntity", f.storePerEntity());
    json.put("hashMapBytesPerEntity", f.hashMapPerEntity());
    json.put("patchObjectBytes", f.patchObjectBytes());
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
    System.out.printf(
        "memory: %d entities, store %.1f B/entity, HashMap %.1f B/entity (%.2fx); patch object %d"
            + " B%n",
        n,
        f.storePerEntity(),
        f.hashMapPerEntity(),
        f.storePerEntity() / f.hashMapPerEntity(),
        f.patchObjectBytes());
  }
}
