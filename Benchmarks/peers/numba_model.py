#!/usr/bin/env python3
"""The cyberrisk model (docs/model.md) as a Numba-compiled loop over trials: the second peer of
`make bench-peer` (Benchmarks/peers/peer_table.py), beside the vectorised NumPy peer.

    cyberrisk config > resolved.yaml
    python3 Benchmarks/peers/numba_model.py resolved.yaml --trials 20000 --seed 1 --json out.json

Written the way a performance-minded analyst writes it with Numba: the parameters of a chunk of
trials are drawn with NumPy (once per trial, reusing numpy_model.draw_parameters: the same
families and the same config reading), then one `@njit` function loops over trials, years,
sectors, attacks and events, drawing with Numba's own `np.random` (Poisson, Beta, Binomial,
uniform words), and solving the cascade of each trial-year in place with a hand-written Gaussian
elimination with partial pivoting (a 16 x 16 `np.linalg.solve` per trial-year would spend most of
its time allocating and calling LAPACK). It accumulates the sum and the sum of squares of every
metric of docs/model.md per year, as numpy_model.py does, and reports the same JSON.

Timing: the simulation's process time (after parsing the config, after a small warm-up call that
compiles the kernel), so neither the import of Numba nor the JIT compilation counts against it.

Independent of the Swift code like numpy_model.py (written from the equations, with Numba's
random numbers, a Mersenne Twister seeded by `--seed`); agreement with the engine is statistical.
Cascade modes: linear and saturating.
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
           "neural_harm_severity", "events", "hit_probability", "bot_alpha", "bot_beta", "decline", "kappa")
(D0, DK, DR, U0, UK, UR, SHARE, CRATE, NPROB, NELAST, NHARM, EVENTS, HIT, BALPHA, BBETA, DECLINE,
 KAPPA) = range(len(SCALARS))
# Per-sector parameters, trials x N x 8.
SECTORS = ("d_initial", "d_ceiling", "d_rate", "attacks_per_year", "success_probability", "iot_elasticity",
           "sev_alpha", "sev_beta")
CORE = ("national_risk", "human_risk", "economic_loss_usd_bn", "sectors_disrupted", "services_deprivation",
        "personal_compromise", "iot_devices_compromised_m", "neural_implants_compromised", "neural_compromise")
SATURATING_TOLERANCE, SATURATING_ITERATIONS = 1e-12, 1000


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
def simulate(years, a, sec, sc, w, rel, out_y, dims, personal_dim, omega, population, threshold,
             saturating, acc):
    """Simulates every trial of `sec` (trials x N x 8) / `sc` (trials x len(SCALARS)) over `years`;
    adds each metric's sum and sum of squares into acc[metric, year, 0/1]."""
    trials, n = sec.shape[0], sec.shape[1]
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
        for t in range(years):
            tt = float(t)
            delta = (1.0 - p[DECLINE]) ** tt
            dev = logistic(tt, p[D0], p[DK], p[DR])
            ratio = dev / p[D0] if p[D0] > 0 else 1.0
            for i in range(n):
                d[i] = logistic(tt, th[i, 0], th[i, 1], th[i, 2])
                s[i] = 0.0
                lam = th[i, 3] * ratio ** th[i, 5] * th[i, 4] * delta
                if d[i] > 0.0 and lam > 0.0:
                    k = np.random.poisson(lam)
                    for _ in range(k):                      # step 1: one Beta severity per attack
                        s[i] += np.random.beta(th[i, 6], th[i, 7])
            events_mean = p[EVENTS] * dev
            if events_mean > 0.0:
                events = np.random.poisson(events_mean)       # step 2: botnet events
                for _ in range(events):
                    for i in range(n):
                        if np.random.random() < min(1.0, p[HIT] * d[i]):
                            s[i] += np.random.beta(p[BALPHA], p[BBETA])
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


def simulate_chunk(cfg, fixed, trials, years, rng, acc):
    a, W, _, dims, personal = fixed
    P = nm.draw_parameters(cfg, rng, trials)
    sec = np.ascontiguousarray(np.stack([P[k] for k in SECTORS], axis=2))
    sc = np.ascontiguousarray(np.stack([P[k] for k in SCALARS], axis=1))
    simulate(years, a, sec, sc, W["w"], W["r"], W["Y"], dims, personal, np.array(W["omega"]),
             W["population"], W["threshold"], cfg["cascade"]["mode"] == "saturating", acc)


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
