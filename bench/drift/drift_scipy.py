#!/usr/bin/python3
"""The pandas + scipy baseline: the statistics `gapmonitor drift --format json` reports for numeric columns.

For every column: ks_2samp, wasserstein_distance (and normed by the reference std), Sturges shares of
reference ∪ current (one bin per value for ≤ 20 distinct values), PSI and Jensen–Shannon; printed as JSON.
    /usr/bin/python3 bench/drift/drift_scipy.py REFERENCE.csv CURRENT.csv
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon


def shares(r, c):
    union = np.concatenate([r, c])
    keys = np.unique(union)
    if len(keys) > 20:
        edges = np.histogram_bin_edges(union, bins="sturges")
        rc, cc = np.histogram(r, edges)[0], np.histogram(c, edges)[0]
    else:
        rc = np.array([(r == k).sum() for k in keys])
        cc = np.array([(c == k).sum() for k in keys])
    rs, cs = rc / len(r), cc / len(c)
    rs[rs == 0] = 0.0001
    cs[cs == 0] = 0.0001
    return rs, cs


def main():
    reference = pd.read_csv(sys.argv[1])
    current = pd.read_csv(sys.argv[2])
    columns = []
    for name in reference.columns:
        r = reference[name].to_numpy(dtype=float)
        c = current[name].to_numpy(dtype=float)
        r, c = r[np.isfinite(r)], c[np.isfinite(c)]
        ks = stats.ks_2samp(r, c)
        w = stats.wasserstein_distance(r, c)
        rs, cs = shares(r, c)
        columns.append({
            "name": name,
            "ks": {"statistic": float(ks.statistic), "pValue": float(ks.pvalue)},
            "wasserstein": float(w),
            "wassersteinNormed": float(w / max(np.std(r), 0.001)),
            "psi": float(np.sum((rs - cs) * np.log(rs / cs))),
            "jensenShannon": float(jensenshannon(rs, cs)),
        })
    json.dump({"columns": columns}, sys.stdout)


if __name__ == "__main__":
    main()
