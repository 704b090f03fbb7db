#!/usr/bin/env bash
# Runs the JMH benchmarks and prints them as Markdown tables with ratios to the references.
#
#   bench/jmh.sh                          # all: about 9 minutes
#   bench/jmh.sh PipelineBenchmark        # one class (any JMH arguments pass through)
#   JMH_OPTS="-f 1 -wi 3 -i 10 -w 2s -r 2s" bench/jmh.sh
#
# Defaults: -f 1 -wi 3 -i 5 -w 2s -r 2s; NICE=-10 (as root). Set CPUS=0 to pin the benchmark JVM to core 0 (taskset),
# as the load-tested server is. Builds bench/target/benchmarks.jar when sources are newer. Results:
# bench/target/jmh/<time>.json and .md. Works from any directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JMH_OPTS=${JMH_OPTS:-"-f 1 -wi 3 -i 5 -w 2s -r 2s"}
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "[jmh] building bench/target/benchmarks.jar" >&2
  (cd "$root" && JAVA_HOME="$JAVA25" bin/mvn -B -q -pl bench -am package -DskipTests)
fi
mkdir -p "$here/target/jmh"
stamp="$here/target/jmh/$(date +%Y%m%d-%H%M%S)"
# As root, JMH runs at NICE=-10 so that other processes on a shared machine disturb it less.
NICE=${NICE:--10}
pin=()
if [ "$(id -u)" = 0 ] || [ "$NICE" -ge 0 ]; then pin=(nice -n "$NICE"); fi
if [ -n "${CPUS:-}" ]; then pin+=(taskset -c "$CPUS"); fi
# shellcheck disable=SC2086  # JMH_OPTS is a word list
"${pin[@]}" "$JAVA25/bin/java" -jar "$jar" $JMH_OPTS -rf json -rff "$stamp.json" "$@" | tee "$stamp.txt"
"$JAVA25/bin/java" -cp "$jar" dev.snel.bench.JmhReport "$stamp.json" | tee "$stamp.md"
echo "[jmh] results: $stamp.json, $stamp.md" >&2
