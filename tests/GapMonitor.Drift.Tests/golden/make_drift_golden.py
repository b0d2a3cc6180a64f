#!/usr/bin/python3
"""Writes drift_golden.json: reference values for the drift engine, computed with scipy.

Run with Debian's python3-scipy / python3-pandas / python3-numpy (scipy 1.10):
    /usr/bin/python3 tests/GapMonitor.Drift.Tests/golden/make_drift_golden.py
The C# tests only read the committed JSON; they never need scipy.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.stats._stats_py import _attempt_exact_2kssamp

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drift_golden.json")


def finite(x):
    """JSON has no NaN/Inf: encode them as strings."""
    if isinstance(x, float) and not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    return x


def short(values):
    """Four decimals keep the committed JSON small; the rounded values are the data."""
    return np.round(np.asarray(values, dtype=float), 4)


def ks_case(name, a, b):
    a, b = short(a), short(b)
    r = stats.ks_2samp(a, b, method="auto")
    return {"name": name, "a": [finite(float(v)) for v in a], "b": [finite(float(v)) for v in b],
            "statistic": float(r.statistic), "pValue": float(r.pvalue)}


def zero_fill(shares):
    shares = np.array(shares, dtype=float)
    shares[shares == 0] = 0.0001
    return shares


def ztest(ref, cur, key):
    """Evidently's proportions_diff_z_stat_ind with 0 for the target category and 1 otherwise; p = 2·norm.sf(|z|)."""
    ref_i = np.array([0 if x == key else 1 for x in ref], dtype=float)
    cur_i = np.array([0 if x == key else 1 for x in cur], dtype=float)
    if len(set(ref)) == 1 and len(set(cur)) == 1 and ref[0] == cur[0]:
        return 0.0, 1.0
    n1, n2 = len(ref_i), len(cur_i)
    p1, p2 = ref_i.sum() / n1, cur_i.sum() / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return float(z), float(2 * stats.norm.sf(abs(z)))


def column_case(name, kind, ref, cur, method=None, threshold=None):
    """The issue's rules, written directly with numpy/scipy: the oracle for one column."""
    case = {"name": name, "type": kind, "method": method, "threshold": threshold}
    if kind == "numeric":
        ref, cur = short(ref), short(cur)
        case["reference"] = [finite(float(v)) for v in ref]
        case["current"] = [finite(float(v)) for v in cur]
        r = np.asarray(ref, dtype=float)
        c = np.asarray(cur, dtype=float)
        missing = (int((~np.isfinite(r)).sum()), int((~np.isfinite(c)).sum()))
        r, c = r[np.isfinite(r)], c[np.isfinite(c)]
    else:
        case["reference"] = list(ref)
        case["current"] = list(cur)
        missing = (sum(v is None for v in ref), sum(v is None for v in cur))
        r = [v for v in ref if v is not None]
        c = [v for v in cur if v is not None]
    expected = {"missing": {"reference": missing[0], "current": missing[1]}}
    case["expected"] = expected
    if len(r) == 0 or len(c) == 0:
        expected["skipped"] = True
        return case
    expected["skipped"] = False
    st = {}
    if kind == "numeric":
        union = np.concatenate([r, c])
        keys = np.unique(union)
        distinct = len(keys)
        ks = stats.ks_2samp(r, c, method="auto")
        st["ks"] = {"statistic": float(ks.statistic), "pValue": float(ks.pvalue)}
        w = stats.wasserstein_distance(r, c)
        st["wasserstein"] = float(w)
        st["wassersteinNormed"] = float(w / max(np.std(r), 0.001))
        if distinct > 20:
            edges = np.histogram_bin_edges(union, bins="sturges")
            rc = np.histogram(r, edges)[0]
            cc = np.histogram(c, edges)[0]
        else:
            rc = np.array([(r == k).sum() for k in keys])
            cc = np.array([(c == k).sum() for k in keys])
        vr = np.array([(r == k).sum() for k in keys]) if distinct <= 20 else None
        vc = np.array([(c == k).sum() for k in keys]) if distinct <= 20 else None
    else:
        keys = sorted(set(r) | set(c))
        distinct = len(keys)
        rc = vr = np.array([r.count(k) for k in keys])
        cc = vc = np.array([c.count(k) for k in keys])
    rs = zero_fill(rc / len(r))
    cs = zero_fill(cc / len(c))
    st["psi"] = float(np.sum((rs - cs) * np.log(rs / cs)))
    st["jensenShannon"] = float(jensenshannon(rs, cs))
    if kind == "categorical" or distinct <= 5 or method == "chisquare":
        if vr is None:
            raise ValueError("chisquare override on > 20 distinct values is not generated")
        if distinct == 1:
            st["chiSquare"] = {"statistic": 0.0, "pValue": 1.0}
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                chi = stats.chisquare(vc, vr * (len(c) / len(r)))
            st["chiSquare"] = {"statistic": finite(float(chi.statistic)), "pValue": float(chi.pvalue)}
    if distinct <= 2:
        z, p = ztest(list(r), list(c), keys[0])
        st["zTest"] = {"statistic": z, "pValue": p}
    numeric_many = kind == "numeric" and distinct > 5
    if method is None:
        if len(r) <= 1000:
            method = "ks" if numeric_many else ("chisquare" if distinct > 2 else "ztest")
        else:
            method = "wasserstein" if numeric_many else "jensenshannon"
    score = {"ks": lambda: st["ks"]["pValue"], "wasserstein": lambda: st["wassersteinNormed"],
             "chisquare": lambda: st["chiSquare"]["pValue"], "ztest": lambda: st["zTest"]["pValue"],
             "jensenshannon": lambda: st["jensenShannon"], "psi": lambda: st["psi"]}[method]()
    if threshold is None:
        threshold = 0.05 if method in ("ks", "chisquare", "ztest") else 0.1
    if method == "ks":
        drifted = score <= threshold
    elif method in ("chisquare", "ztest"):
        drifted = score < threshold
    else:
        drifted = score >= threshold
    expected.update({"method": method, "score": float(score), "threshold": threshold, "drifted": bool(drifted),
                     "statistics": st})
    return case


