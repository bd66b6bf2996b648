#!/usr/bin/env python3
"""The roofline of each workload shape (shapes.py): the least CPU time a trial-year can take
given what the model makes it compute, at per-operation costs measured on this machine, against
what `cyberrisk run --threads 1` takes, measured in the same invocation.

    make bench-roofline                       # builds Benchmarks' Roofline, then runs this
    python3 Benchmarks/peers/roofline.py --costs costs.json [--trials 20000] [--update-doc]

Per-operation costs (ns, thread CPU time, the best of 5 rounds of a tight loop) come from the
Benchmarks target `Roofline` (Benchmarks/Benchmarks/Roofline): a 64-bit Philox word, exp, log, a
Gamma draw, Beta(1.6, 38) and Beta(0.1, 500) draws, Poisson draws (inversion at mean 2, PTRS at
40), a Binomial(20000, 0.003), a PERT draw, a quantile-sketch insert, and per N the cheapest
solve of one trial's I - A(t) (building it included), one sweep of the saturating iteration and
one trial's share of the shared-matrix dgemm.

Counts per trial-year are expected values under the shape's own parameters, estimated from
`--count-trials` trials drawn with the NumPy peer's functions (numpy_model.draw_parameters,
growth), with NumPy's generator, seed 1:

| operation | count per trial-year |
|---|---|
| parameter draws (PERT cost) | uncertain parameters / years |
| Poisson draws | sector-years with d > 0 and lambda > 0, + one per event class (inversion below mean 10, PTRS above) |
| exp | one per sector-year for (D/D0)^e, one more per sector-year whose growth varies by trial (d_i(t)), 4 for the metrics and growth of D and U; one per lognormal or GPD severity, per event factor, per climate year |
| log | 2 (ln D(t)/D(0), the neural elasticity) |
| normal | the threat climate (one per trial-year when sigma > 0), one per lognormal severity, per GPD excess (an Exp(1) ziggurat draw, costed as a normal), per event factor |
| severities | Beta in BetaSum's regime (alpha < 1 <= 10 <= beta): ceil(K/m) Gamma draws per sector-year with K > 0; other Beta draws one by one (`beta`, or `beta_small_alpha` for alpha < 1); lognormal, GPD and spliced (a uniform, then the tail or the body) as above |
| events | per event N words (the hit tests) and one severity (shared) or an event factor and one severity per hit (common factor) |
| cascade | one solve per trial-year (coupling varying by trial), or one dgemm row (shared); saturating: E[rounds] x (solve + one n^2 sweep) of the policy iteration (per trial, N <= 32), else E[iterations] sweeps; per event of the catalogue its own cascade (the accounting): one n^2 sweep (the replayed factorisation), saturating + one solve |
| metrics | one Binomial draw (neural implants) |
| sketch inserts | M metrics + N sectors; with an event catalogue the tail series: 4 annual + the aggregate by largest class + N sectors' largest event + the largest event by class (years with an event) + 4 whole-horizon series / years |

What is left out, and so makes the roofline a lower bound: the dot products of the metrics
(~11 N multiply-adds), the exact sums, `d_i * sum` and clamps, loop control, memory traffic,
start-up and writing the outputs (cyberrisk's measured time is its whole process, as in the peer
table). The ratio measured / roofline is the overhead of everything beyond the necessary
operations done one at a time at their standalone cost; below 1 would mean the engine does less
than this model of the work (e.g. BetaSum's early stop at saturation).
"""
import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import numpy_model as nm  # noqa: E402
import shapes  # noqa: E402
from compare_numpy import SINGLE_THREAD, timed  # noqa: E402

DOC = os.path.join(ROOT, "docs", "performance.md")
SECTION = "roofline"


def uncertain_count(value):
    """Number of distributions (uncertain parameters) in a config subtree."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in ("uniform", "triangular", "pert", "lognormal", "normal"):
            return 1
        return sum(uncertain_count(v) for v in value.values())
    if isinstance(value, list):
        return sum(uncertain_count(v) for v in value)
    return 0


def chunk_size(alpha, beta):
    """BetaSum's chunk m (0 outside its regime), as Sources/CyberRisk/Random/BetaSum.swift."""
    ok = (alpha > 0) & (alpha < 1) & (beta >= 10)
    with np.errstate(divide="ignore", invalid="ignore"):
        m = np.clip(np.round(np.cbrt((beta - 1) / (alpha * alpha))), 1, 4096)
    return np.where(ok, m, 0.0)


