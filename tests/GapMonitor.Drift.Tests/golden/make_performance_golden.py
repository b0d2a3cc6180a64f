#!/usr/bin/python3
"""Writes performance_golden.json: reference values for the performance engine, computed with scikit-learn.

Run with Debian's python3-sklearn / python3-numpy (scikit-learn 1.2.1, numpy 1.24):
    /usr/bin/python3 tests/GapMonitor.Drift.Tests/golden/make_performance_golden.py
The C# tests only read the committed JSON; they never need scikit-learn.

- realized: sklearn.metrics (roc_auc_score, accuracy_score, precision/recall/f1_score with zero_division=0,
  f1_score(average="macro"), mean_absolute_error, mean_squared_error, r2_score) on the labeled rows.
- isotonic: IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip") fitted points and predictions.
- estimated: the contract's formulas (API.md "Concept drift") written with numpy, q from sklearn's IsotonicRegression.
- thresholds: mean ± 3·std (population) of the realized metrics of consecutive reference chunks, clipped.
- covariateShift: how far the estimates land from the realized metrics when only x shifts (same P(y|x)).
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import (accuracy_score, f1_score, mean_absolute_error, mean_squared_error, precision_score,
                             r2_score, recall_score, roc_auc_score)

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "performance_golden.json")
BINARY = ["roc_auc", "accuracy", "precision", "recall", "f1"]
MULTICLASS = ["accuracy", "f1"]
REGRESSION = ["mae", "rmse", "r2"]
RANGE = {"roc_auc": (0, 1), "accuracy": (0, 1), "precision": (0, 1), "recall": (0, 1), "f1": (0, 1),
         "mae": (0, np.inf), "rmse": (0, np.inf), "r2": (-np.inf, 1)}


def fl(values):
    return [None if v is None else float(v) for v in values]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------- samples

def binary_sample(rng, n, shift=0.0, labeled=1.0, decimals=4, with_probabilities=True):
    """Two features; P(y=1|x) = sigmoid(x·w − 0.3); the model's score is over-confident and noisy."""
    x = rng.normal(size=(n, 2)) + shift
    logit = x @ np.array([1.4, -0.9]) - 0.3
    y = (rng.random(n) < sigmoid(logit)).astype(int)
    p = np.round(sigmoid(1.6 * logit + rng.normal(scale=0.5, size=n)), decimals)
    pred = (p >= 0.5).astype(int)
    targets = [int(t) if rng.random() < labeled else None for t in y]
    return {"task": "binary-classification", "classes": [], "predictions": [int(v) for v in pred],
            "targets": targets, "probabilities": [float(v) for v in p] if with_probabilities else None}


def multiclass_sample(rng, n, shift=0.0, labeled=1.0, classes=("a", "b", "c")):
    k = len(classes)
    x = rng.normal(size=(n, 2)) + shift
    logits = x @ np.array([[1.2, -0.4, -0.8], [0.1, 1.1, -1.0]])[:, :k]
    truth = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.array([rng.choice(k, p=row) for row in truth])
    model = np.exp(1.4 * logits + rng.normal(scale=0.4, size=(n, k)))
    p = np.round(model / model.sum(axis=1, keepdims=True), 4)
    pred = p.argmax(axis=1)
    targets = [classes[t] if rng.random() < labeled else None for t in y]
    return {"task": "multiclass-classification", "classes": list(classes), "predictions": [classes[v] for v in pred],
            "targets": targets, "probabilities": [[float(v) for v in row] for row in p]}


def regression_sample(rng, n, labeled=1.0):
    x = rng.normal(size=n)
    y = np.round(3 * x + 10 + rng.normal(scale=1.5, size=n), 4)
    pred = np.round(2.7 * x + 10.4 + rng.normal(scale=0.5, size=n), 4)
    targets = [float(t) if rng.random() < labeled else None for t in y]
    return {"task": "regression", "classes": [], "predictions": [float(v) for v in pred], "targets": targets,
            "probabilities": None}


# ---------------------------------------------------------------- realized (sklearn)

