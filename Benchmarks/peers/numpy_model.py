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

It implements the whole model of docs/model.md: attack severities of every family (Beta,
lognormal, generalized Pareto, spliced body + GPD tail, each capped at 1), the systemic event
catalogue (frequency scaling, footprints, shared or common-factor severities), shared
uncertainties (`{shared: name, scale: k}`, one draw per trial) and the threat climate (AR(1) on
the log scale), the cascade and the metrics.

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


class Draws:
    """Parameter draws for a chunk of trials: a number, a distribution (one independent draw per
    place), or a reference `{shared: name, scale: k}` to the chunk's one draw of a shared entry."""

    def __init__(self, shared, rng, n):
        self.rng, self.n, self.definitions, self.values = rng, n, shared or {}, {}

    def shared(self, name, seen=()):
        if name not in self.values:
            if name in seen:
                raise ValueError(f"shared cycle through {name}")
            self.values[name] = self(self.definitions[name], seen + (name,))
        return self.values[name]

    def __call__(self, v, seen=()):
        rng, n = self.rng, self.n
        if not isinstance(v, dict):
            return np.full(n, float(v))
        if "shared" in v:
            return float(v.get("scale", 1)) * self.shared(v["shared"], seen)
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


def severity_params(sev, draw):
    """(family, dict of per-trial parameter arrays) of a severity of the config."""
    if "lognormal" in sev:
        p = sev["lognormal"]
        return "lognormal", {"median": draw(p["median"]), "sigma": draw(p["sigma"])}
    if "gpd" in sev:
        p = sev["gpd"]
        return "gpd", {k: draw(p[k]) for k in ("threshold", "scale", "shape")}
    if "spliced" in sev:
        p = sev["spliced"]
        body_kind, body = severity_params(p["body"], draw)
        return "spliced", {"body": (body_kind, body),
                           **{k: draw(p[k]) for k in ("threshold", "tail_probability", "scale", "shape")}}
    return "beta", {"alpha": draw(sev["alpha"]), "beta": draw(sev["beta"])}