def severity_ops(family, params, draws):
    """Expected operations of `draws` (per trial) severities of one site of `family` (the engine's
    samplers: Beta as `beta` or, for alpha < 1 <= 10 <= beta, `beta_small_alpha`; lognormal a
    ziggurat normal and an exp; GPD an Exp(1) draw (ziggurat, costed as a normal) and an expm1
    (as an exp); spliced a uniform, then the tail's GPD with its probability, else the body)."""
    ops = {}

    def add(op, x):
        ops[op] = ops.get(op, 0.0) + float(np.sum(x))

    if family == "beta":
        small = (params["alpha"] < 1) & (params["beta"] >= 10)
        add("beta_small_alpha", np.where(small, draws, 0))
        add("beta", np.where(small, 0, draws))
    elif family in ("lognormal", "gpd"):
        add("normal", draws)
        add("exp", draws)
    else:
        tail = params["tail_probability"]
        add("uniform", draws)
        add("normal", draws * tail)
        add("exp", draws * tail)
        body_family, body = params["body"]
        for op, x in severity_ops(body_family, body, draws * (1 - tail)).items():
            add(op, x)
    return ops


def mean_severity(family, params):
    """Approximate mean of a severity (uncapped), per trial: only to size the saturating cascade's
    shocks for counting its rounds."""
    if family == "beta":
        return params["alpha"] / (params["alpha"] + params["beta"])
    if family == "lognormal":
        return params["median"] * np.exp(params["sigma"] ** 2 / 2)
    gpd = params["threshold"] + params["scale"] / (1 - params["shape"])
    if family == "gpd":
        return gpd
    body_family, body = params["body"]
    return (1 - params["tail_probability"]) * np.minimum(mean_severity(body_family, body), params["threshold"]) \
        + params["tail_probability"] * gpd


