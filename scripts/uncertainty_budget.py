#!/usr/bin/env python3
"""The uncertainty budget's runs and their committed data (docs/uncertainty.md).

    # the budget: configs/sweeps/uncertainty-budget.yaml (release build; --samples/--trials override the spec)
    python3 scripts/uncertainty_budget.py run --out budget [--samples N] [--trials T] [--data docs/data/uncertainty-budget/full]
    # the same with inputs (groups, or ungrouped parameters by path) pinned at the baseline's values (what a user who measured them would run)
    python3 scripts/uncertainty_budget.py run --out budget-fixed --fix under_reporting,severity_scale --data docs/data/uncertainty-budget/fixed

`run` writes the spec (for `--fix`: the shipped spec without the pinned groups' parameters, each
set instead to the baseline's value — a number as it is, a PERT at its mode), runs `cyberrisk
sensitivity` on it and, with `--data DIR`, writes the small summary that the docs check reads:

- `sensitivity.csv`, `sensitivity_noise.csv` — the run's files, restricted to the headline outputs
  (``OUTPUTS``);
- `outputs.csv` — `point,year,metric,mean,se`: every point's YEAR value of those outputs (what
  scripts/check_sobol_salib.py hands to SALib and UncertaintyBudgetDataTests to the tool's estimators);
- `spread.csv` — `year,metric,points,variance,noise_variance,p05,p50,p95`: over the design's `A`
  and `B` points (2N independent draws of the inputs), the variance of each output, its mean
  inner noise (`se²`) and its 5/50/95 % points: the forecast's spread caused by the inputs;
- `run.json` — the command, spec hash, seed, N, inputs, points, trials and wall time.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(REPO, "configs", "sweeps", "uncertainty-budget.yaml")
# The outputs the docs tabulate: the 2035 mean and 1-in-200 AEP of economic loss and national
# risk, and the mean of human risk (the tail outputs cover economic loss and national risk).
OUTPUTS = ["economic_loss_usd_bn", "economic_loss_usd_bn_aep200", "national_risk", "national_risk_aep200", "human_risk",
           "economic_loss_usd_bn_aep100", "national_risk_aep100"]
YEAR = 2035


def base_value(node):
    """A config node's value as one number: a number as it is, a PERT at its mode."""
    if isinstance(node, (int, float)):
        return float(node)
    if isinstance(node, str):
        return float(node)
    if isinstance(node, dict) and "pert" in node:
        return float(node["pert"][1])
    raise ValueError(f"cannot pin {node!r}: not a number or a PERT")


def lookup(config, path):
    """The node at a `--set` path (`sectors.ID.x`, `events.ID.x` address list entries by id)."""
    node = config
    for part in path.split("."):
        if isinstance(node, list):
            node = next(e for e in node if e.get("id") == part)
        else:
            node = node[part]
    return node


def pinned_spec(tool, fix):
    """The shipped spec's text with the groups in `fix` pinned at the baseline's values."""
    with open(SPEC) as f:
        spec = yaml.safe_load(f)
    # An input is a group or an ungrouped parameter (named by its path).
    grouped = {p for members in spec["groups"].values() for p in members}
    unknown = [g for g in fix if g not in spec["groups"] and (g not in spec["parameters"] or g in grouped)]
    if unknown:
        sys.exit(f"uncertainty_budget: unknown inputs {unknown}; the spec's groups are {list(spec['groups'])} and its "
                 f"ungrouped parameters {[p for p in spec['parameters'] if p not in grouped]}")
    config = yaml.safe_load(subprocess.run([tool, "config", "--dump", os.path.join(REPO, "configs", "baseline.yaml")],
                                           check=True, capture_output=True, text=True).stdout)
    pinned = [p for g in fix for p in spec["groups"].get(g, [g])]
    spec["set"] = list(spec.get("set", [])) + [f"{p}={base_value(lookup(config, p)):.9g}" for p in pinned]
    spec["parameters"] = {p: d for p, d in spec["parameters"].items() if p not in pinned}
    spec["groups"] = {g: m for g, m in spec["groups"].items() if g not in fix}
    spec["base"] = os.path.join(REPO, "configs", "baseline.yaml")
    return yaml.safe_dump(spec, sort_keys=False, width=200)