def ks_cases(rng):
    cases = [
        ks_case("n=1 vs n=1, equal", [1.0], [1.0]),
        ks_case("n=1 vs n=1, different", [1.0], [2.0]),
        ks_case("n=1 vs n=5", [0.5], [0.1, 0.2, 0.3, 0.4, 0.6]),
        ks_case("n=2 vs n=2", [1.0, 2.0], [1.5, 3.0]),
        ks_case("n=2 vs n=3, separated", [1.0, 2.0], [3.0, 4.0, 5.0]),
        ks_case("ties, integers 0..4", rng.integers(0, 5, 40).astype(float), rng.integers(0, 5, 55).astype(float)),
        ks_case("ties, all equal", [3.0] * 30, [3.0] * 17),
        ks_case("ties across samples", rng.integers(0, 3, 300).astype(float), rng.integers(0, 4, 250).astype(float)),
        ks_case("equal n=100 shifted", rng.normal(0, 1, 100), rng.normal(0.4, 1, 100)),
        ks_case("300 vs 269 shifted", rng.normal(0, 1, 300), rng.normal(0.3, 1.2, 269)),
        ks_case("500 vs 333 same", rng.normal(0, 1, 500), rng.normal(0, 1, 333)),
        ks_case("exact tiny p, equal n", rng.normal(0, 1, 300), rng.normal(3, 1, 300)),
        ks_case("exact tiny p, unequal n", rng.normal(0, 1, 400), rng.normal(3, 1, 300)),
        ks_case("exact p underflows, separated", rng.uniform(0, 1, 2000), rng.uniform(2, 3, 1500)),
        ks_case("boundary 10000 vs 10000 (exact)", rng.normal(0, 1, 10000), rng.normal(0.02, 1, 10000)),
        ks_case("boundary 10000 vs 9999 (exact)", rng.normal(0, 1, 10000), rng.normal(0.03, 1, 9999)),
        ks_case("boundary 10001 vs 10000 (asymptotic)", rng.normal(0, 1, 10001), rng.normal(0.03, 1, 10000)),
        ks_case("asymptotic n=5 (10001 vs 5)", rng.normal(0, 1, 10001), rng.normal(0.5, 1, 5)),
        ks_case("asymptotic n=15 (12000 vs 15)", rng.normal(0, 1, 12000), rng.normal(1.0, 1, 15)),
        ks_case("asymptotic n=100 (20000 vs 100)", rng.normal(0, 1, 20000), rng.normal(0.1, 1, 100)),
        ks_case("asymptotic n≈199 (30000 vs 200)", rng.normal(0, 1, 30000), rng.normal(0.2, 1, 200)),
        ks_case("asymptotic n≈990 (11000 vs 1100) drift", rng.normal(0, 1, 11000), rng.normal(0.3, 1, 1100)),
        ks_case("asymptotic 15000 vs 12000 same", rng.normal(0, 1, 15000), rng.normal(0, 1, 12000)),
        ks_case("asymptotic 15000 vs 12000 drift", rng.normal(0, 1, 15000), rng.normal(0.08, 1, 12000)),
        ks_case("asymptotic p underflows", rng.normal(0, 1, 12000), rng.normal(2, 1, 12000)),
    ]
    for i in range(80):
        n1, n2 = int(rng.integers(1, 400)), int(rng.integers(1, 400))
        decimals = int(rng.integers(0, 3))
        shift = float(rng.choice([0.0, 0.1, 0.3, 1.0, 2.5]))
        cases.append(ks_case(f"sweep {i}: {n1} vs {n2}, shift {shift}, {decimals} decimals",
                             np.round(rng.normal(0, 1, n1), decimals), np.round(rng.normal(shift, 1, n2), decimals)))
    for i in range(8):
        n1, n2 = int(rng.integers(10001, 11000)), int(rng.integers(1, 2500))
        shift = float(rng.choice([0.0, 0.05, 0.2, 0.6]))
        cases.append(ks_case(f"asymptotic sweep {i}: {n1} vs {n2}, shift {shift}",
                             rng.normal(0, 1, n1), rng.normal(shift, 1, n2)))
    return cases


