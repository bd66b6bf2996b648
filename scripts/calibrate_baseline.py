#!/usr/bin/env python3
"""Check a scenario config against the calibration anchors, analytically (and optionally by Monte Carlo).

    python3 scripts/calibrate_baseline.py configs/baseline.yaml
    python3 scripts/calibrate_baseline.py configs/baseline.yaml --mc 4000     # + a Monte Carlo check

Reads a config with the cyberrisk schema (`sectors`, `dependencies` with `matrix` or `csv` — a
`csv` path is relative to the config file — plus `lifeline_overlay` and `cyber_coupling`,
`scenario`, `human_security`, `population`, `start_year`, `horizon_years`) and computes for every
year t the EXPECTED values of the model of docs/model.md, to first order:

  d_i(t) = G(t; digital)             D(t) = G(t; iot.devices_bn)   U(t) = G(t; neural.users)
  delta(t) = (1 - vulnerability_decline)^t
  lambda_i(t) = attacks_i (D(t)/D(0))^e_i p_i delta(t)
  E[c_i] ~= d_i (lambda_i E[S_i] + E[M] min(1, h d_i) E[S_botnet]),  E[M] = events_per_bn D(t)
  (a severity S is the share of the national sector's year one attack takes when the sector is fully
  digital, d_i = 1: an observed incident takes d_i S)
  A(t)_ij = a_ij (1 + kappa d_i d_j)  (a = the CSV/matrix with the lifeline floors, i != j)
  E[q] ~= min(1, (I - A(t))^-1 E[c])
and from them the metrics' means (national_risk, economic_loss_usd_bn, services_deprivation,
personal_compromise, expected compromised implants, human_risk). Uncertain parameters enter at
their means and the clamps at 1 are ignored, so these are first-order expectations (the severities
are tiny, so the clamps almost never bind; `--mc N` checks the approximation by simulation).
It also prints the spectral radius of A(t) per year: at the parameter means, at the validation
worst case (every digital parameter and kappa at its upper bound, as the engine's validation
does), and in the limit d_i = ceiling upper bound (any year).

The start-year results are compared with the anchors of CALIBRATION.md (PASS/FAIL); the exit code
is 1 if any check fails. Standard library + numpy (+ PyYAML to read the config).
"""
import argparse
import csv
import math
import os
import sys

import numpy as np

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is needed to read the config (pip install pyyaml)")

GDP_2023_USD_BN = 27720.7          # BEA 2023 total value added (use_2023_summary.csv corner cell)
LOSS_SHARE_OF_GDP = (0.003, 0.010)  # CALIBRATION.md: CEA 2018 0.31-0.58 %, CSIS/McAfee ~1 %
SECTOR_Q_RANGE = (0.001, 0.010)     # CALIBRATION.md: start-year mean inoperability 0.1-1 %
PERSONAL_RANGE = (0.01, 0.06)       # CALIBRATION.md: Eurostat 2019 ~3 % infection, 2 % hacked
NEURAL_MAX_START = 5.0              # CALIBRATION.md: zero or a handful of implants at the start

DIST_KEYS = ("uniform", "triangular", "pert", "lognormal", "normal")


