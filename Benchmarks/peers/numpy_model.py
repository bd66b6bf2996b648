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
is NumPy only. Output: per year the mean, standard deviation and standard error of
national_risk, human_risk and economic_loss_usd_bn, and the simulation's CPU time (process time,
after parsing) and trial-years per CPU second.
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


def simulate_chunk(cfg, a, trials, years, rng, acc):
    """Simulates `trials` trials over all years; adds sums and sums of squares into `acc`."""
    S = cfg["sectors"]
    n = len(S)
    sc = cfg["scenario"]
    iot, neural, bot = sc["iot"], sc["neural"], sc["botnet"]

    def sector_param(group, key):          # trials x N, one independent draw per site
        return np.stack([draw(s[group][key], rng, trials) for s in S], axis=1)

    d0, dK, dr = (sector_param("digital", k) for k in ("initial", "ceiling", "rate"))
    apy, succ, elast = (sector_param("threat", k)
                        for k in ("attacks_per_year", "success_probability", "iot_elasticity"))
    sev_a, sev_b = sector_param("severity", "alpha"), sector_param("severity", "beta")
    D0, DK, Dr = (draw(iot["devices_bn"][k], rng, trials) for k in ("initial", "ceiling", "rate"))
    share, comp_rate = draw(iot["personal_share"], rng, trials), draw(iot["compromise_rate"], rng, trials)
    U0, UK, Ur = (draw(neural["users"][k], rng, trials) for k in ("initial", "ceiling", "rate"))
    nprob, nelast = draw(neural["compromise_probability"], rng, trials), draw(neural["attacker_elasticity"], rng, trials)
    harm = draw(neural["harm_severity"], rng, trials)
    events, hitp = draw(bot["events_per_bn_devices"], rng, trials), draw(bot["sector_hit_probability"], rng, trials)
    bot_a, bot_b = draw(bot["severity"]["alpha"], rng, trials), draw(bot["severity"]["beta"], rng, trials)
    decline = draw(sc["defense"]["vulnerability_decline"], rng, trials)
    kappa = draw(cfg["dependencies"]["cyber_coupling"], rng, trials)

    w = normalised(np.array([float(s["criticality"]) for s in S]))
    r = normalised(np.array([float(s["population_reliance"]) for s in S]))
    Y = np.array([float(s["output_usd_bn"]) for s in S])
    hw = cfg["human_security"]["weights"]
    ws, wp, wn = (float(hw[k]) for k in ("services", "personal", "neural"))
    total = ws + wp + wn
    ws, wp, wn = (ws / total, wp / total, wn / total) if total > 0 else (0.0, 0.0, 0.0)
    population = float(cfg["population"])
    eye = np.eye(n)
    rows = np.arange(trials)

    for t in range(years):
        d = growth(t, d0, dK, dr)                                  # trials x N
        D = growth(t, D0, DK, Dr)                                  # trials
        delta = (1 - decline) ** t
        ratio = np.where(D0 > 0, D / np.where(D0 > 0, D0, 1), 1.0)
        # 1. successful attacks and their Beta severities, summed per (trial, sector)
        lam = apy * ratio[:, None] ** elast * succ * delta[:, None]
        lam = np.where(d > 0, lam, 0.0)
        k = rng.poisson(lam).ravel()
        sums = np.zeros(trials * n)
        if k.sum():
            cell = np.repeat(np.arange(trials * n), k)
            sev = rng.beta(sev_a.ravel()[cell], sev_b.ravel()[cell])
            sums += np.bincount(cell, weights=sev, minlength=trials * n)
        sums = sums.reshape(trials, n)
        # 2. botnet events: each hits each sector with probability min(1, h d_i)
        m = rng.poisson(events * D)
        if m.sum():
            owner = np.repeat(rows, m)
            hit = rng.random((owner.size, n)) < np.minimum(1.0, hitp[owner, None] * d[owner])
            ev, sector = np.nonzero(hit)
            sev = rng.beta(bot_a[owner[ev]], bot_b[owner[ev]])
            sums += np.bincount(owner[ev] * n + sector, weights=sev, minlength=trials * n).reshape(trials, n)
        # 3. direct shock
        c = np.minimum(1.0, d * sums)
        # cascade: A(t)_ij = a_ij (1 + kappa d_i d_j), q = clamp((I - A)^-1 c)
        A = a[None] * (1 + kappa[:, None, None] * d[:, :, None] * d[:, None, :])
        q = np.clip(np.linalg.solve(eye[None] - A, c[..., None])[..., 0], 0.0, 1.0)
        # metrics
        national = q @ w
        loss = q @ Y
        services = q @ r
        gamma = comp_rate * delta
        personal = -np.expm1(-(D * 1e9 * share / population) * gamma)
        U = growth(t, U0, UK, Ur)
        with np.errstate(divide="ignore", invalid="ignore"):
            nu = np.minimum(1.0, nprob * np.where(U0 > 0, U / U0, 1.0) ** nelast * delta)
            users = np.floor(U + 0.5)                              # n(t): whole users, as the engine rounds
            implants = rng.binomial(users.astype(np.int64), np.where(users > 0, nu, 0.0)).astype(float)
            neural_share = np.where(users > 0, implants / np.maximum(users, 1), 0.0)
        human = ws * services + wp * personal + wn * np.minimum(1.0, neural_share * harm)
        for name, x in zip(METRICS, (national, human, loss)):
            acc[name][t, 0] += x.sum()
            acc[name][t, 1] += (x * x).sum()


def run(cfg, trials, seed, chunk):
    years = int(cfg["horizon_years"])
    ids = [s["id"] for s in cfg["sectors"]]
    a = effective_matrix(cfg, ids)
    rng = np.random.default_rng(seed)
    acc = {name: np.zeros((years, 2)) for name in METRICS}
    start = time.process_time()
    done = 0
    while done < trials:
        size = min(chunk, trials - done)
        simulate_chunk(cfg, a, size, years, rng, acc)
        done += size
    cpu = time.process_time() - start
    out = {"trials": trials, "years": years, "seed": seed, "cpu_seconds": cpu,
           "trial_years_per_cpu_second": trials * years / cpu, "start_year": int(cfg["start_year"]),
           "metrics": {}}
    for name in METRICS:
        s, ss = acc[name][:, 0], acc[name][:, 1]
        mean = s / trials
        var = np.maximum(ss - trials * mean * mean, 0) / (trials - 1)
        out["metrics"][name] = {"mean": mean.tolist(), "sd": np.sqrt(var).tolist(),
                                "se": np.sqrt(var / trials).tolist()}
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("config", help="resolved config (the output of `cyberrisk config`)")
    p.add_argument("--trials", type=int, help="trials (default: the config's)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--chunk", type=int, default=8192, help="trials per vectorised chunk")
    p.add_argument("--json", help="write the result here as JSON")
    args = p.parse_args(argv)
    with open(args.config, encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    if cfg["cascade"]["mode"] != "linear":
        sys.exit("numpy_model.py implements the linear cascade only")
    trials = args.trials or int(cfg["trials"])
    out = run(cfg, trials, args.seed, args.chunk)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    print(f"numpy: {trials} trials x {out['years']} years in {out['cpu_seconds']:.2f} CPU s "
          f"= {out['trial_years_per_cpu_second']:,.0f} trial-years/s")
    for t in range(out["years"]):
        print(out["start_year"] + t, "  ".join(f"{m} {out['metrics'][m]['mean'][t]:.6g}" for m in METRICS))


if __name__ == "__main__":
    main()
