#!/usr/bin/python3
"""Writes distribution_golden.json: reference-vs-current chart bars computed with numpy.

Run with Debian's python3-numpy (numpy 1.24):
    /usr/bin/python3 tests/GapMonitor.Drift.Tests/golden/make_distribution_golden.py
The C# tests only read the committed JSON.

- numeric: edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins=n) over the finite values (a constant
  column: bins=1), shares = np.histogram(side, edges)[0] / len(side).
- categorical: categories ordered by reference count, then current count (both descending), then name; all of
  them when at most `bars`, else the first bars - 1 and "(other)" with the rest; shares of non-null values.
"""
import json
import os
from collections import Counter

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "distribution_golden.json")
rng = np.random.default_rng(11)


def values(a):
    return [None if not np.isfinite(v) else float(v) for v in a]


def numeric(name, ref, cur, bars):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    r = ref[np.isfinite(ref)]
    c = cur[np.isfinite(cur)]
    both = np.concatenate([r, c])
    constant = both.min() == both.max()
    edges = np.histogram_bin_edges(both, bins=1 if constant else bars)
    rs = np.histogram(r, bins=edges)[0] / len(r) if len(r) else np.zeros(len(edges) - 1)
    cs = np.histogram(c, bins=edges)[0] / len(c) if len(c) else np.zeros(len(edges) - 1)
    return {"name": name, "type": "numeric", "bars": bars, "reference": values(ref), "current": values(cur),
            "expected": {"edges": [float(e) for e in edges], "reference": [float(v) for v in rs],
                         "current": [float(v) for v in cs], "referenceCount": int(len(r)), "currentCount": int(len(c))}}


def categorical(name, ref, cur, bars):
    rc = Counter(v for v in ref if v is not None)
    cc = Counter(v for v in cur if v is not None)
    rn, cn = sum(rc.values()), sum(cc.values())
    keys = sorted(set(rc) | set(cc), key=lambda k: (-rc[k], -cc[k], k))
    shown = keys if len(keys) <= bars else keys[:bars - 1]
    rest = keys[len(shown):]
    labels = list(shown)
    rs = [rc[k] / rn for k in shown]
    cs = [cc[k] / cn for k in shown]
    if rest:
        labels.append("(other)")
        rs.append(sum(rc[k] for k in rest) / rn)
        cs.append(sum(cc[k] for k in rest) / cn)
    return {"name": name, "type": "categorical", "bars": bars, "reference": list(ref), "current": list(cur),
            "expected": {"labels": labels, "reference": rs, "current": cs, "referenceCount": rn, "currentCount": cn}}


cases = [
    numeric("normal_shift", rng.normal(size=400), rng.normal(0.4, 1.2, size=300), 20),
    numeric("integers_on_edges", rng.integers(0, 10, size=200), rng.integers(0, 11, size=150), 20),
    numeric("seven_bins", rng.exponential(3, size=250), rng.exponential(4, size=260), 7),
    numeric("with_missing", np.where(rng.random(300) < 0.1, np.nan, rng.normal(size=300)),
            np.where(rng.random(200) < 0.2, np.inf, rng.normal(1, 1, size=200)), 20),
    numeric("constant", np.full(50, 3.25), np.full(40, 3.25), 20),
    numeric("constant_on_one_side", np.full(50, 2.0), rng.uniform(0, 4, size=60), 20),
    numeric("large_values", rng.normal(1e9, 5, size=120), rng.normal(1e9 + 3, 5, size=100), 20),
    numeric("one_bar", rng.normal(size=30), rng.normal(size=30), 1),
    numeric("fifty_bars", rng.normal(size=500), rng.normal(0.1, 1, size=500), 50),
]
plans = ["basic", "pro", "team", "enterprise", "trial", "legacy", "partner", "edu"]
cases += [
    categorical("few_categories", [plans[i] for i in rng.integers(0, 3, size=100)] + [None] * 5,
                [plans[i] for i in rng.integers(0, 4, size=80)], 20),
    categorical("with_other", [plans[i] for i in rng.integers(0, 8, size=300)],
                [plans[i] for i in rng.integers(0, 8, size=200)], 5),
    categorical("ties_by_name", ["b", "a", "c", "b", "a", "c"], ["c", "a", "b"], 2),
    categorical("current_only_categories", ["x"] * 10, ["x"] * 3 + ["y"] * 4 + ["z"] * 3 + [""] * 2, 3),
]
with open(OUT, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases to {OUT}")
