#!/usr/bin/env bash
# Runs every test project against real parts: Azurite (Table + Blob Storage, pinned in package-lock.json)
# started here on free loopback ports, and a real SMTP server (the SmtpServer library, listening on a
# loopback port inside the email tests). Stops what it started; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

if ! command -v dotnet >/dev/null; then echo "dotnet (SDK 10) is required" >&2; exit 1; fi
if ! command -v node >/dev/null; then echo "node (20+) is required for Azurite" >&2; exit 1; fi

# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
azurite_install

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-test.XXXXXX")
trap 'azurite_stop; rm -rf "$work"' EXIT INT TERM

log "Starting Azurite on 127.0.0.1"
azurite_start "$work/azurite" "$work/azurite.log"
export GAPMONITOR_TEST_STORAGE="$azurite_connection"

log "Building"
dotnet build GapMonitor.sln -c Release --nologo -v quiet

failed=0
# Test projects only: tests/GapMonitor.Testing is the shared support library they reference.
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  # A hung test is killed after 5 minutes and named in the log (with a dump), instead of hanging the run.
  run_tests() { dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
      --blame-hang-timeout 5m --blame-hang-dump-type none --results-directory "$work/results" >"$work/$name.log" 2>&1; }
  if run_tests; then
    grep -E 'Passed!|Total tests' "$work/$name.log" || tail -n 3 "$work/$name.log"
  elif [ "$name" = GapMonitor.Browser.Tests ] && cp "$work/$name.log" "$work/$name.first.log" && run_tests; then
    # The browser run hung once in five (issue 11's note), most likely in Playwright's IRequest.SizesAsync, which the
    # tests no longer call (microsoft/playwright#9350). Kept as a safety net: the first run's failure is shown, then it is repeated once.
    grep -iE 'hang|fail|abort' "$work/$name.first.log" | head -n 8
    grep -E 'Passed!|Total tests' "$work/$name.log" || tail -n 3 "$work/$name.log"
  else
    failed=1
    cat "$work/$name.log"
  fi
done

for extra in scripts/test-*.sh; do
  [ -e "$extra" ] || continue
  log "Running $extra"
  bash "$extra" || failed=1
done

if [ "$failed" -ne 0 ]; then log "FAILED"; exit 1; fi
log "All tests passed"
