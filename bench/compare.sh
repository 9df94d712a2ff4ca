#!/usr/bin/env bash
# Start-up of two (or more) checkouts compared in one run: `./wisim up -d` of each, alternated round
# after round, so that a change of the machine's speed (it moves by up to 2x within minutes) falls on
# all alike. Prints, per checkout, the median, mean and range of the wall time and the median CPU the
# five services had spent when `up -d` returned. Each checkout is started once first, outside the
# timing (it builds what is stale and makes its start-up caches); they use the same default ports, so
# only one runs at a time.
# Usage: bench/compare.sh ROUNDS DIR_A DIR_B ...   e.g. git worktree add /tmp/before HEAD~3, build it,
#        bench/compare.sh 8 /tmp/before .
set -euo pipefail
rounds="$1"; shift
dirs=()
for d in "$@"; do dirs+=("$(cd "$d" && pwd)"); done
tck=$(getconf CLK_TCK)
declare -A wall cpu
down_all() { for d in "${dirs[@]}"; do (cd "$d" && ./wisim down >/dev/null 2>&1) || true; done; }
trap down_all EXIT
for d in "${dirs[@]}"; do down_all; (cd "$d" && ./wisim up -d >/dev/null); done
for _ in $(seq 1 "$rounds"); do
  for i in "${!dirs[@]}"; do
    down_all
    cd "${dirs[$i]}"
    t0=$(date +%s%N)
    ./wisim up -d >/dev/null
    t1=$(date +%s%N)
    ticks=0
    while read -r _ pid; do
      read -r -a stat < "/proc/$pid/stat"
      ticks=$((ticks + stat[13] + stat[14]))
    done < .wisim/stack.pids
    wall[$i]="${wall[$i]:-} $(((t1 - t0) / 1000000))"
    cpu[$i]="${cpu[$i]:-} $((ticks * 1000 / tck))"
  done
done
for i in "${!dirs[@]}"; do
  python3 - "${dirs[$i]}" "${wall[$i]}" "${cpu[$i]}" <<'PY'
import statistics, sys
name, wall, cpu = sys.argv[1], [int(x) for x in sys.argv[2].split()], [int(x) for x in sys.argv[3].split()]
print(f"{name}: up -d median {statistics.median(wall) / 1000:.2f} s, mean {statistics.mean(wall) / 1000:.2f} s"
      f" ({min(wall) / 1000:.2f} - {max(wall) / 1000:.2f}, {len(wall)} runs); services' CPU median"
      f" {statistics.median(cpu) / 1000:.2f} s; each: {' '.join(f'{w / 1000:.2f}' for w in wall)}")
PY
done