def exact_p(n1, n2, d):
    """The two-sided p-value ks_2samp(method='auto') reports for statistic d when max(n1, n2) <= 10,000: the
    exact one, or (when the exact computation fails, e.g. h = 1 on the square path) Smirnov's asymptotic one."""
    ok, d, p = _attempt_exact_2kssamp(n1, n2, math.gcd(n1, n2), d, "two-sided")
    if not ok:
        m, n = sorted([float(n1), float(n2)], reverse=True)
        p = stats.kstwo.sf(d, np.round(m * n / (m + n)))
    return float(d), float(np.clip(p, 0, 1))


def statistic_near(n1, n2, target):
    """The lattice statistic h/lcm whose exact p-value is closest (in log) to target: bisection on h."""
    lcm = n1 // math.gcd(n1, n2) * n2
    lo, hi = 1, lcm
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if exact_p(n1, n2, mid / lcm)[1] >= target:
            lo = mid
        else:
            hi = mid
    return min((lo / lcm, hi / lcm), key=lambda d: abs(math.log(max(exact_p(n1, n2, d)[1], 1e-320) / target)))


def ks_scale_cases():
    """Exact p-values at the sizes issue 12 optimises: (n1, n2, statistic) -> scipy's p-value, no data stored."""
    rng = np.random.default_rng(12)
    out = []
    sizes = [(100, 100), (2000, 2000), (10000, 10000), (5000, 3333), (10000, 9999), (9999, 10000), (10000, 7),
             (7, 10000), (6000, 4000), (10000, 2500)]
    for n1, n2 in sizes:
        for target in [0.5, 0.05, 1e-6, 1e-100, 1e-300]:
            if target < 1e-20 and min(n1, n2) < 20:
                continue
            d = statistic_near(n1, n2, target)
            d, p = exact_p(n1, n2, d)
            out.append({"name": f"{n1} vs {n2}, p near {target:g}", "n1": n1, "n2": n2, "statistic": d, "pValue": p})
        for d in [1.0 / max(n1, n2), 0.999, 1.0, float(rng.uniform(0.01, 0.9))]:
            d, p = exact_p(n1, n2, d)
            out.append({"name": f"{n1} vs {n2}, statistic {d:.6g}", "n1": n1, "n2": n2, "statistic": d, "pValue": p})
    seen = set()
    out = [c for c in out if (c["n1"], c["n2"], c["statistic"]) not in seen and not seen.add((c["n1"], c["n2"], c["statistic"]))]
    # From data: the statistic ks_2samp finds, then its p-value (also checks exact_p is the path ks_2samp takes).
    for n1, n2, shift in [(10000, 10000, 0.0), (10000, 10000, 0.05), (10000, 9999, 0.03), (5000, 3333, 0.06)]:
        r = stats.ks_2samp(rng.normal(0, 1, n1), rng.normal(shift, 1, n2), method="auto")
        assert exact_p(n1, n2, float(r.statistic))[1] == float(r.pvalue)
        out.append({"name": f"data {n1} vs {n2}, shift {shift}", "n1": n1, "n2": n2,
                    "statistic": float(r.statistic), "pValue": float(r.pvalue)})
    return out


