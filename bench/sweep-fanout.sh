#!/usr/bin/env bash
# The fan-out part of bench/sweep.sh (run it as `bench/sweep.sh fanout`): see the usage there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

quiet_size=${QUIET_SIZE:-100000}
worst_size=${WORST_SIZE:-10000}
# Shards of the worst case: small enough that 4 workers get several each.
worst_shard=${WORST_SHARD:-250}
before_commit=${BEFORE_COMMIT:-b493d38}

# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/bench-doc.sh
source scripts/bench-doc.sh
azurite_install

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-bench-fanout.XXXXXX")
trap 'azurite_stop; rm -rf "$work"' EXIT INT TERM

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "Building the benchmark (Release)"
dotnet build bench/GapMonitor.SweepBenchmark -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
after=bench/GapMonitor.SweepBenchmark/bin/Release/net10.0/GapMonitor.SweepBenchmark.dll
before=""
if [ "${BEFORE:-1}" = 1 ]; then
  log "Building the benchmark at $before_commit (before the fan-out)"
  mkdir -p "$work/before"
  git archive "$before_commit" | tar -x -C "$work/before"
  ln -s "$PWD/node_modules" "$work/before/node_modules"
  dotnet build "$work/before/bench/GapMonitor.SweepBenchmark" -c Release --nologo -v quiet >"$work/build-before.log" 2>&1 || { cat "$work/build-before.log" >&2; exit 1; }
  before="$work/before/bench/GapMonitor.SweepBenchmark/bin/Release/net10.0/GapMonitor.SweepBenchmark.dll"
fi

: >"$work/rows.md"
: >"$work/before.md"
: >"$work/notes.md"

log "Quiet sweep of $quiet_size systems (Azurite in memory)"
azurite_start memory "$work/azurite-quiet.log"
if [ -n "$before" ]; then
  dotnet "$before" --connection-string "$azurite_connection" --systems "$quiet_size" --table-prefix before \
    --steady-only true --rows "$work/before.md" --notes "$work/notes.md" --azurite-pid "$azurite_pid"
fi
dotnet "$after" --fan-out true --connection-string "$azurite_connection" --systems "$quiet_size" --workers 1,4 \
  --quiet-only true --rows "$work/rows.md"
azurite_peak_quiet=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$azurite_pid/status" 2>/dev/null || echo "?")
azurite_stop

log "Worst case of $worst_size systems (Azurite in memory)"
azurite_start memory "$work/azurite-worst.log"
if [ -n "$before" ]; then
  dotnet "$before" --connection-string "$azurite_connection" --systems "$worst_size" --table-prefix before \
    --rows "$work/before.md" --notes "$work/notes.md" --azurite-pid "$azurite_pid"
fi
dotnet "$after" --fan-out true --connection-string "$azurite_connection" --systems "$worst_size" --workers 1,4 \
  --systems-per-shard "$worst_shard" --rows "$work/rows.md"
azurite_peak_worst=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$azurite_pid/status" 2>/dev/null || echo "?")
azurite_stop
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

azurite_version=$(node_modules/.bin/azurite --version)
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
  echo "<!-- sweep:begin -->"
  echo "## Sweep"
  echo
  echo "### Fan-out through the queue (issue 12)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with \`bench/sweep.sh fanout\` (QUIET_SIZE=$quiet_size, WORST_SIZE=$worst_size) on $(nproc) cores ($cpu),"
  echo "shared with Azurite and, on this machine, with other agents' builds: load average $load_start at the start, $load_end at the end."
  echo ".NET $(dotnet --version), Release; Azurite $azurite_version (Node $(node --version)), \`--inMemoryPersistence\`, one fresh instance per table"
  echo "below (peak resident memory: ${azurite_peak_quiet} MB for the quiet run, ${azurite_peak_worst} MB for the worst case)."
  echo
  echo "Fleet, contacts and fake clock as in the in-process benchmark below. A queued sweep is timed from the fan-out (list the ids"
  echo "with a key-only projection, plan shards of 1,000 — $worst_shard for the worst case, so 4 workers get several each — and enqueue"
  echo "them) until the last shard's worker has deleted its message;"
  echo "the worker processes (\`GapMonitor.SweepBenchmark --worker\`, each \`SweepService.RunShardAsync\` over the same Azurite)"
  echo "are started and connected before the clock starts. Each fleet size is seeded once per worker count for the worst case"
  echo "(it changes state), once for all quiet sweeps."
  echo
  echo "| Systems | Sweep | Worker processes | Seconds | Evaluated / opened / delivered |"
  echo "|---:|---|---:|---:|---|"
  cat "$work/rows.md"
  echo
  if [ -s "$work/before.md" ]; then
    echo "Before ($before_commit, no queue: \`SweepService.RunAsync\` in one process), same Azurite instances, same run:"
    echo
    echo "| Systems | Sweep | Seconds | Evaluate / deliver s | Storage requests | Per system | By method | Peak MB |"
    echo "|---:|---|---:|---:|---:|---:|---|---:|"
    cat "$work/before.md"
    echo
    cat "$work/notes.md"
    echo
  fi
  if [ -f bench/sweep-notes.md ]; then cat bench/sweep-notes.md; echo; fi
  echo "<!-- sweep:end -->"
} >"$work/section.md"
cat "$work/section.md"
bench_doc_write sweep "$work/section.md"
log "Wrote the sweep section of docs/benchmarks.md"
