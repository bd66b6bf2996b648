#!/usr/bin/env python3
"""The cyberrisk model (docs/model.md) as a Numba-compiled loop over trials: the second peer of
`make bench-peer` (Benchmarks/peers/peer_table.py), beside the vectorised NumPy peer.

    cyberrisk config > resolved.yaml
    python3 Benchmarks/peers/numba_model.py resolved.yaml --trials 20000 --seed 1 --json out.json

Written the way a performance-minded analyst writes it with Numba: the parameters of a chunk of
trials are drawn with NumPy (once per trial, reusing numpy_model.draw_parameters: the same
families, the same shared uncertainties and the same config reading), packed into arrays, then
one `@njit` function loops over trials, years, sectors, attacks, event classes, events and hits,
drawing with Numba's own `np.random` (Poisson, Beta, normal, exponential, Binomial, uniforms), and
solving the cascade of each trial-year in place with a hand-written Gaussian elimination with
partial pivoting (a 16 x 16 `np.linalg.solve` per trial-year would spend most of its time
allocating and calling LAPACK). It accumulates the sum and the sum of squares of every metric of
docs/model.md per year, as numpy_model.py does, and reports the same JSON.

The model is the whole of numpy_model.py's: attack severities of every family (Beta, lognormal,
generalized Pareto, spliced body + GPD tail, each capped at 1), the systemic event catalogue
(frequency scaling by IoT devices, a hub sector and the climate; footprints with severity scales;
one severity per event or own draws times a lognormal common factor), shared uncertainties, the
AR(1) threat climate, the linear and saturating cascades and every metric. Like the NumPy peer it
computes the aggregate metrics only, not the per-event accounting of the engine's tail outputs.

Timing: the simulation's process time (after parsing the config, after a small warm-up call that
compiles the kernel), so neither the import of Numba nor the JIT compilation counts against it.

Independent of the Swift code like numpy_model.py (written from the equations, with Numba's
random numbers, a Mersenne Twister seeded by `--seed`); agreement with the engine is statistical.
"""
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import numpy_model as nm  # noqa: E402  (config reading, parameter draws, weights)

try:
    from numba import njit
except ImportError:  # pragma: no cover
    sys.exit("numba is needed for the Numba peer (pip install numba)")

# Per-trial scalar parameters, columns of the `scalars` matrix handed to the kernel.
SCALARS = ("D_initial", "D_ceiling", "D_rate", "U_initial", "U_ceiling", "U_rate", "personal_share",
           "compromise_rate", "neural_compromise_probability", "neural_attacker_elasticity",
           "neural_harm_severity", "decline", "kappa", "climate_sigma", "climate_rho")
(D0, DK, DR, U0, UK, UR, SHARE, CRATE, NPROB, NELAST, NHARM, DECLINE, KAPPA, CSIGMA, CRHO) = range(len(SCALARS))
# Per-sector parameters, trials x N x len(SECTORS).
SECTORS = ("d_initial", "d_ceiling", "d_rate", "attacks_per_year", "success_probability", "iot_elasticity")
# Per-class parameters, trials x C x len(CLASS): frequency, its IoT, hub and climate elasticities,
# the common factor's sigma (ignored when the class shares one severity per event).
CLASS = ("frequency", "iot", "hub_elasticity", "climate", "factor")
FREQ, CIOT, HUBEL, CCLIM, FACTOR = range(len(CLASS))
CORE = ("national_risk", "human_risk", "economic_loss_usd_bn", "sectors_disrupted", "services_deprivation",
        "personal_compromise", "iot_devices_compromised_m", "neural_implants_compromised", "neural_compromise")
SATURATING_TOLERANCE, SATURATING_ITERATIONS = 1e-12, 1000

# Severity families; a severity's parameters are a row of SEVERITY_SLOTS values:
#   Beta (alpha, beta); lognormal (median, sigma); GPD (threshold, scale, shape);
#   spliced (threshold, tail_probability, scale, shape, body's first, body's second), body Beta or lognormal.
BETA, LOGNORMAL, GPD, SPLICED = range(4)
FAMILIES = {"beta": BETA, "lognormal": LOGNORMAL, "gpd": GPD, "spliced": SPLICED}
SEVERITY_SLOTS = 6


@njit(cache=True)
def seed_numba(seed):
    np.random.seed(seed)


@njit(cache=True, inline="always")
def logistic(t, x0, k, r):
    """G(t; x0, K, r) of docs/model.md, 0 when x0 = 0, x0 when K <= x0."""
    if x0 <= 0.0:
        return 0.0
    if k <= x0:
        return x0
    return k / (1.0 + (k / x0 - 1.0) * np.exp(-r * t))


