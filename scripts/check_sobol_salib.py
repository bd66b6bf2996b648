#!/usr/bin/env python3
"""Grouped Sobol' indices of `cyberrisk sensitivity` against SALib on the same design (`make test`).

    python3 scripts/check_sobol_salib.py [--data docs/data/uncertainty-budget/full]

The committed uncertainty-budget run (scripts/uncertainty_budget.py) keeps, besides the tool's
`sensitivity.csv`, every point's 2035 output (`outputs.csv`: the point means of the headline
outputs and the tail outputs' AEP levels). This check feeds each series, in SALib's layout (A,
A_B(1) ... A_B(G), B per base row; the tool interleaves A, B, A_B(1) ... A_B(G)), to
`SALib.analyze.sobol.analyze` with the spec's `groups` (configs/sweeps/uncertainty-budget.yaml,
SALib's semantics: one column per group) and `calc_second_order=False`, and requires every S1
and ST of the tool's `sensitivity.csv` to agree within 0.02. A Swift test
(UncertaintyBudgetDataTests) recomputes the same indices from `outputs.csv` with the tool's
estimators, so the committed indices are the tool's, and this check pins them to SALib's.

The estimators differ only in details that vanish as N grows: SALib standardises Y by the mean
of all (G + 2)N outputs (the tool centres f_B on the mean of the A and B outputs) and divides by
the variance with ddof 0 (the tool: 2N - 1; at N = 64 this alone moves an index of 1 by 0.008).
Swapping a group's matrix, or a parameter's group, moves indices by 0.1 or more.

Needs numpy, PyYAML and SALib (`pip install SALib`); without them it fails (with how to install),
since a skipped check would pass by not running.
"""
import argparse
import csv
import json
import os
import sys

try:
    import numpy as np
    import yaml
    from SALib.analyze import sobol
except ImportError as e:  # pragma: no cover
    sys.exit(f"check_sobol_salib: {e}; install with `pip install numpy pyyaml SALib`")

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE = 0.02


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(REPO, "docs", "data", "uncertainty-budget", "full"))
    ap.add_argument("--spec", default=os.path.join(REPO, "configs", "sweeps", "uncertainty-budget.yaml"))
    args = ap.parse_args()
    with open(args.spec) as f:
        spec = yaml.safe_load(f)
    owner = {p: g for g, members in spec["groups"].items() for p in members}
    paths = list(spec["parameters"])
    groups = [owner.get(p, p) for p in paths]
    names = list(dict.fromkeys(groups))
    g = len(names)
    with open(os.path.join(args.data, "run.json")) as f:
        run = json.load(f)
    series = {}
    with open(os.path.join(args.data, "outputs.csv"), newline="") as f:
        for r in csv.DictReader(f):
            series.setdefault((int(r["year"]), r["metric"]), {})[int(r["point"])] = float(r["mean"])
    ours = {}
    with open(os.path.join(args.data, "sensitivity.csv"), newline="") as f:
        for r in csv.DictReader(f):
            ours[(int(r["year"]), r["metric"], r["parameter"])] = (float(r["S1"]), float(r["ST"]))
    problem = {"num_vars": len(paths), "names": paths, "bounds": [[0, 1]] * len(paths), "groups": groups}
    failures, compared, worst = [], 0, 0.0
    n = run["manifest"]["points"] // (g + 2)
    for (year, metric), values in sorted(series.items()):
        if len(values) != n * (g + 2):
            failures.append(f"{year} {metric}: {len(values)} points, expected {n} x ({g} + 2)")
            continue
        y = np.array([values[j * (g + 2) + m] for j in range(n) for m in [0] + [2 + i for i in range(g)] + [1]])
        salib = sobol.analyze(problem, y, calc_second_order=False, num_resamples=10, seed=1)
        for i, name in enumerate(names):
            s1, st = ours[(year, metric, name)]
            for label, a, b in (("S1", s1, salib["S1"][i]), ("ST", st, salib["ST"][i])):
                compared += 1
                worst = max(worst, abs(a - b))
                if not abs(a - b) <= TOLERANCE:
                    failures.append(f"{year} {metric} {name}: {label} {a:.4f}, SALib {b:.4f}")
    if compared == 0:
        failures.append("no series compared")
    for line in failures[:20]:
        print("check_sobol_salib:", line, file=sys.stderr)
    if failures:
        sys.exit(f"check_sobol_salib: {len(failures)} failures")
    print(f"check_sobol_salib: grouped indices of {g} inputs ({len(paths)} parameters, N = {n}, {len(series)} series) "
          f"agree with SALib within {TOLERANCE} ({compared} indices, largest difference {worst:.4f})")


if __name__ == "__main__":
    main()
