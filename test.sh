#!/usr/bin/env bash
# Runs every test project against real parts: Azurite (Table + Blob Storage, pinned in package-lock.json)
# started here on free loopback ports, and a real SMTP server (the SmtpServer library, listening on a
# loopback port inside the email tests). Stops what it started; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

if ! command -v dotnet >/dev/null; then echo "dotnet (SDK 10) is required" >&2; exit 1; fi
if ! command -v node >/dev/null; then echo "node (20+) is required for Azurite" >&2; exit 1; fi

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "Installing Azurite from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-test.XXXXXX")
azurite_pid=""
cleanup() {
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

blob_port=$(free_port); table_port=$(free_port)
log "Starting Azurite on 127.0.0.1 (blob :$blob_port, table :$table_port)"
node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$work/azurite" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --tableHost 127.0.0.1 --tablePort "$table_port" \
  --queueHost 127.0.0.1 --queuePort 0 >"$work/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do
  if (echo >"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null && (echo >"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; then break; fi
  kill -0 "$azurite_pid" 2>/dev/null || { cat "$work/azurite.log" >&2; exit 1; }
  sleep 0.1
done

account="devstoreaccount1"
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export GAPMONITOR_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"

log "Building"
dotnet build GapMonitor.sln -c Release --nologo -v quiet

failed=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  if dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" \
      --results-directory "$work/results" >"$work/$name.log" 2>&1; then
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