@njit(cache=True, inline="always")
def gpd_excess(scale, shape):
    """GPD(scale, shape) by inversion of an Exp(1) draw."""
    e = np.random.exponential()
    if shape > 0.0:
        return scale * np.expm1(shape * e) / shape
    return scale * e


@njit(cache=True, inline="always")
def plain_severity(family, p0, p1, p2):
    """One draw of a Beta, lognormal or GPD severity, capped at 1."""
    if family == BETA:
        return np.random.beta(p0, p1)
    if family == LOGNORMAL:
        return min(1.0, p0 * np.exp(p1 * np.random.standard_normal()))
    return min(1.0, p0 + gpd_excess(p1, p2))


@njit(cache=True)
def severity(family, body, p):
    """One severity of `family` with parameters `p` (SEVERITY_SLOTS values), capped at 1: the
    spliced family takes its GPD tail with the tail probability, else its body redrawn until below
    the threshold."""
    if family != SPLICED:
        return plain_severity(family, p[0], p[1], p[2])
    u = p[0]
    if np.random.random() < p[1]:
        return min(1.0, u + gpd_excess(p[2], p[3]))
    while True:
        x = plain_severity(body, p[4], p[5], 0.0)
        if x < u:
            return x


@njit(cache=True)
def solve_in_place(m, x, n):
    """Solves m z = x by Gaussian elimination with partial pivoting; z overwrites x, m is destroyed."""
    for col in range(n):
        piv = col
        best = abs(m[col, col])
        for r in range(col + 1, n):
            if abs(m[r, col]) > best:
                best = abs(m[r, col])
                piv = r
        if piv != col:
            for j in range(n):
                m[col, j], m[piv, j] = m[piv, j], m[col, j]
            x[col], x[piv] = x[piv], x[col]
        inv = 1.0 / m[col, col]
        for r in range(col + 1, n):
            f = m[r, col] * inv
            if f != 0.0:
                for j in range(col + 1, n):
                    m[r, j] -= f * m[col, j]
                x[r] -= f * x[col]
    for r in range(n - 1, -1, -1):
        s = x[r]
        for j in range(r + 1, n):
            s -= m[r, j] * x[j]
        x[r] = s / m[r, r]


