# Shared by load.sh and streaming.sh (sourced): building the jar, starting a server pinned to its
# core, waiting for a quiet machine, and reading CPU use from /proc. Expects the caller to set
# here, root, jar, out, PORT, SERVER_CPU, CLIENT_CPU, CONNECTIONS, JAVA25, JVM_OPTS, QUIET,
# QUIET_WAIT, nice_cmd, clk_tck, and LOG_TAG (the prefix of log lines).

log() { echo "[${LOG_TAG:-load}] $*" >&2; }

# ---- what the run needs: the jar, wrk
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  log "building bench/target/benchmarks.jar"
  (cd "$root" && JAVA_HOME="$JAVA25" bin/mvn -B -q -pl bench -am package -DskipTests)
fi
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
mkdir -p "$out"

# ---- servers
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

start_server() { # start_server NAME
  local class args
  case $1 in
    netty) class=dev.snel.bench.RawNettyServer; args="" ;;
    snel) class=dev.snel.bench.SnelBenchApp; args=virtual ;;
    snel-nonblocking) class=dev.snel.bench.SnelBenchApp; args=nonblocking ;;
    *) echo "unknown server '$1' (netty, snel, snel-nonblocking)" >&2; exit 2 ;;
  esac
  # shellcheck disable=SC2086  # JVM_OPTS and args are word lists
  PORT=$PORT HOST=127.0.0.1 "${nice_cmd[@]}" taskset -c "$SERVER_CPU" "$JAVA25/bin/java" $JVM_OPTS --enable-native-access=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
    -cp "$jar" "$class" $args >"$out/$1-server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/plaintext"; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/$1-server.log" >&2; echo "$1 died at startup" >&2; exit 1; }
    sleep 0.1
  done
  echo "$1 did not answer within 60 s" >&2
  exit 1
}

# Waits (up to $QUIET_WAIT s) until no other process keeps the cores busy: on a shared machine
# other people's builds otherwise take the server's core mid-measurement.
wait_quiet() {
  local waited=0 busy
  while [ "$waited" -lt "$QUIET_WAIT" ]; do
    busy=$( { head -3 /proc/stat | tail -2; sleep 1; head -3 /proc/stat | tail -2; } |
      awk '{ b = $2 + $3 + $4 + $7 + $8 + $9; t = b + $5 + $6 } NR <= 2 { b0[NR] = b; t0[NR] = t }
           NR > 2 { p = 100 * (b - b0[NR - 2]) / (t - t0[NR - 2]); if (p > m) m = p } END { printf "%.0f", m }')
    [ "$busy" -le "$QUIET" ] && return 0
    waited=$((waited + 1))
  done
  log "machine still busy (${busy} % on a core) after ${QUIET_WAIT}s; measuring anyway"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
core_ticks() { # core_ticks CPU: busy and total ticks of the core, from /proc/stat
  awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}
busy_percent() { # busy_percent "BUSY0 TOTAL0" "BUSY1 TOTAL1"
  echo "$1 $2" | awk '{ printf "%.0f", (($4 - $2) > 0 ? 100 * ($3 - $1) / ($4 - $2) : 0) }'
}

# run_wrk SECONDS PATH OUTFILE; appends "wrk-cpu-ticks: N" (wrk's own CPU time) to OUTFILE
run_wrk() {
  (
    "${nice_cmd[@]}" taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$1"s --latency --timeout 5s "http://127.0.0.1:$PORT$2"
    awk '{print "wrk-cpu-ticks: " $16 + $17}' "/proc/$BASHPID/stat"
  ) >"$3" 2>&1
}

to_ms() { # wrk's 812.00us / 1.23ms / 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