def ks_equal_cases():
    """Equal sizes with the data (ties and none, small and large statistics): the square path end to end."""
    rng = np.random.default_rng(1012)
    out = []
    for n in [100, 2000, 10000]:
        out.append(ks_case(f"equal n={n}, untied, same", rng.normal(0, 1, n), rng.normal(0, 1, n)))
        out.append(ks_case(f"equal n={n}, untied, shifted", rng.normal(0, 1, n), rng.normal(0.1 if n > 100 else 0.4, 1, n)))
        out.append(ks_case(f"equal n={n}, untied, separated", rng.normal(0, 1, n), rng.normal(2.5, 1, n)))
        out.append(ks_case(f"equal n={n}, ties", rng.integers(0, 20, n).astype(float), rng.integers(0, 20, n).astype(float)))
        out.append(ks_case(f"equal n={n}, ties, shifted", rng.integers(0, 20, n).astype(float), rng.integers(2, 22, n).astype(float)))
    return out


def kstwo_cases():
    out = []
    for n in [1, 2, 3, 5, 10, 50, 140, 141, 500, 1000, 10000, 100000, 100001, 1000000, 2000000]:
        for x in [0.001, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.8, 0.95, 0.999,
                  0.5 / n, 1.0 / n, 0.75 / n, 1.5 / n, 1 - 1.0 / n, 1.2 / math.sqrt(n), 0.6 / math.sqrt(n),
                  2.0 / math.sqrt(n), 3.5 / math.sqrt(n), 10.0 / math.sqrt(n)]:
            if 0 < x < 1:
                out.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    rng = np.random.default_rng(7)
    for _ in range(300):
        n = int(np.exp(rng.uniform(0, np.log(3_000_000))))
        x = float(np.exp(rng.uniform(np.log(0.3 / n), 0)))
        if 0 < x < 1:
            out.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    return out


