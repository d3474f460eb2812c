#!/usr/bin/env bash
# Measures webhooks on the platform ./brain up starts, in one run (docs/benchmarks.md):
#   0. ingest only: the same, to a listener that takes no event type, so no run competes;
#   1. ingest: signed GitHub webhooks at a fixed arrival rate (BENCH_RATE, default 300/s), open
#      loop, after BENCH_WARMUP (6000) unmeasured ones sent at a rate climbing to it: achieved
#      rate, latency to the 2xx;
#   2. end-to-end: RUNS webhooks posted as fast as the api takes them, each starting a run of a
#      one-step automation (an HTTP request to a server of the benchmark on 127.0.0.1): runs
#      completed per second;
#   3. the reference: the same deployed automation, RUNS runs started through the api's run API
#      (the engine's start, without the webhook inbox); phases 2 and 3 alternate for ROUNDS rounds.
#   infra/bench/webhooks.sh [REQUESTS] [RUNS] [ROUNDS]      (defaults 6000, 1000, 3)
# Uses its own home (BRAIN_HOME=.brain/bench-webhooks, deleted first, so every run starts on
# fresh data) and the usual ports (override with the BRAIN_*_PORT variables of README.md).
# The platform is stopped at the end, also on failure or Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REQUESTS="${1:-6000}"
RUNS="${2:-1000}"
ROUNDS="${3:-3}"
export BRAIN_HOME="$ROOT/.brain/bench-webhooks"
# The connector step calls the benchmark's server on 127.0.0.1, which Brain refuses by default.
export BRAIN_OUTBOUND_ALLOWED_NETWORKS="127.0.0.1/32"
# One tenant runs every call: lift its connector quota (600 calls a minute, 10 at once by
# default) so the benchmark measures the platform, not the quota.
export BRAIN_CONNECTORS_LIMITS_CALLSPERMINUTE="${BRAIN_CONNECTORS_LIMITS_CALLSPERMINUTE:-10000000}"
export BRAIN_CONNECTORS_LIMITS_CONCURRENTCALLS="${BRAIN_CONNECTORS_LIMITS_CONCURRENTCALLS:-10000}"
# The JDK 21+ ./brain up takes (infra/jdk.sh), also for the build below.
# shellcheck source=../jdk.sh
source "$ROOT/infra/jdk.sh"
find_jdk || { echo "error: no JDK 21 or newer found (${JDK_SEARCHED:-none in JAVA_HOME, on the PATH or under ${BRAIN_JDK_DIRS:-/usr/lib/jvm or /Library/Java/JavaVirtualMachines}})" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"
LOG="$BRAIN_HOME.log"

if "$ROOT/brain" status 2> /dev/null | grep -q "is running"; then
  echo "error: a benchmark platform is already running in $BRAIN_HOME; stop it with BRAIN_HOME=$BRAIN_HOME ./brain down" >&2
  exit 1
fi

echo "compiling the benchmark ..."
mkdir -p "$ROOT/.brain"
"$ROOT/mvnw" -q -pl infra -am -DskipTests -Dskip.npm -Dexec.skip test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath > "$ROOT/.brain/bench-webhooks-build.log" 2>&1 ||
  { tail -n 40 "$ROOT/.brain/bench-webhooks-build.log"; exit 1; }

rm -rf "$BRAIN_HOME" "$LOG"
stop() {
  "$ROOT/brain" down > /dev/null 2>&1 || true
  wait 2> /dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "starting the platform in $BRAIN_HOME (log: $LOG) ..."
"$ROOT/brain" up > "$LOG" 2>&1 &
deadline=$((SECONDS + 900))
while ! grep -q "Brain is ready" "$LOG" 2> /dev/null; do
  if ! kill -0 $! 2> /dev/null || ((SECONDS > deadline)); then
    cat "$LOG"
    exit 1
  fi
  sleep 0.5
done
grep -E "^\[|Brain is ready" "$LOG"

echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2> /dev/null || echo '?'), $(nproc) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print "JDK " $2}')"
"$JAVA" -Xmx512m -Dbrain.project.directory="$ROOT" \
  -cp "$ROOT/infra/target/test-classes:$ROOT/infra/target/classes:$(cat "$ROOT/infra/target/bench-classpath")" \
  io.brain.infra.bench.WebhookBenchmark "$REQUESTS" "$RUNS" "$ROUNDS"