# ---------------------------------------------------------------------------------------------
# Parameters
def _phi(x):
    return math.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def _Phi(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def is_dist(v):
    return isinstance(v, dict) and len(v) == 1 and next(iter(v)) in DIST_KEYS


def mean(v):
    """Expected value of a fixed number or a distribution (truncated normal: exact)."""
    if not is_dist(v):
        return float(v)
    kind, p = next(iter(v.items()))
    if kind == "uniform":
        a, b = p
        return (a + b) / 2
    if kind == "triangular":
        a, m, b = p
        return (a + m + b) / 3
    if kind == "pert":
        a, m, b = p
        return (a + 4 * m + b) / 6
    if kind == "lognormal":
        return p["median"] * math.exp(p["sigma"] ** 2 / 2)
    if kind == "normal":
        mu, sd = p["mean"], p["sd"]
        lo, hi = p.get("min", -math.inf), p.get("max", math.inf)
        a, b = (lo - mu) / sd, (hi - mu) / sd
        z = _Phi(b) - _Phi(a)
        pa = _phi(a) if math.isfinite(a) else 0.0
        pb = _phi(b) if math.isfinite(b) else 0.0
        return mu + sd * (pa - pb) / z
    raise ValueError(v)


def upper(v):
    """Largest value a draw can take (lognormal: median e^(6 sigma), as the engine's validation)."""
    if not is_dist(v):
        return float(v)
    kind, p = next(iter(v.items()))
    if kind in ("uniform", "triangular", "pert"):
        return float(p[-1])
    if kind == "lognormal":
        return p["median"] * math.exp(6 * p["sigma"])
    if kind == "normal":
        return p.get("max", math.inf)
    raise ValueError(v)


def draw(v, rng, n):
    """n draws of a parameter (for --mc); same families as the engine."""
    if not is_dist(v):
        return np.full(n, float(v))
    kind, p = next(iter(v.items()))
    if kind == "uniform":
        return rng.uniform(p[0], p[1], n)
    if kind == "triangular":
        return rng.triangular(p[0], p[1], p[2], n)
    if kind == "pert":
        a, m, b = p
        al, be = 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a)
        return a + (b - a) * rng.beta(al, be, n)
    if kind == "lognormal":
        return p["median"] * np.exp(p["sigma"] * rng.standard_normal(n))
    if kind == "normal":
        out = rng.normal(p["mean"], p["sd"], n)
        lo, hi = p.get("min", -math.inf), p.get("max", math.inf)
        bad = (out < lo) | (out > hi)
        while bad.any():
            out[bad] = rng.normal(p["mean"], p["sd"], int(bad.sum()))
            bad = (out < lo) | (out > hi)
        return out
    raise ValueError(v)


def growth(t, x0, K, r):
    """Logistic through x0 at t = 0 (0 when x0 = 0, as the engine)."""
    x0 = np.asarray(x0, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        g = K / (1 + (K / x0 - 1) * np.exp(-r * t))
    return np.where(x0 > 0, g, 0.0)


def curve_mean(c, t):
    return float(growth(t, mean(c["initial"]), mean(c["ceiling"]), mean(c["rate"])))


def curve_upper(c, t):
    return float(growth(t, upper(c["initial"]), upper(c["ceiling"]), upper(c["rate"])))


# ---------------------------------------------------------------------------------------------
# Config
def load(path):
    with open(path, encoding="utf-8") as f:
        cfg = yaml.safe_load(f)
    ids = [s["id"] for s in cfg["sectors"]]
    dep = cfg["dependencies"]
    if "csv" in dep:
        a = read_matrix_csv(os.path.join(os.path.dirname(os.path.abspath(path)), dep["csv"]), ids)
        source = dep["csv"]
    else:
        a = np.array(dep["matrix"], float)
        source = "inline matrix"
    overlay = dep.get("lifeline_overlay", {}) or {}
    a_eff = a.copy()
    if overlay.get("enabled", False):
        for sector, floor in (overlay.get("floors") or {}).items():
            j = ids.index(sector)
            for i in range(len(ids)):
                if i != j:
                    a_eff[i, j] = max(a_eff[i, j], float(floor))
    return cfg, ids, a, a_eff, source


def read_matrix_csv(path, ids):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].lstrip().startswith("#")]
    header = [c.strip() for c in rows[0][1:]]
    table = {r[0].strip(): [float(x) for x in r[1:]] for r in rows[1:]}
    col = {c: k for k, c in enumerate(header)}
    return np.array([[table[i][col[j]] for j in ids] for i in ids])


def spectral_radius(A):
    return float(np.max(np.abs(np.linalg.eigvals(A))))


def botnet_view(cfg):
    """The IoT botnet as the old `scenario.botnet` block, from the event class `iot_botnet`
    (where it moved; docs/events.md): events per bn devices = frequency / D(0), the footprint's
    probability as the hit probability. The other catalogue classes are the tail's business
    (scripts/tail_calibration.py); this script checks the attritional body and the botnet.
    """
    sc = cfg["scenario"]
    if "botnet" in sc:
        return sc["botnet"]
    classes = {e["id"]: e for e in cfg.get("events") or []}
    bot = classes.get("iot_botnet")
    if bot is None:
        return {"events_per_bn_devices": 0, "sector_hit_probability": 0, "severity": {"alpha": 1, "beta": 1}}
    d0 = mean(sc["iot"]["devices_bn"]["initial"])
    hits = [v["probability"] if isinstance(v, dict) else v for v in (bot.get("footprint") or {}).values()]
    return {"events_per_bn_devices": mean(bot["frequency"]) / d0 if d0 > 0 else 0,
            "sector_hit_probability": mean(hits[0]) if hits else 0, "severity": bot["severity"]}