def counts(cfg, trials, seed=1):
    """Expected operations per trial-year of a resolved config (see the module's table)."""
    rng = np.random.default_rng(seed)
    years = int(cfg["horizon_years"])
    n = len(cfg["sectors"])
    P = nm.draw_parameters(cfg, rng, trials)
    varies = np.array([uncertain_count(s["digital"]) > 0 for s in cfg["sectors"]])
    a = nm.effective_matrix(cfg, [s["id"] for s in cfg["sectors"]])
    c = {k: 0.0 for k in ("pert", "poisson_inversion", "poisson_ptrs", "exp", "log", "gamma", "beta", "normal",
                          "uniform", "word", "beta_small_alpha", "solve", "shared_row", "sweep", "binomial",
                          "sketch_insert")}
    c["pert"] = uncertain_count({k: v for k, v in cfg.items() if k not in ("calibration",)}) / years
    per_trial = uncertain_count(cfg["dependencies"]["cyber_coupling"]) > 0 or varies.any()
    saturating = cfg["cascade"]["mode"] == "saturating"
    metrics = 9 + len(cfg["human_security"].get("dimensions") or {})
    climate = (P["climate_sigma"] > 0).mean()
    x_climate = np.zeros(trials)
    classes = P["classes"]

    def add_ops(ops):
        for op, x in ops.items():
            c[op] += x / trials

    for t in range(years):
        y = {"d": nm.growth(t, P["d_initial"], P["d_ceiling"], P["d_rate"]),
             "D": nm.growth(t, P["D_initial"], P["D_ceiling"], P["D_rate"]),
             "delta": (1 - P["decline"]) ** t}
        y["iot_ratio"] = np.where(P["D_initial"] > 0, y["D"] / np.where(P["D_initial"] > 0, P["D_initial"], 1), 1.0)
        y["F"], x_climate = nm.threat_climate(P, t, x_climate, rng)
        c["normal"] += climate
        c["exp"] += climate
        lam = (P["attacks_per_year"] * y["iot_ratio"][:, None] ** P["iot_elasticity"] * P["success_probability"]
               * y["delta"][:, None] * y["F"][:, None])
        active = (y["d"] > 0) & (lam > 0)
        c["poisson_inversion"] += (active & (lam < 10)).sum() / trials
        c["poisson_ptrs"] += (active & (lam >= 10)).sum() / trials
        c["exp"] += active.sum() / trials + varies.sum() + 4
        c["log"] += 2
        k = rng.poisson(np.where(active, lam, 0.0))
        for i, (family, params) in enumerate(P["severities"]):
            if family == "beta":                               # BetaSum's chunks in its regime
                m = chunk_size(params["alpha"], params["beta"])
                chunked = m > 0
                c["gamma"] += np.where(chunked & (k[:, i] > 0), np.ceil(k[:, i] / np.where(chunked, m, 1)), 0).sum() / trials
                add_ops(severity_ops(family, params, np.where(chunked, 0, k[:, i])))
            else:
                add_ops(severity_ops(family, params, k[:, i]))
        events = np.zeros(trials)
        for e in classes:                                      # the event catalogue
            mu = e["frequency"] * y["iot_ratio"] ** e["iot"] * y["F"] ** e["climate"]
            if e["hub"] is not None:
                h, el = e["hub"]
                d0 = P["d_initial"][:, h]
                with np.errstate(divide="ignore", invalid="ignore"):
                    mu = mu * np.where(d0 > 0, (y["d"][:, h] / np.where(d0 > 0, d0, 1)) ** el, 1.0)
            c["poisson_inversion"] += (mu < 10).mean()
            c["poisson_ptrs"] += (mu >= 10).mean()
            c["word"] += n * mu.mean()                         # the hit tests
            hits = mu * np.minimum(1.0, e["p"] * y["d"]).sum(axis=1)
            family, params = e["severity"]
            if e["factor"] is None:                            # one severity per event
                add_ops(severity_ops(family, params, mu))
            else:                                              # an event factor, a severity per hit
                c["normal"] += mu.mean()
                c["exp"] += mu.mean()
                add_ops(severity_ops(family, params, hits))
            events += mu
        # Per-event accounting: each event's own cascade through the year's matrix (a replay of
        # the factorisation, ~N^2 multiply-adds like one sweep; saturating: its own policy iteration).
        if classes:
            c["sweep"] += events.mean()
            if saturating:
                c["solve"] += events.mean()
        if saturating and per_trial and n <= 32:
            rounds = policy_rounds(a, P, y, k)           # the engine's per-trial policy iteration
            c["solve"] += rounds
            c["sweep"] += rounds                         # re-classification: one n^2 pass per round
        elif saturating:
            c["sweep"] += saturating_iterations(a, P, y, k, per_trial)
        elif per_trial:
            c["solve"] += 1
        else:
            c["shared_row"] += 1
        c["binomial"] += 1
        c["sketch_insert"] += metrics + n
        if classes:                                      # the tail series (TailAccumulator)
            c["sketch_insert"] += 5 + n + 4 / years + (1 - np.exp(-events)).mean()
    return {k: v / years for k, v in c.items()} | {"pert": c["pert"]}, n


def saturating_iterations(a, P, y, k, per_trial, tolerance=1e-12, limit=1000):
    """Mean sweeps of the saturating iteration per trial (per block of 1024 when A is shared),
    with the direct shocks approximated by their mean severity times the attack count."""
    c, A = shocks_and_matrices(a, P, y, k)
    q = c.copy()
    done = np.zeros(len(c), dtype=int)
    for it in range(1, limit + 1):
        nxt = np.clip(c + np.einsum("tij,tj->ti", A, q), 0.0, 1.0)
        change = np.abs(nxt - q).max(axis=1)
        q = nxt
        newly = (done == 0) & (change < tolerance)
        done[newly] = it
        if (done > 0).all():
            break
    done[done == 0] = limit
    if not per_trial:
        return float(np.mean([done[i:i + 1024].max() for i in range(0, len(done), 1024)]))
    return float(done.mean())


def shocks_and_matrices(a, P, y, k):
    """Direct shocks approximated by the attack count times the mean severity (events left out),
    and A(t) per trial."""
    mean_sev = np.stack([mean_severity(f, p) for f, p in P["severities"]], axis=1)
    d = y["d"]
    A = a[None] * (1 + P["kappa"][:, None, None] * d[:, :, None] * d[:, None, :])
    return np.minimum(1.0, d * k * mean_sev), A


