#!/usr/bin/env python3
"""The cyberrisk model (docs/model.md) in plain, vectorised NumPy: the peer that the engine is
compared with (Benchmarks/peers/compare_numpy.py).

    cyberrisk config > resolved.yaml
    python3 Benchmarks/peers/numpy_model.py resolved.yaml --trials 20000 --seed 1 --json out.json

This is written the way an experienced analyst would write it in a notebook: every step is a
NumPy call over all trials of a chunk at once (no Python loop over trials, events or attacks);
the only Python loops are over parameter sites, years and chunks of `--chunk` trials (which bound
memory: the per-trial dependency matrices take chunk x N x N doubles). Random numbers come from
NumPy's default generator (PCG64) and are independent of the engine's, so agreement with the
engine is statistical (per-year means within a few standard errors), not bitwise.

Input: a *resolved* config (`cyberrisk config` output: every field explicit, the dependency
matrix inline). Reading it needs PyYAML (as scripts/calibrate_baseline.py does); the computation
is NumPy only. Output: per year the mean, standard deviation and standard error of every metric
of docs/model.md (the `metric` column of summary.csv), and the simulation's CPU time (process
time, after parsing) and trial-years per CPU second.

The simulation is written step by step as docs/model.md states it: draw_parameters, growth, the
SHOCK_SOURCES (attacks, botnets), the direct shock, cascade, metrics. A new mechanism is a new
function in that chain (an event catalogue: one more shock source; dynamic recovery: another
cascade). It must stay independent of the Swift code: written from the equations, with NumPy's
own random numbers. Benchmarks/peers/oracle.py compares it with the engine in `make test`.
"""
import argparse
import json
import sys
import time

import numpy as np

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed to read the config (pip install pyyaml)")

# The metrics printed by main(); the JSON has every metric of docs/model.md.
METRICS = ("national_risk", "human_risk", "economic_loss_usd_bn")


def draw(v, rng, n):
    """n draws of one parameter: a number, or a distribution with the engine's families."""
    if not isinstance(v, dict):
        return np.full(n, float(v))
    kind, p = next(iter(v.items()))
    if kind == "uniform":
        return rng.uniform(p[0], p[1], n)
    if kind == "triangular":
        return rng.triangular(p[0], p[1], p[2], n) if p[2] > p[0] else np.full(n, float(p[0]))
    if kind == "pert":
        a, m, b = (float(x) for x in p)
        if b <= a:
            return np.full(n, a)
        return a + (b - a) * rng.beta(1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a), n)
    if kind == "lognormal":
        return p["median"] * np.exp(p["sigma"] * rng.standard_normal(n))
    if kind == "normal":
        lo, hi = p.get("min", -np.inf), p.get("max", np.inf)
        out = rng.normal(p["mean"], p["sd"], n)
        bad = (out < lo) | (out > hi)
        while bad.any():
            out[bad] = rng.normal(p["mean"], p["sd"], int(bad.sum()))
            bad = (out < lo) | (out > hi)
        return out
    raise ValueError(f"unknown distribution {kind}")