# ---------------------------------------------------------------------------------------------
# Analytic expectations
def analytic(cfg, ids, a_eff, years):
    sc = cfg["scenario"]
    n = len(ids)
    kappa = mean(cfg["dependencies"].get("cyber_coupling", 0))
    decline = mean(sc["defense"]["vulnerability_decline"])
    iot, neural, bot = sc["iot"], sc["neural"], botnet_view(cfg)
    D0 = curve_mean(iot["devices_bn"], 0)
    U0 = curve_mean(neural["users"], 0)
    pop = float(cfg["population"])
    w = np.array([float(s["criticality"]) for s in cfg["sectors"]])
    r = np.array([float(s["population_reliance"]) for s in cfg["sectors"]])
    Y = np.array([float(s["output_usd_bn"]) for s in cfg["sectors"]])
    hw = cfg["human_security"]["weights"]
    ws, wp, wn = (float(hw["services"]), float(hw["personal"]), float(hw["neural"]))
    tot = ws + wp + wn
    ws, wp, wn = ws / tot, wp / tot, wn / tot
    sev_b = mean(bot["severity"]["alpha"]) / (mean(bot["severity"]["alpha"]) + mean(bot["severity"]["beta"]))
    out = []
    for t in years:
        d = np.array([curve_mean(s["digital"], t) for s in cfg["sectors"]])
        D = curve_mean(iot["devices_bn"], t)
        U = curve_mean(neural["users"], t)
        delta = (1 - decline) ** t
        lam = np.array([mean(s["threat"]["attacks_per_year"])
                        * (D / D0 if D0 > 0 else 1.0) ** mean(s["threat"]["iot_elasticity"])
                        * mean(s["threat"]["success_probability"]) * delta for s in cfg["sectors"]])
        es = np.array([mean(s["severity"]["alpha"]) / (mean(s["severity"]["alpha"]) + mean(s["severity"]["beta"]))
                       for s in cfg["sectors"]])
        EM = mean(bot["events_per_bn_devices"]) * D
        hit = np.minimum(1.0, mean(bot["sector_hit_probability"]) * d)
        c_attack = d * lam * es
        c_botnet = d * EM * hit * sev_b
        c = c_attack + c_botnet
        A = a_eff * (1 + kappa * np.outer(d, d))
        q = np.minimum(1.0, np.linalg.solve(np.eye(n) - A, c))
        rho = spectral_radius(A)
        gamma = mean(iot["compromise_rate"]) * delta
        pi = D * 1e9 * mean(iot["personal_share"]) / pop
        personal = -math.expm1(-pi * gamma)
        nu = min(1.0, mean(neural["compromise_probability"]) * (U / U0 if U0 > 0 else 1.0)
                 ** mean(neural["attacker_elasticity"]) * delta) if U > 0 else 0.0
        implants = U * nu
        services = float(r @ q / r.sum())
        neural_harm = min(1.0, nu * mean(neural["harm_severity"]))
        out.append(dict(
            t=t, d=d, D=D, U=U, delta=delta, lam=lam, es=es, c=c, c_attack=c_attack, c_botnet=c_botnet,
            EM=EM, q=q, rho=rho, multiplier=float(q.sum() / c.sum()) if c.sum() > 0 else 0.0,
            national=float(w @ q / w.sum()), loss=float(Y @ q), services=services,
            personal=personal, devices_m=D * 1e3 * mean(iot["personal_share"]) * gamma,
            implants=implants, human=ws * services + wp * personal + wn * neural_harm,
            dims={k: float(sum(float(W.get(ids[i], 0)) * r[i] * q[i] for i in range(n))
                           / sum(float(W.get(ids[i], 0)) * r[i] for i in range(n)))
                  for k, W in (cfg["human_security"].get("dimensions") or {}).items()},
        ))
    return out