def column_cases(rng):
    cats = ["a", "b", "c", "d"]
    cases = [
        column_case("numeric small shifted (KS)", "numeric", rng.normal(10, 2, 300), rng.normal(11, 2, 269)),
        column_case("numeric small same (KS)", "numeric", rng.normal(0, 1, 800), rng.normal(0, 1, 700)),
        column_case("numeric large (Wasserstein)", "numeric", rng.normal(0, 1, 5000), rng.normal(0.2, 1, 4000)),
        column_case("numeric large same (Wasserstein)", "numeric", rng.normal(5, 3, 3000), rng.normal(5, 3, 3000)),
        column_case("numeric with missing", "numeric",
                    np.where(rng.uniform(size=400) < 0.1, np.nan, rng.normal(0, 1, 400)),
                    np.concatenate([rng.normal(0.5, 1, 300), [np.inf, -np.inf, np.nan]])),
        column_case("numeric 4 distinct (chi-square)", "numeric",
                    rng.integers(0, 4, 500).astype(float), rng.integers(0, 4, 450).astype(float)),
        column_case("numeric 5 distinct drift (chi-square)", "numeric",
                    rng.integers(0, 5, 600).astype(float), np.minimum(rng.integers(0, 6, 600), 4).astype(float)),
        column_case("numeric 2 distinct (Z-test)", "numeric",
                    (rng.uniform(size=700) < 0.3).astype(float), (rng.uniform(size=650) < 0.4).astype(float)),
        column_case("numeric 2 distinct large (JS)", "numeric",
                    (rng.uniform(size=3000) < 0.3).astype(float), (rng.uniform(size=2500) < 0.5).astype(float)),
        column_case("numeric 6 distinct (KS)", "numeric",
                    rng.integers(0, 6, 500).astype(float), rng.integers(0, 6, 400).astype(float)),
        column_case("numeric 20 distinct (value bins)", "numeric",
                    rng.integers(0, 20, 2000).astype(float), rng.integers(0, 20, 1500).astype(float)),
        column_case("numeric 21 distinct (Sturges)", "numeric",
                    rng.integers(0, 21, 2000).astype(float), rng.integers(0, 21, 1500).astype(float)),
        column_case("numeric unseen values in current", "numeric",
                    rng.integers(0, 3, 500).astype(float), rng.integers(1, 5, 500).astype(float)),
        column_case("numeric constant same", "numeric", [7.0] * 50, [7.0] * 40),
        column_case("numeric constant different", "numeric", [7.0] * 50, [8.0] * 40),
        column_case("numeric constant large", "numeric", [1.5] * 2000, [1.5] * 1500),
        column_case("numeric n=1 each", "numeric", [1.0], [2.0]),
        column_case("numeric n=2 each", "numeric", [1.0, 2.0], [2.0, 3.0]),
        column_case("numeric all missing", "numeric", [np.nan] * 10, [np.nan] * 12),
        column_case("numeric empty current", "numeric", rng.normal(0, 1, 20), [np.nan, np.inf]),
        column_case("numeric Z-test p underflows", "numeric",
                    (rng.uniform(size=1000) < 0.05).astype(float), (rng.uniform(size=1000) < 0.95).astype(float)),
        column_case("numeric negative and wide", "numeric", rng.standard_cauchy(900) * 1000, rng.standard_cauchy(800) * 1000 + 50),
        column_case("numeric override psi", "numeric", rng.normal(0, 1, 300), rng.normal(0.5, 1, 300), method="psi"),
        column_case("numeric override wasserstein threshold", "numeric", rng.normal(0, 1, 300), rng.normal(0.1, 1, 300),
                    method="wasserstein", threshold=0.05),
        column_case("numeric override ks threshold", "numeric", rng.normal(0, 1, 5000), rng.normal(0.05, 1, 5000),
                    method="ks", threshold=0.01),
        column_case("categorical 4 categories (chi-square)", "categorical",
                    list(rng.choice(cats, 500, p=[0.4, 0.3, 0.2, 0.1])), list(rng.choice(cats, 480, p=[0.3, 0.3, 0.2, 0.2]))),
        column_case("categorical unseen category", "categorical",
                    list(rng.choice(cats[:3], 300)), list(rng.choice(cats, 300))),
        column_case("categorical category gone", "categorical",
                    list(rng.choice(cats, 300)), list(rng.choice(cats[:2], 300))),
        column_case("categorical 2 categories (Z-test)", "categorical",
                    list(rng.choice(["yes", "no"], 400, p=[0.6, 0.4])), list(rng.choice(["yes", "no"], 350, p=[0.5, 0.5]))),
        column_case("categorical large (JS)", "categorical",
                    list(rng.choice(cats, 3000, p=[0.4, 0.3, 0.2, 0.1])), list(rng.choice(cats, 2000, p=[0.25, 0.25, 0.25, 0.25]))),
        column_case("categorical with missing", "categorical",
                    [None if rng.uniform() < 0.1 else str(v) for v in rng.choice(cats, 200)],
                    [None if rng.uniform() < 0.2 else str(v) for v in rng.choice(cats, 150)]),
        column_case("categorical single category", "categorical", ["x"] * 30, ["x"] * 20),
        column_case("categorical all missing", "categorical", [None] * 5, [None] * 6),
        column_case("categorical chi-square p underflows", "categorical",
                    list(rng.choice(cats, 1000, p=[0.7, 0.1, 0.1, 0.1])), list(rng.choice(cats, 1000, p=[0.1, 0.1, 0.1, 0.7]))),
        column_case("categorical override psi", "categorical",
                    list(rng.choice(cats, 400)), list(rng.choice(cats, 400, p=[0.4, 0.2, 0.2, 0.2])), method="psi", threshold=0.05),
    ]
    return cases


def main():
    rng = np.random.default_rng(20240611)
    golden = {
        "generator": "tests/GapMonitor.Drift.Tests/golden/make_drift_golden.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "ks": ks_cases(rng),
        "kstwo": kstwo_cases(),
        "columns": column_cases(rng),
        "ksScale": ks_scale_cases(),
        "ksEqual": ks_equal_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: {len(golden['ks'])} KS cases, {len(golden['kstwo'])} kstwo points, {len(golden['columns'])} columns, "
          f"{len(golden['ksScale'])} exact p-values at scale, {len(golden['ksEqual'])} equal-size KS cases")


if __name__ == "__main__":
    main()
