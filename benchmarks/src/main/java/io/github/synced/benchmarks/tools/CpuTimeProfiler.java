package io.github.synced.benchmarks.tools;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, as a secondary JMH metric {@code cpu.time.norm} (ns/op): the CPU time the
 * whole benchmark JVM used during an iteration (the benchmark thread, and the GC and JIT threads
 * working for it) divided by the operations it ran. On a machine shared with other builds, wall
 * time per operation also counts the time the benchmark waited for a core; CPU time does not, so
 * ratios of it move far less from run to run. Use with {@code -prof
 * io.github.synced.benchmarks.tools.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long start;

  @Override
  public String getDescription() {
    return "process CPU time per operation (cpu.time.norm)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    start = os.getProcessCpuTime();
  }

  @Override
  public List<? extends Result<?>> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    long used = os.getProcessCpuTime() - start;
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0 || used < 0) {
      return List.of();
    }
    return List.of(
        new ScalarResult("cpu.time.norm", used / (double) ops, "ns/op", AggregationPolicy.AVG));
  }
}