def radii(cfg, a_eff, years):
    """Spectral radius at the validation worst case per year, and in the limit d = ceiling upper."""
    kappa_hi = upper(cfg["dependencies"].get("cyber_coupling", 0))
    worst = []
    for t in years:
        d = np.array([curve_upper(s["digital"], t) for s in cfg["sectors"]])
        worst.append(spectral_radius(a_eff * (1 + kappa_hi * np.outer(d, d))))
    d_lim = np.array([upper(s["digital"]["ceiling"]) for s in cfg["sectors"]])
    limit = spectral_radius(a_eff * (1 + kappa_hi * np.outer(d_lim, d_lim)))
    kappa_mean = mean(cfg["dependencies"].get("cyber_coupling", 0))
    limit_default = spectral_radius(a_eff * (1 + kappa_mean * np.outer(d_lim, d_lim)))
    return worst, limit, kappa_hi, limit_default


def anchor_checks(ids, res, worst, limit):
    """The start-year anchors of CALIBRATION.md as (description, passed) pairs, in print order."""
    r0 = res[0]
    lo_loss, hi_loss = (x * GDP_2023_USD_BN for x in LOSS_SHARE_OF_GDP)
    return [
        (f"economic loss {r0['loss']:.1f} bn in {lo_loss:.0f}-{hi_loss:.0f} bn (0.3-1% of GDP 2023)",
         lo_loss <= r0["loss"] <= hi_loss),
    ] + [
        (f"sector {sid} start-year E[q] in 0.1-1%", SECTOR_Q_RANGE[0] <= r0["q"][i] <= SECTOR_Q_RANGE[1])
        for i, sid in enumerate(ids)
    ] + [
        (f"personal_compromise {r0['personal']:.2%} in {PERSONAL_RANGE[0]:.0%}-{PERSONAL_RANGE[1]:.0%}",
         PERSONAL_RANGE[0] <= r0["personal"] <= PERSONAL_RANGE[1]),
        (f"compromised implants {r0['implants']:.2f}/yr <= {NEURAL_MAX_START:g} (zero or a handful)",
         r0["implants"] <= NEURAL_MAX_START),
        (f"spectral radius < 1 in every year at the worst case (max {max(worst):.4f})", max(worst) < 1),
        (f"spectral radius < 1 with d at the ceilings' upper bounds ({limit:.4f})", limit < 1),
    ]


