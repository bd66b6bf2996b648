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

It implements the whole model of docs/model.md: attack severities of every family (Beta,
lognormal, generalized Pareto, spliced body + GPD tail, each capped at 1), the systemic event
catalogue (frequency scaling, footprints, shared or common-factor severities; the IoT botnet is
one of its classes), shared uncertainties (`{shared: name, scale: k}`, one draw per trial), the
threat climate (AR(1) on the log scale), the cascade and every metric.

The simulation is written step by step as docs/model.md states it: draw_parameters, growth, the
threat climate, the SHOCK_SOURCES (attacks, systemic events), the direct shock, cascade,
metrics. A new mechanism is a new function in that chain (dynamic recovery: another cascade).
It must stay independent of the Swift code: written from the equations, with NumPy's own random
numbers. Benchmarks/peers/oracle.py compares it with the engine in `make test`.
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


def draw_parameters(cfg, rng, trials):
    """Every parameter of docs/model.md, drawn once per trial: a dict of named arrays (trials, or
    trials x N for the sectors' parameters), the sectors' severities and the event classes. A
    `{shared: name, scale: k}` reference reads the trial's one draw of the shared entry."""
    S = cfg["sectors"]
    ids = [s["id"] for s in S]
    n = len(S)
    sc = cfg["scenario"]
    iot, neural = sc["iot"], sc["neural"]
    draw = Draws(cfg.get("shared"), rng, trials)

    def sector_param(group, key):          # trials x N, one independent draw per site
        return np.stack([draw(s[group][key]) for s in S], axis=1)

    P = {}
    for key in ("initial", "ceiling", "rate"):
        P["d_" + key] = sector_param("digital", key)
    for key in ("attacks_per_year", "success_probability", "iot_elasticity"):
        P[key] = sector_param("threat", key)
    P["severities"] = [severity_params(s["severity"], draw) for s in S]
    for key in ("initial", "ceiling", "rate"):
        P["D_" + key] = draw(iot["devices_bn"][key])
        P["U_" + key] = draw(neural["users"][key])
    P["personal_share"], P["compromise_rate"] = draw(iot["personal_share"]), draw(iot["compromise_rate"])
    for key in ("compromise_probability", "attacker_elasticity", "harm_severity"):
        P["neural_" + key] = draw(neural[key])
    P["decline"] = draw(sc["defense"]["vulnerability_decline"])
    P["kappa"] = draw(cfg["dependencies"]["cyber_coupling"])
    climate = sc.get("threat_climate") or {}
    P["climate_sigma"], P["climate_rho"] = draw(climate.get("sigma", 0)), draw(climate.get("correlation", 0))
    classes = []
    for e in cfg.get("events") or []:
        scaling = e.get("scaling") or {}
        hub = scaling.get("hub")
        p = np.zeros((trials, n))
        k = np.ones(n)
        for sector, v in (e.get("footprint") or {}).items():
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
    P["classes"] = classes
    return P


def threat_climate(P, t, x, rng):
    """The threat climate F(t) = exp(X(t) - sigma^2/2), X an AR(1) with stationary sd sigma and
    correlation rho (X(0) = sigma Z); returns (F, X) so the next year continues from X."""
    sigma, rho = P["climate_sigma"], P["climate_rho"]
    z = rng.standard_normal(sigma.shape)
    x = sigma * z if t == 0 else rho * x + sigma * np.sqrt(1 - rho ** 2) * z
    return np.exp(x - sigma ** 2 / 2), x


def attack_severities(P, y, rng):
    """Step 1: K_i ~ Poisson(attacks (D/D0)^e success delta F), each with a severity of the
    sector's family (capped at 1); returns the sum of the severities per (trial, sector)."""
    trials, n = y["d"].shape
    lam = (P["attacks_per_year"] * y["iot_ratio"][:, None] ** P["iot_elasticity"] * P["success_probability"]
           * y["delta"][:, None] * y["F"][:, None])
    k = rng.poisson(np.where(y["d"] > 0, lam, 0.0))
    rows = np.arange(trials)
    sums = np.zeros((trials, n))
    for i in range(n):
        if k[:, i].sum():
            owner = np.repeat(rows, k[:, i])
            family, params = P["severities"][i]
            sums[:, i] = np.bincount(owner, weights=sample_severity(family, params, owner, rng), minlength=trials)
    return sums


def event_severities(P, y, rng):
    """Step 2, the systemic event catalogue: M_e ~ Poisson(frequency (D/D0)^iot (d_h/d_h0)^hub
    F^climate) events of class e; each hits sector i with probability min(1, p_i d_i) with the
    severity min(1, k_i X_i) (one X per event, or own draws times a lognormal event factor);
    returns the sum of the hits' severities per (trial, sector)."""
    trials, n = y["d"].shape
    d, d0 = y["d"], P["d_initial"]
    rows = np.arange(trials)
    sums = np.zeros((trials, n))
    for c in P["classes"]:
        mu = c["frequency"] * y["iot_ratio"] ** c["iot"] * y["F"] ** c["climate"]
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
    return sums


# The sources of direct shocks: each returns trials x N sums of severities that enter
# c = min(1, d * sum). A new mechanism is one more function here.
SHOCK_SOURCES = (attack_severities, event_severities)


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
    x_climate = np.zeros(trials)
    for t in range(years):
        y = {"d": growth(t, P["d_initial"], P["d_ceiling"], P["d_rate"]),          # trials x N
             "D": growth(t, P["D_initial"], P["D_ceiling"], P["D_rate"]),          # trials
             "U": growth(t, P["U_initial"], P["U_ceiling"], P["U_rate"]),
             "delta": (1 - P["decline"]) ** t}
        y["iot_ratio"] = np.where(P["D_initial"] > 0, y["D"] / np.where(P["D_initial"] > 0, P["D_initial"], 1), 1.0)
        y["F"], x_climate = threat_climate(P, t, x_climate, rng)
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
