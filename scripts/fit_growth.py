#!/usr/bin/env python3
"""Fit the logistic growth curves of the IoT and neural-link scenarios.

    G(t; x0, K, r) = K / (1 + (K/x0 - 1) e^(-r t)),   t = calendar year - 2026 (start_year)

Run from the repository root (deterministic; rewrites the committed file byte for byte):

    python3 scripts/fit_growth.py --out configs/data/growth_fits.csv

IoT installed base (bn connected devices, worldwide)
  Reported: IoT Analytics "State of IoT" 16.6 (2023), 18.5 (2024), 21.1 (2025); Ericsson Mobility
  Report 18.8 (2024). Forecast: IoT Analytics 39 (2030) and "more than 50" (2035); Ericsson 43 (2030).
  Each scenario is a least-squares fit, in log space (equal weights, so relative errors count
  alike), of all three parameters (x0 = value at the start of 2026, K, r) to:
    slow  IoT Analytics alone: 2023-2025 reported, 39 (2030), 50 (2035: the floor of "> 50")
    base  both sources: 2023-2025 + Ericsson 2024, 39 and 43 (2030), 57.5 (2035: the midpoint of
          the slow and fast readings)
    fast  Ericsson's trajectory: 2023-2025 + Ericsson 2024, 43 (2030), 65 (2035: Ericsson's
          2024-2030 growth of 14.8 %/yr slowing to ~8.6 %/yr; estimate)
  A value reported "for year Y" is the model's value in year Y, i.e. at t = Y - 2026 (the engine's
  year t is calendar year 2026 + t), so x0 is the fitted 2026 value.

Neural-link (permanent implanted brain-computer interface) users, worldwide
  Reported: fewer than 100 people with a permanent BCI by 2024; Neuralink's count 1 (Jan 2024),
  3 (Jan 2025), 12 (Sep 2025), 21 (Jan 2026); its stated plan of 10,000 implants a year by 2030
  (forecast, the company's). The start value x0 = 150 users in 2026 is an estimate: < 100 before
  2024, plus Neuralink's 20 implants of 2024-25 and a few others (Synchron, Chinese trials), about
  120 at the start of 2026, and more during the year.
  There is no time series to speak of, so each scenario is defined by its 2036 target (estimate)
  and its ceiling K (estimate: the long-run addressable user base) and r is solved exactly:
    slow  5,600 users in 2036, K = 20,000    (restorative niche: severe paralysis, ALS)
    base  33,000 users in 2036, K = 200,000   (broad medical indications)
    fast  300,000 users in 2036, K = 2,000,000 (medical use plus early elective use)
  The implied 2030 users and implants a year are printed next to Neuralink's plan.

Standard library + numpy only; no randomness.
"""
import argparse
import csv
import math
import os
import sys

import numpy as np

START_YEAR = 2026
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (calendar time of the observation, value, label, source)
IOT_HISTORY = [
    (2023, 16.6, "reported", "IoT Analytics, State of IoT (2023 value)"),
    (2024, 18.5, "reported", "IoT Analytics, State of IoT (2024 value)"),
    (2025, 21.1, "reported", "IoT Analytics, State of IoT (2025 value)"),
]
ERICSSON_2024 = (2024, 18.8, "reported", "Ericsson Mobility Report (2024 value)")
IOT_SCENARIOS = {
    "slow": IOT_HISTORY + [(2030, 39.0, "forecast", "IoT Analytics 2030"),
                           (2035, 50.0, "forecast", "IoT Analytics 2035 (> 50: floor)")],
    "base": IOT_HISTORY + [ERICSSON_2024,
                           (2030, 39.0, "forecast", "IoT Analytics 2030"),
                           (2030, 43.0, "forecast", "Ericsson 2030"),
                           (2035, 57.5, "estimate", "midpoint of slow and fast 2035 readings")],
    "fast": IOT_HISTORY + [ERICSSON_2024,
                           (2030, 43.0, "forecast", "Ericsson 2030"),
                           (2035, 65.0, "estimate", "Ericsson trend, growth slowing to ~8.6%/yr")],
}

NEURAL_START = 150.0
NEURAL_SCENARIOS = {  # name: (users in 2036, ceiling K)
    "slow": (5_600.0, 20_000.0),
    "base": (33_000.0, 200_000.0),
    "fast": (300_000.0, 2_000_000.0),
}
NEURAL_PLAN_2030 = 10_000.0  # Neuralink's stated implants a year by 2030 (forecast)


def logistic(t, x0, K, r):
    return K / (1.0 + (K / x0 - 1.0) * np.exp(-r * t))


def sse_log(params, t, y):
    x0, K, r = params
    if not (x0 > 0 and K > x0 and r > 0):
        return math.inf
    return float(np.sum((np.log(logistic(t, x0, K, r)) - np.log(y)) ** 2))