def realized(sample, rows=None):
    rows = range(len(sample["predictions"])) if rows is None else rows
    idx = [i for i in rows if sample["targets"][i] is not None]
    if not idx:
        return None
    y = [sample["targets"][i] for i in idx]
    pred = [sample["predictions"][i] for i in idx]
    task = sample["task"]
    if task == "binary-classification":
        y, pred = np.array(y), np.array(pred)
        auc = None
        if sample["probabilities"] is not None:
            try:
                auc = float(roc_auc_score(y, np.array([sample["probabilities"][i] for i in idx])))
            except ValueError:
                auc = None
        return {"roc_auc": auc, "accuracy": float(accuracy_score(y, pred)),
                "precision": float(precision_score(y, pred, zero_division=0)),
                "recall": float(recall_score(y, pred, zero_division=0)),
                "f1": float(f1_score(y, pred, zero_division=0))}
    if task == "multiclass-classification":
        return {"accuracy": float(accuracy_score(y, pred)),
                "f1": float(f1_score(y, pred, average="macro", zero_division=0))}
    y, pred = np.array(y, dtype=float), np.array(pred, dtype=float)
    r2 = r2_score(y, pred)
    return {"mae": float(mean_absolute_error(y, pred)), "rmse": float(np.sqrt(mean_squared_error(y, pred))),
            "r2": None if np.isnan(r2) else float(r2)}


def realized_case(name, sample):
    return dict(name=name, sample=sample, expected=realized(sample))


# ---------------------------------------------------------------- isotonic

def isotonic(x, y):
    return IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip", increasing=True).fit(x, y)


def isotonic_case(name, x, y, test):
    ir = isotonic(np.array(x, dtype=float), np.array(y, dtype=float))
    test = np.array(test, dtype=float)
    return dict(name=name, x=fl(x), y=fl(y), fittedX=fl(ir.X_thresholds_), fittedY=fl(ir.y_thresholds_),
                test=fl(test), expected=fl(ir.predict(test)))


# ---------------------------------------------------------------- estimated (the contract's formulas)

def expected_binary(q, pred):
    q, pred = np.asarray(q, dtype=float), np.asarray(pred)
    tp, fp = q[pred == 1].sum(), (1 - q[pred == 1]).sum()
    fn, tn = q[pred != 1].sum(), (1 - q[pred != 1]).sum()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return dict(accuracy=(tp + tn) / len(q), precision=precision, recall=recall, f1=f1)


def expected_auc(q):
    q = np.asarray(q, dtype=float)
    pos, neg = q.sum(), (1 - q).sum()
    if pos == 0 or neg == 0:
        return None
    tpr, fpr = [0.0], [0.0]
    for t in np.unique(q)[::-1]:
        tpr.append(q[q >= t].sum() / pos)
        fpr.append((1 - q[q >= t]).sum() / neg)
    return float(np.trapz(tpr, fpr))


def estimated(reference, current):
    task = reference["task"]
    labeled = [i for i, t in enumerate(reference["targets"]) if t is not None]
    if task == "binary-classification":
        p = np.array([reference["probabilities"][i] for i in labeled])
        y = np.array([reference["targets"][i] == 1 for i in labeled], dtype=float)
        q = isotonic(p, y).predict(np.array(current["probabilities"], dtype=float))
        result = expected_binary(q, current["predictions"])
        result["roc_auc"] = expected_auc(q)
        return {m: (None if result[m] is None else float(result[m])) for m in BINARY}
    classes = reference["classes"]
    k = len(classes)
    P = np.array([reference["probabilities"][i] for i in labeled])
    Q = np.empty((len(current["predictions"]), k))
    C = np.array(current["probabilities"], dtype=float)
    for c in range(k):
        y = np.array([reference["targets"][i] == classes[c] for i in labeled], dtype=float)
        Q[:, c] = isotonic(P[:, c], y).predict(C[:, c])
    sums = Q.sum(axis=1, keepdims=True)
    Q = np.where(sums == 0, 1.0 / k, Q / np.where(sums == 0, 1, sums))
    pred = current["predictions"]
    accuracy = np.mean([Q[i, classes.index(v)] if v in classes else 0.0 for i, v in enumerate(pred)])
    f1 = np.mean([expected_binary(Q[:, c], np.array([v == classes[c] for v in pred], dtype=int))["f1"]
                  for c in range(k)])
    return {"accuracy": float(accuracy), "f1": float(f1)}