def percentile(values, q):
    """The `q` quantile by linear interpolation (NumPy's default)."""
    v = sorted(values)
    x = q * (len(v) - 1)
    i = int(x)
    return v[i] if i + 1 >= len(v) else v[i] + (x - i) * (v[i + 1] - v[i])


def summarize(out, data, record):
    os.makedirs(data, exist_ok=True)
    for name in ("sensitivity.csv", "sensitivity_noise.csv"):
        with open(os.path.join(out, name), newline="") as f:
            rows = list(csv.reader(f))
        with open(os.path.join(data, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(rows[0])
            w.writerows(r for r in rows[1:] if r[1] in OUTPUTS)
    inputs = record["inputs"]
    values = {}
    with open(os.path.join(out, "sweep.csv"), newline="") as f, \
            open(os.path.join(data, "outputs.csv"), "w", newline="") as o:
        w = csv.writer(o, lineterminator="\n")
        w.writerow(["point", "year", "metric", "mean", "se"])
        for r in csv.DictReader(f):
            if r["metric"] not in OUTPUTS:
                continue
            if int(r["year"]) == YEAR:
                w.writerow([r["point"], r["year"], r["metric"], r["mean"], r["se"]])
            if int(r["point"]) % (inputs + 2) in (0, 1):
                values.setdefault((int(r["year"]), r["metric"]), []).append((float(r["mean"]), float(r["se"])))
    with open(os.path.join(data, "spread.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "metric", "points", "variance", "noise_variance", "p05", "p50", "p95"])
        for (year, metric), v in sorted(values.items(), key=lambda kv: (kv[0][0], OUTPUTS.index(kv[0][1]))):
            xs = [x for x, _ in v]
            mean = sum(xs) / len(xs)
            var = sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)
            noise = sum(se * se for _, se in v) / len(v)
            w.writerow([year, metric, len(xs)] + [f"{x:.6g}" for x in
                                                  (var, noise, percentile(xs, 0.05), percentile(xs, 0.5), percentile(xs, 0.95))])
    with open(os.path.join(data, "run.json"), "w") as f:
        json.dump(record, f, indent=2, sort_keys=True)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--tool", default=os.path.join(REPO, ".build", "release", "cyberrisk"))
    r.add_argument("--out", required=True)
    r.add_argument("--samples", type=int)
    r.add_argument("--trials", type=int)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--fix", default="", help="comma-separated inputs (groups or ungrouped parameters) to pin at the baseline's values")
    r.add_argument("--data", help="write the docs' summary of the run here")
    args = ap.parse_args()
    fix = [g for g in args.fix.split(",") if g]
    spec = SPEC
    if fix:
        spec = args.out.rstrip("/") + ".pinned.yaml"   # beside the output folder, which must be new or a sweep
        with open(spec, "w") as f:
            f.write(pinned_spec(args.tool, fix))
    command = [args.tool, "sensitivity", spec, "--out", args.out, "--force", "--threads", str(args.threads)]
    for flag, value in (("--samples", args.samples), ("--trials", args.trials)):
        if value:
            command += [flag, str(value)]
    began = time.time()
    p = subprocess.run(command, capture_output=True, text=True)
    seconds = time.time() - began
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    if p.returncode != 0:
        sys.exit(p.returncode)
    if args.data:
        with open(os.path.join(args.out, "manifest.json")) as f:
            manifest = json.load(f)
        # The design line names the base config by its path: shown relative to the repository.
        first = (p.stderr.splitlines()[0] if p.stderr else "").replace(REPO + os.sep, "")
        with open(os.path.join(args.out, "sensitivity.csv"), newline="") as f:
            inputs = len({row["parameter"] for row in csv.DictReader(f)})
        shown = ["python3", "scripts/uncertainty_budget.py", "run", "--out", os.path.basename(args.out)]
        for flag, value in (("--samples", args.samples), ("--trials", args.trials), ("--fix", args.fix)):
            if value:
                shown += [flag, str(value)]
        record = {"command": " ".join(shown), "design": first, "inputs": inputs, "fixed": fix,
                  "wall_seconds": round(seconds), "threads": args.threads,
                  "manifest": {k: manifest.get(k) for k in ("spec_hash", "seed", "trials", "points", "tool_version")}}
        summarize(args.out, args.data, record)


if __name__ == "__main__":
    main()