def nelder_mead(f, x, step, iterations=4000, tol=1e-14):
    """Plain deterministic Nelder-Mead (standard coefficients)."""
    n = len(x)
    simplex = [np.array(x, float)]
    for k in range(n):
        v = np.array(x, float)
        v[k] += step[k]
        simplex.append(v)
    values = [f(v) for v in simplex]
    for _ in range(iterations):
        order = sorted(range(n + 1), key=lambda k: (values[k], k))
        simplex = [simplex[k] for k in order]
        values = [values[k] for k in order]
        if abs(values[-1] - values[0]) <= tol * (abs(values[0]) + tol):
            break
        centroid = sum(simplex[:-1]) / n
        reflected = centroid + (centroid - simplex[-1])
        fr = f(reflected)
        if fr < values[0]:
            expanded = centroid + 2 * (centroid - simplex[-1])
            fe = f(expanded)
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
        elif fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
        else:
            contracted = centroid + 0.5 * (simplex[-1] - centroid)
            fc = f(contracted)
            if fc < values[-1]:
                simplex[-1], values[-1] = contracted, fc
            else:
                for k in range(1, n + 1):
                    simplex[k] = simplex[0] + 0.5 * (simplex[k] - simplex[0])
                    values[k] = f(simplex[k])
    k = min(range(n + 1), key=lambda k: (values[k], k))
    return simplex[k], values[k]


def fit_iot(points):
    t = np.array([p[0] - START_YEAR for p in points])
    y = np.array([p[1] for p in points])
    # Coarse grid in (x0, K, r), then Nelder-Mead in (ln x0, ln(K - x0), ln r).
    X0, KK, R = np.meshgrid(np.linspace(18.0, 32.0, 57), np.geomspace(35.0, 400.0, 121),
                            np.linspace(0.05, 0.6, 56), indexing="ij")
    with np.errstate(over="ignore"):
        pred = np.log(logistic(t, X0[..., None], KK[..., None], R[..., None]))
    sse = np.sum((pred - np.log(y)) ** 2, axis=-1)
    k = np.unravel_index(int(np.argmin(sse)), sse.shape)   # first minimum: deterministic
    x0, K, r = float(X0[k]), float(KK[k]), float(R[k])

    def f(z):
        a, b, c = z
        return sse_log((math.exp(a), math.exp(a) + math.exp(b), math.exp(c)), t, y)

    z, s = nelder_mead(f, [math.log(x0), math.log(K - x0), math.log(r)], [0.05, 0.1, 0.05])
    x0, K, r = math.exp(z[0]), math.exp(z[0]) + math.exp(z[1]), math.exp(z[2])
    rmse = math.sqrt(s / len(points))
    return x0, K, r, rmse


def solve_neural(x0, target, K, t=10.0):
    """r such that G(t; x0, K, r) = target (exact)."""
    return -math.log((K / target - 1.0) / (K / x0 - 1.0)) / t


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default=os.path.join(REPO, "configs", "data", "growth_fits.csv"))
    args = p.parse_args(argv)

    rows = []
    print("IoT installed base, bn devices (least squares in log space, all three parameters):")
    print(f"{'scenario':8} {'initial_2026':>12} {'ceiling':>9} {'rate':>7} {'log_rmse':>8}  "
          f"{'2030':>6} {'2035':>6} {'2036':>6}")
    for name, points in IOT_SCENARIOS.items():
        x0, K, r, rmse = fit_iot(points)
        g = [logistic(t, x0, K, r) for t in (4.0, 9.0, 10.0)]
        print(f"{name:8} {x0:12.3f} {K:9.2f} {r:7.4f} {rmse:8.4f}  {g[0]:6.1f} {g[1]:6.1f} {g[2]:6.1f}")
        rows.append(["iot", name, x0, K, r, rmse,
                     "log-space least squares of x0, K, r to " + "; ".join(
                         f"{pt[3]} {pt[1]:g} ({pt[2]})" for pt in points)])
    print()
    print(f"Neural-link users worldwide (start {NEURAL_START:g} in 2026; r solved through the 2036 target):")
    print(f"{'scenario':8} {'initial_2026':>12} {'ceiling':>9} {'rate':>7}  {'2030 users':>10} "
          f"{'2030 implants/yr':>16} {'2036 users':>10}")
    for name, (target, K) in NEURAL_SCENARIOS.items():
        r = solve_neural(NEURAL_START, target, K)
        u30 = logistic(4.0, NEURAL_START, K, r)
        rate30 = r * u30 * (1 - u30 / K)
        u36 = logistic(10.0, NEURAL_START, K, r)
        print(f"{name:8} {NEURAL_START:12.0f} {K:9.0f} {r:7.4f}  {u30:10.0f} {rate30:16.0f} {u36:10.0f}")
        rows.append(["neural", name, NEURAL_START, K, r, 0.0,
                     f"start {NEURAL_START:g} users (estimate); ceiling {K:g} (estimate); rate solved so that "
                     f"2036 users = {target:g} (scenario target, estimate); implied 2030: {u30:.0f} users, "
                     f"{rate30:.0f} implants/yr vs Neuralink plan {NEURAL_PLAN_2030:g}/yr (forecast)"])
    print(f"(Neuralink's own count grew 1 -> 21 over Jan 2024 - Jan 2026: "
          f"{math.log(21 / 1) / 2:.2f}/yr in log terms; its plan is {NEURAL_PLAN_2030:g} implants/yr by 2030)")

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        f.write("# logistic fits G(t) = K / (1 + (K/x0 - 1) exp(-r t)), t = years since 2026; "
                "generated by scripts/fit_growth.py; do not edit\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["curve", "scenario", "initial", "ceiling", "rate", "log_rmse", "basis"])
        for curve, name, x0, K, r, rmse, basis in rows:
            w.writerow([curve, name, f"{x0:.6g}", f"{K:.6g}", f"{r:.6g}", f"{rmse:.4g}", basis])
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
