#!/usr/bin/env bash
# Sweep benchmark: for each fleet size (default 1000 and 10000), starts a fresh Azurite from the repo's
# node_modules on free loopback ports, seeds the systems, measures three sweeps (steady state, everyone silent
# at once, the sweep right after), stops Azurite, and writes the figures to the `## Sweep` section of
# docs/benchmarks.md (between the sweep markers; the rest of the file is kept).
#   bench/sweep.sh [sizes...]        e.g. bench/sweep.sh 10000
#   AZURITE_MODE=memory bench/sweep.sh   Azurite with --inMemoryPersistence instead of a data folder on disk
#   HISTORY=50 HISTORY_TABLE=archive STEADY_ONLY=true bench/sweep.sh 1000
#                                        seed 50 resolved alerts per system (11 rows each) into `archive` (where the
#                                        mover leaves them) or `systems` (where they stayed before), measure only the
#                                        steady-state sweep; prints the figures instead of writing docs/benchmarks.md
#
#   bench/sweep.sh fanout            (issue 12) the sweep through the queue with worker processes:
#     QUIET_SIZE (default 100000) systems: a quiet sweep in one process and through the queue with 1 and 4 worker
#     processes (interleaved), and the same quiet sweep of the code before the fan-out (b493d38, BEFORE=0 skips it);
#     WORST_SIZE (default 10000) systems: everyone silent at once through the queue with 1 and 4 worker processes, and
#     the before code's in-process worst case on the same Azurite. Writes the sweep section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

if [ "${1:-}" = fanout ]; then
  exec bench/sweep-fanout.sh
fi

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
mode=${AZURITE_MODE:-disk}
case "$mode" in disk | memory) ;; *) echo "AZURITE_MODE is disk or memory" >&2; exit 2 ;; esac

# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/bench-doc.sh
source scripts/bench-doc.sh
azurite_install

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-bench.XXXXXX")
trap 'azurite_stop; rm -rf "$work"' EXIT INT TERM

# A fresh Azurite for one scenario: its data under $work (or in memory), its connection string in $connection.
start_azurite() {
  local data="$work/azurite-$1"
  [ "$mode" = memory ] && data=memory
  azurite_start "$data" "$work/azurite-$1.log"
  connection=$azurite_connection
}

load=$(cut -d' ' -f1-3 /proc/loadavg)
log "Building the benchmark (Release)"
dotnet build bench/GapMonitor.SweepBenchmark -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
benchmark=bench/GapMonitor.SweepBenchmark/bin/Release/net10.0/GapMonitor.SweepBenchmark.dll

for n in "${sizes[@]}"; do
  log "Azurite ($mode) for $n systems"
  start_azurite "$n"
  dotnet "$benchmark" --connection-string "$connection" --systems "$n" \
    --rows "$work/rows.md" --notes "$work/notes.md" --azurite-pid "$azurite_pid" \
    --history "${HISTORY:-0}" --history-table "${HISTORY_TABLE:-archive}" --steady-only "${STEADY_ONLY:-false}"
  azurite_stop
done

if [ "${HISTORY:-0}" != 0 ] || [ "${STEADY_ONLY:-false}" = true ]; then
  cat "$work/rows.md" "$work/notes.md"
  exit 0
fi

# --- docs/benchmarks.md: replace the sweep section, keep everything else -----------------------
azurite_version=$("$azurite_bin" --version)
persistence_text="data in a temporary folder on disk (\`--location\`)"
[ "$mode" = memory ] && persistence_text="\`--inMemoryPersistence\`"
memory_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
  echo "<!-- sweep:begin -->"
  echo "## Sweep"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with \`bench/sweep.sh ${sizes[*]}\`$([ "$mode" = memory ] && echo " (AZURITE_MODE=memory)") on $(nproc) cores ($cpu), ${memory_gb} GB RAM,"
  echo "shared with the Azurite it talks to (load average at the start: $load). .NET $(dotnet --version), Release build; Azurite $azurite_version"
  echo "(Node $(node --version)) started fresh for each fleet size with $persistence_text, \`--skipApiVersionCheck --loose\`."
  echo
  echo "Each system has an email and a webhook contact of the customer (handover 30 days ago), heartbeat PT5M with PT2M grace."
  echo "Each figure is one \`SweepService.RunAsync\` end to end (pull → evaluate → deliver): emails are written to a pickup folder,"
  echo "webhooks are signed and POSTed to a loopback Kestrel receiver answering 204. The clock is a \`FakeTimeProvider\`:"
  echo "all healthy at +1 min; at +8 min every heartbeat is past period + grace, so every system opens a *monitoring-silent* alert."
  echo "Storage requests are counted by an Azure.Core pipeline policy on the Table client (retries included)."
  echo "Peak MB is the benchmark process's peak resident memory during that sweep."
  echo
  echo "| Systems | Sweep | Seconds | Evaluate / deliver s | Storage requests | Per system | By method | Peak MB |"
  echo "|---:|---|---:|---:|---:|---:|---|---:|"
  cat "$work/rows.md"
  echo
  cat "$work/notes.md"
  echo
  if [ -f bench/sweep-notes.md ]; then cat bench/sweep-notes.md; echo; fi
  echo "<!-- sweep:end -->"
} >"$work/section.md"

bench_doc_write sweep "$work/section.md"
log "Wrote the sweep section of docs/benchmarks.md"
