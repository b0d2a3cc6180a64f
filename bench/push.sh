#!/usr/bin/env bash
# Push benchmark (issue 12): the "before" build (b493d38, or BEFORE=<commit>) and this checkout, each as a
# `gapmonitor serve` on its own loopback port with its own table prefix, against ONE fresh Azurite, measured
# interleaved in the same run with the same data. Per scenario SYSTEMSxPUSHES, every system pushes its 200-row,
# 22-column batches back to back over HTTP (bench/GapMonitor.PushBenchmark), all systems at once, each system with
# INFLIGHT pushes open at a time (a client pipelining its batches; default 1); then one
# POST /api/sweep (which pulls) and a check that every row reached the open window. Prints the table and writes the
# `push` section of docs/benchmarks.md (between its markers; the rest of the file is kept).
#   bench/push.sh                   scenarios 1x600 4x100 8x100
#   bench/push.sh 1x600 2x50        any SYSTEMSxPUSHES list
#   BEFORE=none bench/push.sh       this checkout only
#   INFLIGHT="1 4" bench/push.sh    every scenario with 1, then 4 pushes in flight per system
#   WARMUP=0 bench/push.sh          no warm-up (default: 100 pushes to a system of their own before each row, not counted)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(1x600 4x100 8x100)
before=${BEFORE:-b493d38}
read -r -a inflights <<<"${INFLIGHT:-1}"

# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/bench-doc.sh
source scripts/bench-doc.sh
azurite_install

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-pushbench.XXXXXX")
serve_pids=()
cleanup() {
  for pid in "${serve_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  azurite_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

log "Building the load generator and this checkout's CLI (Release)"
dotnet build bench/GapMonitor.PushBenchmark -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
# AFTER_CLI / BEFORE_CLI: folders with an already built gapmonitor.dll of the same commits (skips that build).
declare -A cli=([after]="${AFTER_CLI:-$work/after}" [before]="${BEFORE_CLI:-$work/before}")
[ -n "${AFTER_CLI:-}" ] || dotnet build src/GapMonitor.Cli -c Release -o "$work/after" --nologo -v quiet >>"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
variants=(after)
if [ "$before" != none ]; then
  if [ -z "${BEFORE_CLI:-}" ]; then
    log "Building the before CLI ($before) from git archive"
    mkdir -p "$work/src-before"
    git archive "$before" | tar -x -C "$work/src-before"
    ln -s "$PWD/node_modules" "$work/src-before/node_modules"
    dotnet build "$work/src-before/src/GapMonitor.Cli" -c Release -o "$work/before" --nologo -v quiet >>"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  fi
  variants=(before after)
fi
generator=bench/GapMonitor.PushBenchmark/bin/Release/net10.0/GapMonitor.PushBenchmark.dll

log "Fresh Azurite (data on disk)"
azurite_start "$work/azurite" "$work/azurite.log"
admin_key="push-bench-admin-key-$(date +%s)-0123456789abcdef"
declare -A urls
for variant in "${variants[@]}"; do
  port=$(azurite_free_port)
  urls[$variant]="http://127.0.0.1:$port"
  # The timers are set to once a year: the benchmark's own sweep is the only pull, so none lands inside the measurement.
  GAPMONITOR_HOME="$work/home-$variant" GAPMONITOR_DATA="$work/data-$variant" \
  GapMonitor__Storage__ConnectionString="$azurite_connection" GapMonitor__Storage__TablePrefix="pb${variant}$(date +%s)" \
  GapMonitor__AdminApiKey="$admin_key" GapMonitor__SweepSchedule="0 0 0 1 1 *" GapMonitor__PullSchedule="0 0 0 1 1 *" \
  Logging__LogLevel__Default=Warning \
    dotnet "${cli[$variant]}/gapmonitor.dll" serve --urls "${urls[$variant]}" >"$work/serve-$variant.log" 2>&1 &
  serve_pids+=($!)
done
for variant in "${variants[@]}"; do
  for _ in $(seq 1 600); do curl -fsS "${urls[$variant]}/api/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "${urls[$variant]}/api/health" >/dev/null || { cat "$work/serve-$variant.log" >&2; echo "serve ($variant) did not start" >&2; exit 1; }
done

failed=0
loads=()
i=0
for scenario in "${scenarios[@]}"; do
  systems=${scenario%x*}; pushes=${scenario#*x}
  for inflight in "${inflights[@]}"; do
    for variant in "${variants[@]}"; do
      i=$((i + 1))
      label="$variant"; [ "$variant" = before ] && label="before ($before)"
      log "$scenario, $inflight in flight: $label"
      load=$(cut -d' ' -f1 /proc/loadavg)
      dotnet "$generator" --url "${urls[$variant]}" --admin-key "$admin_key" --systems "$systems" --pushes "$pushes" --rows 200 \
        --inflight "$inflight" --warmup "${WARMUP:-100}" --label "$label" --run "r$i" --rows-out "$work/rows.md" || failed=1
      loads+=("$load–$(cut -d' ' -f1 /proc/loadavg)")
    done
  done
done

table() {
  echo "| Build | Systems | Pushes each | In flight per system | Rows | Seconds | Rows/s per system | Rows/s all | Median ms, first 100 | Median ms, last 100 | Last/first | p50 ms | p99 ms | Sweep s (folds) | Rows in open windows after it |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$work/rows.md"
}
table

memory_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
  echo "<!-- push:begin -->"
  echo "## Push"
  echo
  echo "Measured $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown) with \`${INFLIGHT:+INFLIGHT=\"$INFLIGHT\" }${BEFORE:+BEFORE=$BEFORE }bench/push.sh${*:+ $*}\` on $(nproc) cores ($cpu), ${memory_gb} GB RAM,"
  echo "shared with Azurite, both hosts, the load generator and other work (1-minute load average before–after each row: ${loads[*]}; \`uptime\` at the end: $(uptime | sed 's/.*load average/load average/'))."
  echo ".NET $(dotnet --version), Release builds; Azurite $("$azurite_bin" --version) with data on disk, one instance for every row."
  echo
  echo "Each row: SYSTEMS systems registered with one-hour drift windows; each pushes PUSHES batches of 200 rows × 22 columns"
  echo "(18 numbers, 4 categories; the same seeded data for both builds) to \`POST /api/systems/{id}/telemetry\` of a \`gapmonitor serve\`,"
  echo "back to back, all systems at once, over loopback HTTP; each system keeps \"in flight\" pushes open at a time (1: the next push"
  echo "when the last one answered; more: a client pipelining its batches, each with its own batchId). Latency is per push, at the"
  echo "client. Before each row ${WARMUP:-100} pushes go to a system of their own and are left out of every figure (the host's code is"
  echo "compiled by then: the first 100 pushes of a cold host are several times slower). The hosts' timers are off (once a year); after the pushes one \`POST /api/sweep\` pulls — for this build that folds the"
  echo "pushed rows — and the last column checks every row reached the open window. Rows \"before\" are the $before build, \"after\" this one."
  echo
  table
  echo "<!-- push:end -->"
} >"$work/section.md"
bench_doc_write push "$work/section.md"
log "Wrote the push section of docs/benchmarks.md"
exit "$failed"
