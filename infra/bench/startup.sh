#!/usr/bin/env bash
# Measures ./brain up: time to ready on a first start (distributions freshly unpacked, so
# Keycloak runs its one-time build step, and no data: database created, realm imported, engine
# tables created) and on restarts with existing data (warm), and the memory of every process
# once ready (PSS, so pages PostgreSQL's processes share are not counted twice).
#   infra/bench/startup.sh [RUNS]
# Uses a separate home (BRAIN_HOME=.brain/bench) so a developer's data is left alone; the
# distributions and built jars must exist (./brain up has run once).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"
export BRAIN_HOME="$ROOT/.brain/bench"

descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}

pss_kb() {
  local kb=0 p
  for p in "$1" $(descendants "$1"); do
    kb=$((kb + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo "$kb"
}

# The launcher starts every component as its child, except PostgreSQL's server, which detaches
# and is listed on its own: the launcher counts alone, every other process with its children.
memory_report() {
  local launcher_pid total=0 name pid kb
  launcher_pid="$(awk 'NR == 1 {print $2}' "$BRAIN_HOME/processes")"
  while read -r name pid; do
    if [[ "$pid" == "$launcher_pid" ]]; then
      kb="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)"
    else
      kb="$(pss_kb "$pid")"
    fi
    total=$((total + kb))
    printf '  %-18s %6d MiB\n' "$name" $((kb / 1024))
  done < "$BRAIN_HOME/processes"
  printf '  %-18s %6d MiB\n' "total" $((total / 1024))
}

start_once() {
  local log="$BRAIN_HOME.log"
  "$ROOT/brain" up > "$log" 2>&1 &
  while ! grep -q "Brain is ready" "$log" 2>/dev/null; do
    sleep 0.5
    if ! kill -0 $! 2>/dev/null; then cat "$log"; exit 1; fi
  done
  grep -o "ready in [0-9.]* s" "$log" | awk '{print $3}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

rm -rf "$BRAIN_HOME" "$ROOT/.brain/dist"
unpack_started=$(date +%s.%N)
"$ROOT/mvnw" -q -pl infra dependency:unpack@unpack-distributions > /dev/null
echo "unpacking the Keycloak distribution (from the local Maven repository): $(awk -v a="$unpack_started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"
echo "first start (Keycloak build step, fresh data):"
cold="$(start_once)"
echo "  ready in $cold s"
sleep 5
echo "memory once ready (PSS):"
memory_report
"$ROOT/brain" down > /dev/null

warm=()
for i in $(seq 1 "$RUNS"); do
  warm+=("$(start_once)")
  "$ROOT/brain" down > /dev/null
done
echo "warm starts: ${warm[*]} s; median $(printf '%s\n' "${warm[@]}" | median) s"
