#!/usr/bin/env bash
# Pull at scale, before and after in one run: builds the pull benchmark twice — at BEFORE (default 23203f8, from
# `git archive`, its bench/GapMonitor.PullBenchmark replaced by this tree's so both are measured by the same code) and
# from this tree — starts one fresh Azurite per scenario, prepares the same data twice (own table prefix each), then
# pulls before and after one after the other on the same Azurite. Prints a table and writes the `pull-scale` section of
# docs/benchmarks.md (the rest of the file is kept).
#   bench/pull-scale.sh                          100x10000:one-pull and 10x10000:open-then-close
#   AZURITE_BIN=/path/to/azurite bench/...       an Azurite installed elsewhere (nothing is installed)
#   bench/pull-scale.sh 20x10000:one-pull        any "FLEET:MODE" list, as bench/pull.sh takes
#   BEFORE=<commit> bench/pull-scale.sh          another "before"
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(100x10000:one-pull 10x10000:open-then-close)
before_commit=${BEFORE:-23203f8}

# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/bench-doc.sh
source scripts/bench-doc.sh
azurite_install

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-pullscale.XXXXXX")
trap 'azurite_stop; rm -rf "$work"' EXIT INT TERM

log "Before: $before_commit from git archive, with this tree's benchmark project"
mkdir -p "$work/before"
git archive "$before_commit" | tar -x -C "$work/before"
ln -s "$root/node_modules" "$work/before/node_modules"
rm -rf "$work/before/bench/GapMonitor.PullBenchmark"
mkdir -p "$work/before/bench/GapMonitor.PullBenchmark"
(cd bench/GapMonitor.PullBenchmark && cp ./*.cs ./*.csproj "$work/before/bench/GapMonitor.PullBenchmark/")

log "Building both benchmarks (Release)"
for side in before after; do
  src=$root
  [ "$side" = before ] && src=$work/before
  dotnet build "$src/bench/GapMonitor.PullBenchmark" -c Release --nologo -v quiet >"$work/build-$side.log" 2>&1 || { cat "$work/build-$side.log" >&2; exit 1; }
done
dll=bench/GapMonitor.PullBenchmark/bin/Release/net10.0/GapMonitor.PullBenchmark.dll
declare -A benchmark=([before]="$work/before/$dll" [after]="$root/$dll")

failed=0
: >"$work/rows.md"
: >"$work/notes.md"
i=0
for scenario in "${scenarios[@]}"; do
  i=$((i + 1))
  fleet=${scenario%%:*}; pull_mode=${scenario#*:}; [ "$pull_mode" = "$scenario" ] && pull_mode=one-pull
  log "Scenario $scenario: fresh Azurite, the same data prepared for before and after"
  azurite_start "$work/azurite-$i" "$work/azurite-$i.log"
  stamp=$(date +%s)
  for side in before after; do
    common=(--connection-string "$azurite_connection" --table-prefix "ps$side$i$stamp" --fleet "$fleet" --azurite-pid "$azurite_pid")
    dotnet "${benchmark[$side]}" --phase prepare "${common[@]}"
  done
  for side in before after; do
    common=(--connection-string "$azurite_connection" --table-prefix "ps$side$i$stamp" --fleet "$fleet" --azurite-pid "$azurite_pid")
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    log "$side: pulling ($scenario)"
    dotnet "${benchmark[$side]}" --phase pull --mode "$pull_mode" "${common[@]}" --rows-out "$work/rows-$side.md" --notes-out "$work/notes-$side.md" || failed=1
    load_after=$(cut -d' ' -f1 /proc/loadavg)
    sed "s/^| /| $side | /; s/ |\$/ | $load_before–$load_after |/" "$work/rows-$side.md" >>"$work/rows.md"
    { echo "- **$side** ($([ "$side" = before ] && echo "$before_commit" || git rev-parse --short HEAD)):"; sed 's/^/  /' "$work/notes-$side.md"; } >>"$work/notes.md"
    rm -f "$work/rows-$side.md" "$work/notes-$side.md"
  done
  azurite_stop
done

memory_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
  echo "<!-- pull-scale:begin -->"
  echo "## Pull at scale: exact KS lattice without divide instructions"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with \`bench/pull-scale.sh${*:+ $*}\`: before = $before_commit, after = $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)'),"
  echo "both measured by this tree's \`bench/GapMonitor.PullBenchmark\` (see the Pull section for what it does), in one run on $(nproc) cores ($cpu),"
  echo "${memory_gb} GB RAM shared with other work; .NET $(dotnet --version), Release; Azurite $("$azurite_bin" --version), one fresh"
  echo "instance per scenario (data on disk) holding both copies of the same data. Load average is before–after each pull."
  echo
  echo "| Code | Systems × rows each | Step | Pulls | Rows | Seconds | Rows/s end to end | Storage requests | Drift windows stored | Peak MB | CPU s (pull / Azurite) | Load |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  cat "$work/rows.md"
  echo
  cat "$work/notes.md"
  echo
  if [ -f bench/pull-scale-notes.md ]; then cat bench/pull-scale-notes.md; echo; fi
  echo "<!-- pull-scale:end -->"
} >"$work/section.md"

cat "$work/section.md"
bench_doc_write pull-scale "$work/section.md"
log "Wrote the pull-scale section of docs/benchmarks.md"
exit "$failed"