def policy_rounds(a, P, y, k, limit=12):
    """Mean rounds of the per-trial policy iteration (Cascade+PolicyIteration.swift): solve with
    the saturated set held at 1, re-classify, until the set is unchanged."""
    c, A = shocks_and_matrices(a, P, y, k)
    trials, n = c.shape
    sat = np.zeros((trials, n), dtype=bool)
    rounds = np.zeros(trials, dtype=int)
    live = np.ones(trials, dtype=bool)
    eye = np.eye(n)
    for r in range(1, limit + 1):
        free = ~sat
        M = np.where(free[:, :, None], eye[None] - A * free[:, None, :], eye[None])
        rhs = np.where(free, c + (A * sat[:, None, :]).sum(axis=2), 1.0)
        q = np.linalg.solve(M, rhs[..., None])[..., 0]
        new = c + np.einsum("tij,tj->ti", A, q) >= 1
        settled = (new == sat).all(axis=1) & live
        rounds[settled] = r
        live &= ~settled
        sat = new
        if not live.any():
            break
    rounds[live] = limit
    return float(rounds.mean())


def roofline_ns(count, n, costs):
    """(total ns per trial-year, {operation: ns}) from counts and per-operation costs."""
    parts = {}
    for op, x in count.items():
        key = {"solve": f"solve_{n}", "sweep": f"sweep_{n}", "shared_row": f"shared_row_{n}"}.get(op, op)
        if x:
            if key not in costs:
                sys.exit(f"roofline: no measured cost for {key} (run the Roofline target with N = {n})")
            parts[op] = x * costs[key]
    return sum(parts.values()), parts


HEADER = ["shape", "measured ns / trial-year", "roofline ns / trial-year", "measured ÷ roofline",
          "largest parts of the roofline (ns)"]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--costs", required=True, help="JSON of the Roofline target (per-operation ns)")
    p.add_argument("--trials", type=int, default=20000, help="cyberrisk trials of a shape at fraction 1")
    p.add_argument("--count-trials", type=int, default=4096)
    p.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "cyberrisk"))
    p.add_argument("--shapes", help="comma-separated subset of " + ",".join(shapes.shape_names()))
    p.add_argument("--update-doc", action="store_true", help="rewrite the roofline section of docs/performance.md")
    args = p.parse_args(argv)
    with open(args.costs, encoding="utf-8") as f:
        costs = json.load(f)
    wanted = args.shapes.split(",") if args.shapes else shapes.shape_names()
    env = dict(os.environ, **SINGLE_THREAD)
    before = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        config = lambda *a: subprocess.run([args.tool, "config", *a], check=True, capture_output=True, text=True).stdout
        base = yaml.safe_load(config())
        for name, _, fraction, make_args, requires in shapes.SHAPES:
            if name not in wanted or make_args is None or (requires is not None and not requires(base)):
                continue
            cargs = make_args(base, tmp)
            cfg = yaml.safe_load(config(*cargs))
            count, n = counts(cfg, args.count_trials)
            total, parts = roofline_ns(count, n, costs)
            trials = max(1024, int(args.trials * fraction))
            _, _, cpu = timed([args.tool, "run", *cargs, "--trials", str(trials), "--threads", "1", "--quiet",
                               "--out", os.path.join(tmp, name)], env)
            measured = cpu * 1e9 / (trials * int(cfg["horizon_years"]))
            top = sorted(parts.items(), key=lambda kv: -kv[1])[:4]
            rows.append((name, measured, total, top, count))
            print(f"{name:12s} measured {measured:8.0f} ns  roofline {total:7.0f} ns  ratio {measured / total:5.2f}  "
                  + ", ".join(f"{k} {v:.0f}" for k, v in top), flush=True)
    after = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for name, measured, total, top, _ in rows:
        lines.append(f"| {name} | {measured:,.0f} | {total:,.0f} | **{measured / total:.2f}** | "
                     + ", ".join(f"{k} {v:,.0f}" for k, v in top) + " |")
    cost_line = ", ".join(f"{k} {v:g}" for k, v in costs.items())
    caption = (f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `make bench-roofline` "
               f"(one run, load average {before} before and {after} after). Per-operation costs (ns): {cost_line}.")
    text = "\n".join(lines)
    print(f"load average {before} before, {after} after\n\n{text}")
    if args.update_doc:
        from peer_table import replace_section
        replace_section(SECTION, caption, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
