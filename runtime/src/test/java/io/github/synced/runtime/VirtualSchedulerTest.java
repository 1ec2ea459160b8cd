package io.github.synced.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.synced.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  @Test
  void dueTasksRunInTimeOrderThenInSchedulingOrderAtTheirDueTime() {
    VirtualScheduler s = new VirtualScheduler();
    List<String> ran = new ArrayList<>();
    s.schedule(Duration.ofMillis(20), () -> ran.add("b@" + s.now().toEpochMilli()));
    s.schedule(Duration.ofMillis(10), () -> ran.add("a@" + s.now().toEpochMilli()));
    s.schedule(Duration.ofMillis(20), () -> ran.add("c@" + s.now().toEpochMilli()));
    s.schedule(
        Duration.ofMillis(5),
        () -> s.schedule(Duration.ofMillis(5), () -> ran.add("nested@" + s.now().toEpochMilli())));

    s.advance(Duration.ofMillis(15));
    assertEquals(List.of("a@10", "nested@10"), ran);
    assertEquals(Instant.ofEpochMilli(15), s.now());
    s.advance(Duration.ofMillis(5));
    assertEquals(List.of("a@10", "nested@10", "b@20", "c@20"), ran);
  }

  @Test
  void cancelledTaskNeverRuns() {
    VirtualScheduler s = new VirtualScheduler();
    List<String> ran = new ArrayList<>();
    s.schedule(Duration.ofMillis(1), () -> ran.add("x")).cancel();
    assertFalse(s.runNext());
    s.advance(Duration.ofSeconds(1));
    assertEquals(List.of(), ran);
  }

  @Test
  void systemSchedulerRunsTasksOffItsTimerThreadAndCancelsThem() throws Exception {
    Scheduler system = Scheduler.system();
    java.util.concurrent.CompletableFuture<String> ran =
        new java.util.concurrent.CompletableFuture<>();
    system.schedule(Duration.ofHours(1), () -> ran.complete("too late")).cancel();
    system.schedule(Duration.ZERO, () -> ran.complete(Thread.currentThread().getName()));
    String thread = ran.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(thread.startsWith("synced-worker-"), "never on the shared timer thread: " + thread);
    assertFalse(system.now().isBefore(Instant.parse("2020-01-01T00:00:00Z")));
  }
}
