#!/usr/bin/env bash
# The fan-out part of bench/sweep.sh (run it as `bench/sweep.sh fanout`): see the usage there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

quiet_size=${QUIET_SIZE:-100000}
worst_size=${WORST_SIZE:-10000}
# Shards of the worst case: small enough that 4 workers get several each.
worst_shard=${WORST_SHARD:-250}
# The before: the product code of BEFORE_COMMIT with this checkout's benchmark (its fleet seeding and fan-out driver;
# b493d38, before the queue, has no fan-out to drive: pass BEFORE_COMMIT=b493d38 BEFORE_IN_PROCESS=1 for its RunAsync).
before_commit=${BEFORE_COMMIT:-23203f8}
quiet_workers=${QUIET_WORKERS:-1,4}

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
if [ -n "${BEFORE_BIN:-}" ]; then
  before=$BEFORE_BIN
elif [ "${BEFORE:-1}" = 1 ]; then
  log "Building the benchmark on the product code of $before_commit"
  mkdir -p "$work/before"
  git archive "$before_commit" | tar -x -C "$work/before"
  if [ -z "${BEFORE_IN_PROCESS:-}" ]; then
    rm -rf "$work/before/bench/GapMonitor.SweepBenchmark"
    git archive HEAD bench/GapMonitor.SweepBenchmark | tar -x -C "$work/before"
  fi
  dotnet build "$work/before/bench/GapMonitor.SweepBenchmark" -c Release --nologo -v quiet >"$work/build-before.log" 2>&1 || { cat "$work/build-before.log" >&2; exit 1; }
  before="$work/before/bench/GapMonitor.SweepBenchmark/bin/Release/net10.0/GapMonitor.SweepBenchmark.dll"
fi

# Azurite's CPU time (user + system, clock ticks) once a second with a Unix timestamp, into $1, while Azurite runs:
# the share of one core Azurite used during each sweep is computed from it (azurite_share).
sample_azurite() {
  local pid=$azurite_pid
  (while kill -0 "$pid" 2>/dev/null; do
    echo "$(date +%s.%N) $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)"
    sleep 1
  done) >"$1" &
  sampler=$!
}
# The benchmark's log lines are prefixed with their Unix time; a queued sweep's line ends "in X s".
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done; }

: >"$work/rows.md"
: >"$work/before.md"
: >"$work/notes.md"

if [ -n "$before" ]; then
  log "Quiet sweep of $quiet_size systems, before ($before_commit; a fresh Azurite in memory)"
  azurite_start memory "$work/azurite-before.log"
  sample_azurite "$work/cpu-before.log"
  if [ -n "${BEFORE_IN_PROCESS:-}" ]; then
    dotnet "$before" --connection-string "$azurite_connection" --systems "$quiet_size" --table-prefix before \
      --steady-only true --rows "$work/before.md" --notes "$work/notes.md" --azurite-pid "$azurite_pid"
  else
    dotnet "$before" --fan-out true --connection-string "$azurite_connection" --systems "$quiet_size" --workers 1 \
      --quiet-only true --rows "$work/before-fanout.md" | stamp | tee "$work/bench-before.log"
  fi
  azurite_stop
  kill "$sampler" 2>/dev/null || true
fi

log "Quiet sweep of $quiet_size systems, after (a fresh Azurite in memory)"
azurite_start memory "$work/azurite-quiet.log"
sample_azurite "$work/cpu-quiet.log"
dotnet "$after" --fan-out true --connection-string "$azurite_connection" --systems "$quiet_size" --workers "$quiet_workers" \
  --quiet-only true --rows "$work/rows.md" | stamp | tee "$work/bench-quiet.log"
azurite_peak_quiet=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$azurite_pid/status" 2>/dev/null || echo "?")
azurite_stop
kill "$sampler" 2>/dev/null || true

log "Worst case of $worst_size systems (Azurite in memory)"
azurite_start memory "$work/azurite-worst.log"
sample_azurite "$work/cpu-worst.log"
dotnet "$after" --fan-out true --connection-string "$azurite_connection" --systems "$worst_size" --workers 1,4 \
  --systems-per-shard "$worst_shard" --rows "$work/rows.md" | stamp | tee "$work/bench-worst.log"
azurite_peak_worst=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$azurite_pid/status" 2>/dev/null || echo "?")
azurite_stop
kill "$sampler" 2>/dev/null || true
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# Azurite's share of one core during each queued sweep (from the sweep's end line "N worker(s): S shards in X s").
azurite_share() {
  python3 - "$1" "$2" <<'PY'
import re, sys
samples = [tuple(map(float, l.split())) for l in open(sys.argv[2]) if len(l.split()) == 2]
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) (\d+) worker\(s\): (\d+) shards in ([\d.]+) s", line)
    if not m:
        continue
    end = float(m.group(1)); start = end - float(m.group(4))
    inside = [s for s in samples if start - 1 <= s[0] <= end + 1]
    if len(inside) >= 2:
        share = (inside[-1][1] - inside[0][1]) / 100 / (inside[-1][0] - inside[0][0])
        print(f"- {m.group(2)} worker(s), {m.group(3)} shards, {float(m.group(4)):.1f} s: Azurite used {share:.2f} of a core")
PY
}
{
  for run in before quiet worst; do
    if [ -f "$work/bench-$run.log" ]; then
      echo "Azurite's CPU during the queued sweeps ($run):"
      azurite_share "$work/bench-$run.log" "$work/cpu-$run.log"
    fi
  done
} >"$work/cpu.md"
cat "$work/cpu.md"

azurite_version=$("$azurite_bin" --version)
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
  if [ -s "$work/before-fanout.md" ]; then
    echo "Before (the product code of $before_commit with this benchmark), a fresh Azurite of its own, same run:"
    echo
    echo "| Systems | Sweep | Worker processes | Seconds | Evaluated / opened / delivered |"
    echo "|---:|---|---:|---:|---|"
    cat "$work/before-fanout.md"
    echo
  fi
  echo "Load average: $load_start at the start, $load_end at the end."
  echo
  cat "$work/cpu.md"
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
cp "$work/section.md" "${SECTION_COPY:-/dev/null}" 2>/dev/null || true
bench_doc_write sweep "$work/section.md"
log "Wrote the sweep section of docs/benchmarks.md"
