#!/usr/bin/env bash
# Side-by-side speed comparison of `gapmonitor drift --format json` against the pandas + scipy baseline, with the
# "before" CLI (BASE_COMMIT, default 23203f8, built from `git archive`, or BEFORE_CLI_DIR: an already built one) in the same run, interleaved, on the same files:
#   - "startup": 30 × 50 rows (process start-up, JIT and imports: what every run pays);
#   - "large": 200,000-row × 50-column numeric CSV files (KS p-values asymptotic: n > 10,000);
#   - "exact": 10,000 × 50 against 9,999 × 50 rows (every KS p-value takes scipy's exact lattice path).
# Then the CSV parser alone on one core against the file-read limit (`cat`, reading the bytes in .NET), and the
# UTF-8 parsing experiment (bench/GapMonitor.Drift.Benchmarks/Utf8).
# Needs Debian's python3-scipy, python3-pandas and python3-numpy (/usr/bin/python3). Prints markdown tables with
# the median of REPEATS runs (default 3), `uptime` before and after, and whether the outputs agree.
#   bench/drift/run.sh                       # env: REPEATS, ROWS, COLUMNS_COUNT, BASE_COMMIT, BEFORE_CLI_DIR, DRIFT_BENCH_DIR
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
dir="${DRIFT_BENCH_DIR:-${TMPDIR:-/tmp}/gapmonitor-drift-bench}"
rows="${ROWS:-200000}"; cols="${COLUMNS_COUNT:-50}"
repeats="${REPEATS:-3}"
base="${BASE_COMMIT:-23203f8}"

generate() { # dir rows cols current_rows
  if [ ! -f "$1/reference.csv" ] || [ ! -f "$1/current.csv" ] || [ "$(cat "$1/.shape" 2>/dev/null)" != "$2 x $3 / $4" ]; then
    echo "Generating $2 / $4 rows × $3 columns CSV files in $1" >&2
    "$py" "$root/bench/drift/make_data.py" "$1" "$2" "$3" "$4"
    echo "$2 x $3 / $4" >"$1/.shape"
  fi
}
generate "$dir/large" "$rows" "$cols" "$rows"
generate "$dir/exact" 10000 "$cols" 9999
generate "$dir/startup" 30 "$cols" 30

echo "load before: $(uptime)"

# Build both CLIs and the parser benchmark outside the timed runs. The CLI project is built directly, not through
# ./gapmonitor: that wrapper runs `npm ci` when node_modules lacks Azurite, and npm empties a symlinked
# node_modules' target, which a copy of the tree must never do to a shared one. `drift` needs no node modules.
if [ -n "${BEFORE_CLI_DIR:-}" ]; then
  before_cli="$BEFORE_CLI_DIR/gapmonitor.dll" # built from $base by the caller
else
  before="$(mktemp -d "${TMPDIR:-/tmp}/gapmonitor-drift-before.XXXXXX")"
  trap 'rm -rf "$before"' EXIT
  git -C "$root" archive "$base" | tar -x -C "$before"
  echo "Building the $base CLI in $before…" >&2
  dotnet build "$before/src/GapMonitor.Cli/GapMonitor.Cli.csproj" -c Release -o "$before/artifacts/cli" --nologo -v quiet >/dev/null
  before_cli="$before/artifacts/cli/gapmonitor.dll"
fi
echo "Building this tree's CLI…" >&2
after_out="$root/artifacts/drift-bench-cli"
dotnet build "$root/src/GapMonitor.Cli/GapMonitor.Cli.csproj" -c Release -o "$after_out" --nologo -v quiet >/dev/null
dotnet build "$root/bench/GapMonitor.Drift.Benchmarks" -c Release -v quiet --nologo >/dev/null

times="$dir/times.tsv"; : >"$times"
timed() { # label scenario output command...
  local label=$1 scenario=$2 out=$3; shift 3
  /usr/bin/time -f '%e %U %S' -o "$dir/.time" "$@" >"$out"
  echo "$scenario	$label	$(cat "$dir/.time")" >>"$times"
}
for scenario in startup exact large; do
  d="$dir/$scenario"
  for r in $(seq "$repeats"); do
    echo "$scenario: run $r of $repeats" >&2
    timed before "$scenario" "$d/before.json" dotnet "$before_cli" drift --reference "$d/reference.csv" --current "$d/current.csv" --format json
    timed after "$scenario" "$d/after.json" dotnet "$after_out/gapmonitor.dll" drift --reference "$d/reference.csv" --current "$d/current.csv" --format json
    timed scipy "$scenario" "$d/scipy.json" "$py" "$root/bench/drift/drift_scipy.py" "$d/reference.csv" "$d/current.csv"
  done