@njit(cache=True)
def simulate(years, a, sec, sev_family, sev_body, sev, sc, cls, cls_family, cls_body, cls_sev, cls_p,
             cls_k, cls_hub, cls_shared, w, rel, out_y, dims, personal_dim, omega, population, threshold,
             saturating, acc):
    """Simulates every trial of the chunk over `years`; adds each metric's sum and sum of squares
    into acc[metric, year, 0/1]. Per trial: `sec` (trials x N x len(SECTORS)), `sev` (trials x N x
    SEVERITY_SLOTS), `sc` (trials x len(SCALARS)), `cls` (trials x C x len(CLASS)), `cls_sev`
    (trials x C x SEVERITY_SLOTS), `cls_p` (trials x C x N footprint probabilities); fixed:
    the families, `cls_k` (C x N severity scales), `cls_hub` (C, -1 for none), `cls_shared` (C)."""
    trials, n = sec.shape[0], sec.shape[1]
    classes = cls.shape[1]
    ws, wp, wn = omega[0], omega[1], omega[2]
    d = np.empty(n)
    s = np.empty(n)
    q = np.empty(n)
    nxt = np.empty(n)
    m = np.empty((n, n))
    v = np.empty(acc.shape[0])
    ncore = 9
    for b in range(trials):
        th = sec[b]
        p = sc[b]
        sigma, rho = p[CSIGMA], p[CRHO]
        x_climate = 0.0
        for t in range(years):
            tt = float(t)
            delta = (1.0 - p[DECLINE]) ** tt
            dev = logistic(tt, p[D0], p[DK], p[DR])
            ratio = dev / p[D0] if p[D0] > 0 else 1.0
            climate = 1.0                                   # the threat climate F(t), AR(1) on the log scale
            if sigma > 0.0:
                z = np.random.standard_normal()
                x_climate = sigma * z if t == 0 else rho * x_climate + sigma * np.sqrt(1.0 - rho * rho) * z
                climate = np.exp(x_climate - 0.5 * sigma * sigma)
            for i in range(n):
                d[i] = logistic(tt, th[i, 0], th[i, 1], th[i, 2])
                s[i] = 0.0
                lam = th[i, 3] * ratio ** th[i, 5] * th[i, 4] * delta * climate
                if d[i] > 0.0 and lam > 0.0:
                    k = np.random.poisson(lam)
                    if sev_family[i] == BETA:               # step 1: one severity per attack
                        alpha, beta = sev[b, i, 0], sev[b, i, 1]
                        for _ in range(k):
                            s[i] += np.random.beta(alpha, beta)
                    else:
                        for _ in range(k):
                            s[i] += severity(sev_family[i], sev_body[i], sev[b, i])
            for e in range(classes):                        # step 2: the systemic event catalogue
                c = cls[b, e]
                mu = c[FREQ] * ratio ** c[CIOT] * climate ** c[CCLIM]
                h = cls_hub[e]
                if h >= 0 and th[h, 0] > 0.0:
                    mu *= (d[h] / th[h, 0]) ** c[HUBEL]
                if mu <= 0.0:
                    continue
                events = np.random.poisson(mu)
                for _ in range(events):
                    x = 0.0
                    factor = 1.0
                    if cls_shared[e]:
                        x = severity(cls_family[e], cls_body[e], cls_sev[b, e])
                    else:
                        f = c[FACTOR]
                        factor = np.exp(f * np.random.standard_normal() - 0.5 * f * f)
                    for i in range(n):
                        if d[i] > 0.0 and np.random.random() < min(1.0, cls_p[b, e, i] * d[i]):
                            if not cls_shared[e]:
                                x = factor * severity(cls_family[e], cls_body[e], cls_sev[b, e])
                            s[i] += min(1.0, cls_k[e, i] * x)
            kappa = p[KAPPA]
            for i in range(n):
                s[i] = min(1.0, d[i] * s[i])                 # step 3: direct shock c
                for j in range(n):
                    m[i, j] = a[i, j] * (1.0 + kappa * d[i] * d[j])   # A(t)
            if saturating:
                for i in range(n):
                    q[i] = s[i]
                for _ in range(SATURATING_ITERATIONS):
                    change = 0.0
                    for i in range(n):
                        x = s[i]
                        for j in range(n):
                            x += m[i, j] * q[j]
                        x = min(1.0, max(0.0, x))
                        nxt[i] = x
                        change = max(change, abs(x - q[i]))
                    for i in range(n):
                        q[i] = nxt[i]
                    if change < SATURATING_TOLERANCE:
                        break
            else:
                for i in range(n):
                    for j in range(n):
                        m[i, j] = -m[i, j]
                    m[i, i] += 1.0
                    q[i] = s[i]
                solve_in_place(m, q, n)                      # (I - A) q = c
                for i in range(n):
                    q[i] = min(1.0, max(0.0, q[i]))
            national = 0.0
            loss = 0.0
            services = 0.0
            disrupted = 0.0
            for i in range(n):
                national += w[i] * q[i]
                loss += out_y[i] * q[i]
                services += rel[i] * q[i]
                if q[i] >= threshold:
                    disrupted += 1.0
            gamma = p[CRATE] * delta
            personal = -np.expm1(-(dev * 1e9 * p[SHARE] / population) * gamma)
            users = logistic(tt, p[U0], p[UK], p[UR])
            count = np.floor(users + 0.5)
            implants = 0.0
            if count > 0:
                nu = min(1.0, p[NPROB] * (users / p[U0]) ** p[NELAST] * delta)
                implants = float(np.random.binomial(np.int64(count), nu))
            share = implants / count if count > 0 else 0.0
            harm = min(1.0, share * p[NHARM])
            v[0] = national
            v[1] = ws * services + wp * personal + wn * harm
            v[2] = loss
            v[3] = disrupted
            v[4] = services
            v[5] = personal
            v[6] = dev * 1e3 * p[SHARE] * gamma
            v[7] = implants
            v[8] = share
            for k in range(dims.shape[0]):
                x = 0.0
                for i in range(n):
                    x += dims[k, i] * q[i]
                if k == personal_dim:
                    x = ws * x + wp * personal + wn * harm
                v[ncore + k] = x
            for k in range(v.shape[0]):
                acc[k, t, 0] += v[k]
                acc[k, t, 1] += v[k] * v[k]


def kernel_inputs(cfg):
    """The fixed arrays of the kernel: the effective matrix and the metric weights."""
    ids = [s["id"] for s in cfg["sectors"]]
    a = nm.effective_matrix(cfg, ids)
    W = nm.weights(cfg)
    names = list(CORE) + ["human_" + name for name, _ in W["dimensions"]]
    dims = np.array([wts for _, wts in W["dimensions"]]).reshape(len(W["dimensions"]), len(ids))
    personal = [name for name, _ in W["dimensions"]].index("personal") if any(
        name == "personal" for name, _ in W["dimensions"]) else -1
    return a, W, names, dims, personal