# ---------------------------------------------------------------------------------------------
# Monte Carlo check (numpy; the engine's model, independent random numbers)
def monte_carlo(cfg, ids, a_eff, years, trials, seed):
    rng = np.random.default_rng(seed)
    sc = cfg["scenario"]
    n = len(ids)
    S = cfg["sectors"]
    P = {}
    for i, s in enumerate(S):
        for grp, keys in (("digital", ("initial", "ceiling", "rate")),
                          ("threat", ("attacks_per_year", "success_probability", "iot_elasticity")),
                          ("severity", ("alpha", "beta"))):
            for k in keys:
                P[(i, grp, k)] = draw(s[grp][k], rng, trials)
    iot, neural, bot = sc["iot"], sc["neural"], botnet_view(cfg)
    g = {k: draw(iot["devices_bn"][k], rng, trials) for k in ("initial", "ceiling", "rate")}
    kappa = draw(cfg["dependencies"].get("cyber_coupling", 0), rng, trials)
    decline = draw(sc["defense"]["vulnerability_decline"], rng, trials)
    ev = draw(bot["events_per_bn_devices"], rng, trials)
    h = draw(bot["sector_hit_probability"], rng, trials)
    ba, bb = draw(bot["severity"]["alpha"], rng, trials), draw(bot["severity"]["beta"], rng, trials)
    Y = np.array([float(s["output_usd_bn"]) for s in S])
    w = np.array([float(s["criticality"]) for s in S])
    threshold = float(cfg.get("cascade", {}).get("failure_threshold", 0.3))
    res = []
    for t in years:
        D = growth(t, g["initial"], g["ceiling"], g["rate"])
        ratio = D / g["initial"]
        delta = (1 - decline) ** t
        d = np.stack([growth(t, P[(i, "digital", "initial")], P[(i, "digital", "ceiling")],
                             P[(i, "digital", "rate")]) for i in range(n)], axis=1)
        sums = np.zeros((trials, n))
        for i in range(n):
            lam = (P[(i, "threat", "attacks_per_year")] * ratio ** P[(i, "threat", "iot_elasticity")]
                   * P[(i, "threat", "success_probability")] * delta)
            k = rng.poisson(lam)
            tot = int(k.sum())
            if tot:
                owner = np.repeat(np.arange(trials), k)
                sev = rng.beta(np.repeat(P[(i, "severity", "alpha")], k), np.repeat(P[(i, "severity", "beta")], k))
                sums[:, i] = np.bincount(owner, weights=sev, minlength=trials)
        m = rng.poisson(ev * D)
        tot = int(m.sum())
        if tot:
            owner = np.repeat(np.arange(trials), m)
            hitp = np.minimum(1.0, h[owner, None] * d[owner])
            hits = rng.random((tot, n)) < hitp
            sev = rng.beta(np.repeat(ba, m)[:, None] * np.ones((1, n)), np.repeat(bb, m)[:, None] * np.ones((1, n)))
            for i in range(n):
                sums[:, i] += np.bincount(owner, weights=sev[:, i] * hits[:, i], minlength=trials)
        c = np.minimum(1.0, d * sums)
        A = a_eff[None, :, :] * (1 + kappa[:, None, None] * d[:, :, None] * d[:, None, :])
        q = np.clip(np.linalg.solve(np.eye(n)[None] - A, c[..., None])[..., 0], 0, 1)
        loss = q @ Y
        res.append(dict(t=t, loss_mean=float(loss.mean()), loss_p50=float(np.quantile(loss, 0.5)),
                        loss_p95=float(np.quantile(loss, 0.95)), loss_p99=float(np.quantile(loss, 0.99)),
                        q_mean=q.mean(axis=0), q_p99=np.quantile(q, 0.99, axis=0),
                        national=float((q @ w / w.sum()).mean()),
                        disrupted=float((q >= threshold).sum(axis=1).mean()),
                        p_any_disrupted=float(((q >= threshold).sum(axis=1) > 0).mean()),
                        qmax_p99=float(np.quantile(q.max(axis=1), 0.99)),
                        qmax_p999=float(np.quantile(q.max(axis=1), 0.999))))
    return res