done

# The parser alone, one core: cat, .NET reading the bytes, Sep splitting, Sep splitting + parsing doubles.
file="$dir/large/reference.csv"
cat_best=$("$py" - "$file" <<'PY'
import subprocess, sys, time
best = min((lambda t0: (subprocess.run(["cat", sys.argv[1]], stdout=subprocess.DEVNULL, check=True), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3))
print(f"{best:.3f}")
PY
)
parser="$(dotnet run -c Release --no-build --project "$root/bench/GapMonitor.Drift.Benchmarks" -- csv-throughput "$file" 3)"

echo "load after: $(uptime)"
"$py" - "$dir" "$times" "$cat_best" "$file" "$base" "$repeats" "$parser" <<'PY'
import json, os, statistics, sys
dir, times, cat_best, file, base, repeats = sys.argv[1:7]
parser = sys.argv[7]
rows = [l.split("\t") for l in open(times).read().splitlines()]

def columns(path):
    return {c["name"]: c["statistics"] if "statistics" in c else c for c in json.load(open(path))["columns"]}

def worst(a, b):
    w = 0.0
    for name, c in b.items():
        o = a[name]
        pairs = [(o["ks"]["statistic"], c["ks"]["statistic"]), (o["ks"]["pValue"], c["ks"]["pValue"])]
        pairs += [(o[k], c[k]) for k in ("wasserstein", "wassersteinNormed", "psi", "jensenShannon")]
        for x, y in pairs:
            if x != y:
                w = max(w, abs(x - y) / max(abs(x), abs(y)))
    return w

print(f"\n| files | before ({base}) | after | pandas + scipy | before / scipy | after / scipy | after / before |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
notes = []
for scenario in ("startup", "exact", "large"):
    med = {}
    for label in ("before", "after", "scipy"):
        runs = [r for r in rows if r[0] == scenario and r[1] == label]
        wall = statistics.median(float(r[2].split()[0]) for r in runs)
        cpu = statistics.median(float(r[2].split()[1]) + float(r[2].split()[2]) for r in runs)
        med[label] = (wall, cpu)
    shape = open(os.path.join(dir, scenario, ".shape")).read().strip()
    b, a, s = med["before"], med["after"], med["scipy"]
    print(f"| {scenario}: {shape} | {b[0]:.2f} s (cpu {b[1]:.2f} s) | {a[0]:.2f} s (cpu {a[1]:.2f} s) | {s[0]:.2f} s (cpu {s[1]:.2f} s) "
          f"| {b[0] / s[0]:.3f} | {a[0] / s[0]:.3f} | {a[0] / b[0]:.2f} |")
    d = os.path.join(dir, scenario)
    ours, old, theirs = columns(f"{d}/after.json"), columns(f"{d}/before.json"), columns(f"{d}/scipy.json")
    try:
        notes.append(f"{scenario}: after vs scipy largest relative difference {worst(ours, theirs):.1e}; "
                     f"after vs before {worst(ours, old):.1e}")
    except (KeyError, TypeError) as e:
        notes.append(f"{scenario}: outputs not comparable field by field ({e!r})")
print(f"\nmedian of {repeats} interleaved runs (wall time; cpu = user + sys)")
for n in notes:
    print(n)

mb = os.path.getsize(file) / 1e6
print(f"\nCSV parsing alone, one core, {os.path.basename(file)} ({mb:.0f} MB, page cache warm), best of 3:\n")
print("| stage | seconds | MB/s (wall) | MB per CPU-second |")
print("| --- | ---: | ---: | ---: |")
print(f"| `cat file > /dev/null` | {float(cat_best):.3f} | {mb / float(cat_best):.0f} | |")
for line in parser.splitlines():
    name, seconds, rate, cpu_rate, _ = line.split("\t")
    print(f"| {name} | {seconds} | {rate} | {cpu_rate} |")
PY
