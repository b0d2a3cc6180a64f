#!/usr/bin/env bash
# Telemetry pull benchmark: starts a fresh Azurite from the repo's node_modules on free loopback ports, and for each
# scenario registers the systems, uploads their references and writes their Azure ML data-collector files (not
# measured, own process), then measures the pull in another process (rows/s end to end, storage requests, drift
# windows stored, peak memory, state size). Stops Azurite and writes the `## Pull` section of docs/benchmarks.md
# (between the pull markers; the rest of the file is kept).
#   bench/pull.sh                     the default scenarios below
#   bench/pull.sh 20x10000:one-pull   any "FLEET:MODE" list; FLEET is SYSTEMSxROWS[,SYSTEMSxROWS…],
#                                     MODE one-pull (clock past every window) or open-then-close
#   AZURITE_MODE=memory bench/pull.sh Azurite with --inMemoryPersistence instead of a data folder on disk
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(100x10000:one-pull 10x100000:one-pull 2x1000,2x10000,2x100000,1x300000:open-then-close)
mode=${AZURITE_MODE:-disk}
case "$mode" in disk | memory) ;; *) echo "AZURITE_MODE is disk or memory" >&2; exit 2 ;; esac

# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/bench-doc.sh
source scripts/bench-doc.sh
azurite_install

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-pullbench.XXXXXX")
trap 'azurite_stop; rm -rf "$work"' EXIT INT TERM

# A fresh Azurite for one scenario: its data under $work (or in memory), its connection string in $connection.
start_azurite() {
  local data="$work/azurite-$1"
  [ "$mode" = memory ] && data=memory
  azurite_start "$data" "$work/azurite-$1.log"
  connection=$azurite_connection
}

log "Building the benchmark (Release)"
dotnet build bench/GapMonitor.PullBenchmark -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
benchmark=bench/GapMonitor.PullBenchmark/bin/Release/net10.0/GapMonitor.PullBenchmark.dll

failed=0
loads=()
i=0
for scenario in "${scenarios[@]}"; do
  i=$((i + 1))
  fleet=${scenario%%:*}; pull_mode=${scenario#*:}; [ "$pull_mode" = "$scenario" ] && pull_mode=one-pull
  prefix="pull$i$(date +%s)"
  log "Scenario $scenario: fresh Azurite ($mode)"
  start_azurite "$i"
  common=(--connection-string "$connection" --table-prefix "$prefix" --fleet "$fleet" --azurite-pid "$azurite_pid")
  dotnet "$benchmark" --phase prepare "${common[@]}"
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  dotnet "$benchmark" --phase pull --mode "$pull_mode" "${common[@]}" --rows-out "$work/rows.md" --notes-out "$work/notes.md" || failed=1
  loads[-1]="${loads[-1]}–$(cut -d' ' -f1 /proc/loadavg)"
  azurite_stop
done

# --- docs/benchmarks.md: replace the pull section, keep everything else -------------------------
azurite_version=$(node_modules/.bin/azurite --version)
persistence_text="data in a temporary folder on disk (\`--location\`)"
[ "$mode" = memory ] && persistence_text="\`--inMemoryPersistence\`"
memory_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
  echo "<!-- pull:begin -->"
  echo "## Pull"
  echo
  echo "Measured $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown) with \`bench/pull.sh${*:+ $*}\`$([ "$mode" = memory ] && echo " (AZURITE_MODE=memory)") on $(nproc) cores ($cpu), ${memory_gb} GB RAM,"
  echo "shared with the Azurite it reads from and with other work (load average before–after each measured pull: ${loads[*]})."
  echo ".NET $(dotnet --version), Release build; Azurite $azurite_version (Node $(node --version)) started fresh for each scenario with"
  echo "$persistence_text, \`--skipApiVersionCheck --loose\`."
  echo
  echo "Each system has an Azure ML data-collector source (a container per customer with a read/list SAS, a prefix per endpoint),"
  echo "one-hour drift windows and an uploaded 5,000-row reference (\`ReferenceUploader\`, as \`PUT /reference\` does). Its rows are"
  echo "written as data-collector JSONL — 10 features (8 numbers, 2 categories), 100 rows per record, 10 records (1,000 rows) per file,"
  echo "spread over 3 hour folders; half of the systems drift. Writing them is not measured. The pull is \`TelemetryPuller.PullAsync\`"
  echo "in a process of its own built with \`AddGapMonitor\` (as the hosts do) on a \`FakeTimeProvider\`: *one-pull* puts the clock past"
  echo "the last window, so one pull reads, folds, closes every window against the reference and stores the drift report;"
  echo "*open-then-close* first pulls with the clock inside the last window, 5 minutes (\`ClientTimes.MaxAhead\`) before its end, so that"
  echo "no row lies too far ahead to be read: it reads every row, closes the windows that have ended and keeps the last one open"
  echo "(the state then holds its open profile); a second pull, with the clock past the last window, closes it."
  echo "Storage requests are every HTTP request of the process (runtime \`System.Net.Http\` activities: the reader's SAS clients included);"
  echo "the seconds beside each kind below are summed over its requests, which overlap while several systems are pulled at once."
  echo "Peak MB is the process's peak resident memory during the step (VmHWM reset before it); CPU is the benchmark process's / Azurite's."
  echo
  echo "| Systems × rows each | Step | Pulls | Rows | Seconds | Rows/s end to end | Storage requests | Drift windows stored | Peak MB | CPU s (pull / Azurite) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$work/rows.md"
  echo
  cat "$work/notes.md"
  echo
  if [ -f bench/pull-notes.md ]; then cat bench/pull-notes.md; echo; fi
  echo "<!-- pull:end -->"
} >"$work/section.md"

bench_doc_write pull "$work/section.md"
log "Wrote the pull section of docs/benchmarks.md"
exit "$failed"
