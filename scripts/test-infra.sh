#!/usr/bin/env bash
# Tests what ships to Azure: the Bicep templates (build, lint with zero warnings, checks on the
# compiled ARM JSON), the GitHub workflows' rules, `dotnet format --verify-no-changes`, and the
# published Functions app (functions.metadata has every route and timer the standalone host serves).
# Run by ./test.sh; runs alone too. Exits non-zero if any check fails; runs them all first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
failed=()
fail() { printf '\033[1;31mFAILURE:\033[0m %s\n' "$*"; failed+=("$1"); }

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-infra.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# PyYAML reads the workflows; Debian and GitHub's Ubuntu images ship it as python3-yaml.
if ! python3 -c 'import yaml' 2>/dev/null; then
  log "Installing python3-yaml"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq python3-yaml >/dev/null
fi

# --- Bicep CLI from the NuGet package (restored, never downloaded from elsewhere) -------------
log "Restoring the Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64)"
bicep=""
if dotnet restore tools/Bicep/Bicep.csproj --nologo -v quiet >"$work/bicep-restore.log" 2>&1; then
  version=$(sed -n 's/.*PackageVersion Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
  packages=$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')
  bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
  [ -f "$bicep" ] && chmod u+x "$bicep" || { fail "bicep binary not found at $bicep"; bicep=""; }
else
  cat "$work/bicep-restore.log"; fail "dotnet restore tools/Bicep/Bicep.csproj"
fi

# Any diagnostic counts: bicep exits 0 on warnings, so its output must be empty.
run_bicep() {
  local what=$1; shift
  if ! "$bicep" "$@" >"$work/bicep.out" 2>&1 || grep -qE '(Warning|Error|Info) ' "$work/bicep.out"; then
    cat "$work/bicep.out"; fail "bicep $what"
  fi
}

if [ -n "$bicep" ]; then
  log "$("$bicep" --version | head -n1): build, build-params, lint"
  run_bicep "build main.bicep" build infra/bicep/main.bicep --outfile "$work/main.json"
  run_bicep "build customer-access.bicep" build infra/bicep/customer-access.bicep --outfile "$work/customer-access.json"
  # The admin key has no default on purpose; give the compiler a stand-in for this check.
  GAPMONITOR_ADMIN_API_KEY=stand-in-for-build-params-check-only \
    run_bicep "build-params main.bicepparam" build-params infra/bicep/main.bicepparam --outfile "$work/main.parameters.json"
  for file in infra/bicep/*.bicep infra/bicep/modules/*.bicep; do
    run_bicep "lint $file" lint "$file"
  done
  if [ -f "$work/main.json" ] && [ -f "$work/customer-access.json" ]; then
    log "Checking the compiled ARM templates"
    python3 scripts/infra/check_arm.py "$work/main.json" "$work/customer-access.json" || fail "ARM template checks"
  fi
fi

log "Checking GitHub workflows, dependabot.yml and azure.yaml"
python3 scripts/infra/check_workflows.py "$root" || fail "workflow rules"

# --- Formatting ---------------------------------------------------------------------------------
log "dotnet format --verify-no-changes"
if ! dotnet format GapMonitor.sln --verify-no-changes >"$work/format.log" 2>&1; then
  cat "$work/format.log"; fail "dotnet format GapMonitor.sln --verify-no-changes (run 'dotnet format GapMonitor.sln')"
fi

# --- Functions package vs the standalone host ---------------------------------------------------
log "dotnet publish functions/GapMonitor.Functions"
publish="$work/publish"
if dotnet publish functions/GapMonitor.Functions -c Release -o "$publish" --nologo -v quiet >"$work/publish.log" 2>&1; then
  if [ ! -f "$publish/functions.metadata" ]; then
    fail "dotnet publish produced no functions.metadata"
  else
    python3 scripts/infra/compare_routes.py "$publish/functions.metadata" "$publish/host.json" \
      || fail "functions.metadata does not list HTTP and timer functions"
    # The CLI must print {"routes":[{"method","path"}...],"timers":[{"name","setting"}...]}.
    if ./gapmonitor routes --format json >"$work/routes.json" 2>"$work/routes.err" \
      && python3 scripts/infra/compare_routes.py --validate "$work/routes.json" >>"$work/routes.err"; then
      log "Comparing functions.metadata with './gapmonitor routes --format json'"
      python3 scripts/infra/compare_routes.py "$publish/functions.metadata" "$publish/host.json" "$work/routes.json" \
        || fail "Functions routes/timers differ from the standalone host's"
    else
      tail -n 5 "$work/routes.err"; head -c 300 "$work/routes.json"; echo
      fail "routes command not available yet: './gapmonitor routes --format json' failed or did not print {\"routes\":[...],\"timers\":[...]}, so the Functions app cannot be compared with the standalone host"
    fi
  fi
else
  cat "$work/publish.log"; fail "dotnet publish functions/GapMonitor.Functions"
fi

if [ ${#failed[@]} -ne 0 ]; then
  printf '\033[1;31minfra checks failed (%d):\033[0m\n' "${#failed[@]}"
  printf '  - %s\n' "${failed[@]}"
  exit 1
fi
log "infra checks passed"