def growth(t, x0, k, r):
    """Logistic G(t; x0, K, r) through x0 at t = 0; 0 when x0 = 0, x0 when K <= x0 (as the engine)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        g = k / (1 + (k / x0 - 1) * np.exp(-r * t))
    return np.where(x0 <= 0, 0.0, np.where(k <= x0, x0, g))


def effective_matrix(cfg, ids):
    dep = cfg["dependencies"]
    a = np.array(dep["matrix"], float)
    overlay = dep.get("lifeline_overlay") or {}
    if overlay.get("enabled", False):
        off = ~np.eye(len(ids), dtype=bool)
        for sector, floor in (overlay.get("floors") or {}).items():
            j = ids.index(sector)
            a[off[:, j], j] = np.maximum(a[off[:, j], j], float(floor))
    return a


def normalised(x):
    s = x.sum()
    return x / s if s > 0 else np.zeros_like(x)


def sector_param(cfg, group, key, rng, trials):
    """trials x N draws of a per-sector parameter, one independent draw per site."""
    return np.stack([draw(s[group][key], rng, trials) for s in cfg["sectors"]], axis=1)


def draw_parameters(cfg, rng, trials):
    """Every parameter of docs/model.md, drawn once per trial: a dict of named arrays (trials, or
    trials x N for the sectors' parameters)."""
    sc = cfg["scenario"]
    iot, neural, bot = sc["iot"], sc["neural"], sc["botnet"]
    P = {}
    for key in ("initial", "ceiling", "rate"):
        P["d_" + key] = sector_param(cfg, "digital", key, rng, trials)
    for key in ("attacks_per_year", "success_probability", "iot_elasticity"):
        P[key] = sector_param(cfg, "threat", key, rng, trials)
    P["sev_alpha"], P["sev_beta"] = (sector_param(cfg, "severity", k, rng, trials) for k in ("alpha", "beta"))
    for key in ("initial", "ceiling", "rate"):
        P["D_" + key] = draw(iot["devices_bn"][key], rng, trials)
        P["U_" + key] = draw(neural["users"][key], rng, trials)
    P["personal_share"], P["compromise_rate"] = draw(iot["personal_share"], rng, trials), draw(iot["compromise_rate"], rng, trials)
    for key in ("compromise_probability", "attacker_elasticity", "harm_severity"):
        P["neural_" + key] = draw(neural[key], rng, trials)
    P["events"], P["hit_probability"] = draw(bot["events_per_bn_devices"], rng, trials), draw(bot["sector_hit_probability"], rng, trials)
    P["bot_alpha"], P["bot_beta"] = draw(bot["severity"]["alpha"], rng, trials), draw(bot["severity"]["beta"], rng, trials)
    P["decline"] = draw(sc["defense"]["vulnerability_decline"], rng, trials)
    P["kappa"] = draw(cfg["dependencies"]["cyber_coupling"], rng, trials)
    return P


def attack_severities(P, y, rng):
    """Step 1: K_i ~ Poisson(attacks (D/D0)^e success delta), each with a Beta(alpha_i, beta_i)
    severity; returns the sum of the severities per (trial, sector)."""
    trials, n = y["d"].shape
    lam = P["attacks_per_year"] * y["iot_ratio"][:, None] ** P["iot_elasticity"] * P["success_probability"] * y["delta"][:, None]
    k = rng.poisson(np.where(y["d"] > 0, lam, 0.0)).ravel()
    sums = np.zeros(trials * n)
    if k.sum():
        cell = np.repeat(np.arange(trials * n), k)
        sev = rng.beta(P["sev_alpha"].ravel()[cell], P["sev_beta"].ravel()[cell])
        sums += np.bincount(cell, weights=sev, minlength=trials * n)
    return sums.reshape(trials, n)


def botnet_severities(P, y, rng):
    """Step 2: M ~ Poisson(events D); each event hits sector i with probability min(1, h d_i),
    with a Beta(botnet.severity) severity; returns the sum of the hits' severities."""
    trials, n = y["d"].shape
    m = rng.poisson(P["events"] * y["D"])
    sums = np.zeros(trials * n)
    if m.sum():
        owner = np.repeat(np.arange(trials), m)
        hit = rng.random((owner.size, n)) < np.minimum(1.0, P["hit_probability"][owner, None] * y["d"][owner])
        ev, sector = np.nonzero(hit)
        sev = rng.beta(P["bot_alpha"][owner[ev]], P["bot_beta"][owner[ev]])
        sums += np.bincount(owner[ev] * n + sector, weights=sev, minlength=trials * n)
    return sums.reshape(trials, n)


# The sources of direct shocks: each returns trials x N sums of severities that enter
# c = min(1, d * sum). A new mechanism (an event catalogue) is one more function here.
SHOCK_SOURCES = (attack_severities, botnet_severities)


def cascade(a, P, y, c, mode="linear"):
    """A(t)_ij = a_ij (1 + kappa d_i d_j); linear: q = clamp((I - A)^-1 c, 0, 1); saturating: the
    least fixed point of q = clamp(c + A q), iterated from q = c (saturating_cascade)."""
    d = y["d"]
    A = a[None] * (1 + P["kappa"][:, None, None] * d[:, :, None] * d[:, None, :])
    if mode == "saturating":
        return saturating_cascade(A, c)
    eye = np.eye(a.shape[0])
    return np.clip(np.linalg.solve(eye[None] - A, c[..., None])[..., 0], 0.0, 1.0)


def saturating_cascade(A, c, tolerance=1e-12, iterations=1000):
    """Iterates q <- clamp(c + A q, 0, 1) for every trial at once until the largest change of the
    chunk is below `tolerance` (at most `iterations` times)."""
    q = c.copy()
    for _ in range(iterations):
        nxt = np.clip(c + np.einsum("tij,tj->ti", A, q), 0.0, 1.0)
        change = np.abs(nxt - q).max(initial=0.0)
        q = nxt
        if change < tolerance:
            break
    return q


def metrics(W, P, y, q, rng):
    """The metrics of docs/model.md ("Metrics of a trial-year"), by name, in output order."""
    out = {}
    out["national_risk"] = q @ W["w"]
    services = q @ W["r"]
    gamma = P["compromise_rate"] * y["delta"]
    personal = -np.expm1(-(y["D"] * 1e9 * P["personal_share"] / W["population"]) * gamma)
    U, U0 = y["U"], P["U_initial"]
    with np.errstate(divide="ignore", invalid="ignore"):
        nu = np.minimum(1.0, P["neural_compromise_probability"] * np.where(U0 > 0, U / U0, 1.0)
                        ** P["neural_attacker_elasticity"] * y["delta"])
        users = np.floor(U + 0.5)                              # n(t): whole users, as the engine rounds
        implants = rng.binomial(users.astype(np.int64), np.where(users > 0, nu, 0.0)).astype(float)
        neural_share = np.where(users > 0, implants / np.maximum(users, 1), 0.0)
    ws, wp, wn = W["omega"]
    neural_harm = np.minimum(1.0, neural_share * P["neural_harm_severity"])
    out["human_risk"] = ws * services + wp * personal + wn * neural_harm
    out["economic_loss_usd_bn"] = q @ W["Y"]
    out["sectors_disrupted"] = (q >= W["threshold"]).sum(axis=1).astype(float)
    out["services_deprivation"] = services
    out["personal_compromise"] = personal
    out["iot_devices_compromised_m"] = y["D"] * 1e3 * P["personal_share"] * gamma
    out["neural_implants_compromised"] = implants
    out["neural_compromise"] = neural_share
    for name, weights in W["dimensions"]:
        share = q @ weights
        out["human_" + name] = ws * share + wp * personal + wn * neural_harm if name == "personal" else share
    return out


def weights(cfg):
    """The fixed weights of the metrics: w, r, Y normalised as docs/model.md says."""
    S = cfg["sectors"]
    ids = [s["id"] for s in S]
    r_raw = np.array([float(s["population_reliance"]) for s in S])
    hw = cfg["human_security"]["weights"]
    ws, wp, wn = (float(hw[k]) for k in ("services", "personal", "neural"))
    total = ws + wp + wn
    dims = []
    for name, table in (cfg["human_security"].get("dimensions") or {}).items():
        v = np.array([float(table.get(i, 0.0)) for i in ids]) * r_raw
        dims.append((name, normalised(v)))
    return {"w": normalised(np.array([float(s["criticality"]) for s in S])), "r": normalised(r_raw),
            "Y": np.array([float(s["output_usd_bn"]) for s in S]), "population": float(cfg["population"]),
            "omega": (ws / total, wp / total, wn / total) if total > 0 else (0.0, 0.0, 0.0),
            "threshold": float(cfg["cascade"]["failure_threshold"]), "dimensions": dims}


def simulate_chunk(cfg, a, trials, years, rng, acc):
    """Simulates `trials` trials over all years; adds each metric's sum and sum of squares into
    `acc[name]` (years x 2)."""
    P = draw_parameters(cfg, rng, trials)
    W = weights(cfg)
    for t in range(years):
        y = {"d": growth(t, P["d_initial"], P["d_ceiling"], P["d_rate"]),          # trials x N
             "D": growth(t, P["D_initial"], P["D_ceiling"], P["D_rate"]),          # trials
             "U": growth(t, P["U_initial"], P["U_ceiling"], P["U_rate"]),
             "delta": (1 - P["decline"]) ** t}
        y["iot_ratio"] = np.where(P["D_initial"] > 0, y["D"] / np.where(P["D_initial"] > 0, P["D_initial"], 1), 1.0)
        sums = sum(source(P, y, rng) for source in SHOCK_SOURCES)
        c = np.minimum(1.0, y["d"] * sums)                                         # step 3
        q = cascade(a, P, y, c, cfg["cascade"]["mode"])
        for name, x in metrics(W, P, y, q, rng).items():
            cell = acc.setdefault(name, np.zeros((years, 2)))
            cell[t, 0] += x.sum()
            cell[t, 1] += (x * x).sum()


def run(cfg, trials, seed, chunk):
    years = int(cfg["horizon_years"])
    ids = [s["id"] for s in cfg["sectors"]]
    a = effective_matrix(cfg, ids)
    rng = np.random.default_rng(seed)
    acc = {}
    start = time.process_time()
    done = 0
    while done < trials:
        size = min(chunk, trials - done)
        simulate_chunk(cfg, a, size, years, rng, acc)
        done += size
    cpu = time.process_time() - start
    return summary(acc, trials, years, seed, cpu, int(cfg["start_year"]))


def summary(acc, trials, years, seed, cpu, start_year):
    """The result of a run from `acc[name]` (years x 2: sums and sums of squares): per year the
    mean, sd and se of every metric, the CPU time and the rate (the JSON of --json)."""
    out = {"trials": trials, "years": years, "seed": seed, "cpu_seconds": cpu,
           "trial_years_per_cpu_second": trials * years / cpu, "start_year": start_year,
           "metrics": {}}
    for name in acc:
        s, ss = acc[name][:, 0], acc[name][:, 1]
        mean = s / trials
        var = np.maximum(ss - trials * mean * mean, 0) / (trials - 1)
        out["metrics"][name] = {"mean": mean.tolist(), "sd": np.sqrt(var).tolist(),
                                "se": np.sqrt(var / trials).tolist()}
    return out


def main(argv=None, run_model=None, label="numpy", doc=__doc__):
    """The command line of this peer, or (run_model, label) of another one (numba_model.py)."""
    p = argparse.ArgumentParser(description=doc.split("\n")[0])
    p.add_argument("config", help="resolved config (the output of `cyberrisk config`)")
    p.add_argument("--trials", type=int, help="trials (default: the config's)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--chunk", type=int, default=8192, help="trials per chunk (vectorised, or whose parameters are drawn at once)")
    p.add_argument("--json", help="write the result here as JSON")
    args = p.parse_args(argv)
    with open(args.config, encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    if cfg["cascade"]["mode"] not in ("linear", "saturating"):
        sys.exit(f"{label} peer: implements the linear and saturating cascades only")
    trials = args.trials or int(cfg["trials"])
    out = (run_model or run)(cfg, trials, args.seed, args.chunk)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    print(f"{label}: {trials} trials x {out['years']} years in {out['cpu_seconds']:.2f} CPU s "
          f"= {out['trial_years_per_cpu_second']:,.0f} trial-years/s")
    for t in range(out["years"]):
        print(out["start_year"] + t, "  ".join(f"{m} {out['metrics'][m]['mean'][t]:.6g}" for m in METRICS))


if __name__ == "__main__":
    main()