def pack_severity(drawn, trials):
    """(family, body family, trials x SEVERITY_SLOTS) of a severity drawn by numpy_model.severity_params."""
    family, p = drawn
    out = np.zeros((trials, SEVERITY_SLOTS))
    body = BETA
    if family == "beta":
        columns = (p["alpha"], p["beta"])
    elif family == "lognormal":
        columns = (p["median"], p["sigma"])
    elif family == "gpd":
        columns = (p["threshold"], p["scale"], p["shape"])
    else:
        body_family, q = p["body"]
        body = FAMILIES[body_family]
        first = ("alpha", "beta") if body_family == "beta" else ("median", "sigma")
        columns = (p["threshold"], p["tail_probability"], p["scale"], p["shape"], q[first[0]], q[first[1]])
    for j, x in enumerate(columns):
        out[:, j] = x
    return FAMILIES[family], body, out


def pack(P, trials, n):
    """The per-trial arrays of the kernel from numpy_model.draw_parameters' dict."""
    sec = np.ascontiguousarray(np.stack([P[k] for k in SECTORS], axis=2))
    sc = np.ascontiguousarray(np.stack([P[k] for k in SCALARS], axis=1))
    packed = [pack_severity(x, trials) for x in P["severities"]]
    sev_family = np.array([f for f, _, _ in packed], dtype=np.int64)
    sev_body = np.array([b for _, b, _ in packed], dtype=np.int64)
    sev = np.ascontiguousarray(np.stack([x for _, _, x in packed], axis=1))
    C = P["classes"]
    cls = np.zeros((trials, len(C), len(CLASS)))
    cls_sev = np.zeros((trials, len(C), SEVERITY_SLOTS))
    cls_p = np.zeros((trials, len(C), n))
    cls_k = np.ones((len(C), n))
    cls_family = np.zeros(len(C), dtype=np.int64)
    cls_body = np.zeros(len(C), dtype=np.int64)
    cls_hub = np.full(len(C), -1, dtype=np.int64)
    cls_shared = np.zeros(len(C), dtype=np.bool_)
    for e, c in enumerate(C):
        cls[:, e, FREQ], cls[:, e, CIOT], cls[:, e, CCLIM] = c["frequency"], c["iot"], c["climate"]
        if c["hub"] is not None:
            cls_hub[e], cls[:, e, HUBEL] = c["hub"]
        cls_shared[e] = c["factor"] is None
        if c["factor"] is not None:
            cls[:, e, FACTOR] = c["factor"]
        cls_family[e], cls_body[e], cls_sev[:, e] = pack_severity(c["severity"], trials)
        cls_p[:, e], cls_k[e] = c["p"], c["k"]
    return (sec, sev_family, sev_body, sev, sc, cls, cls_family, cls_body, cls_sev, cls_p, cls_k, cls_hub,
            cls_shared)


def simulate_chunk(cfg, fixed, trials, years, rng, acc):
    a, W, _, dims, personal = fixed
    P = nm.draw_parameters(cfg, rng, trials)
    simulate(years, a, *pack(P, trials, a.shape[0]), W["w"], W["r"], W["Y"], dims, personal,
             np.array(W["omega"]), W["population"], W["threshold"], cfg["cascade"]["mode"] == "saturating", acc)


def run(cfg, trials, seed, chunk=8192):
    """The same result dictionary as numpy_model.run."""
    if cfg["cascade"]["mode"] not in ("linear", "saturating"):
        raise ValueError(f"numba_model.py implements the linear and saturating cascades, not {cfg['cascade']['mode']}")
    years = int(cfg["horizon_years"])
    fixed = kernel_inputs(cfg)
    names = fixed[2]
    # Warm-up: compile the kernel (and load it from the cache) outside the timed part.
    seed_numba(seed + 1)
    simulate_chunk(cfg, fixed, 2, years, np.random.default_rng(seed + 1), np.zeros((len(names), years, 2)))
    rng = np.random.default_rng(seed)
    seed_numba(seed)
    acc = np.zeros((len(names), years, 2))
    start = time.process_time()
    done = 0
    while done < trials:
        size = min(chunk, trials - done)
        simulate_chunk(cfg, fixed, size, years, rng, acc)
        done += size
    cpu = time.process_time() - start
    return nm.summary({name: acc[k] for k, name in enumerate(names)}, trials, years, seed, cpu, int(cfg["start_year"]))


if __name__ == "__main__":
    nm.main(run_model=run, label="numba", doc=__doc__)