# ---------------------------------------------------------------------------------------------
def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("config", nargs="?", default=os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "configs", "baseline.yaml"))
    p.add_argument("--mc", type=int, default=0, help="also run a Monte Carlo check with this many trials")
    p.add_argument("--seed", type=int, default=2026)
    args = p.parse_args(argv)

    cfg, ids, a, a_eff, source = load(args.config)
    start = int(cfg.get("start_year", 2026))
    H = int(cfg.get("horizon_years", 10))
    years = list(range(H))
    res = analytic(cfg, ids, a_eff, years)
    worst, limit, kappa_hi, limit_default = radii(cfg, a_eff, years)
    n = len(ids)
    lo_loss, hi_loss = (x * GDP_2023_USD_BN for x in LOSS_SHARE_OF_GDP)

    print(f"config: {args.config}  (dependencies: {source}; overlay "
          f"{'on' if (cfg['dependencies'].get('lifeline_overlay') or {}).get('enabled') else 'off'})")
    print(f"spectral radius: economic matrix {spectral_radius(a):.4f}; with lifeline floors "
          f"{spectral_radius(a_eff):.4f}; kappa mean {mean(cfg['dependencies'].get('cyber_coupling', 0)):.3g}, "
          f"upper {kappa_hi:.3g}")
    print()
    r0 = res[0]
    print(f"Start year {start}: expected direct shock and inoperability by sector")
    print(f"{'sector':26} {'d_i':>5} {'lambda':>8} {'E[S]':>9} {'E[c] atk':>9} {'E[c] bot':>9} "
          f"{'E[q]':>8} {'Y bn':>7} {'loss bn':>8}  check 0.1-1%")
    Y = np.array([float(s["output_usd_bn"]) for s in cfg["sectors"]])
    for i, sid in enumerate(ids):
        ok = SECTOR_Q_RANGE[0] <= r0["q"][i] <= SECTOR_Q_RANGE[1]
        print(f"{sid:26} {r0['d'][i]:5.2f} {r0['lam'][i]:8.1f} {r0['es'][i]:9.2e} {r0['c_attack'][i]:9.2e} "
              f"{r0['c_botnet'][i]:9.2e} {r0['q'][i]:8.4%} {Y[i]:7.0f} {Y[i] * r0['q'][i]:8.2f}  "
              f"{'PASS' if ok else 'FAIL'}")
    print(f"{'all':26} {'':5} {r0['lam'].sum():8.1f} {'':9} {r0['c_attack'].sum():9.2e} {r0['c_botnet'].sum():9.2e} "
          f"{'':8} {Y.sum():7.0f} {r0['loss']:8.2f}   cascade multiplier sum(q)/sum(c) = {r0['multiplier']:.3f}")
    print()
    print("Per year (expected values; radius at means / validation worst case):")
    print(f"{'year':>4} {'IoT bn':>7} {'users':>9} {'delta':>6} {'sum lambda':>10} {'E[M]':>6} "
          f"{'national':>9} {'loss bn':>8} {'loss %GDP':>9} {'services':>9} {'personal':>8} "
          f"{'dev m':>7} {'implants':>9} {'human':>8} {'rho':>6} {'rho_max':>7}")
    for k, r in enumerate(res):
        print(f"{start + r['t']:4d} {r['D']:7.2f} {r['U']:9.0f} {r['delta']:6.3f} {r['lam'].sum():10.1f} "
              f"{r['EM']:6.2f} {r['national']:9.5f} {r['loss']:8.1f} {r['loss'] / GDP_2023_USD_BN:9.3%} "
              f"{r['services']:9.5f} {r['personal']:8.4f} {r['devices_m']:7.1f} {r['implants']:9.1f} "
              f"{r['human']:8.5f} {r['rho']:6.4f} {worst[k]:7.4f}")
    print(f"max spectral radius: {max(r['rho'] for r in res):.4f} at the means, {max(worst):.4f} at the "
          f"validation worst case (upper digital parameters, kappa = {kappa_hi:g}), {limit:.4f} with every "
          f"d_i at its ceiling's upper bound ({limit_default:.4f} there with the mean kappa)")
    if r0["dims"]:
        print("start-year human-security dimensions (expected): "
              + ", ".join(f"{k} {v:.5f}" for k, v in r0["dims"].items()))
    print()

    checks = anchor_checks(ids, res, worst, limit)
    print(f"Calibration anchors, start year {start} (CALIBRATION.md):")
    for text, ok in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {text}")
    failed = sum(1 for _, ok in checks if not ok)
    print(f"{len(checks) - failed} passed, {failed} failed")

    if args.mc > 0:
        print()
        print(f"Monte Carlo check ({args.mc} trials, numpy, seed {args.seed}):")
        mc = monte_carlo(cfg, ids, a_eff, years, args.mc, args.seed)
        print(f"{'year':>4} {'loss mean':>9} {'analytic':>9} {'p50':>8} {'p95':>8} {'p99':>8} "
              f"{'E[#disrupted]':>13} {'P(any)':>7} {'max q p99':>9} {'max q p99.9':>11}")
        for m, r in zip(mc, res):
            print(f"{start + m['t']:4d} {m['loss_mean']:9.1f} {r['loss']:9.1f} {m['loss_p50']:8.1f} "
                  f"{m['loss_p95']:8.1f} {m['loss_p99']:8.1f} {m['disrupted']:13.4f} {m['p_any_disrupted']:7.4f} "
                  f"{m['qmax_p99']:9.4f} {m['qmax_p999']:11.4f}")
        m0 = mc[0]
        print("start-year E[q] by sector, Monte Carlo vs analytic (p99):")
        for i, sid in enumerate(ids):
            print(f"  {sid:26} {m0['q_mean'][i]:8.4%} {res[0]['q'][i]:8.4%}   p99 {m0['q_p99'][i]:8.4%}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
