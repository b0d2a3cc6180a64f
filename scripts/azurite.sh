# Local Azurite (the version pinned in package-lock.json) on free loopback ports, for test.sh and the benchmarks.
# Source it, then:
#   azurite_install                 npm ci when node_modules lacks Azurite or is older than package-lock.json
#   azurite_start DATA LOG          start one Azurite with its data in folder DATA ("memory": --inMemoryPersistence),
#                                   its output in LOG; waits for the table, blob and queue ports, then sets
#                                   azurite_pid and azurite_connection (a connection string for the three services)
#   azurite_stop                    stop the Azurite azurite_start started (no-op when none runs)

azurite_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# AZURITE_BIN: an Azurite installed elsewhere (e.g. a worktree sharing another checkout's node_modules); then nothing is installed.
azurite_bin=${AZURITE_BIN:-$azurite_root/node_modules/.bin/azurite}
azurite_pid=""
azurite_connection=""

azurite_install() {
  if [ -n "${AZURITE_BIN:-}" ] && [ -x "$AZURITE_BIN" ]; then
    return 0
  fi
  if [ ! -x "$azurite_root/node_modules/.bin/azurite" ] || [ "$azurite_root/package-lock.json" -nt "$azurite_root/node_modules/.package-lock.json" ]; then
    printf '\033[1;34m==>\033[0m %s\n' "Installing Azurite from package-lock.json" >&2
    (cd "$azurite_root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

azurite_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

azurite_start() {
  local data=$1 log=$2 blob_port table_port queue_port persistence
  blob_port=$(azurite_free_port)
  table_port=$(azurite_free_port)
  queue_port=$(azurite_free_port)
  if [ "$data" = memory ]; then
    persistence=(--inMemoryPersistence)
  else
    mkdir -p "$data"
    persistence=(--location "$data")
  fi
  "$azurite_bin" --silent --skipApiVersionCheck --loose "${persistence[@]}" \
    --blobHost 127.0.0.1 --blobPort "$blob_port" --tableHost 127.0.0.1 --tablePort "$table_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" >"$log" 2>&1 &
  azurite_pid=$!
  local ready=""
  # Up to 60 s: a loaded machine (parallel builds) can take well over 10 s to start Node.
  for _ in $(seq 1 600); do
    if (echo >"/dev/tcp/127.0.0.1/$table_port") 2>/dev/null && (echo >"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null \
      && (echo >"/dev/tcp/127.0.0.1/$queue_port") 2>/dev/null; then
      ready=1
      break
    fi
    kill -0 "$azurite_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$ready" ]; then
    cat "$log" >&2
    azurite_stop
    echo "Azurite did not start" >&2
    return 1
  fi
  local account="devstoreaccount1"
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  azurite_connection="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;"
}

azurite_stop() {
  if [ -n "$azurite_pid" ]; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
  azurite_pid=""
  azurite_connection=""
}
