#!/usr/bin/python3
"""Writes two numeric CSV files (default 200,000 rows × 50 columns) for the drift speed comparison.

Half of the columns drift in the current file (shifted or rescaled), the others do not.
    /usr/bin/python3 bench/drift/make_data.py OUT_DIR [ROWS] [COLUMNS] [CURRENT_ROWS]
CURRENT_ROWS (default ROWS) gives the current file another length, e.g. 9,999 against 10,000 for scipy's exact
KS lattice path.
"""
import os
import sys

import numpy as np
import pandas as pd


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    cols = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    current_rows = int(sys.argv[4]) if len(sys.argv) > 4 else rows
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(42)
    reference, current = {}, {}
    for c in range(cols):
        name = f"f{c:02d}"
        loc, scale = rng.uniform(-10, 10), rng.uniform(0.5, 5)
        reference[name] = rng.normal(loc, scale, rows)
        shift = scale * (0.3 if c % 2 == 0 else 0.0)
        current[name] = rng.normal(loc + shift, scale * (1.2 if c % 4 == 0 else 1.0), current_rows)
    pd.DataFrame(reference).to_csv(os.path.join(out, "reference.csv"), index=False)
    pd.DataFrame(current).to_csv(os.path.join(out, "current.csv"), index=False)


if __name__ == "__main__":
    main()
