#!/usr/bin/env bash
# Side-by-side speed comparison: `./gapmonitor drift --format json` against the pandas + scipy baseline on the
# same pair of 200,000-row × 50-column numeric CSV files (generated once into $DRIFT_BENCH_DIR).
# Needs Debian's python3-scipy, python3-pandas and python3-numpy (/usr/bin/python3). Prints both wall times,
# the ratio (target ≤ 0.25) and the largest relative difference between the two outputs.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
py=/usr/bin/python3
dir="${DRIFT_BENCH_DIR:-${TMPDIR:-/tmp}/gapmonitor-drift-bench}"
rows="${ROWS:-200000}"; cols="${COLUMNS_COUNT:-50}"

if [ ! -f "$dir/reference.csv" ] || [ ! -f "$dir/current.csv" ] || [ "$(cat "$dir/.shape" 2>/dev/null)" != "$rows x $cols" ]; then
  echo "Generating $rows × $cols CSV files in $dir" >&2
  "$py" "$root/bench/drift/make_data.py" "$dir" "$rows" "$cols"
  echo "$rows x $cols" >"$dir/.shape"
fi

"$root/gapmonitor" drift --help >/dev/null   # build outside the timed run

now() { date +%s.%N; }
t0=$(now)
"$root/gapmonitor" drift --reference "$dir/reference.csv" --current "$dir/current.csv" --format json >"$dir/gapmonitor.json"
t1=$(now)
"$py" "$root/bench/drift/drift_scipy.py" "$dir/reference.csv" "$dir/current.csv" >"$dir/scipy.json"
t2=$(now)

"$py" - "$dir/gapmonitor.json" "$dir/scipy.json" "$t0" "$t1" "$t2" <<'PY'
import json, sys
ours = {c["name"]: c["statistics"] for c in json.load(open(sys.argv[1]))["columns"]}
theirs = json.load(open(sys.argv[2]))["columns"]
t0, t1, t2 = map(float, sys.argv[3:6])
worst = 0.0
for c in theirs:
    o = ours[c["name"]]
    pairs = [(o["ks"]["statistic"], c["ks"]["statistic"]), (o["ks"]["pValue"], c["ks"]["pValue"])]
    pairs += [(o[k], c[k]) for k in ("wasserstein", "wassersteinNormed", "psi", "jensenShannon")]
    for a, b in pairs:
        if a != b:
            worst = max(worst, abs(a - b) / max(abs(a), abs(b)))
g, s = t1 - t0, t2 - t1
print(f"gapmonitor drift: {g:.2f} s")
print(f"pandas + scipy:   {s:.2f} s")
print(f"ratio:            {g / s:.3f} (target <= 0.25)")
print(f"largest relative difference between the outputs: {worst:.1e}")
sys.exit(0 if g / s <= 0.25 else 1)
PY
