"""The growth curves of configs/data/growth_fits.csv and the names of the scenarios' choices."""
import csv
import math
import os

# The defence levels' names (docs/parameters.md §7): `scenario.defense.vulnerability_decline`.
DEFENCE = {0.0: "none", 0.03: "moderate", 0.08: "strong"}


def logistic(t, x0, K, r):
    """G(t; x0, K, r) = K / (1 + (K/x0 − 1) e^(−rt)), 0 when x0 = 0 (as the engine)."""
    return 0.0 if x0 == 0 else K / (1 + (K / x0 - 1) * math.exp(-r * t))


def read_fits(repo):
    """{(curve, scenario): {initial, ceiling, rate, log_rmse, basis}} from growth_fits.csv."""
    fits = {}
    with open(os.path.join(repo, "configs", "data", "growth_fits.csv"), newline="") as f:
        for row in csv.DictReader(l for l in f if not l.startswith("#")):
            fits[(row["curve"], row["scenario"])] = {
                "initial": float(row["initial"]), "ceiling": float(row["ceiling"]), "rate": float(row["rate"]),
                "log_rmse": float(row["log_rmse"]), "basis": row["basis"]}
    return fits


def curve_label(curve, fits, kind):
    """The fit (slow, base, fast) a scenario's curve rounds, within 1% in every parameter, or `custom`."""
    for (k, name), fit in fits.items():
        if k == kind and all(abs(float(curve[p]) - fit[p]) <= 0.01 * abs(fit[p]) for p in ("initial", "ceiling", "rate")):
            return name
    return "custom"


def defence_label(decline):
    """`moderate (0.03)`."""
    name = DEFENCE.get(round(float(decline), 6))
    return f"{name} ({decline:g})" if name else f"{decline:g}"
