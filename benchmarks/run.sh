#!/usr/bin/env bash
# Runs every Synced benchmark and prints the ratio table (BENCHMARKS.md explains it).
#
#   benchmarks/run.sh             full mode: 2 forks, 1 s iterations, k up to 10,000, 500 entities
#   benchmarks/run.sh --quick     quick mode: 1 fork, short iterations, k up to 1,000, 100 entities
#
# The report compares CPU time per operation (CpuTimeProfiler), the median of the measured
# iterations; every ratio is from one run.
#
# Options: --no-build (reuse benchmarks/target/benchmarks.jar), --out DIR (default
# benchmarks/target/results). Builds with `mvn -pl benchmarks -am package` (never install; without
# -am, Maven would take the runtime and processor from ~/.m2 if anyone installed them there), then
# runs JMH (with -prof gc for B/op and CpuTimeProfiler for CPU time), the memory and compile-time
# tools, and the report, which it prints and writes to DIR/report.md. JMH's output goes to
# DIR/*.log.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode=full
build=1
out=benchmarks/target/results
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --no-build) build=0 ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option: $1 (use --quick, --no-build, --out DIR)" >&2; exit 2 ;;
  esac
  shift
done

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar

if [ "$build" = 1 ]; then
  echo "building $jar"
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
rm -rf "$out"
mkdir -p "$out"

if [ "$mode" = quick ]; then
  code=(-f 1 -wi 2 -w 300ms -i 5 -r 100ms)
  json=(-f 1 -wi 2 -w 1s -i 5 -r 200ms) # Jackson's read path needs seconds of warm-up
  engine=(-f 1 -wi 4 -w 600ms -i 5 -r 200ms) # the engine needs ~2 s to reach C2 on a busy machine
  seed_sizes=100,10000 # the seed at 10^6 takes a quarter of a second per call: full mode only
  pending=1,10,100,1000
  compile=(100 1)
else
  code=(-f 2 -wi 5 -w 1s -i 5 -r 1s)
  json=("${code[@]}")
  engine=(-f 2 -wi 3 -w 2s -i 5 -r 1s)
  seed_sizes=100,10000,1000000
  pending=1,10,100,10000
  compile=(500 3)
fi

# B/op from JMH's GC profiler; CPU time per operation from ours (see CpuTimeProfiler).
prof=(-prof gc -prof io.github.synced.benchmarks.tools.CpuTimeProfiler)

start=$(date +%s)
step() { echo "[$(( $(date +%s) - start )) s] $*"; }

step "generated code against hand-written, MapStruct and reflection (CodeBench)"
"$java" -jar "$jar" 'CodeBench' "${code[@]}" "${prof[@]}" \
  -rf json -rff "$out/jmh-code.json" > "$out/jmh-code.log"
step "JSON against Jackson databind and DSL-JSON (JsonBench)"
"$java" -jar "$jar" 'JsonBench' "${json[@]}" "${prof[@]}" \
  -rf json -rff "$out/jmh-json.json" > "$out/jmh-json.log"
step "the store at 10^2, 10^4, 10^6 entities (StoreBench)"
"$java" -jar "$jar" 'StoreBench.(synced|remoteAlone)' "${engine[@]}" "${prof[@]}" \
  -rf json -rff "$out/jmh-store.json" > "$out/jmh-store.log"
step "the seed's whole-store-snapshot store at $seed_sizes entities (StoreBench)"
"$java" -jar "$jar" 'StoreBench.seed' "${engine[@]}" -p size="$seed_sizes" "${prof[@]}" \
  -rf json -rff "$out/jmh-seed.json" > "$out/jmh-seed.log"
step "k pending mutations on one entity, k = $pending (PendingBench)"
"$java" -jar "$jar" 'PendingBench' "${engine[@]}" -p pending="$pending" "${prof[@]}" \
  -rf json -rff "$out/jmh-pending.json" > "$out/jmh-pending.log"
step "memory per stored entity (MemoryFootprint)"
"$java" -cp "$jar" io.github.synced.benchmarks.tools.MemoryFootprint "$out/memory.json" 10000 \
  2> "$out/memory.log"
step "processor compile time, ${compile[0]} entities (CompileTime)"
"$java" -cp "$jar" io.github.synced.benchmarks.tools.CompileTime "$out/compile.json" "${compile[@]}"
step "report"
echo
"$java" -cp "$jar" io.github.synced.benchmarks.tools.Report "$out"
echo
echo "$mode mode: $(( $(date +%s) - start )) s of benchmarks on $("$java" -version 2>&1 | head -1); results in $out"
