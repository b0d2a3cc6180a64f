#!/usr/bin/env bash
# Proves the GapMonitor.Drift NuGet package works outside the solution: packs it into a local folder feed, checks
# what the package holds (README, license, XML docs, symbols, source-link commit, deterministic build), then builds
# and runs a console project outside the repository that restores the package from that feed and runs the package
# README's first C# example, which prints a drift report. Run by ./test.sh; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
failed=()
fail() { printf '\033[1;31mFAILURE:\033[0m %s\n' "$*"; failed+=("$1"); }

work=$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-drift-package.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

project=src/GapMonitor.Drift/GapMonitor.Drift.csproj
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$project")
package="$work/feed/GapMonitor.Drift.$version.nupkg"

log "Packing GapMonitor.Drift $version into a local feed"
# ContinuousIntegrationBuild normalises the source paths in the PDB, as a release build does.
# A full compile first, so the package never holds an assembly an earlier build left with other settings.
{ dotnet build "$project" -c Release --no-incremental -p:ContinuousIntegrationBuild=true --nologo -v quiet \
    && dotnet pack "$project" -c Release --no-build -o "$work/feed" -p:ContinuousIntegrationBuild=true --nologo -v quiet; } >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; fail "dotnet pack"; }
[ -f "$package" ] || { fail "$package was not written"; exit 1; }
[ -f "${package%.nupkg}.snupkg" ] || fail "no symbol package next to $package"

log "Checking the package contents"
python3 -m zipfile -e "$package" "$work/unpacked"
for file in README.md lib/net10.0/GapMonitor.Drift.dll lib/net10.0/GapMonitor.Drift.xml GapMonitor.Drift.nuspec; do
  [ -f "$work/unpacked/$file" ] || fail "package lacks $file"
done
nuspec="$work/unpacked/GapMonitor.Drift.nuspec"
grep -q '<license type="expression">MIT</license>' "$nuspec" || fail "nuspec has no MIT license expression"
grep -q '<readme>README.md</readme>' "$nuspec" || fail "nuspec names no readme"
grep -q '<dependency id="MathNet.Numerics"' "$nuspec" || fail "nuspec lacks the MathNet.Numerics dependency"
if grep -qE '<dependency id="(GapMonitor\.|Azure\.|Microsoft\.AspNetCore)' "$nuspec"; then fail "the package depends on GapMonitor, Azure or ASP.NET"; fi
if git -C "$root" rev-parse HEAD >/dev/null 2>&1; then
  commit=$(git -C "$root" rev-parse HEAD)
  grep -q "commit=\"$commit\"" "$nuspec" || fail "nuspec does not record commit $commit (source link)"
  # With a GitHub origin, source link must also map the sources to it (a clone from a local path has no URL to map).
  origin=$(git -C "$root" remote get-url origin 2>/dev/null || true)
  if [[ "$origin" == https://github.com/* ]]; then
    grep -q "url=\"${origin%.git}" "$nuspec" || fail "nuspec does not record the repository URL $origin"
    grep -q "raw.githubusercontent.com" src/GapMonitor.Drift/obj/Release/net10.0/GapMonitor.Drift.sourcelink.json \
      || fail "source link does not map the sources to GitHub"
  fi
fi

log "Checking the build is deterministic"
# A second compile from clean must give the same assembly, byte for byte.
dotnet build "$project" -c Release --no-incremental -p:ContinuousIntegrationBuild=true -o "$work/rebuild" --nologo -v quiet >"$work/rebuild.log" 2>&1 \
  || { cat "$work/rebuild.log"; fail "rebuild"; }
cmp -s "$work/unpacked/lib/net10.0/GapMonitor.Drift.dll" "$work/rebuild/GapMonitor.Drift.dll" \
  || fail "two builds of the same commit give different GapMonitor.Drift.dll"

log "Building and running a console project that consumes the package from the feed"
consumer="$work/consumer"
mkdir -p "$consumer"
awk '/^```csharp$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' src/GapMonitor.Drift/README.md >"$consumer/Program.cs"
[ -s "$consumer/Program.cs" ] || fail "the package README has no C# example"
cat >"$consumer/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="GapMonitor.Drift" Version="$version" />
  </ItemGroup>
</Project>
EOF
# Only the feed may serve GapMonitor.Drift (package source mapping), so neither nuget.org nor a cache can stand in
# for the package just packed; MathNet.Numerics comes from the machine's packages folder or nuget.org. A private
# packages folder keeps a cached GapMonitor.Drift of the same version out of the way.
global_packages=$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')
cat >"$consumer/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="gapmonitor-local-feed" value="$work/feed" />
    <add key="machine-packages" value="$global_packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="gapmonitor-local-feed"><package pattern="GapMonitor.Drift" /></packageSource>
    <packageSource key="machine-packages"><package pattern="*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
EOF
if dotnet run --project "$consumer/Consumer.csproj" -c Release >"$work/consumer.out" 2>"$work/consumer.err"; then
  cat "$work/consumer.out"
  restored="$work/packages/gapmonitor.drift/$version/gapmonitor.drift.$version.nupkg.sha512"
  packed=$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$package")
  [ -f "$restored" ] && [ "$(cat "$restored")" = "$packed" ] || fail "the consumer did not restore the GapMonitor.Drift $version just packed"
  grep -q '^age: ks 0.0002 (threshold 0.05) DRIFT$' "$work/consumer.out" || fail "the example did not report KS drift on age"
  grep -q '^plan: ztest 0.013 (threshold 0.05) DRIFT$' "$work/consumer.out" || fail "the example did not report Z-test drift on plan"
  grep -q '^dataset drift: True, 2 of 2 columns$' "$work/consumer.out" || fail "the example did not report dataset drift"
  grep -q '"datasetDrift": true' "$work/consumer.out" || fail "the example did not print the JSON report"
else
  cat "$work/consumer.out" "$work/consumer.err"; fail "dotnet run of the consumer project"
fi

if [ "${#failed[@]}" -ne 0 ]; then
  printf '\033[1;31m%d package check(s) failed\033[0m\n' "${#failed[@]}"; exit 1
fi
log "GapMonitor.Drift package: packed, checked and consumed from a local feed"