def estimated_case(name, reference, current):
    return dict(name=name, reference=reference, current=current, expected=estimated(reference, current),
                realized=realized(current))


# ---------------------------------------------------------------- thresholds

def thresholds_case(name, reference, chunk_rows):
    n = len(reference["predictions"])
    chunks = n // chunk_rows
    metrics = {"binary-classification": BINARY, "multiclass-classification": MULTICLASS,
               "regression": REGRESSION}[reference["task"]]
    values = {m: [] for m in metrics}
    for c in range(chunks):
        r = realized(reference, range(c * chunk_rows, (c + 1) * chunk_rows))
        for m in metrics:
            if r is not None and r[m] is not None:
                values[m].append(r[m])
    thresholds = {}
    if chunks >= 2:
        for m, v in values.items():
            if len(v) >= 2:
                mean, std = np.mean(v), np.std(v)
                lo, hi = RANGE[m]
                thresholds[m] = {"lower": float(max(mean - 3 * std, lo)), "upper": float(min(mean + 3 * std, hi))}
    return dict(name=name, reference=reference, chunkRows=chunk_rows, chunks=chunks, metrics=realized(reference),
                thresholds=thresholds)


def main():
    rng = np.random.default_rng(20261202)
    realized_cases = []
    b = binary_sample(rng, 600, labeled=0.8)
    realized_cases.append(realized_case("binary", b))
    realized_cases.append(realized_case("binary_ties", binary_sample(rng, 400, decimals=1)))
    const = binary_sample(rng, 300)
    const["probabilities"] = [0.7] * 300
    const["predictions"] = [1] * 300
    realized_cases.append(realized_case("binary_constant_probability", const))
    single = binary_sample(rng, 200)
    single["targets"] = [1] * 200
    realized_cases.append(realized_case("binary_single_class", single))
    negative = binary_sample(rng, 200)
    negative["predictions"] = [0] * 200
    realized_cases.append(realized_case("binary_never_positive", negative))
    realized_cases.append(realized_case("binary_without_probabilities", binary_sample(rng, 200, with_probabilities=False)))
    realized_cases.append(realized_case("binary_without_labels", binary_sample(rng, 100, labeled=0.0)))
    realized_cases.append(realized_case("binary_large", binary_sample(rng, 20000, decimals=3)))
    realized_cases.append(realized_case("multiclass", multiclass_sample(rng, 600, labeled=0.7)))
    extra = multiclass_sample(rng, 300)
    extra["targets"] = [("d" if i % 37 == 0 else t) for i, t in enumerate(extra["targets"])]
    realized_cases.append(realized_case("multiclass_label_without_probability", extra))
    realized_cases.append(realized_case("multiclass_without_labels", multiclass_sample(rng, 100, labeled=0.0)))
    realized_cases.append(realized_case("regression", regression_sample(rng, 500, labeled=0.9)))
    realized_cases.append(realized_case("regression_large", regression_sample(rng, 30000)))
    perfect = regression_sample(rng, 50)
    perfect["targets"] = [2.5] * 50
    perfect["predictions"] = [2.5] * 50
    realized_cases.append(realized_case("regression_constant_target_perfect", perfect))
    imperfect = regression_sample(rng, 50)
    imperfect["targets"] = [2.5] * 50
    realized_cases.append(realized_case("regression_constant_target_imperfect", imperfect))
    one = regression_sample(rng, 5)
    one["targets"] = [None, 1.5, None, None, None]
    realized_cases.append(realized_case("regression_one_labeled_row", one))
    realized_cases.append(realized_case("regression_without_labels", regression_sample(rng, 50, labeled=0.0)))

    iso = []
    x = np.round(rng.random(300), 2)
    y = (rng.random(300) < x ** 1.5).astype(float)
    test = [-0.5, 0.0, 0.005, 0.123, 0.25, 0.5, 0.77777, 0.999, 1.0, 1.5] + list(np.round(rng.random(40), 5))
    iso.append(isotonic_case("ties", x, y, test))
    x = rng.random(2000)
    y = (rng.random(2000) < x).astype(float)
    iso.append(isotonic_case("continuous", x, y, test))
    iso.append(isotonic_case("one_distinct_x", [0.4] * 10, [1, 0, 1, 1, 0, 0, 1, 1, 1, 0], test))
    iso.append(isotonic_case("all_y_equal", list(np.round(rng.random(50), 3)), [1.0] * 50, test))
    iso.append(isotonic_case("all_y_zero", list(np.round(rng.random(50), 3)), [0.0] * 50, test))
    iso.append(isotonic_case("decreasing", [0.1, 0.2, 0.3, 0.4, 0.5], [1, 1, 0, 0, 0], test))
    iso.append(isotonic_case("two_points", [0.2, 0.8], [0, 1], test))
    iso.append(isotonic_case("near_ties", [0.3, 0.3 + 1e-16, 0.3 + 5e-16, 0.6, 0.6000000000000001, 0.9],
                             [0, 1, 1, 0, 1, 1], test))

    est = []
    ref = binary_sample(rng, 3000)
    est.append(estimated_case("binary_same_distribution", ref, binary_sample(rng, 2000)))
    est.append(estimated_case("binary_ties", binary_sample(rng, 2000, decimals=1), binary_sample(rng, 1000, decimals=1)))
    cref = binary_sample(rng, 500)
    ccur = binary_sample(rng, 300)
    ccur["probabilities"] = [0.62] * 300
    est.append(estimated_case("binary_constant_probability", cref, ccur))
    outside = binary_sample(rng, 300)
    outside["probabilities"] = [0.0001 if i % 2 else 0.9999 for i in range(300)]
    est.append(estimated_case("binary_outside_fitted_range", binary_sample(rng, 500, decimals=2), outside))
    est.append(estimated_case("multiclass_same_distribution", multiclass_sample(rng, 3000), multiclass_sample(rng, 2000)))

    shift_binary = estimated_case("binary_covariate_shift", binary_sample(rng, 5000), binary_sample(rng, 5000, shift=0.7))
    shift_multi = estimated_case("multiclass_covariate_shift", multiclass_sample(rng, 5000),
                                 multiclass_sample(rng, 5000, shift=0.6))
    est += [shift_binary, shift_multi]
    covariate = {}
    for case in (est[0], shift_binary, est[4], shift_multi):
        covariate[case["name"]] = {m: {"estimated": case["expected"][m], "realized": case["realized"][m],
                                        "error": abs(case["expected"][m] - case["realized"][m])}
                                   for m in case["expected"]}
    # Larger samples, errors only (the rows are not stored): less sampling noise in the calibration and the labels.
    for name, reference, current in (
            ("binary_covariate_shift_50k", binary_sample(rng, 50000), binary_sample(rng, 50000, shift=0.7)),
            ("multiclass_covariate_shift_50k", multiclass_sample(rng, 50000), multiclass_sample(rng, 50000, shift=0.6))):
        expected, actual = estimated(reference, current), realized(current)
        covariate[name] = {m: {"estimated": expected[m], "realized": actual[m], "error": abs(expected[m] - actual[m])}
                           for m in expected}

    th = []
    th.append(thresholds_case("binary", binary_sample(rng, 2600), 500))
    chunks_single = binary_sample(rng, 1500)
    chunks_single["targets"] = [1] * 300 + chunks_single["targets"][300:]
    th.append(thresholds_case("binary_chunk_with_one_class", chunks_single, 300))
    th.append(thresholds_case("binary_one_chunk", binary_sample(rng, 700), 500))
    th.append(thresholds_case("multiclass", multiclass_sample(rng, 1000), 250))
    th.append(thresholds_case("regression", regression_sample(rng, 1000), 200))

    doc = dict(generator="make_performance_golden.py", sklearn=sklearn.__version__, numpy=np.__version__,
               realized=realized_cases, isotonic=iso, estimated=est, thresholds=th, covariateShift=covariate)
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    for name, metrics in covariate.items():
        print(name, {m: round(v["error"], 4) for m, v in metrics.items()})


if __name__ == "__main__":
    main()
