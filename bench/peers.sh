#!/usr/bin/env bash
# Runs the shared peer benchmark (shared/bench/peers, read-only) with Snel in its "snel" slot and
# a second Snel peer, "snel-nonblocking" (every route @NonBlocking), from a writable copy.
#
#   bench/peers.sh                                   # snel snel-nonblocking netty go fastapi vertx helidon, all workloads
#   WORKLOADS=json,items bench/peers.sh snel netty   # fewer
#
# Both Snel peers serve dev.snel.bench.SnelBenchApp from bench/target/benchmarks.jar (built when
# missing). The harness's own settings (WORKLOADS, DURATION, REPEATS, ...) pass through; see its
# README.md. The copy is $PEERS_DIR (default /tmp/snel-peers); results land in its results/.
#
# The Snel peers run with the production JVM flags of docs/deployment-jvm.md after the harness's
# JVM_OPTS (so that they win: -Xmx128m over its -Xmx512m), or with SNEL_JVM_OPTS instead
# (SNEL_JVM_OPTS= for none), and with a JDK AOT cache trained on the snel peer's command
# (bench/target/benchmarks.aot, made again after a rebuild; SNEL_AOT=0 for none).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
src=${PEERS_SRC:-}
if [ -z "$src" ]; then
  for candidate in "$root/../shared/bench/peers" /work/shared/bench/peers; do
    if [ -x "$candidate/run.sh" ]; then src="$(cd "$candidate" && pwd)"; break; fi
  done
fi
[ -n "$src" ] || { echo "peer harness not found; set PEERS_SRC to shared/bench/peers" >&2; exit 1; }
dir=${PEERS_DIR:-/tmp/snel-peers}
jar="$here/target/benchmarks.jar"
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}

if [ ! -f "$jar" ]; then
  (cd "$root" && JAVA_HOME="$JAVA25" bin/mvn -B -q -pl bench -am package -DskipTests)
fi
# shellcheck source=bench/snel-flags.sh
. "$here/snel-flags.sh"
snel_opts=${SNEL_JVM_OPTS-"$SNEL_PRODUCTION_FLAGS"}
# shellcheck disable=SC2086  # option lists are lists of words
aot=$("$root/bin/aot-cache" "$here/target/benchmarks.aot" "$jar" "$jar" "$JAVA25/bin/java" \
  ${JVM_OPTS:--Xmx512m} --enable-native-access=ALL-UNNAMED $snel_opts -cp "$jar" dev.snel.bench.SnelBenchApp virtual)

# A fresh copy of the harness, keeping earlier results and built peers of the copy.
mkdir -p "$dir"
cp -r "$src/." "$dir/"
chmod -R u+w "$dir"

cat >"$dir/peers.d/snel-nonblocking.sh" <<EOF
# Snel with every route @NonBlocking (handlers on the Netty I/O thread); written by bench/peers.sh.
KIND=jvm
FRAMEWORK="Snel 0.1.0-SNAPSHOT, routes @NonBlocking (snel-netty, epoll)"
VALIDATION="typed path/query params and a body model (jakarta.validation @Size, @Email); 422, FastAPI format"
built() { test -f "$jar"; }
build() { cd "$root" && JAVA_HOME="\$JAVA25" bin/mvn -B -q -pl bench -am package -DskipTests; }
version() { java_version; }
start() { exec "\$JAVA25/bin/java" \$JVM_OPTS --enable-native-access=ALL-UNNAMED $snel_opts -cp "$jar" $aot dev.snel.bench.SnelBenchApp nonblocking; }
EOF

export SNEL_START="exec \$JAVA25/bin/java \$JVM_OPTS --enable-native-access=ALL-UNNAMED $snel_opts -cp '$jar' $aot dev.snel.bench.SnelBenchApp virtual"
export SNEL_BUILT="test -f '$jar'"
export SNEL_BUILD="cd '$root' && JAVA_HOME=\$JAVA25 bin/mvn -B -q -pl bench -am package -DskipTests"
export SNEL_NAME="Snel 0.1.0-SNAPSHOT, default dispatch: virtual threads on the event loop (snel-netty, epoll)"
export SNEL_VALIDATION="typed path/query params and a body model (jakarta.validation @Size, @Email); 422, FastAPI format"

if [ $# -eq 0 ]; then
  set -- snel snel-nonblocking netty go fastapi vertx helidon
fi
# As root, run the harness (and so every server and wrk it starts) at NICE=-10, so that other
# processes on a shared machine get little of the two cores while it measures; NICE=0 turns it off.
NICE=${NICE:--10}
if [ "$(id -u)" = 0 ] || [ "$NICE" -ge 0 ]; then
  exec nice -n "$NICE" "$dir/run.sh" "$@"
fi
exec "$dir/run.sh" "$@"