def gpd_excess(scale, shape, rng):
    e = rng.exponential(size=scale.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(shape > 0, scale * np.expm1(shape * e) / np.where(shape > 0, shape, 1), scale * e)


def sample_severity(family, params, idx, rng):
    """Severities for the draws whose trials are `idx`, capped at 1 (docs/model.md)."""
    p = {k: (v[idx] if isinstance(v, np.ndarray) else v) for k, v in params.items() if k != "body"}
    if family == "beta":
        return rng.beta(p["alpha"], p["beta"])
    if family == "lognormal":
        return np.minimum(1.0, p["median"] * np.exp(p["sigma"] * rng.standard_normal(idx.size)))
    if family == "gpd":
        return np.minimum(1.0, p["threshold"] + gpd_excess(p["scale"], p["shape"], rng))
    # spliced: the GPD tail with its probability, else the body redrawn until below the threshold
    u = p["threshold"]
    out = np.minimum(1.0, u + gpd_excess(p["scale"], p["shape"], rng))
    body = rng.random(idx.size) >= p["tail_probability"]
    todo = np.nonzero(body)[0]
    body_kind, body_params = params["body"]
    while todo.size:
        x = sample_severity(body_kind, body_params, idx[todo], rng)
        ok = x < u[todo]
        out[todo[ok]] = x[ok]
        todo = todo[~ok]
    return out


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
    iot, neural = sc["iot"], sc["neural"]
    draw = Draws(cfg.get("shared"), rng, trials)

    def sector_param(group, key):          # trials x N, one independent draw per site
        return np.stack([draw(s[group][key]) for s in S], axis=1)

    d0, dK, dr = (sector_param("digital", k) for k in ("initial", "ceiling", "rate"))
    apy, succ, elast = (sector_param("threat", k)
                        for k in ("attacks_per_year", "success_probability", "iot_elasticity"))
    severities = [severity_params(s["severity"], draw) for s in S]
    D0, DK, Dr = (draw(iot["devices_bn"][k]) for k in ("initial", "ceiling", "rate"))
    share, comp_rate = draw(iot["personal_share"]), draw(iot["compromise_rate"])
    U0, UK, Ur = (draw(neural["users"][k]) for k in ("initial", "ceiling", "rate"))
    nprob, nelast = draw(neural["compromise_probability"]), draw(neural["attacker_elasticity"])
    harm = draw(neural["harm_severity"])
    decline = draw(sc["defense"]["vulnerability_decline"])
    kappa = draw(cfg["dependencies"]["cyber_coupling"])
    climate = sc.get("threat_climate") or {}
    clim_sigma, clim_rho = draw(climate.get("sigma", 0)), draw(climate.get("correlation", 0))
    ids = [s["id"] for s in S]
    classes = []
    for e in cfg.get("events") or []:
        scaling = e.get("scaling") or {}
        hub = scaling.get("hub")
        fp = e.get("footprint") or {}
        p = np.zeros((trials, n))
        k = np.ones(n)
        for sector, v in fp.items():
            i = ids.index(sector)
            if isinstance(v, dict) and "probability" in v:
                p[:, i] = draw(v["probability"])
                k[i] = float(v.get("severity_scale", 1))
            else:
                p[:, i] = draw(v)
        dep = e.get("dependence", "shared")
        classes.append(dict(
            frequency=draw(e["frequency"]), iot=draw(scaling.get("iot_elasticity", 0)),
            hub=None if hub is None else (ids.index(hub["sector"]), draw(hub["elasticity"])),
            climate=draw(scaling.get("climate_elasticity", 0)), p=p, k=k,
            severity=severity_params(e["severity"], draw),
            factor=None if dep == "shared" else draw(dep["common_factor"])))

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
    x_climate = np.zeros(trials)

    for t in range(years):
        d = growth(t, d0, dK, dr)                                  # trials x N
        D = growth(t, D0, DK, Dr)                                  # trials
        delta = (1 - decline) ** t
        ratio = np.where(D0 > 0, D / np.where(D0 > 0, D0, 1), 1.0)
        # the threat climate F(t): AR(1) on the log scale, mean 1
        z = rng.standard_normal(trials)
        x_climate = clim_sigma * z if t == 0 else clim_rho * x_climate + clim_sigma * np.sqrt(1 - clim_rho ** 2) * z
        F = np.exp(x_climate - clim_sigma ** 2 / 2)
        # 1. successful attacks and their severities, summed per (trial, sector)
        lam = apy * ratio[:, None] ** elast * succ * delta[:, None] * F[:, None]
        lam = np.where(d > 0, lam, 0.0)
        k = rng.poisson(lam)
        sums = np.zeros((trials, n))
        for i in range(n):
            if k[:, i].sum():
                owner = np.repeat(rows, k[:, i])
                family, params = severities[i]
                sums[:, i] = np.bincount(owner, weights=sample_severity(family, params, owner, rng), minlength=trials)
        # 2. systemic events: each hits each sector with probability min(1, p_i d_i)
        for c in classes:
            mu = c["frequency"] * ratio ** c["iot"] * F ** c["climate"]
            if c["hub"] is not None:
                h, e_h = c["hub"]
                with np.errstate(divide="ignore", invalid="ignore"):
                    mu = mu * np.where(d0[:, h] > 0, (d[:, h] / np.where(d0[:, h] > 0, d0[:, h], 1)) ** e_h, 1.0)
            m = rng.poisson(mu)
            if not m.sum():
                continue
            owner = np.repeat(rows, m)
            hit = (rng.random((owner.size, n)) < np.minimum(1.0, c["p"][owner] * d[owner])) & (d[owner] > 0)
            ev, sector = np.nonzero(hit)
            family, params = c["severity"]
            if c["factor"] is None:                                # one draw per event, scaled per sector
                x = sample_severity(family, params, owner, rng)[ev]
            else:                                                  # own draws x a lognormal event factor
                sig = c["factor"][owner]
                factor = np.exp(sig * rng.standard_normal(owner.size) - sig ** 2 / 2)
                x = factor[ev] * sample_severity(family, params, owner[ev], rng)
            sev = np.minimum(1.0, c["k"][sector] * x)
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
            implants = rng.poisson(np.where(U > 0, U * nu, 0.0))
            neural_share = np.where(U > 0, implants / U, 0.0)
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
