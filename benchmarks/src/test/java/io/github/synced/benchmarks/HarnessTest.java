package io.github.synced.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.benchmarks.model.Item;
import io.github.synced.benchmarks.tools.CompileTime;
import io.github.synced.benchmarks.tools.MemoryFootprint;
import io.github.synced.runtime.MutationState;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The engine benchmarks measure what they say, and the tools run. */
class HarnessTest {

  @Test
  void eachStoreCallIsOneMutationConfirmedWithinTheCall() {
    StoreBench.Engine engine = new StoreBench.Engine();
    engine.size = 50;
    engine.setUp();
    for (int i = 0; i < 120; i++) {
      assertEquals(MutationState.CONFIRMED, engine.update().state());
    }
    assertTrue(engine.store.pending().isEmpty());
    assertEquals(50, engine.store.all().size());
  }

  @Test
  void theSeedStoreMergesTheAnswer() {
    StoreBench.Seed seed = new StoreBench.Seed();
    seed.size = 50;
    seed.setUp();
    Item updated = seed.update();
    assertTrue(updated.getTitle().startsWith("Write the"));
    assertEquals(50, seed.store.size());
    assertEquals(updated.getVersion(), seed.store.get(updated.getId()).getVersion());
  }

  @Test
  void idsCoverTheWholeStoreInAFixedOrder() {
    String[] ids = StoreBench.shuffledIds(1000);
    assertEquals(1000, new HashSet<>(Arrays.asList(ids)).size());
    assertEquals(Arrays.asList(ids), Arrays.asList(StoreBench.shuffledIds(1000)));
  }

  @Test
  void thePendingDepthStaysAtK() {
    PendingBench bench = new PendingBench();
    bench.pending = 10;
    bench.setUp();
    for (int i = 0; i < 25; i++) {
      bench.updateAndConfirmOldest();
      bench.check();
    }
  }

  @Test
  void memoryIsMeasured() {
    MemoryFootprint.Figures f = MemoryFootprint.measure(200);
    assertTrue(f.storePerEntity() > 0 && f.hashMapPerEntity() > 0, f::toString);
    assertTrue(f.patchObjectBytes() >= 16, f::toString);
  }

  @Test
  void compileTimeRunsTheProcessor() throws IOException {
    CompileTime.Figures f = CompileTime.measure(3, 1);
    assertTrue(f.generatedFiles() >= 3 * 5, f::toString);
    assertTrue(f.plainMs() > 0 && f.processorMs() > 0, f::toString);
  }
}
